package metrics

import (
	"math"
	"math/rand/v2"
	"testing"
)

// Reference quantiles computed with mpmath at 40 significant digits
// (normal: sqrt(2)*erfinv(2p-1); t: root of the regularized incomplete
// beta CDF), rounded to 17 digits. They agree with printed tables
// (Abramowitz & Stegun table 26.1 and 26.10) to the digits printed there.
func TestNormalQuantile(t *testing.T) {
	tests := []struct{ p, want float64 }{
		{0.975, 1.9599639845400542355},
		{0.025, -1.9599639845400542355},
		{0.995, 2.575829303548900761},
		{0.95, 1.6448536269514727149},
		{0.9, 1.281551565544600467},
		{0.8, 0.84162123357291420518},
		{0.5, 0},
		{1e-10, -6.3613409024040562047},
		{0.999999, 4.7534243088170877657}, // at the float64 nearest 0.999999
	}
	for _, tt := range tests {
		got, err := NormalQuantile(tt.p)
		if err != nil {
			t.Fatalf("NormalQuantile(%v): %v", tt.p, err)
		}
		if !closeRel(got, tt.want, 1e-14) {
			t.Errorf("NormalQuantile(%v) = %.17g, want %.17g", tt.p, got, tt.want)
		}
	}
	for _, p := range []float64{0, 1, -0.1, 1.5, math.NaN()} {
		if _, err := NormalQuantile(p); err == nil {
			t.Errorf("NormalQuantile(%v): no error", p)
		}
	}
}

func TestTQuantile(t *testing.T) {
	tests := []struct{ p, df, want float64 }{
		{0.975, 1, 12.706204736174704646},
		{0.975, 2, 4.3026527297494638523},
		// The brief quoted 2.262157162740992 (SciPy's stdtrit); the exact
		// value differs from it by 5.7e-11.
		{0.975, 9, 2.2621571627982055426},
		{0.025, 9, -2.2621571627982055426},
		{0.975, 29, 2.0452296421327042982},
		{0.975, 30, 2.04227245630123831},
		{0.995, 5, 4.0321429835552280784},
		{0.95, 5, 2.0150483733330242378},
		{0.975, 100, 1.9839715185235522866},
		{0.975, 1000, 1.962339080826408485},
		{0.9, 3.5, 1.576576605136405068},
		{0.975, 3000, 1.9607550553224580733},
		{0.9999999, 3000, 5.2115083627778168856},
		{0.975, 1e4, 1.9602012398906258778},
		{0.9999999, 1e4, 5.202983638365323661},
		{0.975, 1e5, 1.9599877075346092587},
		{0.9999999, 1e5, 5.1997019884629170444},
		{0.975, 1e6, 1.9599663568141066553},
		{0.9999999, 1e6, 5.1993740209144227819},
		{0.975, 1e9, 1.9599639869123250887},
		{0.9999999, 1e9, 5.1993376187290635908},
		{0.975, 0.5, 164.55767348048853312},
		{0.999, 2.7, 12.060324543102422466},
		{0.6, 12, 0.25903274567688706386},
	}
	for _, tt := range tests {
		got, err := TQuantile(tt.p, tt.df)
		if err != nil {
			t.Fatalf("TQuantile(%v, %v): %v", tt.p, tt.df, err)
		}
		if !closeRel(got, tt.want, 1e-12) {
			t.Errorf("TQuantile(%v, %v) = %.17g, want %.17g (rel err %.2g)", tt.p, tt.df, got, tt.want, math.Abs(got-tt.want)/tt.want)
		}
	}
	for _, c := range []struct{ p, df float64 }{{0, 5}, {1, 5}, {0.5, 0}, {0.5, -1}, {0.5, math.Inf(1)}, {math.NaN(), 3}, {0.9, math.NaN()}} {
		if _, err := TQuantile(c.p, c.df); err == nil {
			t.Errorf("TQuantile(%v, %v): no error", c.p, c.df)
		}
	}
}

func closeRel(got, want, tol float64) bool {
	if want == 0 {
		return math.Abs(got) <= tol
	}
	return math.Abs(got-want) <= tol*math.Abs(want)
}

// TestQuantileRoundTrip checks, over random p and df, that the CDF at
// the quantile gives p back: Φ through math.Erfc, and the t CDF through
// the incomplete beta function (itself checked by the table above).
func TestQuantileRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 5))
	for range 3000 {
		p := math.Pow(10, -12*rng.Float64())
		if rng.IntN(2) == 0 {
			p = 1 - p/2
		}
		if p <= 0 || p >= 1 {
			continue
		}
		z, err := NormalQuantile(p)
		if err != nil {
			t.Fatal(err)
		}
		if got := 0.5 * math.Erfc(-z/math.Sqrt2); !closeRel(got, p, 1e-13) {
			t.Errorf("Φ(NormalQuantile(%v)) = %v", p, got)
		}
		df := math.Pow(10, -0.7+3.7*rng.Float64()) // 0.2 .. 1000
		q, err := TQuantile(p, df)
		if err != nil {
			t.Fatal(err)
		}
		tail := tTail(math.Abs(q), df)
		want := min(p, 1-p)
		if !closeRel(tail, want, 1e-10) {
			t.Errorf("tail(TQuantile(%v, %v) = %v) = %v, want %v", p, df, q, tail, want)
		}
	}
}

func TestCheckLevel(t *testing.T) {
	for _, ok := range []float64{0.5, 0.95, 0.999999, 1e-10} {
		if err := CheckLevel(ok); err != nil {
			t.Errorf("CheckLevel(%v) = %v", ok, err)
		}
		if z, err := zForLevel(ok); err != nil || !(z > 0) || !finite(z) {
			t.Errorf("zForLevel(%v) = %v, %v", ok, z, err)
		}
	}
	for _, bad := range []float64{0, 1, -0.5, 0.9999999999999999, 1e-17, nanF()} {
		if err := CheckLevel(bad); err == nil {
			t.Errorf("CheckLevel(%v): no error", bad)
		}
	}
	var a NPS
	a.Add(9)
	if _, err := a.ResultWith(Options{Level: 0.9999999999999999}); err == nil {
		t.Error("NPS at level 0.9999999999999999: no error")
	}
}
