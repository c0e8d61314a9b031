package korto

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// cascadeChecklist is a service-desk visit whose `when` conditions read
// other questions, some through others: the shape in which one wrong
// answer used to bring a string of false errors with it.
func cascadeChecklist() *Checklist {
	c := scChecklist("desk", scLvl(1, nil,
		scQ("has_parking", scUnscored),
		scQ("parking_signs", scWhen(scYes("has_parking"))),
		scQ("parking_lit", scWhen(scYes("has_parking"))),
		scQ("street_parking", scWhen(&Expr{Op: ExprNot, Args: []*Expr{scYes("has_parking")}})),
		scQ("vip", scUnscored),
		scQ("valet", scWhen(&Expr{Op: ExprAnd, Args: []*Expr{scYes("has_parking"), scYes("vip")}})),
		scQ("wait_type", scRef(KindChoice, "waits"), scUnscored),
		scQ("apology", scWhen(&Expr{Op: ExprCmp, Question: "wait_type", Cmp: OpEq, Options: []string{"long"}})),
		scQ("escalated", scWhen(scYes("apology"))),
		scQ("callback", scWhen(&Expr{Op: ExprOr, Args: []*Expr{
			{Op: ExprCmp, Question: "wait_type", Cmp: OpEq, Options: []string{"long"}}, scYes("vip")}})),
	))
	c.Choices = []*Choice{{Name: "waits", Options: []*Option{
		{ID: "short", Label: Text{Text: "Быстро"}, Value: 1},
		{ID: "long", Label: Text{Text: "Долго"}, Value: 0},
	}}}
	return c
}

// TestCheckNoCascade: an answer that is wrong makes the conditions that
// read it unknown, and a question whose condition is unknown is neither
// "missing" nor "switched off"; only the wrong answer is reported. Three-
// valued logic still decides a condition the wrong answer cannot change.
func TestCheckNoCascade(t *testing.T) {
	p := scCompile(t, cascadeChecklist())
	// A valid sheet: parking, no VIP, a short wait.
	valid := []string{"has_parking=yes", "parking_signs=yes", "parking_lit=no", "vip=no", "valet=na", "wait_type=short"}
	sheet := func(edits ...string) *Sheet {
		s := scSheet("desk", valid...)
		for _, e := range edits {
			k, v, _ := strings.Cut(e, "=")
			if v == "-" {
				delete(s.Answers, k)
				continue
			}
			s.Answers[k] = scSheet("desk", e).Answers[k]
		}
		return s
	}
	ae := func(id, code, msg string) *AnswerError {
		return &AnswerError{Question: id, Pointer: "/answers/" + id, Code: code, Message: msg}
	}
	wrongYesNo := func(id, got string) *AnswerError {
		return ae(id, CodeWrongType, `takes "yes" or "no", not "`+got+`"`)
	}
	tests := []struct {
		name  string
		sheet *Sheet
		want  AnswerErrors
	}{
		{"valid", sheet(), nil},
		{"a yes/no answered maybe: its dependents are not reported",
			sheet("has_parking=maybe"),
			AnswerErrors{wrongYesNo("has_parking", "maybe")}},
		{"the question a not-condition reads is wrong: street parking is not missing",
			sheet("has_parking=maybe", "parking_signs=-", "parking_lit=-"),
			AnswerErrors{wrongYesNo("has_parking", "maybe")}},
		{"a dependent's own wrong answer is still reported",
			sheet("has_parking=maybe", "parking_signs=perhaps"),
			AnswerErrors{wrongYesNo("has_parking", "maybe"), wrongYesNo("parking_signs", "perhaps")}},
		{"and: false whatever the unknown side",
			sheet("has_parking=maybe", "valet=yes"),
			AnswerErrors{wrongYesNo("has_parking", "maybe"),
				ae("valet", CodeWhenFalse, `answered "yes", but it is switched off (when has_parking and vip): leave it out or answer "na"`)}},
		{"a choice answered with a label: apology and what depends on it are not reported",
			sheet("wait_type=Долго", "apology=no", "escalated=yes"),
			AnswerErrors{ae("wait_type", CodeUnknownOption, `unknown option "Долго" of choice "waits" (options: short, long)`)}},
		{"or: true whatever the unknown side, so a missing answer is still missing",
			sheet("wait_type=Долго", "vip=yes", "valet=-"),
			AnswerErrors{
				ae("valet", CodeMissingAnswer, noAnswerMsg),
				ae("wait_type", CodeUnknownOption, `unknown option "Долго" of choice "waits" (options: short, long)`),
				ae("callback", CodeMissingAnswer, noAnswerMsg)}},
		{"when-false names the condition as the checklist writes it",
			sheet("apology=no"),
			AnswerErrors{ae("apology", CodeWhenFalse, `answered "no", but it is switched off (when wait_type == long): leave it out or answer "na"`)}},
		{"an answer to a switched-off question is the one error, not also its dependents'",
			sheet("apology=yes", "escalated=yes"),
			AnswerErrors{ae("apology", CodeWhenFalse, `answered "yes", but it is switched off (when wait_type == long): leave it out or answer "na"`)}},
		{"a long wait switches the apology on",
			sheet("wait_type=long", "apology=yes", "escalated=no", "callback=yes"), nil},
		{"a long wait without the apology: missing",
			sheet("wait_type=long", "callback=yes"),
			AnswerErrors{ae("apology", CodeMissingAnswer, noAnswerMsg)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := p.Check(tt.sheet)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Check (-want +got):\n%s", diff)
			}
			// Bind reports the same, and binds only a valid sheet.
			b, err := p.Bind(tt.sheet)
			if diff := cmp.Diff(tt.want, AsAnswerErrors(err)); diff != "" {
				t.Errorf("Bind (-want +got):\n%s", diff)
			}
			if (b != nil) != (tt.want == nil) {
				t.Errorf("Bind returned bound %v with %d errors", b != nil, len(tt.want))
			}
		})
	}
}
