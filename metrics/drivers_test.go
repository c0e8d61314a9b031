package metrics

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// TestDrivers simulates 400 audits, seeded: failing "rude" (a third of
// the audits) makes a promoter much rarer; "mats" fails as often and
// does nothing. The drivers must put rude first, with a drop near the
// simulated one and a Holm-adjusted p far below 0.05, and not call mats
// significant; "rare" fails in too few audits to be tested.
func TestDrivers(t *testing.T) {
	r := rand.New(rand.NewPCG(17, 17))
	const n = 400
	outcome := make([]float64, n)
	checks := map[string][]Check{"rude": make([]Check, n), "mats": make([]Check, n), "rare": make([]Check, n)}
	for i := range n {
		rude := r.Float64() < 1.0/3
		checks["rude"][i], checks["mats"][i], checks["rare"][i] = Passed, Passed, Passed
		if rude {
			checks["rude"][i] = Failed
		}
		if r.Float64() < 1.0/3 {
			checks["mats"][i] = Failed
		}
		if i < 3 {
			checks["rare"][i] = Failed
		}
		if i%10 == 0 {
			checks["mats"][i] = NotApplicable
		}
		// Promoter 60% / detractor 10% when polite; 15% / 55% when rude.
		p, d := 0.6, 0.1
		if rude {
			p, d = 0.15, 0.55
		}
		switch u := r.Float64(); {
		case u < p:
			outcome[i], _ = NPSOutcome(10)
		case u < p+d:
			outcome[i], _ = NPSOutcome(3)
		default:
			outcome[i], _ = NPSOutcome(8)
		}
	}
	ds, err := Drivers(OutcomeNPS, outcome, checks, 5, 0.95)
	if err != nil {
		t.Fatal(err)
	}
	if len(ds) != 2 || ds[0].Question != "rude" || ds[1].Question != "mats" {
		t.Fatalf("drivers %+v: want rude, then mats; rare untested", ds)
	}
	rude, mats := ds[0], ds[1]
	// The simulated drop is (60 - 10) - (15 - 55) = 90 NPS points.
	if !rude.CI.Contains(90) || rude.PHolm > 1e-6 || rude.PHolm < rude.P {
		t.Errorf("rude: diff %.1f [%.1f, %.1f], p %g, p_holm %g", rude.Diff, rude.CI.Lo, rude.CI.Hi, rude.P, rude.PHolm)
	}
	if mats.PHolm < 0.05 {
		t.Errorf("mats called significant: p_holm %g", mats.PHolm)
	}
	if rude.NPassed+rude.NFailed != n || mats.NPassed+mats.NFailed != n-n/10 {
		t.Errorf("counts: rude %d+%d, mats %d+%d", rude.NPassed, rude.NFailed, mats.NPassed, mats.NFailed)
	}
	// RawDiff is the plain difference of the two sides' means.
	var sp, sf float64
	for i, c := range checks["rude"] {
		if c == Passed {
			sp += outcome[i]
		} else {
			sf += outcome[i]
		}
	}
	if want := sp/float64(rude.NPassed) - sf/float64(rude.NFailed); math.Abs(rude.RawDiff-want) > 1e-9 {
		t.Errorf("raw diff %v, want %v", rude.RawDiff, want)
	}
	if rude.Method != AdjustedWald {
		t.Errorf("method %q, want %q", rude.Method, AdjustedWald)
	}

	if _, err := Drivers(OutcomeNPS, outcome, map[string][]Check{"x": make([]Check, 3)}, 5, 0.95); err == nil {
		t.Error("checks of the wrong length: no error")
	}
	for _, c := range []struct {
		k OutcomeKind
		x float64
	}{{OutcomeMean, math.NaN()}, {OutcomeNPS, 50}, {OutcomeNPS, 1}, {OutcomeEmotion, 100}, {OutcomeShare, -100}, {OutcomeKind(9), 0}} {
		if _, err := Drivers(c.k, []float64{c.x}, nil, 5, 0.95); err == nil {
			t.Errorf("%v outcome %v: no error", c.k, c.x)
		}
	}
}

// TestEmotionNPS crosses six customers by hand.
func TestEmotionNPS(t *testing.T) {
	var a, b EmotionNPS
	for _, c := range []struct {
		e Emotion
		s int
	}{{Positive, 10}, {Positive, 9}, {Positive, 7}, {Neutral, 8}, {Negative, 2}, {Negative, 9}} {
		acc := &a
		if c.s%2 == 1 {
			acc = &b
		}
		if err := acc.Add(c.e, c.s); err != nil {
			t.Fatal(err)
		}
	}
	a.Merge(&b)
	f := func(x float64) *float64 { return &x }
	want := []EmotionNPSRow{
		{Emotion: Negative, N: 2, Promoters: 1, Detractors: 1, NPS: f(0)},
		{Emotion: Neutral, N: 1, Passives: 1, NPS: f(0)},
		{Emotion: Positive, N: 3, Promoters: 2, Passives: 1, NPS: f(200.0 / 3)},
	}
	if diff := cmp.Diff(want, a.Rows()); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
	if err := a.Add(Emotion(9), 5); err == nil {
		t.Error("a bad emotion: no error")
	}
	if err := a.Add(Positive, 11); err == nil {
		t.Error("score 11: no error")
	}
}

// TestDriversHolmNominal is the seeded simulation behind Drivers'
// p_holm: five questions that have no effect on the NPS outcome, and
// one that has, in 600 simulated reports of 120 audits. A null question
// may be called a driver (p_holm < 0.05) in at most 5% of the reports,
// give or take the simulation's own error; with the raw p, one of the
// five is called in about a fifth of them, which the test checks too,
// so that it would notice a missing adjustment.
func TestDriversHolmNominal(t *testing.T) {
	r := rand.New(rand.NewPCG(2026, 17))
	const reps, n, nulls = 600, 120, 5
	var holmHits, rawHits int
	for range reps {
		outcome := make([]float64, n)
		// Questions in a fixed order, so that the seed decides everything.
		names := []string{"real", "a", "b", "c", "d", "e"}[:1+nulls]
		checks := map[string][]Check{}
		for _, q := range names {
			checks[q] = make([]Check, n)
		}
		for i := range n {
			for _, q := range names {
				checks[q][i] = Passed
				if r.Float64() < 0.3 {
					checks[q][i] = Failed
				}
			}
			p, d := 0.5, 0.2
			if checks["real"][i] == Failed {
				p, d = 0.3, 0.4
			}
			switch u := r.Float64(); {
			case u < p:
				outcome[i] = 100
			case u < p+d:
				outcome[i] = -100
			}
		}
		ds, err := Drivers(OutcomeNPS, outcome, checks, 5, 0.95)
		if err != nil {
			t.Fatal(err)
		}
		var holm, raw bool
		for _, d := range ds {
			if d.Question == "real" {
				continue
			}
			holm = holm || d.PHolm < 0.05
			raw = raw || d.P < 0.05
		}
		holmHits += boolCount(holm)
		rawHits += boolCount(raw)
	}
	t.Logf("null question called a driver: %d of %d reports after Holm, %d with the raw p", holmHits, reps, rawHits)
	se := math.Sqrt(0.05 * 0.95 / reps)
	if rate := float64(holmHits) / reps; rate > 0.05+3*se {
		t.Errorf("a null question called a driver in %.3f of the reports after Holm; want at most 0.05 (+%.3f)", rate, 3*se)
	}
	if rate := float64(rawHits) / reps; rate < 0.12 {
		t.Errorf("raw p flags a null question in only %.3f of the reports: the simulation cannot tell an adjustment from none", rate)
	}
}

func boolCount(b bool) int {
	if b {
		return 1
	}
	return 0
}

// TestDriversOf checks the summarized call against numbers worked by
// hand from metrics.md's formulas (python3's math.erfc for the normal),
// for each kind of outcome, and that Drivers on the audits gives the
// same answer.
//
// NPS: passed 100, 0, 100, 100, 100 (4 promoters, 0 detractors of 5),
// failed -100, -100, 0, -100 (0 and 3 of 4). Adjusted: p' = 4.75/8,
// d' = 0.75/8, score 100·4/8 = 50; p' = 0.75/7, d' = 3.75/7, score
// -100·3/7; diff 50 + 300/7 = 92.857142857; se' 100·sqrt((p' + d' -
// (p' - d')²)/(n + 3)) on each side, se 34.682152130, z 2.677375455,
// p 0.007420143336, interval 24.881373776 … 160.832911939. The plain
// means are 80 and -75.
func TestDriversOf(t *testing.T) {
	outcome := []float64{100, 0, 100, -100, 100, -100, 0, -100, 100, 100}
	checks := map[string][]Check{"q": {Passed, Passed, Passed, Failed, Passed, Failed, Failed, Failed, Passed, NotApplicable}}
	got, err := Drivers(OutcomeNPS, outcome, checks, 3, 0.95)
	if err != nil {
		t.Fatal(err)
	}
	want := []Driver{{Question: "q", Method: AdjustedWald, NPassed: 5, NFailed: 4, MeanPassed: 80, MeanFailed: -75,
		Diff: 92.857142857142857, RawDiff: 155, CI: Interval{Lo: 24.881373775541014, Hi: 160.8329119387447, Level: 0.95, Method: AdjustedWald},
		P: 0.007420143336389418, PHolm: 0.007420143336389418}}
	if diff := cmp.Diff(want, got, cmpopts.EquateApprox(0, 1e-6)); diff != "" {
		t.Errorf("Drivers (-by hand +got)\n%s", diff)
	}
	of, err := DriversOf(OutcomeNPS, map[string]DriverSides{"q": {
		Passed: DriverSide{N: 5, High: 4},
		Failed: DriverSide{N: 4, Low: 3},
	}}, 3, 0.95, 0)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(got, of); diff != "" {
		t.Errorf("(-Drivers +DriversOf)\n%s", diff)
	}

	// The emotional index, the same sides on -1..1: the same test, in
	// index units. CSAT: 3 of 4 in the box against 2 of 4 (Agresti–Caffo:
	// 4/6 against 3/6, diff 16.666666667 points, se 28.054180384,
	// p 0.552452904882, interval -38.318516502 … 71.651849836).
	emo, err := DriversOf(OutcomeEmotion, map[string]DriverSides{"q": {Passed: DriverSide{N: 5, High: 4}, Failed: DriverSide{N: 4, Low: 3}}}, 3, 0.95, 0)
	if err != nil || len(emo) != 1 {
		t.Fatalf("emotion: %v, %v", emo, err)
	}
	scaled := want[0]
	scaled.MeanPassed, scaled.MeanFailed, scaled.Diff, scaled.RawDiff = 0.8, -0.75, want[0].Diff/100, 1.55
	scaled.CI.Lo, scaled.CI.Hi = want[0].CI.Lo/100, want[0].CI.Hi/100
	if diff := cmp.Diff(scaled, emo[0], cmpopts.EquateApprox(0, 1e-9)); diff != "" {
		t.Errorf("emotion (-NPS/100 +got)\n%s", diff)
	}
	share, err := DriversOf(OutcomeShare, map[string]DriverSides{"q": {Passed: DriverSide{N: 4, High: 3}, Failed: DriverSide{N: 4, High: 2}}}, 3, 0.95, 0)
	if err != nil {
		t.Fatal(err)
	}
	wantShare := []Driver{{Question: "q", Method: AgrestiCaffo, NPassed: 4, NFailed: 4, MeanPassed: 75, MeanFailed: 50,
		Diff: 16.666666666666664, RawDiff: 25, CI: Interval{Lo: -38.31851650242803, Hi: 71.65184983576137, Level: 0.95, Method: AgrestiCaffo},
		P: 0.5524529048817781, PHolm: 0.5524529048817781}}
	if diff := cmp.Diff(wantShare, share, cmpopts.EquateApprox(0, 1e-6)); diff != "" {
		t.Errorf("share (-by hand +got)\n%s", diff)
	}

	// A mean outcome is Welch's, and a side without spread is not tested.
	mean, err := DriversOf(OutcomeMean, map[string]DriverSides{
		"q": {Passed: DriverSide{N: 5, Mean: 80, Var: 2000}, Failed: DriverSide{N: 4, Mean: -75, Var: 2500}},
		"r": {Passed: DriverSide{N: 5, Mean: 80, Var: 2000}, Failed: DriverSide{N: 4, Mean: 100}},
	}, 3, 0.95, 0)
	if err != nil || len(mean) != 1 || mean[0].Method != WelchT {
		t.Fatalf("mean: %+v, %v; want q alone, by Welch", mean, err)
	}
	w, _ := Welch(80, 2000, 5, -75, 2500, 4)
	if mean[0].Diff != 155 || mean[0].P != w.P {
		t.Errorf("mean: %+v; want diff 155, p %v", mean[0], w.P)
	}

	for _, c := range []struct {
		k OutcomeKind
		d DriverSide
	}{
		{OutcomeMean, DriverSide{N: 5, Var: -1}},
		{OutcomeMean, DriverSide{N: 5, Mean: math.Inf(1)}},
		{OutcomeNPS, DriverSide{N: 5, Low: 3, High: 3}},
		{OutcomeNPS, DriverSide{N: -1}},
		{OutcomeEmotion, DriverSide{N: 5, Low: -1}},
		{OutcomeShare, DriverSide{N: 5, Low: 1, High: 2}},
	} {
		if _, err := DriversOf(c.k, map[string]DriverSides{"q": {Passed: c.d}}, 3, 0.95, 0); err == nil {
			t.Errorf("%v side %+v: no error", c.k, c.d)
		}
	}
	for _, c := range []struct {
		s      Scale
		rating int
		want   float64
	}{
		{Scale{Lo: 1, Hi: 5, Good: High}, 4, 100},
		{Scale{Lo: 1, Hi: 5, Good: High}, 3, 0},
		{Scale{Lo: 1, Hi: 5, Good: Low}, 2, 100},
		{Scale{Lo: 1, Hi: 5, Good: Low}, 3, 0},
		{Scale{Lo: 0, Hi: 1, Good: High}, 0, 0},
		{Scale{Lo: 0, Hi: 1, Good: High}, 1, 100},
	} {
		if got, err := CSATOutcome(c.rating, c.s); err != nil || got != c.want {
			t.Errorf("CSATOutcome(%d, %v) = %v, %v; want %v", c.rating, c.s, got, err, c.want)
		}
	}
	if _, err := CSATOutcome(6, Scale{Lo: 1, Hi: 5, Good: High}); err == nil {
		t.Error("rating 6 on 1..5: no error")
	}
}

// TestDriversAreComparisons: a driver is the comparison metrics.md
// makes of its two sides, with the package's own Compare functions, at
// the published level and at one where the adjusted-Wald constants are
// recalibrated.
func TestDriversAreComparisons(t *testing.T) {
	p, f := DriverSide{N: 40, Low: 6, High: 21}, DriverSide{N: 7, Low: 5, High: 1}
	nps := func(s DriverSide, level float64) NPSResult {
		r, err := (&NPS{t: s.tally()}).ResultWith(Options{Level: level})
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	emo := func(s DriverSide, level float64) EmotionResult {
		r, err := (&Emotions{t: s.tally()}).ResultWith(Options{Level: level})
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	for _, level := range []float64{0.95, 0.9} {
		for _, k := range []OutcomeKind{OutcomeNPS, OutcomeEmotion, OutcomeShare} {
			pk, fk := p, f
			var want Comparison
			var err error
			switch k {
			case OutcomeNPS:
				want, err = CompareNPS(nps(p, level), nps(f, level))
			case OutcomeEmotion:
				want, err = CompareEmotions(emo(p, level), emo(f, level))
			case OutcomeShare:
				pk.Low, fk.Low = 0, 0
				want, err = CompareShares(float64(pk.High)/40, 40, float64(fk.High)/7, 7, level)
				want = want.scaled(100)
			}
			if err != nil {
				t.Fatal(err)
			}
			ds, err := DriversOf(k, map[string]DriverSides{"q": {Passed: pk, Failed: fk}}, 5, level, 0)
			if err != nil || len(ds) != 1 {
				t.Fatalf("%v at %v: %v, %v", k, level, ds, err)
			}
			d := ds[0]
			if d.Diff != want.Diff || d.CI != want.CI || d.P != want.P || d.Method != want.Method {
				t.Errorf("%v at %v: driver %+v; want the comparison %+v", k, level, d, want)
			}
			if math.Abs(d.RawDiff-want.RawDiff) > 1e-9 {
				t.Errorf("%v at %v: raw diff %v, the comparison's %v", k, level, d.RawDiff, want.RawDiff)
			}
		}
	}
}
