package korto

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// FuzzCompile changes valid checklists in the ways a Go or JSON author
// can (NaN and infinite numbers, nil nodes, dangling references, repeated
// IDs and numbers, conditions on later questions, ...) and checks that
// Compile trusts Validate safely: it never panics, every error it returns
// is Validate's own list (laying out never meets a checklist Validate
// passed and it cannot lay out), and a plan it returns scores sheets,
// also after the checklist is changed again behind the plan's back.
func FuzzCompile(f *testing.F) {
	f.Add(uint8(0), []byte{})
	f.Add(uint8(0), []byte{0, 3, 0, 5})
	f.Add(uint8(1), []byte{5, 7, 2, 1, 9, 0})
	f.Add(uint8(2), []byte{13, 1, 4, 2})
	f.Add(uint8(0), []byte{6, 9, 11, 2, 17, 4})
	f.Add(uint8(1), []byte{1, 200, 3, 9, 14, 3, 18, 1})
	f.Fuzz(func(t *testing.T, seed uint8, ops []byte) {
		var c *Checklist
		switch seed % 3 {
		case 0:
			c = specMall()
		case 1:
			c = genChecklist(30)
		default:
			c = promiseChecklist()
		}
		if err := c.Validate().Err(); err != nil {
			t.Fatalf("seed checklist %d is not valid: %v", seed%3, err)
		}
		sheets := []*Sheet{genSheet(c, rand.New(rand.NewPCG(uint64(seed), 1))), genBestSheet(c)}
		half := len(ops) / 2 &^ 1
		for i := 0; i+1 < half; i += 2 {
			mutateChecklist(c, ops[i], ops[i+1])
		}
		p, err := Compile(c)
		if err != nil {
			if got, want := err.Error(), c.Validate().Err(); want == nil || got != want.Error() {
				t.Fatalf("Compile's error is not Validate's:\n got %v\nwant %v", got, want)
			}
			return
		}
		for _, s := range sheets {
			p.Score(s)
		}
		for i := half; i+1 < len(ops); i += 2 {
			mutateChecklist(c, ops[i], ops[i+1])
		}
		for _, s := range sheets {
			p.Score(s)
		}
	})
}

// fuzzNumbers are the numbers a mutation writes: valid ones, edges, and
// what only Go and JSON can give.
var fuzzNumbers = [...]float64{0, 1, 0.5, -1, 2, 5, 10, 1e308, math.NaN(), math.Inf(1), math.Inf(-1), 0.85, 100, 1.5}

// mutateChecklist changes c in the way op names, on the node arg picks.
func mutateChecklist(c *Checklist, op, arg byte) {
	var qs []*Question
	for q := range checklistQuestions(c) {
		qs = append(qs, q)
	}
	var secs []*Section
	var levels []*Level
	for _, l := range c.Levels {
		if l != nil {
			levels = append(levels, l)
			walkSections(l.Items, func(s *Section) { secs = append(secs, s) })
		}
	}
	num := fuzzNumbers[int(arg)%len(fuzzNumbers)]
	pick := func(n int) int { return int(arg) / 3 % n }
	var q *Question
	if len(qs) > 0 {
		q = qs[int(arg)%len(qs)]
	}
	id := func() string {
		if len(qs) == 0 || arg%5 == 0 {
			return [...]string{"", "nope", "bad id", "stars", "clean"}[pick(5)]
		}
		return qs[pick(len(qs))].ID
	}
	switch op % 20 {
	case 0:
		if q != nil {
			q.Weight = new(num)
		}
	case 1:
		if q != nil {
			q.Kind.Type = [...]KindType{"", KindYesNo, KindScale, KindChoice, KindMeasure, KindNPS, KindEmotion, KindCES, KindCSAT, KindCSI, KindText, "bogus"}[pick(12)]
		}
	case 2:
		if q != nil {
			q.Kind.Ref = [...]string{"", "stars", "lifts", "nope"}[pick(4)]
		}
	case 3:
		if q != nil {
			if arg%2 == 0 {
				q.Kind.Lo = num
			} else {
				q.Kind.Hi = num
			}
		}
	case 4:
		if q != nil {
			q.ID = id()
		}
	case 5:
		if q != nil {
			q.When = fuzzExpr(arg, id)
		}
	case 6:
		if len(levels) > 0 {
			levels[int(arg)%len(levels)].Number = int(arg%8) - 1
		}
	case 7:
		if len(levels) > 0 {
			levels[int(arg)%len(levels)].Pass = new(num)
		}
	case 8:
		if len(levels) > 0 {
			levels[int(arg)%len(levels)].Weight = new(num)
		}
	case 9:
		for _, ch := range c.Choices {
			if ch != nil && len(ch.Options) > 0 {
				k := int(arg) % len(ch.Options)
				switch arg % 3 {
				case 0:
					ch.Options[k] = nil
				case 1:
					if ch.Options[k] != nil {
						ch.Options[k].Value = num
					}
				default:
					ch.Options = append(ch.Options, ch.Options[k])
				}
			}
		}
	case 10:
		for _, s := range c.Scales {
			if s != nil {
				if arg%2 == 0 {
					s.Lo = num
				} else {
					s.Hi = num
				}
			}
		}
	case 11:
		c.Model = [...]Model{"", ModelKORTO, ModelKotler, "bogus"}[pick(4)]
	case 12:
		if len(c.Levels) > 0 {
			c.Levels[int(arg)%len(c.Levels)] = nil
		}
	case 13:
		if q != nil {
			q.Promise = &Promise{Of: id(), DueDays: int(arg) - 100}
		}
	case 14:
		if arg%4 == 0 {
			c.Bands = append(c.Bands, nil)
		} else {
			c.Bands = append(c.Bands, &Band{From: num, Name: Text{Text: id()}})
		}
	case 15:
		if c.Survey != nil && len(c.Survey.Questions) > 0 {
			c.Survey.Questions[int(arg)%len(c.Survey.Questions)] = nil
		}
	case 16:
		c.Knockout = [...]Knockout{"", KnockoutLevel, KnockoutAudit, "bogus"}[pick(4)]
	case 17:
		// A survey question moved into a level, or a level's question
		// listed in the survey as well.
		if q != nil && len(levels) > 0 {
			if c.Survey == nil {
				c.Survey = &Survey{}
			}
			if arg%2 == 0 {
				c.Survey.Questions = append(c.Survey.Questions, q)
			} else {
				l := levels[pick(len(levels))]
				l.Items = append(l.Items, Item{Question: q})
			}
		}
	case 18:
		switch arg % 3 {
		case 0:
			c.Choices = nil
		case 1:
			c.Scales = nil
		default:
			c.Choices = append(c.Choices, nil)
		}
	case 19:
		if len(secs) > 0 {
			s := secs[int(arg)%len(secs)]
			switch arg % 3 {
			case 0:
				s.Weight = new(num)
			case 1:
				s.Items = append(s.Items, Item{}, Item{Section: &Section{ID: id()}, Question: q})
			default:
				s.ID = id()
			}
		}
	}
}

// fuzzExpr builds a condition, well formed or not, on the questions id
// names.
func fuzzExpr(arg byte, id func() string) *Expr {
	leaf := func() *Expr {
		switch arg % 5 {
		case 0:
			return &Expr{Op: ExprYes, Question: id()}
		case 1:
			return &Expr{Op: ExprCmp, Question: id(), Cmp: OpGe, Number: new(fuzzNumbers[int(arg)%len(fuzzNumbers)])}
		case 2:
			return &Expr{Op: ExprCmp, Question: id(), Cmp: [...]CmpOp{OpEq, OpNe, OpLt}[arg%3], Options: []string{strings.ToLower(id())}}
		case 3:
			return &Expr{Op: ExprIn, Question: id(), Options: []string{"yes", "all", "positive", "nope"}[:1+int(arg)%4]}
		}
		return &Expr{Op: "bogus", Question: id()}
	}
	switch arg / 5 % 5 {
	case 0:
		return leaf()
	case 1:
		return &Expr{Op: ExprAnd, Args: []*Expr{leaf(), nil}}
	case 2:
		return &Expr{Op: ExprOr}
	case 3:
		return &Expr{Op: ExprNot, Args: []*Expr{leaf(), leaf()}}
	}
	return &Expr{Op: ExprNot, Args: []*Expr{{Op: ExprOr, Args: []*Expr{leaf(), leaf()}}}}
}
