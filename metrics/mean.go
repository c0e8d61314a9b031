package metrics

import (
	"fmt"
	"math"
)

// Mean accumulates real values for a mean with a Student-t interval. It
// keeps the count, the running mean and the sum of squared deviations
// (Welford), and merges with Chan et al.'s pairwise update, which stays
// accurate where the naive sum of squares cancels. Merging is exact in
// the count; the float parts agree across merge orders to rounding
// (about 1e-15 relative), not bit for bit.
//
// The zero value is ready to use; a Mean is a plain value.
type Mean struct {
	n    int64
	mean float64
	m2   float64 // sum of squared deviations from mean
}

// Add records x. NaN and ±Inf are errors, and so are values too large
// to average in float64: the sum of squared deviations must fit, so
// values more than about 1e154 apart, or 1e308 after -1e308, are
// refused. After an error the accumulator is unchanged.
func (a *Mean) Add(x float64) error {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return errorIs(ErrRange, "mean of %v: values must be finite", x)
	}
	n := a.n + 1
	d := x - a.mean
	mean := a.mean + d/float64(n)
	m2 := a.m2 + d*(x-mean)
	if !finite(d) || !finite(mean) || !finite(m2) {
		return errTooLarge(a.n, x)
	}
	a.n, a.mean, a.m2 = n, mean, m2
	return nil
}

// errTooLarge reports values whose mean or spread does not fit a
// float64, such as 1e308 and -1e308.
func errTooLarge(n int64, x float64) error {
	return errorIs(ErrRange, "mean: adding %v to %s: the values are too large to average in float64 (their squared differences overflow)", x, valueCount(n))
}

// valueCount counts values in words: "1 value", "2 values".
func valueCount(n int64) string {
	if n == 1 {
		return "1 value"
	}
	return fmt.Sprintf("%d values", n)
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// Merge adds b's values to a; a nil b adds nothing.
func (a *Mean) Merge(b *Mean) {
	switch {
	case b == nil || b.n == 0:
		return
	case a.n == 0:
		*a = *b
		return
	}
	n := a.n + b.n
	d := b.mean - a.mean
	fa, fb, fn := float64(a.n), float64(b.n), float64(n)
	a.mean += d * fb / fn
	a.m2 += b.m2 + d*d*fa*fb/fn
	a.n = n
}

// N is the number of values recorded.
func (a Mean) N() int64 { return a.n }

// Result returns the mean with its Student-t interval at level (0 means
// 0.95). It needs at least two values: one value has no spread. Values
// whose spread overflows float64 (possible after Merge) are an error
// wrapping ErrRange, never a NaN or infinite result.
func (a Mean) Result(level float64) (MeanResult, error) {
	if level == 0 {
		level = 0.95
	}
	if err := checkLevel(level); err != nil {
		return MeanResult{}, err
	}
	if a.n < 2 {
		return MeanResult{}, errorIs(ErrNoData, "mean interval of %s: need at least 2, as one value has no spread", valueCount(a.n))
	}
	sd := math.Sqrt(a.m2 / float64(a.n-1))
	se := sd / math.Sqrt(float64(a.n))
	t := tQuantile(0.5+level/2, float64(a.n-1))
	r := MeanResult{
		N:    a.n,
		Mean: a.mean,
		SD:   sd,
		SE:   se,
		CI:   Interval{Lo: a.mean - t*se, Hi: a.mean + t*se, Level: level, Method: StudentT},
	}
	// Add refuses what overflows, but Merge cannot return an error and a
	// saved state may hold any finite numbers.
	if !finite(r.Mean) || !finite(r.SD) || !finite(r.CI.Lo) || !finite(r.CI.Hi) {
		return MeanResult{}, errorIs(ErrRange, "mean of %s: the values are too large to average in float64 (their spread overflows)", valueCount(a.n))
	}
	return r, nil
}

// MeanResult is a mean with its standard deviation, standard error and
// Student-t interval (n - 1 degrees of freedom), all in the units of the
// values. Values are unweighted and the interval is not clipped.
type MeanResult struct {
	N    int64    `json:"n"` // values recorded, at least 2
	Mean float64  `json:"mean"`
	SD   float64  `json:"sd"` // sample standard deviation (n - 1)
	SE   float64  `json:"se"` // SD / sqrt(N)
	CI   Interval `json:"ci"` // Mean ± t·SE
}

// MeanOf returns the mean of xs with its Student-t interval at level
// (0 means 0.95). Fewer than two values, NaN or ±Inf, and values too
// large to average in float64 are errors.
func MeanOf(xs []float64, level float64) (MeanResult, error) {
	var a Mean
	for i, x := range xs {
		if err := a.Add(x); err != nil {
			return MeanResult{}, fmt.Errorf("xs[%d]: %w", i, err)
		}
	}
	return a.Result(level)
}

// MeanInterval returns the Student-t interval of the mean of xs at level
// (0 means 0.95); MeanOf also gives the mean and standard error.
func MeanInterval(xs []float64, level float64) (Interval, error) {
	r, err := MeanOf(xs, level)
	return r.CI, err
}
