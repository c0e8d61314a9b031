package forms_test

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/cxkit/cxkit/korto"
)

// visibilitySheets is how many sheets a fixture holds per checklist.
const visibilitySheets = 60

// visibilitySheet is one generated sheet of a fixture and the questions
// korto asks on it: those without `when`, and those whose `when` holds.
type visibilitySheet struct {
	Answers map[string]korto.Answer `json:"answers"`
	Shown   []string                `json:"shown"`
}

// TestVisibilityFixtures writes, for every example checklist, sheets
// filled the way a form fills them (in order, a question answered only
// while shown) with the questions korto asks on each. The engine tests
// in examples/formui (engines.mjs) check that JSON Forms' isVisible and
// SurveyJS's Model show exactly those questions; korto, the reader that
// scores the sheets, is the judge of `when`.
func TestVisibilityFixtures(t *testing.T) {
	for name, c := range exampleChecklists(t) {
		plan, err := korto.Compile(c)
		if err != nil {
			t.Fatal(err)
		}
		rnd := rand.New(rand.NewPCG(1, uint64(len(name))))
		var sheets []visibilitySheet
		for range visibilitySheets {
			sheets = append(sheets, visibilityFill(t, plan, rnd))
		}
		goldenFile(t, "visibility/"+name+".json", indented(t, map[string]any{"checklist": c.ID, "sheets": sheets}))
	}
}

// visibilityFill fills a sheet in form order and returns it with the
// questions shown on it.
func visibilityFill(t *testing.T, plan *korto.Plan, rnd *rand.Rand) visibilitySheet {
	c := plan.Checklist()
	s := visibilitySheet{Answers: map[string]korto.Answer{}}
	for q := range c.Questions() {
		if !asked(plan, s.Answers, q) {
			continue
		}
		s.Shown = append(s.Shown, q.ID)
		if rnd.IntN(6) == 0 {
			continue // left unanswered
		}
		if q.NA && rnd.IntN(5) == 0 {
			s.Answers[q.ID] = korto.NA
			continue
		}
		s.Answers[q.ID] = randomAnswer(t, c, q, rnd)
	}
	slices.Sort(s.Shown)
	return s
}

// asked reports whether korto asks q on a sheet with these answers: an
// answer to it is not refused as switched off by `when`.
func asked(plan *korto.Plan, answers map[string]korto.Answer, q *korto.Question) bool {
	if q.When == nil {
		return true
	}
	probe := map[string]korto.Answer{q.ID: korto.Str("probe")}
	for k, v := range answers {
		probe[k] = v
	}
	for _, e := range plan.Check(&korto.Sheet{Checklist: plan.Checklist().ID, Answers: probe}) {
		if e.Question == q.ID && e.Code == korto.CodeWhenFalse {
			return false
		}
	}
	return true
}

func randomAnswer(t *testing.T, c *korto.Checklist, q *korto.Question, rnd *rand.Rand) korto.Answer {
	pick := func(ss ...string) korto.Answer { return korto.Str(ss[rnd.IntN(len(ss))]) }
	switch k := q.Kind; k.EffectiveType() {
	case korto.KindYesNo:
		return pick("yes", "no")
	case korto.KindEmotion:
		return pick("positive", "neutral", "negative")
	case korto.KindChoice:
		var ids []string
		for _, o := range c.Choice(k.Ref).Options {
			ids = append(ids, o.ID)
		}
		return pick(ids...)
	case korto.KindText:
		return korto.Str("text")
	case korto.KindMeasure:
		return korto.Num(float64(rnd.IntN(int(2*k.Target+3))) / 2)
	}
	lo, hi, ok := c.Points(q.Kind)
	if !ok {
		t.Fatalf("question %q: no points", q.ID)
	}
	return korto.Num(lo + float64(rnd.IntN(int(hi-lo)+1)))
}
