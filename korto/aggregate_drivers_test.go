package korto

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/cxkit/cxkit/metrics"
)

// TestAggregatorDrivers checks the drivers and the emotion x NPS table
// of eight audits against a hand computation. Question a passed in
// audits 1-4 and failed in 5-8; b, c and d never failed, so only a is
// tested.
//
//	audit      1    2    3    4  |  5    6    7    8
//	rec       10    9    8    3  |  2    7    0   10   NPS outcome 100 100 0 -100 | -100 0 -100 100
//	mood     pos  pos  neu  pos  | neg  neu  neg  neu  1 1 0 1 | -1 0 -1 0
//	sat        5    4    4    3  |  2    4    1    5   top two: 100 100 100 0 | 0 100 0 100
//
// NPS: passed mean 25, variance 27500/3; failed mean -25, the same
// variance; diff 50, se sqrt(2·27500/3/4) = 67.7003200386, t 0.73855,
// df 6, p 0.488052690992 (R: 2*pt(-0.7385489458759964, 6)), interval
// 50 ± 2.446911851·67.70032 = -115.6567154288 … 215.66, clipped to 200.
// Emotion: 0.75 (variance 0.25) against -0.5 (1/3): diff 1.25, se
// 0.3818813079, Welch df 5.88, p 0.0174670498, interval 0.3109279591 …
// 2.19, clipped to 2. CSAT: 75 (2500) against 50 (10000/3): diff 25,
// p 0.5374403444, interval -68.9072040869 … 118.9, clipped to 100.
// The p values and quantiles are from mpmath's regularized incomplete
// beta, 30 digits.
func TestAggregatorDrivers(t *testing.T) {
	type row struct {
		a    float64
		rec  float64
		mood string
		sat  float64
	}
	rows := []row{
		{1, 10, "positive", 5}, {1, 9, "positive", 4}, {1, 8, "neutral", 4}, {1, 3, "positive", 3},
		{0, 2, "negative", 2}, {0, 7, "neutral", 4}, {0, 0, "negative", 1}, {0, 10, "neutral", 5},
	}
	agg := newTestAggregator(t, AggregateOptions{MinN: 4})
	var audits []audit
	for _, r := range rows {
		audits = append(audits, audit{score: new(0.5), l1: new(0.5), l2: new(0.5), vals: [4]float64{r.a, 1, 1, 1},
			rec: r.rec, mood: r.mood, effort: 4, sat: r.sat})
	}
	addAll(t, agg, audits)
	rep := agg.Report()
	one := func(diff, lo, hi, p, mp, mf float64) []DriverOfOne {
		return []DriverOfOne{{Question: "a", Title: "Q a", NPassed: 4, NFailed: 4, MeanPassed: mp, MeanFailed: mf,
			Diff: diff, CILow: lo, CIHigh: hi, P: p, PHolm: p}}
	}
	want := []OutcomeDrivers{
		{Outcome: "rec", Title: "Q rec", Kind: KindNPS, N: 8, MinN: 4, Tested: 1,
			Drivers: one(50, -115.65671542883839, 200, 0.48805269099201153, 25, -25)},
		{Outcome: "mood", Title: "Q mood", Kind: KindEmotion, N: 8, MinN: 4, Tested: 1,
			Drivers: one(1.25, 0.31092795913090559, 2, 0.017467049804449024, 0.75, -0.5)},
		{Outcome: "sat", Title: "Q sat", Kind: KindCSAT, N: 8, MinN: 4, Tested: 1,
			Drivers: one(25, -68.907204086909441, 100, 0.53744034442667371, 75, 50)},
	}
	if d := cmp.Diff(want, rep.Drivers, cmpopts.EquateApprox(0, 1e-9)); d != "" {
		t.Errorf("drivers (-want +got):\n%s", d)
	}
	f := Float
	wantCross := []EmotionNPSTable{{Emotion: "mood", NPS: "rec", N: 8, Rows: []metrics.EmotionNPSRow{
		{Emotion: metrics.Negative, N: 2, Detractors: 2, NPS: f(-100)},
		{Emotion: metrics.Neutral, N: 3, Promoters: 1, Passives: 2, NPS: f(100.0 / 3)},
		{Emotion: metrics.Positive, N: 3, Promoters: 2, Detractors: 1, NPS: f(100.0 / 3)},
	}}}
	if d := cmp.Diff(wantCross, rep.EmotionNPS, cmpopts.EquateApprox(0, 1e-12)); d != "" {
		t.Errorf("emotion x NPS (-want +got):\n%s", d)
	}

	// With five audits needed on each side, nothing is tested.
	agg = newTestAggregator(t, AggregateOptions{MinN: 5})
	addAll(t, agg, audits)
	for _, o := range agg.Report().Drivers {
		if o.Tested != 0 || len(o.Drivers) != 0 || o.MinN != 5 {
			t.Errorf("%s with min n 5: %+v", o.Outcome, o)
		}
	}
}
