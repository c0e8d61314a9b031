package metrics

import (
	"math/rand/v2"
	"testing"
)

// NPS's three categories and a three-point scale count the same
// answers the same way: one tally, one effective sample size.
func TestTallyAndRatingsAgree(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 8))
	for _, weights := range []bool{false, true} {
		var t3 tally3
		rt, err := newRatings(Scale{Lo: 1, Hi: 3, Good: High})
		if err != nil {
			t.Fatal(err)
		}
		for range 1000 {
			cat, w := r.IntN(3), 1.0
			if weights && r.IntN(2) == 0 {
				w = 0.1 + 3*r.Float64()
			}
			t3.addWeighted(cat, w)
			rt.addWeighted(1+cat, w)
		}
		var w3, wr [3]float64
		s3, n3 := t3.view().weights(w3[:])
		sr, nr := rt.view().weights(wr[:])
		if w3 != wr || s3 != sr || n3 != nr || t3.total() != rt.total() || t3.weighted() != weights || rt.weighted() != weights {
			t.Errorf("weights %v: tally3 %v, Σw %v, n_eff %v; ratings %v, %v, %v", weights, w3, s3, n3, wr, sr, nr)
		}
		if !weights && (n3 != 1000 || s3 != 1000) {
			t.Errorf("unweighted: Σw %v, n_eff %v, want 1000 each", s3, n3)
		}
		if weights && !(n3 < s3 && n3 < 1000) {
			t.Errorf("weighted: n_eff %v should be below the %v answers", n3, t3.total())
		}
	}
}
