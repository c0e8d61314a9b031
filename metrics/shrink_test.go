package metrics

import (
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// Worked example of DerSimonian–Laird shrinkage. The expected numbers
// were computed outside Go, by a separate Python 3 implementation typed
// from the formulas of reports.md (plain floats, no libraries):
//
//	sig = Σ(n-1)s² / Σ(n-1); v = sig/n; w = 1/v
//	muFE = Σw·m/Σw; Q = Σw(m-muFE)²
//	tau = max(0, (Q-(k-1)) / (Σw - Σw²/Σw))
//	mu = Σm/(v+tau) / Σ1/(v+tau); B = v/(v+tau); shrunk = B·mu + (1-B)·m
func TestShrinkDLWorked(t *testing.T) {
	n := []float64{5, 8, 12, 3, 20}
	mean := []float64{0.82, 0.74, 0.79, 0.95, 0.70}
	variance := []float64{0.010, 0.020, 0.015, 0.004, 0.012}
	s, err := ShrinkDL(n, mean, variance)
	if err != nil {
		t.Fatal(err)
	}
	approx := cmpopts.EquateApprox(0, 1e-12)
	if !s.OK {
		t.Fatal("no shrinkage")
	}
	got := []float64{s.Sigma2, s.Tau2, s.Mu}
	want := []float64{0.013511627906976744, 0.004560329387401005, 0.7856027785044839}
	if d := cmp.Diff(want, got, approx); d != "" {
		t.Errorf("σ², τ², μ (-want +got):\n%s", d)
	}
	wantShrunk := []float64{0.8072013069634147, 0.7523247696360809, 0.7891292868004048, 0.8683133362329984, 0.7110451928895213}
	if d := cmp.Diff(wantShrunk, s.Shrunk, approx); d != "" {
		t.Errorf("shrunk means (-want +got):\n%s", d)
	}
	// The group of 3 at 0.95 moves most toward μ; the group of 20 least.
	if d3, d20 := mean[3]-s.Shrunk[3], s.Shrunk[4]-mean[4]; !(d3 > d20) {
		t.Errorf("the small group moved %g, the large %g: want the small one to move more", d3, d20)
	}
}

func TestShrinkDLNone(t *testing.T) {
	tests := []struct {
		name              string
		n, mean, variance []float64
	}{
		{"two groups", []float64{5, 5}, []float64{0.8, 0.6}, []float64{0.01, 0.01}},
		{"no group of 2", []float64{1, 1, 1}, []float64{0.8, 0.6, 0.7}, []float64{0, 0, 0}},
		{"no spread", []float64{4, 4, 4}, []float64{1, 0.5, 0}, []float64{0, 0, 0}},
	}
	for _, tt := range tests {
		s, err := ShrinkDL(tt.n, tt.mean, tt.variance)
		if err != nil || s.OK || !slicesEqual(s.Shrunk, tt.mean) {
			t.Errorf("%s: %+v, %v; want no shrinkage and the raw means", tt.name, s, err)
		}
	}
	// τ² = 0: every group is shrunk all the way to μ.
	s, err := ShrinkDL([]float64{10, 10, 10}, []float64{0.70, 0.71, 0.72}, []float64{0.04, 0.04, 0.04})
	if err != nil || !s.OK || s.Tau2 != 0 || s.B[0] != 1 || math.Abs(s.Shrunk[0]-0.71) > 1e-15 {
		t.Errorf("means within chance: %+v, %v; want τ² = 0 and every shrunk mean μ = 0.71", s, err)
	}
	if _, err := ShrinkDL([]float64{0}, []float64{1}, []float64{0}); err == nil {
		t.Error("n = 0 accepted")
	}
}

func slicesEqual(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Rank intervals of two groups against the normal law, computed by
// hand: group 1 is first with probability Φ((c1-c2)/√(v1+v2)). With
// 0.1 apart and v = 0.0025 each that is Φ(1.414) = 0.921 < 0.975, so
// either place is within its 95% interval; with 0.2 apart it is
// Φ(2.828) = 0.9977, so the places are sure.
func TestRankIntervalsTwoGroups(t *testing.T) {
	lo, hi, err := RankIntervals([]float64{0.8, 0.7}, []float64{0.0025, 0.0025}, RankDraws, RankSeed)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff([][]int{{1, 1}, {2, 2}}, [][]int{lo, hi}); d != "" {
		t.Errorf("0.1 apart (-want +got):\n%s", d)
	}
	lo, hi, _ = RankIntervals([]float64{0.9, 0.7}, []float64{0.0025, 0.0025}, RankDraws, RankSeed)
	if d := cmp.Diff([][]int{{1, 2}, {1, 2}}, [][]int{lo, hi}); d != "" {
		t.Errorf("0.2 apart (-want +got):\n%s", d)
	}
	// No variance, equal centres: a tie the data cannot break, so every
	// place is possible, not the order of the input.
	lo, hi, _ = RankIntervals([]float64{0.8, 0.8, 0.8}, []float64{0, 0, 0}, RankDraws, RankSeed)
	if d := cmp.Diff([][]int{{1, 1, 1}, {3, 3, 3}}, [][]int{lo, hi}); d != "" {
		t.Errorf("tied (-want +got):\n%s", d)
	}
}

// The simulated share of draws in which group 1 is first matches the
// normal law: the 2.5% and 97.5% quantiles cut where Φ says they do.
func TestRankIntervalsDeterministic(t *testing.T) {
	c := []float64{0.9, 0.85, 0.8, 0.7, 0.6, 0.5}
	v := []float64{0.001, 0.004, 0.001, 0.01, 0.0001, 0.02}
	lo1, hi1, _ := RankIntervals(c, v, RankDraws, RankSeed)
	lo2, hi2, _ := RankIntervals(c, v, RankDraws, RankSeed)
	if !cmp.Equal(lo1, lo2) || !cmp.Equal(hi1, hi2) {
		t.Error("the same seed gives different intervals")
	}
	for g := range c {
		if lo1[g] > hi1[g] || lo1[g] < 1 || hi1[g] > len(c) {
			t.Errorf("group %d: interval %d–%d", g, lo1[g], hi1[g])
		}
	}
}
