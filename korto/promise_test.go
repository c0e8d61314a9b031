package korto

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cxkit/cxkit/diag"
)

// promiseChecklist: offered (yes/no), kept (its outcome, due 7 days).
func promiseChecklist() *Checklist {
	return &Checklist{ID: "lux", Levels: []*Level{{Number: 1, Items: []Item{
		{Question: &Question{ID: "offered"}},
		{Question: &Question{ID: "kept", Optional: true, Promise: &Promise{Of: "offered", DueDays: 7}}},
	}}}}
}

func promiseSheet(id, date string, answers ...string) *Sheet {
	s := &Sheet{Checklist: "lux", Audit: map[string]string{"id": id, "date": date}, Answers: map[string]Answer{}}
	for i := 0; i+1 < len(answers); i += 2 {
		s.Answers[answers[i]] = Answer{Type: AnswerString, String: answers[i+1]}
	}
	return s
}

func TestPromises(t *testing.T) {
	p := scCompile(t, promiseChecklist())
	tests := []struct {
		name  string
		sheet *Sheet
		want  []PromiseResult
	}{
		{"no promise made", promiseSheet("a", "2026-11-20", "offered", "no"), nil},
		{"open", promiseSheet("a", "2026-11-28", "offered", "yes"),
			[]PromiseResult{{Question: "kept", Promise: "offered", Status: PromiseOpen, Due: "2026-12-05"}}},
		{"kept", promiseSheet("a", "2026-11-20", "offered", "yes", "kept", "yes"),
			[]PromiseResult{{Question: "kept", Promise: "offered", Status: PromiseKept, Due: "2026-11-27"}}},
		{"broken, no date", promiseSheet("a", "", "offered", "yes", "kept", "no"),
			[]PromiseResult{{Question: "kept", Promise: "offered", Status: PromiseBroken}}},
	}
	for _, tt := range tests {
		if d := cmp.Diff(tt.want, p.Promises(tt.sheet)); d != "" {
			t.Errorf("%s (-want +got):\n%s", tt.name, d)
		}
	}
	// The outcome of a promise not made is answered against its condition.
	if _, err := p.Score(promiseSheet("a", "2026-11-20", "offered", "no", "kept", "yes")); err == nil {
		t.Error("an outcome of a promise not made scored without an error")
	}
}

func TestMergeFollowUp(t *testing.T) {
	c := promiseChecklist()
	tests := []struct {
		name   string
		visit  *Sheet
		follow *Sheet
		code   string // "" for a merge
		want   string // the visit's outcome after
	}{
		{"fills the open outcome", promiseSheet("a", "2026-11-20", "offered", "yes"), promiseSheet("a", "2026-11-27", "kept", "yes"), "", "yes"},
		{"the same answer again", promiseSheet("a", "2026-11-20", "offered", "yes", "kept", "no"), promiseSheet("a", "", "kept", "no"), "", "no"},
		{"a conflict", promiseSheet("a", "2026-11-20", "offered", "yes", "kept", "no"), promiseSheet("a", "", "kept", "yes"), diag.CodeFollowUpConflict, "no"},
		{"not only outcomes", promiseSheet("a", "2026-11-20", "offered", "yes"), promiseSheet("a", "", "kept", "yes", "offered", "yes"), diag.CodeUnknownQuestion, ""},
		{"another audit", promiseSheet("a", "2026-11-20", "offered", "yes"), promiseSheet("b", "", "kept", "yes"), diag.CodeWrongChecklist, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := c.MergeFollowUp(tt.visit, tt.follow)
			if tt.code == "" {
				if err != nil {
					t.Fatal(err)
				}
			} else {
				aes := AsAnswerErrors(err)
				if len(aes) == 0 || aes[0].Code != tt.code {
					t.Fatalf("err %v, want code %s", err, tt.code)
				}
				if tt.code == diag.CodeFollowUpConflict && aes[0].Pointer != "/answers/kept" {
					t.Errorf("conflict at %q, want /answers/kept", aes[0].Pointer)
				}
			}
			if got := tt.visit.Answers["kept"].String; got != tt.want {
				t.Errorf("outcome %q after, want %q", got, tt.want)
			}
		})
	}
	if !c.IsFollowUp(promiseSheet("a", "", "kept", "yes")) || c.IsFollowUp(promiseSheet("a", "", "offered", "yes")) || c.IsFollowUp(promiseSheet("a", "")) {
		t.Error("IsFollowUp: a sheet of outcomes alone is a follow-up, nothing else is")
	}
}

func TestValidatePromise(t *testing.T) {
	tests := []struct {
		name string
		edit func(c *Checklist)
		want []string // codes
	}{
		{"valid", func(c *Checklist) {}, nil},
		{"unknown promise", func(c *Checklist) { c.Levels[0].Items[1].Question.Promise.Of = "offerd" }, []string{diag.CodePromiseRef}},
		{"not optional", func(c *Checklist) { c.Levels[0].Items[1].Question.Optional = false }, []string{diag.CodePromiseOptional}},
		{"promise not yes/no", func(c *Checklist) { c.Levels[0].Items[0].Question.Kind = Kind{Type: KindScale, Lo: 1, Hi: 5} }, []string{diag.CodePromiseKind}},
		{"due out of range", func(c *Checklist) { c.Levels[0].Items[1].Question.Promise.DueDays = 0 }, []string{diag.CodeBadPromise}},
		{"two outcomes", func(c *Checklist) {
			c.Levels[0].Items = append(c.Levels[0].Items, Item{Question: &Question{ID: "kept2", Optional: true, Promise: &Promise{Of: "offered", DueDays: 3}}})
		}, []string{diag.CodeDuplicatePromise}},
		{"a later question", func(c *Checklist) {
			c.Levels[0].Items[0], c.Levels[0].Items[1] = c.Levels[0].Items[1], c.Levels[0].Items[0]
		}, []string{diag.CodePromiseRef}},
	}
	for _, tt := range tests {
		c := promiseChecklist()
		tt.edit(c)
		var got []string
		for _, d := range c.Validate() {
			if d.Severity == SeverityError {
				got = append(got, d.Code)
			}
		}
		if d := cmp.Diff(tt.want, got); d != "" {
			t.Errorf("%s (-want +got):\n%s", tt.name, d)
		}
	}
}
