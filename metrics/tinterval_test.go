package metrics

import (
	"math"
	"testing"
)

var inf, nan = math.Inf(1), math.NaN()

func TestTIntervalRefuses(t *testing.T) {
	for _, c := range []struct{ se, df, level float64 }{
		{1, 0, 0.95}, {1, -1, 0.95}, {-1, 5, 0.95}, {inf, 5, 0.95}, {nan, 5, 0.95}, {1, nan, 0.95}, {1, 5, 1}, {1, 5, -0.5},
	} {
		if ci, err := TInterval(0, c.se, c.df, c.level); err == nil {
			t.Errorf("TInterval(0, %g, %g, %g) = %v, want an error", c.se, c.df, c.level, ci)
		}
	}
}
