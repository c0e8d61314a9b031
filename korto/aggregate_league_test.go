package korto

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// leagueAudits are three groups whose scores are given one by one.
var leagueScores = map[string][]float64{
	"A": {0.9, 0.85, 0.95, 0.8, 0.9, 0.88},
	"B": {0.7, 0.75, 0.6, 0.8, 0.65},
	"C": {0.8, 0.82, 0.78, 0.85, 0.75, 0.8, 0.79},
}

func scoreAudit(loc, date string, x float64) Result {
	r := audit{loc: loc, score: new(x), l1: new(x), l2: new(x), vals: [4]float64{1, 1, 1, 1}, rec: -1}.result()
	if date != "" {
		r.Audit["date"] = date
	}
	return r
}

// Worked example of the league: shrinkage, Welch against the rest and
// Holm. The expected numbers were computed outside Go, in Python 3 from
// the formulas of reports.md, with Student's t tail integrated by
// Simpson's rule (200,000 steps) from the density written out with
// math.lgamma: an implementation that shares nothing with metrics'.
func TestLeagueWorked(t *testing.T) {
	a := newTestAggregator(t, AggregateOptions{GroupBy: "location"})
	for _, g := range []string{"A", "B", "C"} {
		for _, x := range leagueScores[g] {
			if err := a.Add(scoreAudit(g, "", x)); err != nil {
				t.Fatal(err)
			}
		}
	}
	rep := a.Report()
	if !rep.Shrinkage || rep.MinN != DefaultMinN {
		t.Fatalf("shrinkage %v, min_n %d", rep.Shrinkage, rep.MinN)
	}
	type row struct {
		Group                   string
		Rank                    int
		Shrunk, T, DF, P, PHolm float64
		VsRest                  string
	}
	var got []row
	for _, g := range rep.Groups {
		got = append(got, row{g.Group, rankOf(g), *g.ShrunkMean, *g.T, *g.DF, *g.P, *g.PHolm, *g.VsRest})
	}
	want := []row{
		{"A", 1, 0.8743069248184144, 4.124771842519922, 13.927468768852862, 0.0010417683593136884, 0.003125305077941065, VsRestAbove},
		{"C", 2, 0.798270686679878, 0.010852293400252047, 12.283923848456874, 0.9915155561412303, 0.9915155561412303, VsRestWithin},
		{"B", 3, 0.7072527288660736, -3.5056951749535687, 5.742767379194384, 0.013684795891170665, 0.02736959178234133, VsRestBelow},
	}
	if d := cmp.Diff(want, got, approxP); d != "" {
		t.Errorf("league (-want +got):\n%s", d)
	}
	if d := cmp.Diff([]float64{0.006940333778371165, 0.7932767801214553}, []float64{*rep.Tau2, *rep.Mu}, approx); d != "" {
		t.Errorf("τ², μ (-want +got):\n%s", d)
	}
	for _, g := range rep.Groups {
		if *g.RankLow > *g.Rank || *g.RankHigh < *g.Rank {
			t.Errorf("%s: rank %d outside its interval %d–%d", g.Group, *g.Rank, *g.RankLow, *g.RankHigh)
		}
	}
}

// p-values from the integrated tail agree to about 1e-9.
var approxP = cmp.Comparer(func(x, y float64) bool {
	d := x - y
	return d < 1e-9 && d > -1e-9
})

// Groups below --min-n get no rank, come after the ranked ones and keep
// their shrunk mean; a group of one has no sd, se or interval.
func TestLeagueTooFew(t *testing.T) {
	a := newTestAggregator(t, AggregateOptions{GroupBy: "location", MinN: 6})
	for _, g := range []string{"A", "B", "C"} {
		for _, x := range leagueScores[g] {
			if err := a.Add(scoreAudit(g, "", x)); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := a.Add(scoreAudit("Lucky", "", 1)); err != nil {
		t.Fatal(err)
	}
	rep := a.Report()
	var order []string
	for _, g := range rep.Groups {
		order = append(order, fmt.Sprintf("%s:%d:%v", g.Group, rankOf(g), g.TooFew))
	}
	want := []string{"A:1:false", "C:2:false", "Lucky:0:true", "B:0:true"}
	if d := cmp.Diff(want, order); d != "" {
		t.Errorf("order (-want +got):\n%s", d)
	}
	lucky := rep.Groups[2]
	if lucky.Score.SD != nil || lucky.Score.SE != nil || lucky.Score.CILow != nil || lucky.RankLow != nil || lucky.VsRest != nil {
		t.Errorf("a group of one: %+v", lucky.Score)
	}
	if *lucky.ShrunkMean >= 1 {
		t.Errorf("the lucky group of one keeps its 100%% (%g): it should shrink", *lucky.ShrunkMean)
	}
}

// Waves: periods in date order, with the change and Welch's p.
func TestLeaguePeriods(t *testing.T) {
	a := newTestAggregator(t, AggregateOptions{GroupBy: "location", Period: PeriodMonth})
	dates := []string{"2026-03-02", "2026-01-15", "2026-01-20", "2026-03-30", "2026-02-01", "2026-02-11"}
	for i, x := range leagueScores["A"] {
		if err := a.Add(scoreAudit("A", dates[i], x)); err != nil {
			t.Fatal(err)
		}
	}
	if err := a.Add(scoreAudit("A", "02.03.2026", 0.5)); err == nil || !strings.Contains(err.Error(), `"02.03.2026"`) {
		t.Errorf("a Russian date: %v", err)
	}
	ps := a.Report().Groups[0].Periods
	var got []string
	for _, p := range ps {
		got = append(got, fmt.Sprintf("%s n=%d %.3f", p.Period, p.N, *p.Mean))
	}
	// January 0.85 and 0.95, February 0.9 and 0.88, March 0.9 and 0.8.
	want := []string{"2026-01 n=2 0.900", "2026-02 n=2 0.890", "2026-03 n=2 0.850"}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("periods (-want +got):\n%s", d)
	}
	if ps[0].Change != nil || ps[1].Change == nil || *ps[1].Change > -0.0099 || *ps[1].Change < -0.0101 || ps[1].P == nil {
		t.Errorf("changes: %+v %+v", ps[0], ps[1])
	}
	for k, want := range map[string]string{PeriodWeek: "2026-W10", PeriodQuarter: "2026-Q1", PeriodMonth: "2026-03"} {
		d, _ := ParseAuditDate("2026-03-02")
		if got := PeriodOf(d, k); got != want {
			t.Errorf("PeriodOf(2026-03-02, %s) = %s, want %s", k, got, want)
		}
	}
}

// Critical failures: ordered by group as ranked, date, audit, and at
// most MaxCriticalFailures listed with the total counted; merged parts
// give the same list.
func TestCriticalFailuresOrderAndCap(t *testing.T) {
	mk := func() *Aggregator { return newTestAggregator(t, AggregateOptions{GroupBy: "location", MinN: 1}) }
	whole, p1, p2 := mk(), mk(), mk()
	n := 0
	for _, loc := range []string{"B", "A"} {
		for i := range 150 {
			r := audit{loc: loc, score: new(0.5), l1: new(0.5), l2: new(0.5), vals: [4]float64{0, 1, 1, 1}, rec: -1}.result()
			if loc == "A" {
				r.Score = new(0.6)
			}
			r.CriticalFailed = []string{"a"}
			r.Audit["id"] = fmt.Sprintf("%s-%03d", loc, 149-i)
			r.Audit["date"] = fmt.Sprintf("2026-01-%02d", 1+i%28)
			for _, x := range []*Aggregator{whole, []*Aggregator{p1, p2}[n%2]} {
				if err := x.Add(r); err != nil {
					t.Fatal(err)
				}
			}
			n++
		}
	}
	if err := p1.Merge(p2); err != nil {
		t.Fatal(err)
	}
	rep, merged := whole.Report(), p1.Report()
	if d := cmp.Diff(rep.CriticalFailures, merged.CriticalFailures); d != "" {
		t.Errorf("merged parts list other failures:\n%s", d)
	}
	cf := rep.CriticalFailures
	if len(cf) != MaxCriticalFailures || rep.CriticalFailuresTotal != 300 {
		t.Fatalf("%d listed, %d total", len(cf), rep.CriticalFailuresTotal)
	}
	// A is ranked first (0.6 against 0.5): its 150 come first.
	if cf[0].Group != "A" || cf[149].Group != "A" || cf[150].Group != "B" {
		t.Errorf("groups out of rank order: %v %v %v", cf[0], cf[149], cf[150])
	}
	for i := 1; i < 150; i++ {
		if x, y := cf[i-1], cf[i]; x.Date > y.Date || x.Date == y.Date && x.Audit > y.Audit {
			t.Errorf("out of date order: %v before %v", x, y)
		}
	}
	if cf[0].Question != "a" || cf[0].Title != "Q a" {
		t.Errorf("question %+v", cf[0])
	}
}

// Comments: the latest MaxComments by date, the total counted.
func TestComments(t *testing.T) {
	a := newTestAggregator(t, AggregateOptions{})
	for i := range 30 {
		r := scoreAudit("A", fmt.Sprintf("2026-01-%02d", 1+i), 0.5)
		r.Audit["id"] = fmt.Sprint(i)
		if err := a.Add(r); err != nil {
			t.Fatal(err)
		}
	}
	o := a.Report().Overall
	if len(o.Comments) != MaxComments || o.CommentsTotal != 30 || o.Comments[0].Date != "2026-01-30" || o.Comments[19].Date != "2026-01-11" {
		t.Errorf("%d comments of %d, first %+v", len(o.Comments), o.CommentsTotal, o.Comments[0])
	}
	if o.Comments[0].Question != "note" || o.Comments[0].Text != "free text" {
		t.Errorf("comment %+v", o.Comments[0])
	}
}

// --by month is a field like any other but is listed in date order and
// never ranked; the month comes from the date when the audit has none.
func TestLeagueByMonthInDateOrder(t *testing.T) {
	a := newTestAggregator(t, AggregateOptions{GroupBy: "month", MinN: 1})
	for i, d := range []string{"2026-03-02", "2026-01-15", "2026-02-01", "2026-01-20", "2026-03-09"} {
		if err := a.Add(scoreAudit("", d, []float64{0.9, 0.2, 0.5, 0.3, 0.8}[i])); err != nil {
			t.Fatal(err)
		}
	}
	var got []string
	for _, g := range a.Report().Groups {
		got = append(got, fmt.Sprintf("%s:%d", g.Group, rankOf(g)))
	}
	if d := cmp.Diff([]string{"2026-01:0", "2026-02:0", "2026-03:0"}, got); d != "" {
		t.Errorf("months (-want +got):\n%s", d)
	}
}

// A group whose audits all scored the same is still tested against the
// rest: reports.md tests every group with n >= 2 and two audits outside
// it, and Welch's formula needs spread on one side only. (--compare
// refuses such a side, metrics.md; see welchMoments.) With s_g = 0,
// t = (m_g - m_r) / sqrt(s_r^2/n_r) and df = n_r - 1.
func TestLeagueFlatGroupTested(t *testing.T) {
	a := newTestAggregator(t, AggregateOptions{GroupBy: "location"})
	scores := map[string][]float64{"A": leagueScores["A"], "B": leagueScores["B"], "Flat": {1, 1, 1, 1}}
	var rest []float64
	for _, g := range []string{"A", "B", "Flat"} {
		for _, x := range scores[g] {
			if err := a.Add(scoreAudit(g, "", x)); err != nil {
				t.Fatal(err)
			}
			if g != "Flat" {
				rest = append(rest, x)
			}
		}
	}
	var m, ss float64
	for _, x := range rest {
		m += x / float64(len(rest))
	}
	for _, x := range rest {
		ss += (x - m) * (x - m)
	}
	nr := float64(len(rest))
	wantT := (1 - m) / math.Sqrt(ss/(nr-1)/nr)
	for _, g := range a.Report().Groups {
		if g.Group != "Flat" {
			continue
		}
		if g.T == nil || g.DF == nil || g.P == nil || g.PHolm == nil || g.VsRest == nil {
			t.Fatalf("Flat untested: t %v, p %v, vs_rest %v", g.T, g.P, g.VsRest)
		}
		if math.Abs(*g.T-wantT) > 1e-9 || math.Abs(*g.DF-(nr-1)) > 1e-9 {
			t.Errorf("Flat: t %v, df %v; want %v, %v", *g.T, *g.DF, wantT, nr-1)
		}
		return
	}
	t.Fatal("no group Flat")
}

// Waves: the change is known whenever both have n >= 2 (reports.md);
// its p is Welch's, which needs spread on at least one side.
func TestLeaguePeriodsNoSpread(t *testing.T) {
	a := newTestAggregator(t, AggregateOptions{GroupBy: "location", Period: PeriodMonth})
	for _, s := range []struct {
		date string
		x    float64
	}{{"2026-01-10", 0.75}, {"2026-01-20", 0.75}, {"2026-02-03", 0.5}, {"2026-02-04", 0.5}, {"2026-03-01", 0.25}, {"2026-03-02", 0.75}} {
		if err := a.Add(scoreAudit("A", s.date, s.x)); err != nil {
			t.Fatal(err)
		}
	}
	ps := a.Report().Groups[0].Periods
	if len(ps) != 3 {
		t.Fatalf("periods: %+v", ps)
	}
	// February - January = 0.5 - 0.75, two flat waves: no standard
	// error, no p. March - February = 0.5 - 0.5 against March's
	// spread: t = 0, p = 1.
	feb, mar := ps[1], ps[2]
	if feb.Change == nil || *feb.Change != -0.25 || feb.P != nil {
		t.Errorf("%s: change %v, p %v; want change -0.25 and no p", feb.Period, feb.Change, feb.P)
	}
	if mar.Change == nil || *mar.Change != 0 || mar.P == nil || math.Abs(*mar.P-1) > 1e-12 {
		t.Errorf("%s: change %v, p %v; want change 0 and p 1", mar.Period, mar.Change, mar.P)
	}
}
