package metrics

import (
	"errors"
	"math"
	"strings"
	"testing"
)

// Values whose differences overflow float64 are an error wrapping
// ErrRange, never a NaN or infinite mean.
func TestMeanOverflow(t *testing.T) {
	big := math.MaxFloat64
	tests := []struct {
		name string
		xs   []float64
		ok   bool
	}{
		{"1e308, -1e308, 1e308", []float64{1e308, -1e308, 1e308}, false},
		{"max and -max", []float64{big, -big}, false},
		{"two large of the same sign whose spread overflows", []float64{1e308, 1.7e308}, false},
		{"equal huge values", []float64{big, big, big}, true},
		{"spread whose square overflows", []float64{-1e307, -2e307, -3e307}, false},
		{"equal huge negative values", []float64{-1e307, -1e307}, true},
		{"large values with a spread whose square fits", []float64{1e150, 2e150, 3e150}, true},
	}
	for _, tt := range tests {
		r, err := MeanOf(tt.xs, 0)
		if tt.ok {
			if err != nil || !finite(r.Mean) || !finite(r.SE) || !finite(r.CI.Lo) || !finite(r.CI.Hi) {
				t.Errorf("%s: MeanOf = %+v, %v; want a finite result", tt.name, r, err)
			}
			continue
		}
		if !errors.Is(err, ErrRange) || !strings.Contains(err.Error(), "too large to average in float64") {
			t.Errorf("%s: MeanOf = %+v, %v; want ErrRange saying the values are too large", tt.name, r, err)
		}
	}

	// Add refuses the value and leaves the accumulator as it was.
	var a Mean
	a.Add(1e308)
	before := a
	if err := a.Add(-1e308); !errors.Is(err, ErrRange) || a != before {
		t.Errorf("Add(-1e308) after 1e308: %v, state %+v; want ErrRange and %+v", err, a, before)
	}
	if want := "mean: adding -1e+308 to 1 value: the values are too large to average in float64 (their squared differences overflow)"; err(a.Add(-1e308)) != want {
		t.Errorf("message %q, want %q", err(a.Add(-1e308)), want)
	}

	// Merge cannot fail, so Result catches what two finite parts overflow to.
	var b Mean
	b.Add(-1e308)
	b.Add(-1e308)
	a.Add(1e308)
	a.Merge(&b)
	if r, err := a.Result(0); !errors.Is(err, ErrRange) {
		t.Errorf("merged 1e308s and -1e308s: %+v, %v; want ErrRange", r, err)
	}
}

// CSAT, CES and CSI take bounded scale points and weights within
// [MinWeight, MaxWeight], so their sums cannot overflow: the extremes of
// both stay finite.
func TestExtremesStayFinite(t *testing.T) {
	for _, s := range []Scale{CSAT5, Effort10, {Lo: 1<<53 - 100, Hi: 1 << 53, Good: High}, {Lo: -1 << 53, Hi: -1<<53 + 100, Good: Low}} {
		c, _ := NewCES(s)
		v, _ := NewCSAT(s)
		for _, w := range []float64{MaxWeight, MinWeight, MaxWeight, 0, MaxWeight} {
			for _, x := range []int{s.Lo, s.Hi, s.Lo + 1} {
				c.AddWeighted(x, w)
				v.AddWeighted(x, w)
			}
		}
		ce, err1 := c.Result()
		cs, err2 := v.Result()
		for _, f := range []float64{ce.Mean, ce.MeanSE, ce.MeanCI.Lo, ce.MeanCI.Hi, ce.NEff, ce.GoodShare, ce.GoodCI.Lo, ce.GoodCI.Hi,
			cs.CSAT, cs.SE, cs.CI.Lo, cs.CI.Hi, cs.Mean, cs.MeanSE, cs.MeanCI.Lo, cs.MeanCI.Hi} {
			if err1 != nil || err2 != nil || !finite(f) {
				t.Fatalf("scale %v: CES %+v, %v; CSAT %+v, %v", s, ce, err1, cs, err2)
			}
		}
		if !(ce.Mean >= float64(s.Lo) && ce.Mean <= float64(s.Hi)) {
			t.Errorf("scale %v: mean %v off the scale", s, ce.Mean)
		}
	}
	attrs := []Attribute{{Mean: 10, Weight: MaxWeight}, {Mean: 1, Weight: MaxWeight}, {Mean: 5, Weight: MinWeight}}
	if v, err := CSI(attrs, ACSI10); err != nil || !finite(v) || v < 0 || v > 100 {
		t.Errorf("CSI with extreme weights = %v, %v", v, err)
	}
}
