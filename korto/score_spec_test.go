package korto

import (
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Every comparison a `measure ... target OP x` may use, at, below and
// above its target: the value is 1 exactly when "answer OP x" holds
// (scoring spec, "The value of one answered question"), and a value of 0
// is a failure.
func TestMeasureTargetEveryOp(t *testing.T) {
	ops := []CmpOp{OpLt, OpLe, OpGt, OpGe, OpEq}
	// want[op] holds the values for answers 4, 5 and 6 against target 5.
	want := map[CmpOp][3]float64{
		OpLt: {1, 0, 0},
		OpLe: {1, 1, 0},
		OpGt: {0, 0, 1},
		OpGe: {0, 1, 1},
		OpEq: {0, 1, 0},
	}
	var items []Item
	for _, op := range ops {
		items = append(items, scQ("m"+opName(op), scKind(Kind{Type: KindMeasure, Unit: "мин", Op: op, Target: 5})))
	}
	p := scCompile(t, scChecklist("t", scLvl(1, nil, items...)))
	for k, answer := range []string{"4", "5", "6"} {
		var pairs []string
		for _, op := range ops {
			pairs = append(pairs, "m"+opName(op)+"="+answer)
		}
		r, err := p.Score(scSheet("t", pairs...))
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]float64{}
		failed := map[string]bool{}
		for _, q := range r.Levels[0].Questions {
			got[q.ID] = *q.Value
			failed[q.ID] = q.Failed
		}
		for _, op := range ops {
			id := "m" + opName(op)
			if got[id] != want[op][k] || failed[id] != (want[op][k] == 0) {
				t.Errorf("answer %s, target %s 5: value %v (failed %v), want %v", answer, op, got[id], failed[id], want[op][k])
			}
		}
	}
}

func opName(op CmpOp) string {
	return map[CmpOp]string{OpLt: "lt", OpLe: "le", OpGt: "gt", OpGe: "ge", OpEq: "eq"}[op]
}

// One audit worked through every roll-up rule of the scoring spec at
// once, by hand:
//
//	level 1 (pass 50%, weight 2)
//	  section s1 (weight 3)
//	    q1  yes, weight 2, critical       1
//	    q2  4 on scale 1..5               (4-1)/(5-1) = 0.75
//	    section inner (weight 0.5)
//	      q3 choice b = 0.25              0.25
//	      q4 5, target < 5                0 (fails, not critical)
//	      inner = (0.25 + 0) / 2 = 0.125
//	    z0  no, weight 0, critical        0: reported, in neither sum,
//	                                      but fails level 1
//	    s1 = (2*1 + 1*0.75 + 0.5*0.125) / 3.5 = 2.8125/3.5
//	  direct 7 on 0..10, weight 4         0.7
//	  level 1 = (3*s1 + 4*0.7) / 7        fails: z0 failed
//	level 2: q5 "na", q6 3 == 3 -> 1      level 2 = 1, passes, gated
//	level 3 absent
//	level 4: q7 yes                       1, passes, gated
//	raw = (2*L1 + 1 + 1) / 4; knockout audit: score 0, reached 0.
func TestScoreSpecWorkedAudit(t *testing.T) {
	c := scChecklist("t",
		scLvl(1, new(0.5),
			scSec("s1", new(float64(3)),
				scQ("q1", scW(2), scCritical),
				scQ("q2", scKind(Kind{Type: KindScale, Lo: 1, Hi: 5})),
				scSec("inner", new(0.5),
					scQ("q3", scRef(KindChoice, "c")),
					scQ("q4", scKind(Kind{Type: KindMeasure, Op: OpLt, Target: 5}))),
				scQ("z0", scW(0), scCritical)),
			scQ("direct", scKind(Kind{Type: KindScale, Lo: 0, Hi: 10}), scW(4))),
		scLvl(2, nil, scSec("s2", nil,
			scQ("q5", scNA),
			scQ("q6", scKind(Kind{Type: KindMeasure, Op: OpEq, Target: 3})))),
		scLvl(4, nil, scQ("q7")))
	c.Levels[0].Weight = new(float64(2))
	c.Knockout = KnockoutAudit
	c.Choices = []*Choice{{Name: "c", Options: []*Option{{ID: "a", Value: 1}, {ID: "b", Value: 0.25}, {ID: "z", Value: 0}}}}
	p := scCompile(t, c)
	r, err := p.Score(scSheet("t", "q1=yes", "q2=4", "q3=b", "q4=5", "z0=no", "direct=7", "q5=na", "q6=3", "q7=yes"))
	if err != nil {
		t.Fatal(err)
	}
	s1 := 2.8125 / 3.5
	l1 := (3*s1 + 4*0.7) / 7
	raw := (2*l1 + 1 + 1) / 4
	type level struct {
		N              int
		Score          float64
		Passed, Gated  bool
		CriticalFailed []string
	}
	var levels []level
	for _, l := range r.Levels {
		levels = append(levels, level{l.Level, *l.Score, l.Passed, l.Gated, l.CriticalFailed})
	}
	want := []level{
		{1, l1, false, false, []string{"z0"}},
		{2, 1, true, true, []string{}},
		{4, 1, true, true, []string{}},
	}
	approx := cmp.Comparer(func(x, y float64) bool { return math.Abs(x-y) <= 1e-12 })
	if d := cmp.Diff(want, levels, approx); d != "" {
		t.Errorf("levels (-want +got):\n%s", d)
	}
	if *r.Score != 0 || !r.KnockedOut || math.Abs(*r.RawScore-raw) > 1e-12 || r.Reached != 0 || r.ReachedName.Text != "ниже основы" {
		t.Errorf("score %v, knocked out %v, raw %v (want %v), reached %d %q", *r.Score, r.KnockedOut, *r.RawScore, raw, r.Reached, r.ReachedName.Text)
	}
	sec := r.Levels[0].Sections[0]
	if math.Abs(*sec.Score-s1) > 1e-12 || *sec.Sections[0].Score != 0.125 {
		t.Errorf("s1 = %v (want %v), inner = %v (want 0.125)", *sec.Score, s1, *sec.Sections[0].Score)
	}
	if q5 := r.Levels[1].Sections[0].Questions[0]; q5.Applicable || q5.Value != nil {
		t.Errorf("q5 answered na: applicable %v, value %v", q5.Applicable, q5.Value)
	}
}
