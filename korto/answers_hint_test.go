package korto

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// noAnswerMsg is the message of a required question left unanswered.
const noAnswerMsg = "no answer: answer it, or mark the question optional in the checklist"

// TestAnswerSheetMessagesSayHow checks that the answer-sheet problems
// that used to say only what was wrong now also say how to fix it.
func TestAnswerSheetMessagesSayHow(t *testing.T) {
	p := scCompile(t, specMall())
	tests := []struct {
		name     string
		old, new string // an edit of the spec's sheet
		want     []string
	}{
		{"a required question left out", `"entrance": "yes", `, ``,
			[]string{`/answers/entrance: question "entrance": ` + noAnswerMsg}},
		{"a question with na left out", `, "floors": "na"`, ``,
			[]string{`/answers/floors: question "floors": no answer: answer it (or "na" if it does not apply), or mark the question optional in the checklist`}},
		{"na where the question has none", `"entrance": "yes"`, `"entrance": "na"`,
			[]string{"/answers/entrance: question \"entrance\": \"na\" is not allowed: the question has no `na`; answer it, or add na to the question in the checklist"}},
		{"an answer to no question, nothing like it", `"speed": 4`, `"speed": 4, "xyzzy": 1`,
			[]string{`/answers/xyzzy: question "xyzzy": checklist "mall_basic" has no such question; remove the answer, or correct its key`}},
		{"an unknown key, nothing like it", `"version": "2026.1"`, `"version": "2026.1", "zzz": 1`,
			[]string{`/zzz: unknown key "zzz": a sheet holds only "checklist", "version", "audit", "answers" and "$schema"`}},
		{"another checklist", `"checklist": "mall_basic"`, `"checklist": "cafe"`,
			[]string{`/checklist: the sheet answers checklist "cafe", not "mall_basic": score it with its own checklist, or correct its "checklist"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := editedSheetErrors(t, p, tt.old, tt.new)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got)\n%s", diff)
			}
		})
	}
}
