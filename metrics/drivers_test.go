package metrics

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
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
	ds, err := Drivers(outcome, checks, 5, 0.95)
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
	// Diff is the plain difference of the two sides' means.
	var sp, sf float64
	for i, c := range checks["rude"] {
		if c == Passed {
			sp += outcome[i]
		} else {
			sf += outcome[i]
		}
	}
	if want := sp/float64(rude.NPassed) - sf/float64(rude.NFailed); math.Abs(rude.Diff-want) > 1e-9 {
		t.Errorf("diff %v, want %v", rude.Diff, want)
	}

	if _, err := Drivers(outcome, map[string][]Check{"x": make([]Check, 3)}, 5, 0.95); err == nil {
		t.Error("checks of the wrong length: no error")
	}
	if _, err := Drivers([]float64{math.NaN()}, nil, 5, 0.95); err == nil {
		t.Error("NaN outcome: no error")
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
