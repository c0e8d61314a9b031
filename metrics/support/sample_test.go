package support_test

import (
	"math"
	"testing"

	"github.com/cxkit/cxkit/metrics/support"
)

// Sample refuses what Quantile refuses: a NaN or an infinity would turn
// every mean and quantile of the sample into NaN or +Inf.
func TestSampleRejectsNonFinite(t *testing.T) {
	for _, bad := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		var s support.Sample
		if err := s.Add(1); err != nil {
			t.Fatal(err)
		}
		if err := s.Add(bad); err == nil {
			t.Errorf("Add(%v): want an error", bad)
		}
		if s.Len() != 1 {
			t.Errorf("Add(%v) kept the value: Len() = %d", bad, s.Len())
		}
		if m, err := s.Mean(); err != nil || m != 1 {
			t.Errorf("Mean() after Add(%v) = %v, %v; want 1", bad, m, err)
		}
		if _, err := support.Quantile([]float64{1, bad}, 0.5); err == nil {
			t.Errorf("Quantile with %v: want an error", bad)
		}
	}
}
