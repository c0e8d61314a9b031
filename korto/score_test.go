package korto

import (
	"encoding/json"
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// scSummary is the part of a Result the rule tests compare: every number
// that the scoring spec defines, flattened.
type scSummary struct {
	Score      *float64
	Raw        *float64
	KnockedOut bool
	Reached    int
	Name, En   string
	Levels     []scLevel
	Sections   map[string]*float64 // every section, however deep
	Values     map[string]*float64 // every question's value (nil: not applicable)
	Critical   []string
}

type scLevel struct {
	N              int
	Score          *float64
	Passed, Gated  bool
	CriticalFailed []string
}

func scSummarize(r Result) scSummary {
	s := scSummary{Score: r.Score, Raw: r.RawScore, KnockedOut: r.KnockedOut, Reached: r.Reached,
		Name: r.ReachedName.Text, En: r.ReachedName.In("en"), Sections: map[string]*float64{}, Values: map[string]*float64{},
		Critical: r.CriticalFailed}
	var walk func([]SectionResult, []QuestionResult)
	walk = func(ss []SectionResult, qs []QuestionResult) {
		for _, q := range qs {
			s.Values[q.ID] = q.Value
		}
		for _, sr := range ss {
			s.Sections[sr.ID] = sr.Score
			walk(sr.Sections, sr.Questions)
		}
	}
	for _, l := range r.Levels {
		s.Levels = append(s.Levels, scLevel{N: l.Level, Score: l.Score, Passed: l.Passed, Gated: l.Gated, CriticalFailed: l.CriticalFailed})
		walk(l.Sections, l.Questions)
	}
	return s
}

var scApprox = cmp.Options{cmpopts.EquateApprox(0, 1e-9), cmpopts.EquateEmpty()}

func scF(x float64) *float64 { return &x }

// TestScoreRules checks each rule of the scoring spec on a checklist
// small enough to work out by hand; the comments show the arithmetic.
func TestScoreRules(t *testing.T) {
	stars := &Scale{Name: "stars", Lo: 1, Hi: 5}
	lifts := &Choice{Name: "lifts", Options: []*Option{
		{ID: "all", Value: 1}, {ID: "most", Value: 0.5}, {ID: "few", Value: 0.25, Fail: true}, {ID: "none", Value: 0},
	}}
	tests := []struct {
		name  string
		c     *Checklist
		sheet *Sheet
		want  scSummary
	}{
		{
			name: "question weights",
			// (3*1 + 1*0) / (3+1) = 0.75
			c:     scChecklist("t", scLvl(1, nil, scQ("a", scW(3)), scQ("b"))),
			sheet: scSheet("t", "a=yes", "b=no"),
			want: scSummary{Score: scF(0.75), Reached: 0, Name: "ниже основы", En: "below foundation",
				Levels: []scLevel{{N: 1, Score: scF(0.75)}}, Values: map[string]*float64{"a": scF(1), "b": scF(0)}},
		},
		{
			name: "nested sections roll up by section weight",
			// inner = (1+0)/2 = 0.5; outer = (2*0.5 + 1*1)/3 = 2/3;
			// level = (1*2/3 + 1*0)/2 = 1/3
			c: scChecklist("t", scLvl(1, nil,
				scSec("outer", nil,
					scSec("inner", scW2(2), scQ("a"), scQ("b")),
					scQ("c")),
				scQ("d"))),
			sheet: scSheet("t", "a=yes", "b=no", "c=yes", "d=no"),
			want: scSummary{Score: scF(1.0 / 3), Levels: []scLevel{{N: 1, Score: scF(1.0 / 3)}},
				Sections: map[string]*float64{"outer": scF(2.0 / 3), "inner": scF(0.5)},
				Values:   map[string]*float64{"a": scF(1), "b": scF(0), "c": scF(1), "d": scF(0)}, Name: "ниже основы", En: "below foundation"},
		},
		{
			name: "weight 0 is reported but counts in neither sum",
			// z (weight 0) answered no: level = 1*1/1 = 1; section s has
			// weight 0: scored 0 on its own, left out of the level.
			c: scChecklist("t", scLvl(1, nil,
				scQ("a"), scQ("z", scW(0)),
				scSec("s", scW2(0), scQ("b")))),
			sheet: scSheet("t", "a=yes", "z=no", "b=no"),
			want: scSummary{Score: scF(1), Reached: 1, Name: "Основа и стандарт", En: "Foundation and standard",
				Levels:   []scLevel{{N: 1, Score: scF(1), Passed: true}},
				Sections: map[string]*float64{"s": scF(0)},
				Values:   map[string]*float64{"a": scF(1), "z": scF(0), "b": scF(0)}},
		},
		{
			name: "na leaves a question out; a section with nothing applicable has no score",
			// s has only b, answered na: no score, left out; level = a = 0
			c: scChecklist("t", scLvl(1, nil,
				scQ("a"), scSec("s", nil, scQ("b", scNA)))),
			sheet: scSheet("t", "a=no", "b=na"),
			want: scSummary{Score: scF(0), Levels: []scLevel{{N: 1, Score: scF(0)}},
				Sections: map[string]*float64{"s": nil}, Values: map[string]*float64{"a": scF(0), "b": nil},
				Name: "ниже основы", En: "below foundation"},
		},
		{
			name: "when switches questions off; unscored facts never count",
			// park is a fact; signs is off (park = no) and absent;
			// level = lifts 1 -> 1
			c: scChecklist("t", scLvl(1, nil,
				scQ("park", scUnscored), scQ("signs", scWhen(scYes("park"))), scQ("x"))),
			sheet: scSheet("t", "park=no", "x=yes"),
			want: scSummary{Score: scF(1), Reached: 1, Name: "Основа и стандарт", En: "Foundation and standard",
				Levels: []scLevel{{N: 1, Score: scF(1), Passed: true}},
				Values: map[string]*float64{"park": nil, "signs": nil, "x": scF(1)}},
		},
		{
			name: "every answer kind",
			// stars 4 on 1..5 = 3/4; inline 0..10 answer 7 = 0.7;
			// choice most = 0.5; few = 0.25 (fail option, not critical);
			// measure 3.5 <= 5 = 1, 6 <= 5 = 0; yes = 1.
			// level = (0.75+0.7+0.5+0.25+1+0+1)/7 = 4.2/7 = 0.6
			c: func() *Checklist {
				c := scChecklist("t", scLvl(1, nil,
					scQ("s", scRef(KindScale, "stars")),
					scQ("i", scKind(Kind{Type: KindScale, Lo: 0, Hi: 10})),
					scQ("c", scRef(KindChoice, "lifts")),
					scQ("c2", scRef(KindChoice, "lifts")),
					scQ("m", scKind(Kind{Type: KindMeasure, Unit: "мин", Op: OpLe, Target: 5})),
					scQ("m2", scKind(Kind{Type: KindMeasure, Op: OpLe, Target: 5})),
					scQ("y")))
				c.Scales, c.Choices = []*Scale{stars}, []*Choice{lifts}
				return c
			}(),
			sheet: scSheet("t", "s=4", "i=7", "c=most", "c2=few", "m=3.5", "m2=6", "y=yes"),
			want: scSummary{Score: scF(0.6), Levels: []scLevel{{N: 1, Score: scF(0.6)}},
				Values: map[string]*float64{"s": scF(0.75), "i": scF(0.7), "c": scF(0.5), "c2": scF(0.25), "m": scF(1), "m2": scF(0), "y": scF(1)},
				Name:   "ниже основы", En: "below foundation"},
		},
		{
			name: "a failed critical question fails its level whatever the score",
			// level 1 = (9*1 + 1*0)/10 = 0.9 >= 0.8 but crit failed;
			// level 2 = 1 passes but is gated; overall = 0.95
			c: scChecklist("t",
				scLvl(1, nil, scQ("a", scW(9)), scQ("crit", scCritical)),
				scLvl(2, nil, scQ("b"))),
			sheet: scSheet("t", "a=yes", "crit=no", "b=yes"),
			want: scSummary{Score: scF(0.95), Name: "ниже основы", En: "below foundation",
				Levels:   []scLevel{{N: 1, Score: scF(0.9), CriticalFailed: []string{"crit"}}, {N: 2, Score: scF(1), Passed: true, Gated: true}},
				Values:   map[string]*float64{"a": scF(1), "crit": scF(0), "b": scF(1)},
				Critical: []string{"crit"}},
		},
		{
			name: "a critical question of weight 0 still fails; a fail option fails",
			// level = a = 1, but z (weight 0, critical) answered no and
			// c chose "few", an option marked fail.
			c: func() *Checklist {
				c := scChecklist("t", scLvl(1, nil, scQ("a"), scQ("z", scW(0), scCritical), scQ("c", scRef(KindChoice, "lifts"), scW(0), scCritical)))
				c.Choices = []*Choice{lifts}
				return c
			}(),
			sheet: scSheet("t", "a=yes", "z=no", "c=few"),
			want: scSummary{Score: scF(1), Name: "ниже основы", En: "below foundation",
				Levels:   []scLevel{{N: 1, Score: scF(1), CriticalFailed: []string{"z", "c"}}},
				Values:   map[string]*float64{"a": scF(1), "z": scF(0), "c": scF(0.25)},
				Critical: []string{"z", "c"}},
		},
		{
			name: "knockout audit sets the overall score to 0 and keeps the raw score",
			// raw = (0.5 + 1)/2 = 0.75
			c: func() *Checklist {
				c := scChecklist("t", scLvl(1, nil, scQ("crit", scCritical), scQ("a")), scLvl(2, nil, scQ("b")))
				c.Knockout = KnockoutAudit
				return c
			}(),
			sheet: scSheet("t", "crit=no", "a=yes", "b=yes"),
			want: scSummary{Score: scF(0), Raw: scF(0.75), KnockedOut: true, Name: "ниже основы", En: "below foundation",
				Levels:   []scLevel{{N: 1, Score: scF(0.5), CriticalFailed: []string{"crit"}}, {N: 2, Score: scF(1), Passed: true, Gated: true}},
				Values:   map[string]*float64{"crit": scF(0), "a": scF(1), "b": scF(1)},
				Critical: []string{"crit"}},
		},
		{
			name: "knockout audit without a failure keeps the score",
			c: func() *Checklist {
				c := scChecklist("t", scLvl(1, nil, scQ("crit", scCritical), scQ("a")))
				c.Knockout = KnockoutAudit
				return c
			}(),
			sheet: scSheet("t", "crit=yes", "a=no"),
			want: scSummary{Score: scF(0.5), Raw: scF(0.5), Name: "ниже основы", En: "below foundation",
				Levels: []scLevel{{N: 1, Score: scF(0.5)}},
				Values: map[string]*float64{"crit": scF(1), "a": scF(0)}},
		},
		{
			name: "pass marks, gating and reached",
			// l1 = 0.85 passes 85%; l2 = 0.5 fails 75%; l3 = 1 gated.
			// overall = (0.85 + 0.5 + 1)/3
			c: scChecklist("t",
				scLvl(1, scF(0.85), scQ("a", scW(17)), scQ("b", scW(3))),
				scLvl(2, scF(0.75), scQ("c"), scQ("d")),
				scLvl(3, nil, scQ("e"))),
			sheet: scSheet("t", "a=yes", "b=no", "c=yes", "d=no", "e=yes"),
			want: scSummary{Score: scF(2.35 / 3), Reached: 1, Name: "Основа и стандарт", En: "Foundation and standard",
				Levels: []scLevel{{N: 1, Score: scF(0.85), Passed: true}, {N: 2, Score: scF(0.5)}, {N: 3, Score: scF(1), Passed: true, Gated: true}},
				Values: map[string]*float64{"a": scF(1), "b": scF(0), "c": scF(1), "d": scF(0), "e": scF(1)}},
		},
		{
			name: "levels in the result ascend; overall weighs levels; a missing level stops reached",
			// Written 3, 1; level 2 is absent so reached stops at 1 and
			// level 3, the first failing level, is not gated (a missing level gates nothing). overall = (1*1 + 3*0.5)/4 = 0.625
			c: func() *Checklist {
				l3 := scLvl(3, nil, scQ("x"), scQ("y"))
				l3.Weight = new(float64(3))
				return scChecklist("t", l3, scLvl(1, nil, scQ("a")))
			}(),
			sheet: scSheet("t", "x=yes", "y=no", "a=yes"),
			want: scSummary{Score: scF(0.625), Reached: 1, Name: "Основа и стандарт", En: "Foundation and standard",
				Levels: []scLevel{{N: 1, Score: scF(1), Passed: true}, {N: 3, Score: scF(0.5)}},
				Values: map[string]*float64{"x": scF(1), "y": scF(0), "a": scF(1)}},
		},
		{
			name: "a level with no applicable question has no score and does not pass",
			// l1 all na: no score, not passed, reached 0, l2 gated;
			// overall = l2 alone = 1
			c: scChecklist("t",
				scLvl(1, nil, scQ("a", scNA)),
				scLvl(2, nil, scQ("b"))),
			sheet: scSheet("t", "a=na", "b=yes"),
			want: scSummary{Score: scF(1), Name: "ниже основы", En: "below foundation",
				Levels: []scLevel{{N: 1}, {N: 2, Score: scF(1), Passed: true, Gated: true}},
				Values: map[string]*float64{"a": nil, "b": scF(1)}},
		},
		{
			name:  "empty levels: nothing to score anywhere",
			c:     scChecklist("t", scLvl(1, nil), scLvl(2, nil, scQ("fact", scUnscored))),
			sheet: scSheet("t", "fact=yes"),
			want: scSummary{Name: "ниже основы", En: "below foundation",
				Levels: []scLevel{{N: 1}, {N: 2, Gated: true}},
				Values: map[string]*float64{"fact": nil}},
		},
		{
			name: "kotler: all five levels pass",
			c: func() *Checklist {
				c := scChecklist("t", scLvl(1, nil, scQ("a")), scLvl(2, nil, scQ("b")), scLvl(3, nil, scQ("c")),
					scLvl(4, nil, scQ("d")), scLvl(5, nil, scQ("e")))
				c.Model = ModelKotler
				return c
			}(),
			sheet: scSheet("t", "a=yes", "b=yes", "c=yes", "d=yes", "e=yes"),
			want: scSummary{Score: scF(1), Reached: 5, Name: "невероятный", En: "incredible",
				Levels: []scLevel{{N: 1, Score: scF(1), Passed: true}, {N: 2, Score: scF(1), Passed: true}, {N: 3, Score: scF(1), Passed: true},
					{N: 4, Score: scF(1), Passed: true}, {N: 5, Score: scF(1), Passed: true}},
				Values: map[string]*float64{"a": scF(1), "b": scF(1), "c": scF(1), "d": scF(1), "e": scF(1)}},
		},
		{
			name: "kotler: level 4 fails",
			c: func() *Checklist {
				c := scChecklist("t", scLvl(1, nil, scQ("a")), scLvl(2, nil, scQ("b")), scLvl(3, nil, scQ("c")),
					scLvl(4, nil, scQ("d")), scLvl(5, nil, scQ("e")))
				c.Model = ModelKotler
				return c
			}(),
			sheet: scSheet("t", "a=yes", "b=yes", "c=yes", "d=no", "e=yes"),
			want: scSummary{Score: scF(0.8), Reached: 3, Name: "желанный", En: "desired",
				Levels: []scLevel{{N: 1, Score: scF(1), Passed: true}, {N: 2, Score: scF(1), Passed: true}, {N: 3, Score: scF(1), Passed: true},
					{N: 4, Score: scF(0)}, {N: 5, Score: scF(1), Passed: true, Gated: true}},
				Values: map[string]*float64{"a": scF(1), "b": scF(1), "c": scF(1), "d": scF(0), "e": scF(1)}},
		},
		{
			name: "korto: all four levels pass",
			c: scChecklist("t", scLvl(1, nil, scQ("a")), scLvl(2, nil, scQ("b")), scLvl(3, nil, scQ("c")),
				scLvl(4, nil, scQ("d"))),
			sheet: scSheet("t", "a=yes", "b=yes", "c=yes", "d=yes"),
			want: scSummary{Score: scF(1), Reached: 4, Name: "Впечатления и восторг", En: "Impressions and delight",
				Levels: []scLevel{{N: 1, Score: scF(1), Passed: true}, {N: 2, Score: scF(1), Passed: true}, {N: 3, Score: scF(1), Passed: true},
					{N: 4, Score: scF(1), Passed: true}},
				Values: map[string]*float64{"a": scF(1), "b": scF(1), "c": scF(1), "d": scF(1)}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := scCompile(t, tt.c)
			r, err := p.Score(tt.sheet)
			if err != nil {
				t.Fatalf("Score: %v", err)
			}
			got := scSummarize(r)
			if tt.want.Sections == nil {
				tt.want.Sections = map[string]*float64{}
			}
			if tt.want.Critical == nil {
				tt.want.Critical = []string{}
			}
			for i := range tt.want.Levels {
				if tt.want.Levels[i].CriticalFailed == nil {
					tt.want.Levels[i].CriticalFailed = []string{}
				}
			}
			if diff := cmp.Diff(tt.want, got, scApprox); diff != "" {
				t.Errorf("result mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func scW2(x float64) *float64 { return new(x) }

// TestScoreMallExample scores the answer sheet of the language spec
// against the spec's example checklist.
func TestScoreMallExample(t *testing.T) {
	p := scCompile(t, specMall())
	s, err := p.ReadAnswers(strings.NewReader(scMallSheet))
	if err != nil {
		t.Fatalf("ReadAnswers: %v", err)
	}
	r, err := p.Score(s)
	if err != nil {
		t.Fatal(err)
	}
	// clean = (3*1 + 1*0)/4 = 0.75 (floors na); level 1 = 0.75, fails
	// (toilets is critical and below 85% anyway).
	// nav = (1*1 + 2*0.5)/3 = 2/3 (has_parking unscored);
	// pay = (1 + 0.75)/2 = 0.875; level 2 = (2/3 + 0.875)/2.
	l2 := (2.0/3 + 0.875) / 2
	want := scSummary{
		Score: scF((0.75 + l2) / 2), Reached: 0, Name: "ниже основы", En: "below foundation",
		Levels: []scLevel{
			{N: 1, Score: scF(0.75), CriticalFailed: []string{"toilets"}},
			{N: 2, Score: scF(l2), Passed: true, Gated: true},
		},
		Sections: map[string]*float64{"clean": scF(0.75), "nav": scF(2.0 / 3), "pay": scF(0.875)},
		Values: map[string]*float64{"entrance": scF(1), "toilets": scF(0), "floors": nil, "has_parking": nil,
			"parking_signs": scF(1), "lifts_ok": scF(0.5), "queue": scF(1), "speed": scF(0.75)},
		Critical: []string{"toilets"},
	}
	if diff := cmp.Diff(want, scSummarize(r), scApprox); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	wantSurvey := []SurveyAnswer{
		{ID: "recommend", Kind: KindNPS, Number: scF(9)},
		{ID: "mood", Kind: KindEmotion, Label: "positive"},
		{ID: "effort", Kind: KindCES, Number: scF(6)},
		{ID: "comment", Kind: KindText, Label: "..."},
	}
	if diff := cmp.Diff(wantSurvey, r.Survey); diff != "" {
		t.Errorf("survey (-want +got):\n%s", diff)
	}
	wantAudit := map[string]string{"id": "v-0017", "location": "ТЦ Европа", "date": "2026-11-20", "auditor": "A. Petrova"}
	if diff := cmp.Diff(wantAudit, r.Audit); diff != "" {
		t.Errorf("audit (-want +got):\n%s", diff)
	}
	if r.Levels[0].Title != "Основа и стандарт" || r.Title != "Сервис в торговом центре" {
		t.Errorf("titles in the default language: %q, %q", r.Title, r.Levels[0].Title)
	}
	en, err := p.ScoreWith(s, ScoreOptions{Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	if en.Levels[0].Title != "Foundation and standard" || en.Title != "Shopping-centre service" {
		t.Errorf("titles in English: %q, %q", en.Title, en.Levels[0].Title)
	}
	// The JSON form carries the field names of the command spec.
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{`"checklist":"mall_basic"`, `"reached":0`, `"reached_name":"ниже основы"`,
		`"critical_failed":["toilets"]`, `"passed":false`, `"gated":true`, `"applicable":true`} {
		if !strings.Contains(string(b), key) {
			t.Errorf("JSON lacks %s:\n%s", key, b)
		}
	}
}

// TestWhenConditions evaluates every kind of condition atom.
func TestWhenConditions(t *testing.T) {
	c := scChecklist("t", scLvl(1, nil,
		scQ("fact", scUnscored),
		scQ("lift", scRef(KindChoice, "lifts"), scUnscored),
		scQ("n", scKind(Kind{Type: KindScale, Lo: 0, Hi: 10}), scUnscored, scOptional),
		scQ("on_yes", scWhen(scYes("fact")), scOptional),
		scQ("on_not", scWhen(&Expr{Op: ExprNot, Args: []*Expr{scYes("fact")}}), scOptional),
		scQ("on_opt", scWhen(&Expr{Op: ExprCmp, Question: "lift", Cmp: OpEq, Options: []string{"most"}}), scOptional),
		scQ("on_ne", scWhen(&Expr{Op: ExprCmp, Question: "lift", Cmp: OpNe, Options: []string{"most"}}), scOptional),
		scQ("on_in", scWhen(&Expr{Op: ExprIn, Question: "lift", Options: []string{"all", "none"}}), scOptional),
		scQ("on_num", scWhen(&Expr{Op: ExprCmp, Question: "n", Cmp: OpGe, Number: new(float64(7))}), scOptional),
		scQ("on_and", scWhen(&Expr{Op: ExprAnd, Args: []*Expr{scYes("fact"), {Op: ExprCmp, Question: "n", Cmp: OpLt, Number: new(float64(7))}}}), scOptional),
		scQ("on_or", scWhen(&Expr{Op: ExprOr, Args: []*Expr{scYes("fact"), {Op: ExprCmp, Question: "n", Cmp: OpLt, Number: new(float64(7))}}}), scOptional),
		scQ("on_yn", scWhen(&Expr{Op: ExprCmp, Question: "fact", Cmp: OpEq, Options: []string{"no"}}), scOptional),
	))
	c.Choices = []*Choice{{Name: "lifts", Options: []*Option{{ID: "all", Value: 1}, {ID: "most", Value: 0.5}, {ID: "none", Value: 0}}}}
	p := scCompile(t, c)
	all := []string{"on_yes", "on_not", "on_opt", "on_ne", "on_in", "on_num", "on_and", "on_or", "on_yn"}
	for _, tt := range []struct {
		facts []string
		on    []string
	}{
		{[]string{"fact=yes", "lift=most", "n=7"}, []string{"on_yes", "on_opt", "on_num", "on_or"}},
		{[]string{"fact=no", "lift=all", "n=3"}, []string{"on_not", "on_ne", "on_in", "on_or", "on_yn"}},
		// n unanswered: every atom on it is false.
		{[]string{"fact=yes", "lift=none"}, []string{"on_yes", "on_ne", "on_in", "on_or"}},
	} {
		// Answering a question that is on must score it; answering one
		// that is off must be an error naming it.
		var wantErr []string
		pairs := slices.Clone(tt.facts)
		for _, id := range all {
			pairs = append(pairs, id+"=yes")
			if !slices.Contains(tt.on, id) {
				wantErr = append(wantErr, id)
			}
		}
		var gotErr []string
		for _, e := range p.Check(scSheet("t", pairs...)) {
			if e.Code != CodeWhenFalse {
				t.Errorf("%v: unexpected %v", tt.facts, e)
			}
			gotErr = append(gotErr, e.Question)
		}
		if diff := cmp.Diff(wantErr, gotErr); diff != "" {
			t.Errorf("%v: questions switched off (-want +got):\n%s", tt.facts, diff)
		}
	}
}

// TestScoreProperties checks invariants on random sheets of a generated
// 100-question checklist: scores lie in [0,1]; reordering the questions
// of a section does not change any score; an all-best sheet scores 1 and
// reaches the top level.
func TestScoreProperties(t *testing.T) {
	c := genChecklist(100)
	p := scCompile(t, c)
	rng := rand.New(rand.NewPCG(1, 2))
	for range 200 {
		s := genSheet(c, rng)
		r, err := p.Score(s)
		if err != nil {
			t.Fatalf("Score: %v", err)
		}
		in01 := func(what string, x *float64) {
			if x != nil && !(*x >= 0 && *x <= 1) {
				t.Fatalf("%s = %v, outside [0,1]", what, *x)
			}
		}
		in01("overall", r.Score)
		for _, l := range r.Levels {
			in01("level", l.Score)
		}
		// Permute the questions within every section and score again.
		shuffled := genPermute(c, rng)
		r2, err := scCompile(t, shuffled).Score(s)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(r.Score, r2.Score, scApprox); diff != "" {
			t.Fatalf("permuting questions changed the score:\n%s", diff)
		}
		for k := range r.Levels {
			if diff := cmp.Diff(r.Levels[k].Score, r2.Levels[k].Score, scApprox); diff != "" {
				t.Fatalf("permuting questions changed level %d:\n%s", k+1, diff)
			}
		}
	}
	r, err := p.Score(genBestSheet(c))
	if err != nil {
		t.Fatal(err)
	}
	if r.Score == nil || *r.Score != 1 || r.Reached != len(c.Levels) {
		t.Errorf("all-best sheet: score %v, reached %d; want 1 and %d", pctOrNil(r.Score), r.Reached, len(c.Levels))
	}
}

func pctOrNil(x *float64) any {
	if x == nil {
		return nil
	}
	return *x
}

// TestScoreIntoMatchesResult checks that the fast path and the full
// result agree, and that ScoreInto reuses its buffers.
func TestScoreIntoMatchesResult(t *testing.T) {
	c := genChecklist(100)
	p := scCompile(t, c)
	rng := rand.New(rand.NewPCG(3, 4))
	var sc Scores
	var b Bound
	for range 50 {
		s := genSheet(c, rng)
		if err := p.BindInto(&b, s); err != nil {
			t.Fatal(err)
		}
		if err := p.ScoreInto(&sc, &b); err != nil {
			t.Fatal(err)
		}
		r, err := p.Score(s)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(r.Score, optScore(sc.Overall), scApprox); diff != "" {
			t.Fatalf("overall:\n%s", diff)
		}
		if r.Reached != sc.Reached {
			t.Fatalf("reached %d vs %d", r.Reached, sc.Reached)
		}
		for k, l := range r.Levels {
			if diff := cmp.Diff(l.Score, optScore(sc.Levels[k].Score), scApprox); diff != "" || l.Passed != sc.Levels[k].Passed || l.Gated != sc.Levels[k].Gated {
				t.Fatalf("level %d differs: %s", l.Level, diff)
			}
		}
	}
	s := genSheet(c, rng)
	if err := p.BindInto(&b, s); err != nil {
		t.Fatal(err)
	}
	if n := testing.AllocsPerRun(100, func() { p.ScoreInto(&sc, &b) }); n != 0 {
		t.Errorf("ScoreInto allocates %v times per call, want 0", n)
	}
}

func TestReachedNames(t *testing.T) {
	for _, tt := range []struct {
		m      Model
		k      int
		ru, en string
	}{
		{ModelKORTO, 0, "ниже основы", "below foundation"},
		{ModelKORTO, 1, "Основа и стандарт", "Foundation and standard"},
		{ModelKORTO, 2, "Функции и удобство", "Functions and convenience"},
		{ModelKORTO, 3, "Атмосфера и эмоции", "Atmosphere and emotions"},
		{ModelKORTO, 4, "Впечатления и восторг", "Impressions and delight"},
		{"", 4, "Впечатления и восторг", "Impressions and delight"},
		{ModelKORTO, 5, "", ""},
		{ModelKotler, 0, "ужасный", "terrible"},
		{ModelKotler, 1, "базовый", "basic"},
		{ModelKotler, 2, "ожидаемый", "expected"},
		{ModelKotler, 3, "желанный", "desired"},
		{ModelKotler, 4, "WOW", "WOW"},
		{ModelKotler, 5, "невероятный", "incredible"},
		{ModelKotler, -1, "", ""},
	} {
		name := tt.m.ReachedName(tt.k)
		if name.Text != tt.ru || name.In("en") != tt.en && tt.en != "" {
			t.Errorf("%s %d: got %q / %q, want %q / %q", tt.m, tt.k, name.Text, name.In("en"), tt.ru, tt.en)
		}
	}
}

func TestCompileRejectsBadChecklists(t *testing.T) {
	for _, tt := range []struct {
		name string
		c    *Checklist
	}{
		{"nil", nil},
		{"unknown scale", scChecklist("t", scLvl(1, nil, scQ("a", scRef(KindScale, "nope"))))},
		{"forward when", scChecklist("t", scLvl(1, nil, scQ("a", scWhen(scYes("b"))), scQ("b")))},
		{"level out of range", scChecklist("t", scLvl(7, nil, scQ("a")))},
		{"negative weight", scChecklist("t", scLvl(1, nil, scQ("a", scW(-1))))},
		{"NaN weight", scChecklist("t", scLvl(1, nil, scQ("a", scW(math.NaN()))))},
	} {
		if _, err := Compile(tt.c); err == nil {
			t.Errorf("%s: Compile succeeded", tt.name)
		} else if AsDiagnostics(err) == nil {
			t.Errorf("%s: error %v is not a Diagnostics", tt.name, err)
		}
	}
}

// TestPlanConcurrentUse scores from many goroutines with one plan; run
// with -race it shows the plan is read-only after Compile.
func TestPlanConcurrentUse(t *testing.T) {
	c := genChecklist(100)
	p := scCompile(t, c)
	want, err := p.Score(genBestSheet(c))
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error)
	for g := range 8 {
		go func() {
			rng := rand.New(rand.NewPCG(uint64(g), 9))
			var sc Scores
			var b Bound
			for range 50 {
				if err := p.BindInto(&b, genSheet(c, rng)); err != nil {
					done <- err
					return
				}
				p.ScoreInto(&sc, &b)
			}
			r, err := p.Score(genBestSheet(c))
			if err == nil && !cmp.Equal(r, want) {
				err = errors.New("results differ between goroutines")
			}
			done <- err
		}()
	}
	for range 8 {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}

// A level is named by the checklist where it has the level, by the
// model elsewhere: in Russian when the checklist is shown in Russian,
// otherwise in English.
func TestLevelName(t *testing.T) {
	c := &Checklist{Lang: "ru", Levels: []*Level{
		{Number: 1, Title: Text{Text: "Основа и стандарт", Tr: map[string]string{"en": "Foundation and standard"}}},
		{Number: 2, Title: Text{Text: "Продажа", Tr: map[string]string{"en": "The sale"}}},
	}}
	kotler := &Checklist{Lang: "en", Model: ModelKotler, Levels: []*Level{{Number: 1, Title: Text{Text: "Getting there"}}}}
	for _, tt := range []struct {
		c    *Checklist
		k    int
		lang string
		want string
	}{
		{c, 2, "", "Продажа"},
		{c, 2, "en", "The sale"},
		{c, 0, "", "ниже основы"},
		{c, 0, "en", "below foundation"},
		{c, 3, "", "Атмосфера и эмоции"},
		{c, 3, "de", "Атмосфера и эмоции"},                  // no German texts: shown in Russian
		{&Checklist{Lang: "de"}, 0, "", "below foundation"}, // the model has no German names
		{kotler, 1, "", "Getting there"},
		{kotler, 0, "", "terrible"},
		{kotler, 5, "", "incredible"},
		{kotler, 6, "", ""},
		{nil, 0, "", "below foundation"},
	} {
		if got := tt.c.LevelName(tt.k, tt.lang); got != tt.want {
			t.Errorf("level %d, lang %q: %q, want %q", tt.k, tt.lang, got, tt.want)
		}
	}
}
