package metrics

import (
	"math"
	"testing"
)

var inf, nan = math.Inf(1), math.NaN()

func TestTIntervalRefuses(t *testing.T) {
	// metrics.md: every function rejects NaN "with an error ..., never a
	// silent NaN"; a NaN or infinite mean gave the interval [NaN, NaN].
	for _, c := range []struct{ mean, se, df, level float64 }{
		{0, 1, 0, 0.95}, {0, 1, -1, 0.95}, {0, -1, 5, 0.95}, {0, inf, 5, 0.95}, {0, nan, 5, 0.95}, {0, 1, nan, 0.95}, {0, 1, 5, 1}, {0, 1, 5, -0.5},
		{nan, 1, 5, 0.95}, {inf, 1, 5, 0.95}, {-inf, 0, 5, 0.95},
	} {
		if ci, err := TInterval(c.mean, c.se, c.df, c.level); err == nil {
			t.Errorf("TInterval(%g, %g, %g, %g) = %v, want an error", c.mean, c.se, c.df, c.level, ci)
		}
	}
}
