package metrics

import (
	"math"
	"math/rand/v2"
	"testing"
)

// A CSAT or CES mean whose answers all fall on one point reports the
// exact bound, not a t interval of no width: worked numbers, at 95%
// unless given.
func TestSamePointMeanInterval(t *testing.T) {
	p := func(n, level float64) float64 { return 1 - math.Pow((1-level)/2, 1/n) }
	for _, tt := range []struct {
		name     string
		scale    Scale
		answers  []int
		level    float64
		lo, hi   float64
		ces      bool
		weighted []float64
	}{
		// 0.025^(1/5) = 0.478176...: p = 0.521824, 7 - 6p = 3.869057.
		{"five 7s on 1..7", CES2, []int{7, 7, 7, 7, 7}, 0.95, 7 - 6*p(5, 0.95), 7, true, nil},
		{"five 7s, worked", CES2, []int{7, 7, 7, 7, 7}, 0.95, 3.869057, 7, true, nil},
		{"a hundred 7s", CES2, samePoints(7, 100), 0.95, 7 - 6*p(100, 0.95), 7, true, nil},
		{"the middle point", CES2, []int{4, 4, 4}, 0.95, 4 - 3*p(3, 0.95), 4 + 3*p(3, 0.95), true, nil},
		{"the bottom point", CSAT5, []int{1, 1, 1, 1}, 0.95, 1, 1 + 4*p(4, 0.95), false, nil},
		{"two 5s (the report golden)", CSAT5, []int{5, 5}, 0.95, 1.632455532033676, 5, false, nil},
		{"at 80%", CSAT5, []int{5, 5, 5, 5, 5, 5}, 0.8, 5 - 4*p(6, 0.8), 5, false, nil},
		// Weights 1, 1, 2: n_eff = 16/6.
		{"weighted", CSAT5, []int{3, 3, 3}, 0.95, 3 - 2*p(16.0/6, 0.95), 3 + 2*p(16.0/6, 0.95), false, []float64{1, 1, 2}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var ci Interval
			var se float64
			if tt.ces {
				c, _ := NewCES(tt.scale)
				addAll(t, tt.answers, tt.weighted, c.Add, c.AddWeighted)
				r, err := c.ResultWith(Options{Level: tt.level})
				if err != nil {
					t.Fatal(err)
				}
				ci, se = r.MeanCI, r.MeanSE
			} else {
				c, _ := NewCSAT(tt.scale)
				addAll(t, tt.answers, tt.weighted, c.Add, c.AddWeighted)
				r, err := c.ResultWith(Options{Level: tt.level})
				if err != nil {
					t.Fatal(err)
				}
				ci, se = r.MeanCI, r.MeanSE
			}
			if math.Abs(ci.Lo-tt.lo) > 1e-6 || math.Abs(ci.Hi-tt.hi) > 1e-6 || se != 0 || ci.Level != tt.level {
				t.Errorf("mean CI %v, SE %g; want [%g, %g] at %g, SE 0", ci, se, tt.lo, tt.hi, tt.level)
			}
		})
	}
	// Two points, however close in count, keep the t interval.
	c, _ := NewCSAT(CSAT5)
	addAll(t, append(samePoints(5, 50), 4), nil, c.Add, c.AddWeighted)
	r, _ := c.Result()
	want, _ := TInterval(r.Mean, r.MeanSE, 50, 0.95)
	if r.MeanCI.Lo != want.Lo || r.MeanCI.Hi != min(5, want.Hi) {
		t.Errorf("fifty 5s and a 4: %v, want the t interval %v", r.MeanCI, want)
	}
}

// The bound's promise, simulated: whatever the population, a sample that
// falls all on one point and yet misses the true mean happens at most
// (1-level)/2 of the time. The hardest populations put a share q of the
// answers at the far end and the rest on one point, so the sample agrees
// often while the mean sits away from that point.
func TestSamePointBoundCoverage(t *testing.T) {
	rng := rand.New(rand.NewPCG(20261205, 1))
	const reps = 4000
	for _, n := range []int{2, 5, 20} {
		for _, q := range []float64{0.05, 0.2, 0.5, 0.75, 0.9} {
			truth := 5 - 4*q // answers of 5, and of 1 with probability q
			miss := 0
			for range reps {
				c, _ := NewCSAT(CSAT5)
				same, first := true, 0
				for i := range n {
					x := 5
					if rng.Float64() < q {
						x = 1
					}
					if i == 0 {
						first = x
					}
					same = same && x == first
					if err := c.Add(x); err != nil {
						t.Fatal(err)
					}
				}
				r, err := c.Result()
				if err != nil {
					t.Fatal(err)
				}
				if same && !r.MeanCI.Contains(truth) {
					miss++
				}
			}
			// Three binomial standard errors of slack over 2.5%.
			limit := 0.025 + 3*math.Sqrt(0.025*0.975/reps)
			if rate := float64(miss) / reps; rate > limit {
				t.Errorf("n %d, q %g: %.4f of samples agreed and missed %g, above %.4f", n, q, rate, truth, limit)
			}
		}
	}
}

func samePoints(x, n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = x
	}
	return out
}

func addAll(t *testing.T, answers []int, weights []float64, plain func(int) error, weighted func(int, float64) error) {
	t.Helper()
	for i, a := range answers {
		var err error
		if weights != nil {
			err = weighted(a, weights[i])
		} else {
			err = plain(a)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
}

// Mean keeps metrics.md's t interval whatever the values: equal values
// give SE 0 and an interval of no width, which the package doc says.
func TestMeanWithoutSpreadKeepsT(t *testing.T) {
	r, err := MeanOf([]float64{3, 3, 3}, 0.95)
	if err != nil {
		t.Fatal(err)
	}
	if r.SE != 0 || r.SD != 0 || r.CI.Lo != 3 || r.CI.Hi != 3 || r.CI.Method != StudentT {
		t.Errorf("%+v, want SE 0 and the t interval [3, 3]", r)
	}
}
