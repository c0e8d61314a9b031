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

	// Merge refuses two finite parts whose spread together overflows,
	// and leaves the accumulator as it was.
	var b Mean
	b.Add(-1e308)
	b.Add(-1e308)
	a.Add(1e308)
	before = a
	if err := a.Merge(&b); !errors.Is(err, ErrRange) || a != before {
		t.Errorf("merging 1e308s and -1e308s: %v, state %+v; want ErrRange and %+v", err, a, before)
	}
}
