package korto

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/cxkit/cxkit/metrics"
)

// aggChecklist is a small two-level checklist with a survey:
//
//	level 1 "Основа" pass 80%: section clean {a critical, b}, c
//	level 2 "Функции" pass 75%: section nav {d}, fact (unscored)
//	survey: rec nps, mood emotion, effort ces 1..7, sat csat 1..5, note text
func aggChecklist() *Checklist {
	q := func(id string, mods ...func(*Question)) Item {
		qq := &Question{ID: id, Text: Text{Text: "Q " + id}}
		for _, m := range mods {
			m(qq)
		}
		return Item{Question: qq}
	}
	critical := func(q *Question) { q.Critical = true }
	unscored := func(q *Question) { q.Unscored = true }
	kind := func(k Kind) func(*Question) { return func(q *Question) { q.Kind = k } }
	return &Checklist{
		ID:    "agg",
		Title: Text{Text: "Aggregation test"},
		Levels: []*Level{
			{Number: 1, Title: Text{Text: "Основа"}, Items: []Item{
				{Section: &Section{ID: "clean", Items: []Item{q("a", critical), q("b")}}},
				q("c"),
			}},
			{Number: 2, Title: Text{Text: "Функции"}, Pass: new(0.75), Items: []Item{
				{Section: &Section{ID: "nav", Items: []Item{q("d")}}},
				q("fact", unscored),
			}},
		},
		Survey: &Survey{Questions: []*Question{
			q("rec", kind(Kind{Type: KindNPS})).Question,
			q("mood", kind(Kind{Type: KindEmotion})).Question,
			q("effort", kind(Kind{Type: KindCES, Lo: 1, Hi: 7})).Question,
			q("sat", kind(Kind{Type: KindCSAT, Lo: 1, Hi: 5})).Question,
			q("note", kind(Kind{Type: KindText}), func(q *Question) { q.Optional = true }).Question,
		}},
	}
}

// audit builds a Result by hand. vals holds the values of a, b, c, d in
// that order; a negative value means "not applicable".
type audit struct {
	loc          string
	score        *float64
	reached      int
	l1, l2       *float64
	pass1, pass2 bool
	gated2       bool
	vals         [4]float64
	rec          float64 // NPS answer, -1 for none
	mood         string
	effort, sat  float64
}

func (a audit) result() Result {
	qr := func(id string, v float64) QuestionResult {
		if v < 0 {
			return QuestionResult{ID: id, Weight: 1}
		}
		return QuestionResult{ID: id, Applicable: true, Value: new(v), Weight: 1, Failed: v == 0}
	}
	r := Result{
		Checklist: "agg",
		Audit:     map[string]string{},
		Score:     a.score,
		Reached:   a.reached,
		Levels: []LevelResult{
			{Level: 1, Score: a.l1, Pass: 0.8, Weight: 1, Passed: a.pass1,
				Sections:  []SectionResult{{ID: "clean", Questions: []QuestionResult{qr("a", a.vals[0]), qr("b", a.vals[1])}}},
				Questions: []QuestionResult{qr("c", a.vals[2])}},
			{Level: 2, Score: a.l2, Pass: 0.75, Weight: 1, Passed: a.pass2, Gated: a.gated2,
				Sections:  []SectionResult{{ID: "nav", Questions: []QuestionResult{qr("d", a.vals[3])}}},
				Questions: []QuestionResult{{ID: "fact"}}},
		},
	}
	if a.loc != "" {
		r.Audit["location"] = a.loc
	}
	names := [][2]string{{"ниже основы", "below foundation"}, {"Основа и стандарт", "Foundation and standard"}, {"Функции и удобство", "Functions and convenience"}}
	r.ReachedName = Text{Text: names[a.reached][0], Tr: map[string]string{"en": names[a.reached][1]}}
	if a.rec >= 0 {
		r.Survey = append(r.Survey, SurveyAnswer{ID: "rec", Kind: KindNPS, Number: new(a.rec)})
	}
	if a.mood != "" {
		r.Survey = append(r.Survey, SurveyAnswer{ID: "mood", Kind: KindEmotion, Label: a.mood})
	}
	if a.effort > 0 {
		r.Survey = append(r.Survey, SurveyAnswer{ID: "effort", Kind: KindCES, Number: new(a.effort)})
	}
	if a.sat > 0 {
		r.Survey = append(r.Survey, SurveyAnswer{ID: "sat", Kind: KindCSAT, Number: new(a.sat)})
	}
	r.Survey = append(r.Survey, SurveyAnswer{ID: "note", Kind: KindText, Label: "free text"})
	return r
}

// aggAudits: group A scores 0.5, 0.7, 0.9; B 0.8, 0.8; C 0.7 (ties A);
// one audit without a location and without a score.
var aggAudits = []audit{
	{loc: "A", score: new(0.5), reached: 0, l1: new(0.5), l2: new(0.5), gated2: true,
		vals: [4]float64{0, 1, 0.5, 0.5}, rec: 10, mood: "positive", effort: 6, sat: 5},
	{loc: "A", score: new(0.7), reached: 0, l1: new(0.6), l2: new(0.8), pass2: true, gated2: true,
		vals: [4]float64{1, 0, 0.8, 0.8}, rec: 8, mood: "neutral", effort: 7, sat: 4},
	{loc: "A", score: new(0.9), reached: 2, l1: new(0.9), pass1: true, l2: new(0.9), pass2: true,
		vals: [4]float64{1, 1, 0.7, 0.9}, rec: 3, mood: "negative", effort: 2, sat: 2},
	{loc: "B", score: new(0.8), reached: 1, l1: new(float64(1)), pass1: true, l2: new(0.6),
		vals: [4]float64{1, 1, 1, 0.6}, rec: 9, mood: "positive", effort: 5, sat: 4},
	{loc: "B", score: new(0.8), reached: 1, l1: new(float64(1)), pass1: true, l2: new(0.6),
		vals: [4]float64{1, 1, 1, 0}, rec: 9, mood: "positive", effort: 5, sat: 3},
	{loc: "C", score: new(0.7), reached: 0, l1: new(0.7), l2: new(0.7), gated2: true,
		vals: [4]float64{1, 0, 1, 0.7}, rec: -1},
	{loc: "", score: nil, reached: 0, gated2: true, vals: [4]float64{-1, -1, -1, -1}, rec: -1},
}

func newTestAggregator(t testing.TB, opts AggregateOptions) *Aggregator {
	t.Helper()
	a, err := NewAggregator(aggChecklist(), opts)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func addAll(t testing.TB, a *Aggregator, audits []audit) {
	t.Helper()
	for i, au := range audits {
		if err := a.Add(au.result()); err != nil {
			t.Fatalf("audit %d: %v", i, err)
		}
	}
}

var approx = cmpopts.EquateApprox(0, 1e-12)

// t975 holds Student t 0.975 quantiles (any statistics table; R qt(0.975, df)).
var t975 = map[int]float64{1: 12.706204736174707, 2: 4.302652729749464, 5: 2.570581835636314}

// ci is the 95% t interval, clipped to [0,1] as a share's must be.
func ci(mean, sd float64, n int) (lo, hi *float64) {
	h := t975[n-1] * sd / math.Sqrt(float64(n))
	return new(max(0, mean-h)), new(min(1, mean+h))
}

func TestAggregatorScoreStats(t *testing.T) {
	a := newTestAggregator(t, AggregateOptions{GroupBy: "location", MinN: 1})
	addAll(t, a, aggAudits)
	rep := a.Report()

	type row struct {
		Group       string
		Rank        int
		N, Unscored int64
		Score       Stat
	}
	se := func(sd float64, n int) *float64 { return new(sd / math.Sqrt(float64(n))) }
	var got []row
	for _, g := range append([]GroupSummary{rep.Overall}, rep.Groups...) {
		got = append(got, row{g.Group, rankOf(g), g.N, g.Unscored, g.Score})
	}
	// Overall: 0.5 0.7 0.9 0.8 0.8 0.7, mean 4.4/6, sd by hand:
	// deviations from 11/15: -7/30 -1/30 5/30 2/30 2/30 -1/30, squares
	// sum 84/900, variance 84/900/5 = 0.018666...
	allMean, allSD := 4.4/6, math.Sqrt(84.0/900/5)
	aLo, aHi := ci(0.7, 0.2, 3)
	allLo, allHi := ci(allMean, allSD, 6)
	want := []row{
		{"", 0, 7, 1, Stat{N: 6, Mean: new(allMean), SD: new(allSD), SE: se(allSD, 6), CILow: allLo, CIHigh: allHi}},
		// B's 0.8 against A's and C's 0.7 is well within chance for
		// samples this small (τ² = 0): every shrunk mean is μ and the
		// names break the tie.
		{"A", 1, 3, 0, Stat{N: 3, Mean: new(0.7), SD: new(0.2), SE: se(0.2, 3), CILow: aLo, CIHigh: aHi}},
		{"B", 2, 2, 0, Stat{N: 2, Mean: new(0.8), SD: new(float64(0)), SE: new(float64(0)), CILow: new(0.8), CIHigh: new(0.8)}},
		{"C", 3, 1, 0, Stat{N: 1, Mean: new(0.7)}},
		{NoGroup, 0, 1, 1, Stat{}},
	}
	if d := cmp.Diff(want, got, approx); d != "" {
		t.Errorf("groups (-want +got):\n%s", d)
	}
	// Equal scores give an sd of exactly 0, not a rounding residue.
	if sd := *rep.Groups[1].Score.SD; sd != 0 {
		t.Errorf("sd of equal scores = %g, want exactly 0", sd)
	}
}

func TestAggregatorLevelsAndReached(t *testing.T) {
	a := newTestAggregator(t, AggregateOptions{})
	addAll(t, a, aggAudits)
	o := a.Report().Overall

	l1Mean := (0.5 + 0.6 + 0.9 + 1 + 1 + 0.7) / 6
	l2Mean := (0.5 + 0.8 + 0.9 + 0.6 + 0.6 + 0.7) / 6
	want := []LevelSummary{
		{Level: 1, Title: "Основа", Pass: 0.8, Passed: 3, Gated: 0, PassedShare: new(3.0 / 7), GatedShare: new(float64(0)),
			Score: Stat{N: 6, Mean: new(l1Mean)}},
		{Level: 2, Title: "Функции", Pass: 0.75, Passed: 2, Gated: 4, PassedShare: new(2.0 / 7), GatedShare: new(4.0 / 7),
			Score: Stat{N: 6, Mean: new(l2Mean)}},
	}
	if d := cmp.Diff(want, o.Levels, approx, cmpopts.IgnoreFields(Stat{}, "SD", "SE", "CILow", "CIHigh")); d != "" {
		t.Errorf("levels (-want +got):\n%s", d)
	}
	wantReached := []ReachedCount{
		{Level: 0, Name: "ниже основы", NameEn: "below foundation", N: 4, Share: new(4.0 / 7)},
		{Level: 1, Name: "Основа и стандарт", NameEn: "Foundation and standard", N: 2, Share: new(2.0 / 7)},
		{Level: 2, Name: "Функции и удобство", NameEn: "Functions and convenience", N: 1, Share: new(1.0 / 7)},
	}
	if d := cmp.Diff(wantReached, o.Reached, approx); d != "" {
		t.Errorf("reached (-want +got):\n%s", d)
	}
	if len(a.Report().Groups) != 0 {
		t.Errorf("GroupBy \"\" gave groups: %+v", a.Report().Groups)
	}
}

func TestAggregatorQuestions(t *testing.T) {
	a := newTestAggregator(t, AggregateOptions{TopProblems: 3})
	addAll(t, a, aggAudits)
	o := a.Report().Overall

	// Values of a, b, c, d over the six audits with answers.
	want := []QuestionSummary{
		{ID: "a", Title: "Q a", Level: 1, Section: "clean", Critical: true, Weight: 1,
			Applicable: 6, Mean: new(5.0 / 6), Failed: 1, FailureRate: new(1.0 / 6)},
		{ID: "b", Title: "Q b", Level: 1, Section: "clean", Weight: 1,
			Applicable: 6, Mean: new(4.0 / 6), Failed: 2, FailureRate: new(2.0 / 6)},
		{ID: "c", Title: "Q c", Level: 1, Weight: 1,
			Applicable: 6, Mean: new(5.0 / 6), Failed: 0, FailureRate: new(float64(0))},
		{ID: "d", Title: "Q d", Level: 2, Section: "nav", Weight: 1,
			Applicable: 6, Mean: new(3.5 / 6), Failed: 1, FailureRate: new(1.0 / 6)},
	}
	if d := cmp.Diff(want, o.Questions, approx); d != "" {
		t.Errorf("questions (-want +got):\n%s", d)
	}
	// Pyramid order: level 1 first, and in it the critical a before b,
	// which fails more; then d of level 2. c never fails and is no
	// problem.
	var top []string
	for _, q := range o.TopProblems {
		top = append(top, q.ID)
	}
	if d := cmp.Diff([]string{"a", "b", "d"}, top); d != "" {
		t.Errorf("top problems (-want +got):\n%s", d)
	}

	a2 := newTestAggregator(t, AggregateOptions{TopProblems: 2})
	addAll(t, a2, aggAudits)
	if n := len(a2.Report().Overall.TopProblems); n != 2 {
		t.Errorf("TopProblems 2: got %d problems", n)
	}
}

func TestAggregatorErrors(t *testing.T) {
	good := aggAudits[0].result()
	tests := []struct {
		name string
		edit func(*Result)
		want string
	}{
		{"other checklist", func(r *Result) { r.Checklist = "zzz" }, `result of checklist "zzz"`},
		{"score above 1", func(r *Result) { r.Score = new(1.5) }, "score 1.5 outside [0,1]"},
		{"NaN score", func(r *Result) { r.Score = new(math.NaN()) }, "score NaN outside [0,1]"},
		{"reached too high", func(r *Result) { r.Reached = 3 }, "reached level 3 outside 0..2"},
		{"unknown level", func(r *Result) { r.Levels[1].Level = 4 }, "unknown level 4"},
		{"unknown question", func(r *Result) { r.Levels[0].Sections[0].Questions[0].ID = "zz" }, `unknown question "zz"`},
		{"applicable without value", func(r *Result) { r.Levels[0].Questions[0].Value = nil }, `question "c": applicable but has no value`},
		{"nps out of range", func(r *Result) { r.Survey[0].Number = new(float64(11)) }, `survey question "rec": nps answer 11 is not a whole number in 0..10`},
		{"bad emotion", func(r *Result) { r.Survey[1].Label = "happy" }, `emotion "happy"`},
		{"unknown survey", func(r *Result) { r.Survey[0].ID = "zz" }, `unknown survey question "zz"`},
		{"level twice", func(r *Result) { r.Levels[1].Level = 1 }, "level 1 listed twice"},
		{"question twice", func(r *Result) { r.Levels[0].Questions[0].ID = "a" }, `question "a" listed twice`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := newTestAggregator(t, AggregateOptions{GroupBy: "location"})
			before := a.Report()
			r := cloneResult(t, good)
			r.Audit["id"] = "v-1"
			tt.edit(&r)
			err := a.Add(r)
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), `audit "v-1"`) {
				t.Fatalf("Add: err = %v, want it to contain %q and the audit id", err, tt.want)
			}
			if d := cmp.Diff(before, a.Report()); d != "" {
				t.Errorf("a failed Add changed the aggregate (-before +after):\n%s", d)
			}
		})
	}
}

func cloneResult(t *testing.T, r Result) Result {
	t.Helper()
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var c Result
	if err := json.Unmarshal(b, &c); err != nil {
		t.Fatal(err)
	}
	return c
}

// TestAggregatorMergeEqualsOnePass splits random audits at random into
// parts, aggregates the parts separately, merges them in random order,
// and wants the very same report as one pass: the sums are exact, so not
// even the last bit may differ.
func TestAggregatorMergeEqualsOnePass(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	locs := []string{"A", "B", "C", "", "D"}
	moods := []string{"", "negative", "neutral", "positive"}
	randShare := func() *float64 {
		if rng.IntN(10) == 0 {
			return nil
		}
		return new(rng.Float64())
	}
	for trial := range 30 {
		audits := make([]audit, 1+rng.IntN(200))
		for i := range audits {
			var vals [4]float64
			for j := range vals {
				switch rng.IntN(5) {
				case 0:
					vals[j] = -1
				case 1:
					vals[j] = 0
				default:
					vals[j] = rng.Float64()
				}
			}
			audits[i] = audit{
				loc: locs[rng.IntN(len(locs))], score: randShare(), reached: rng.IntN(3),
				l1: randShare(), l2: randShare(), pass1: rng.IntN(2) == 0, pass2: rng.IntN(2) == 0, gated2: rng.IntN(2) == 0,
				vals: vals, rec: float64(rng.IntN(12) - 1), mood: moods[rng.IntN(len(moods))],
				effort: float64(rng.IntN(8)), sat: float64(rng.IntN(6)),
			}
		}
		opts := AggregateOptions{GroupBy: "location", TopProblems: -1}
		whole := newTestAggregator(t, opts)
		addAll(t, whole, audits)

		parts := make([]*Aggregator, 1+rng.IntN(6))
		for i := range parts {
			parts[i] = newTestAggregator(t, opts)
		}
		for _, au := range audits {
			if err := parts[rng.IntN(len(parts))].Add(au.result()); err != nil {
				t.Fatal(err)
			}
		}
		merged := newTestAggregator(t, opts)
		for _, i := range rng.Perm(len(parts)) {
			if err := merged.Merge(parts[i]); err != nil {
				t.Fatal(err)
			}
		}
		if d := cmp.Diff(whole.Report(), merged.Report()); d != "" {
			t.Fatalf("trial %d: merged parts differ from one pass (-whole +merged):\n%s", trial, d)
		}
		if whole.Len() != int64(len(audits)) || merged.Len() != whole.Len() {
			t.Fatalf("trial %d: Len whole %d merged %d, want %d", trial, whole.Len(), merged.Len(), len(audits))
		}
	}
}

func TestAggregatorMergeMismatch(t *testing.T) {
	a := newTestAggregator(t, AggregateOptions{GroupBy: "location"})
	b := newTestAggregator(t, AggregateOptions{GroupBy: "auditor"})
	if err := a.Merge(b); err == nil {
		t.Error("Merge of different GroupBy: no error")
	}
	other := aggChecklist()
	other.ID = "other"
	c, err := NewAggregator(other, AggregateOptions{GroupBy: "location"})
	if err != nil {
		t.Fatal(err)
	}
	if err := a.Merge(c); err == nil {
		t.Error("Merge of different checklists: no error")
	}

	// The same checklist built twice lines up and merges.
	twin, err := NewAggregator(aggChecklist(), AggregateOptions{GroupBy: "location"})
	if err != nil {
		t.Fatal(err)
	}
	if err := a.Merge(twin); err != nil {
		t.Errorf("Merge of the same checklist built twice: %v", err)
	}
	// Same ID, version and counts, but questions renamed or in another
	// order: the sums would add up under the wrong questions.
	for name, edit := range map[string]func(*Checklist){
		"renamed question": func(c *Checklist) { c.Levels[0].Items[1].Question.ID = "c2" },
		"swapped questions": func(c *Checklist) {
			its := c.Levels[0].Items[0].Section.Items
			its[0], its[1] = its[1], its[0]
		},
		"renamed survey question": func(c *Checklist) { c.Survey.Questions[0].ID = "rec2" },
	} {
		changed := aggChecklist()
		edit(changed)
		d, err := NewAggregator(changed, AggregateOptions{GroupBy: "location"})
		if err != nil {
			t.Fatal(err)
		}
		if err := a.Merge(d); err == nil {
			t.Errorf("Merge with a %s: no error", name)
		}
	}
}

func TestAggregatorEmpty(t *testing.T) {
	rep := newTestAggregator(t, AggregateOptions{GroupBy: "location"}).Report()
	if rep.Overall.N != 0 || rep.Overall.Score.Mean != nil || len(rep.Groups) != 0 || len(rep.Overall.TopProblems) != 0 {
		t.Errorf("empty report: %+v", rep.Overall)
	}
	if rep.Overall.Levels[0].PassedShare != nil {
		t.Errorf("pass share of no audits = %v, want nil", *rep.Overall.Levels[0].PassedShare)
	}
	if _, err := NewAggregator(nil, AggregateOptions{}); err == nil {
		t.Error("NewAggregator(nil): no error")
	}
}

func TestAggregatorSurvey(t *testing.T) {
	a := newTestAggregator(t, AggregateOptions{GroupBy: "location"})
	addAll(t, a, aggAudits)
	rep := a.Report()
	o := rep.Overall
	if len(o.Survey) != 4 {
		t.Fatalf("survey metrics: got %d, want 4 (rec, mood, effort, sat; the text question feeds none)", len(o.Survey))
	}
	rec, mood, effort, sat := o.Survey[0], o.Survey[1], o.Survey[2], o.Survey[3]

	// NPS answers 10, 8, 3, 9, 9: P 3, passive 1, D 1, NPS 100*(3-1)/5.
	// Adjusted Wald (Sauro & Lewis): p' = 3.75/8, d' = 1.75/8, NPS' =
	// 25, var = p'+d'-(p'-d')^2 = 0.625, se' = sqrt(0.625/8), CI = NPS' ±
	// 1.959963984540054 se', by hand -29.7827 .. 79.7827.
	if rec.NPS == nil || rec.N != 5 {
		t.Fatalf("rec: %+v", rec)
	}
	gotNPS := []float64{float64(rec.NPS.Promoters), float64(rec.NPS.Passives), float64(rec.NPS.Detractors), rec.NPS.NPS, rec.NPS.CI.Lo, rec.NPS.CI.Hi}
	wantNPS := []float64{3, 1, 1, 40, -29.782658786036354, 79.78265878603635}
	if d := cmp.Diff(wantNPS, gotNPS, approx); d != "" {
		t.Errorf("NPS P, passive, D, NPS, CI (-want +got):\n%s", d)
	}
	// Emotions positive, neutral, negative, positive, positive: the same
	// counts on the -1..1 scale.
	if mood.Emotion == nil || math.Abs(mood.Emotion.Index-0.4) > 1e-12 || math.Abs(mood.Emotion.CI.Hi-0.7978265878603635) > 1e-12 {
		t.Errorf("mood: %+v", mood.Emotion)
	}
	// CES 1..7 (higher is easier): 6, 7, 2, 5, 5, mean 5, sd sqrt(14/4),
	// t(0.975, 4) = 2.7764451051977987 (the upper end is clipped to the
	// scale); 4 of 5 answers in 5..7.
	if effort.CES == nil || effort.CES.Scale.Good.String() != "high" ||
		math.Abs(effort.CES.Mean-5) > 1e-12 || math.Abs(effort.CES.MeanCI.Lo-(5-2.3229406353851942)) > 1e-9 ||
		math.Abs(effort.CES.GoodShare-80) > 1e-12 {
		t.Errorf("effort: %+v", effort.CES)
	}
	// CSAT 1..5: 5, 4, 2, 4, 3, top two boxes 3 of 5, mean 3.6.
	if sat.CSAT == nil || math.Abs(sat.CSAT.CSAT-60) > 1e-12 || math.Abs(sat.CSAT.Mean-3.6) > 1e-12 {
		t.Errorf("sat: %+v", sat.CSAT)
	}
	// Per group: A answered 10, 8, 3 (NPS 0); C and the audit without a
	// location gave no NPS answer, so they have no NPS at all.
	byGroup := map[string]GroupSummary{}
	for _, g := range rep.Groups {
		byGroup[g.Group] = g
	}
	if g := byGroup["A"].Survey[0]; g.NPS == nil || g.NPS.NPS != 0 || g.N != 3 {
		t.Errorf("group A NPS: %+v", g.NPS)
	}
	if g := byGroup["C"].Survey[0]; g.NPS != nil || g.N != 0 {
		t.Errorf("group C NPS without answers: %+v", g)
	}
}

func TestCESScale(t *testing.T) {
	if s := CESScale(1, 10); s.Good.String() != "low" {
		t.Errorf("ces 1..10: %v, want the service-standards guide's effort scale, low is good", s)
	}
	if s := CESScale(1, 7); s.Good.String() != "high" || s.Lo != 1 || s.Hi != 7 {
		t.Errorf("ces 1..7: %v, want CES 2.0, high is good", s)
	}
}

// A scale's own good end wins over the preset of its bounds.
func TestSurveyScale(t *testing.T) {
	tests := []struct {
		kind Kind
		want metrics.Scale
	}{
		{Kind{Type: KindCES, Lo: 1, Hi: 10}, metrics.Effort10},
		{Kind{Type: KindCES, Lo: 1, Hi: 7}, metrics.CES2},
		{Kind{Type: KindCES, Lo: 1, Hi: 5}, metrics.Scale{Lo: 1, Hi: 5, Good: metrics.High}},
		{Kind{Type: KindCES, Lo: 1, Hi: 10, Good: "high"}, metrics.Scale{Lo: 1, Hi: 10, Good: metrics.High}},
		{Kind{Type: KindCES, Lo: 1, Hi: 7, Good: "low"}, metrics.Scale{Lo: 1, Hi: 7, Good: metrics.Low}},
		{Kind{Type: KindCSAT, Lo: 1, Hi: 5}, metrics.CSAT5},
		{Kind{Type: KindCSAT, Lo: 1, Hi: 5, Good: "low"}, metrics.Scale{Lo: 1, Hi: 5, Good: metrics.Low}},
		{Kind{Type: KindCSAT, Lo: 1, Hi: 5, Good: "sideways"}, metrics.Scale{Lo: 1, Hi: 5}},
	}
	for _, tt := range tests {
		if got := SurveyScale(tt.kind); got != tt.want {
			t.Errorf("SurveyScale(%+v) = %v, want %v", tt.kind, got, tt.want)
		}
	}
}

// The metric of a ces question takes the good end the question names,
// and refuses one that is neither high nor low rather than guess.
func TestAggregateCESLow(t *testing.T) {
	q := &Question{ID: "effort", Kind: Kind{Type: KindCES, Lo: 1, Hi: 7, Good: "low"}}
	sq, ok, err := newSurveyQ(q)
	if err != nil || !ok {
		t.Fatalf("newSurveyQ: ok %v, err %v", ok, err)
	}
	if want := (metrics.Scale{Lo: 1, Hi: 7, Good: metrics.Low}); sq.scale != want {
		t.Errorf("scale %v, want %v", sq.scale, want)
	}
	q.Kind.Good = "sideways"
	if _, _, err := newSurveyQ(q); err == nil {
		t.Error("newSurveyQ with direction sideways: no error")
	}
}

// Audits without the grouping field are listed, but a league table ranks
// places, so they come last and unranked even with the best score.
func TestAggregatorLeagueNoGroupLast(t *testing.T) {
	a := newTestAggregator(t, AggregateOptions{GroupBy: "location", MinN: 1})
	best := aggAudits[0]
	best.loc, best.score = "", new(float64(1))
	addAll(t, a, []audit{aggAudits[0], aggAudits[3], best})
	type row struct {
		Group string
		Rank  int
	}
	var got []row
	for _, g := range a.Report().Groups {
		got = append(got, row{g.Group, rankOf(g)})
	}
	want := []row{{"B", 1}, {"A", 2}, {NoGroup, 0}}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("league (-want +got):\n%s", d)
	}
}

func TestMomentsExact(t *testing.T) {
	var m moments
	for _, x := range []float64{0.1, 0.2, 0.3} {
		m.add(x)
	}
	mean, _ := m.mean()
	v, _ := m.variance()
	if math.Abs(mean-0.2) > 1e-16 || math.Abs(v-0.01) > 1e-16 {
		t.Errorf("0.1, 0.2, 0.3: mean %v, variance %v; want 0.2 and 0.01", mean, v)
	}

	// Doubling a sample 61 times (2^62 audits) carries across every word
	// of the sums and still gives the exact mean and variance.
	var d moments
	d.add(1)
	d.add(0.5)
	for range 61 {
		c := d
		d.merge(&c)
	}
	mean, _ = d.mean()
	v, _ = d.variance()
	// Half ones and half halves: mean 0.75, population variance 1/16,
	// sample variance 1/16 * n/(n-1) = 1/16 to double precision.
	if d.n != 1<<62 || mean != 0.75 || v != 1.0/16 {
		t.Errorf("2^62 values: n %d, mean %v, variance %v; want 2^62, 0.75, 0.0625", d.n, mean, v)
	}
}

func TestAuditGroup(t *testing.T) {
	tests := []struct {
		audit map[string]string
		field string
		want  string
	}{
		{map[string]string{"location": "A"}, "location", "A"},
		{map[string]string{"location": ""}, "location", NoGroup},
		{nil, "location", NoGroup},
		{map[string]string{"date": "2026-11-20"}, "month", "2026-11"},
		{map[string]string{"date": "2026-11-20T10:00:00+03:00"}, "month", "2026-11"},
		{map[string]string{"date": "2026-11-20", "month": "ноябрь"}, "month", "ноябрь"},
		{map[string]string{"date": "20.11.2026"}, "month", NoGroup},
		{map[string]string{"date": "2026"}, "month", NoGroup},
		{map[string]string{"date": "2026-11-20"}, "week", NoGroup},
	}
	for _, tt := range tests {
		if got := auditGroup(tt.audit, tt.field); got != tt.want {
			t.Errorf("auditGroup(%v, %q) = %q, want %q", tt.audit, tt.field, got, tt.want)
		}
	}
}

// The aggregator keeps counts per group and question, never the audits:
// after the groups have appeared, adding 20 times as many audits leaves
// the live heap where it was.
func TestAggregatorMemoryFlat(t *testing.T) {
	results := make([]Result, len(aggAudits))
	for i, au := range aggAudits {
		results[i] = au.result()
	}
	a := newTestAggregator(t, AggregateOptions{GroupBy: "location"})
	add := func(n int) uint64 {
		for i := range n {
			if err := a.Add(results[i%len(results)]); err != nil {
				t.Fatal(err)
			}
		}
		var ms runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&ms)
		return ms.HeapAlloc
	}
	before := add(1000)
	after := add(20000)
	if after > before+32<<10 {
		t.Errorf("live heap grew from %d to %d bytes with 20,000 more audits", before, after)
	}
	if a.Len() != 21000 {
		t.Errorf("Len = %d, want 21000", a.Len())
	}
	runtime.KeepAlive(results)
}

// FuzzAggregatorAdd feeds results from arbitrary JSON: Add may refuse
// them, but it must not panic, a refused result must leave the report as
// it was, and every share in the report must stay in [0,1].
func FuzzAggregatorAdd(f *testing.F) {
	for _, au := range aggAudits {
		b, err := json.Marshal(au.result())
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var r Result
		if json.Unmarshal(data, &r) != nil {
			return
		}
		a := newTestAggregator(t, AggregateOptions{GroupBy: "location", TopProblems: -1})
		addAll(t, a, aggAudits[:2])
		before := a.Report()
		if err := a.Add(r); err != nil {
			if d := cmp.Diff(before, a.Report()); d != "" {
				t.Fatalf("a refused result (%v) changed the report:\n%s", err, d)
			}
			return
		}
		rep := a.Report()
		for _, g := range append(rep.Groups, rep.Overall) {
			shares := []*float64{g.Score.Mean}
			for _, r := range g.Reached {
				shares = append(shares, r.Share)
			}
			for _, l := range g.Levels {
				shares = append(shares, l.Score.Mean, l.PassedShare, l.GatedShare)
			}
			for _, q := range g.Questions {
				shares = append(shares, q.Mean, q.FailureRate)
			}
			for _, x := range shares {
				if x != nil && !(*x >= 0 && *x <= 1) {
					t.Fatalf("group %q: share %v outside [0,1]", g.Group, *x)
				}
			}
		}
	})
}

// AddScored counts exactly what Add counts for the same sheets.
func TestAggregatorAddScoredEqualsAdd(t *testing.T) {
	c := genChecklist(60)
	p, err := Compile(c)
	if err != nil {
		t.Fatal(err)
	}
	opts := AggregateOptions{GroupBy: "location", TopProblems: -1}
	viaResult, err := NewAggregator(c, opts)
	if err != nil {
		t.Fatal(err)
	}
	viaScores, _ := NewAggregator(c, opts)
	rng := rand.New(rand.NewPCG(3, 4))
	var (
		b  Bound
		sc Scores
	)
	for i := range 300 {
		s := genSheet(c, rng)
		s.Audit = map[string]string{"location": fmt.Sprint("L", i%4)}
		r, err := p.Score(s)
		if err != nil {
			t.Fatal(err)
		}
		if err := viaResult.Add(r); err != nil {
			t.Fatal(err)
		}
		if err := p.BindInto(&b, s); err != nil {
			t.Fatal(err)
		}
		p.ScoreInto(&sc, &b)
		if err := viaScores.AddScored(p, s, &sc); err != nil {
			t.Fatal(err)
		}
	}
	if d := cmp.Diff(viaResult.Report(), viaScores.Report()); d != "" {
		t.Errorf("AddScored differs from Add (-Add +AddScored):\n%s", d)
	}

	other := genChecklist(10)
	op, _ := Compile(other)
	other.ID = "other"
	if err := viaScores.AddScored(op, &Sheet{Checklist: "other"}, &sc); err == nil {
		t.Error("AddScored with another checklist's plan: no error")
	}
}

// Means that are equal but for floating-point noise tie, and the tie
// goes by group name, as the scoring spec ranks groups: 0.1 and 0.3
// average to 0.2 as 0.2 and 0.2 do, though the binary values of 0.1,
// 0.2 and 0.3 make the two sums differ in their last bits. Both ways
// round, so that the test does not hang on which of the two comes out
// larger.
func TestAggregatorLeagueTiesWithinRounding(t *testing.T) {
	at := func(loc string, score float64) audit {
		au := aggAudits[3]
		au.loc, au.score = loc, new(score)
		return au
	}
	type row struct {
		Group string
		Rank  int
	}
	for _, names := range [][2]string{{"Y", "Z"}, {"Z", "Y"}} {
		a := newTestAggregator(t, AggregateOptions{GroupBy: "location", MinN: 1})
		addAll(t, a, []audit{at(names[0], 0.1), at(names[0], 0.3), at(names[1], 0.2), at(names[1], 0.2), at("X", 0.2+1e-9)})
		var got []row
		for _, g := range a.Report().Groups {
			got = append(got, row{g.Group, rankOf(g)})
		}
		// X is ahead by a real, if small, difference; Y and Z tie.
		want := []row{{"X", 1}, {"Y", 2}, {"Z", 3}}
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("0.1 and 0.3 in %s, 0.2 twice in %s: league (-want +got):\n%s", names[0], names[1], d)
		}
	}
}

// rankOf is a group's rank, 0 when it has none.
func rankOf(g GroupSummary) int {
	if g.Rank == nil {
		return 0
	}
	return *g.Rank
}
