package metrics

import (
	"fmt"
	"math"
)

// Mean accumulates real values, optionally weighted, for a mean with a
// Student-t interval. It keeps the count, the sum of the weights and of
// their squares, the running mean and the weighted sum of squared
// deviations (Welford, in West's weighted form), and merges with Chan et
// al.'s pairwise update, which stays accurate where the naive sum of
// squares cancels. Merging is exact in the count; the float parts agree
// across merge orders to rounding (about 1e-15 relative), not bit for
// bit. Its method set is every accumulator's: Add, AddWeighted, Merge,
// Result and ResultWith.
//
// The zero value is ready to use; a Mean is a plain value.
type Mean struct {
	n    int64
	sw   float64 // sum of the weights (n while unweighted)
	sw2  float64 // sum of the squared weights (n while unweighted)
	mean float64
	m2   float64 // weighted sum of squared deviations from mean
}

// Add records x with weight 1. NaN and ±Inf are errors, and so are
// values too large to average in float64: the sum of squared deviations
// must fit, so values more than about 1e154 apart, or 1e308 after
// -1e308, are refused. After an error the accumulator is unchanged.
func (a *Mean) Add(x float64) error { return a.add(x, 1) }

// AddWeighted records x with survey weight w: 0, or within [MinWeight,
// MaxWeight]. A value of weight 0 is counted in N but moves nothing.
// Errors are Add's, and a bad weight wraps ErrWeight.
func (a *Mean) AddWeighted(x, w float64) error {
	if err := checkWeight(w, -1); err != nil {
		return err
	}
	return a.add(x, w)
}

func (a *Mean) add(x, w float64) error {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return errorIs(ErrRange, "mean of %v: values must be finite", x)
	}
	if w == 0 {
		a.n++
		return nil
	}
	sw := a.sw + w
	d := x - a.mean
	mean := a.mean + d*w/sw
	m2 := a.m2 + w*d*(x-mean)
	if !finite(d) || !finite(mean) || !finite(m2) {
		return errTooLarge(a.n, x)
	}
	a.n, a.sw, a.sw2, a.mean, a.m2 = a.n+1, sw, a.sw2+w*w, mean, m2
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

// Merge adds b's values to a; a nil b adds nothing. Two parts whose
// values are each fine but too far apart to average together (1e308 and
// -1e308) are an error wrapping ErrRange, and a is left unchanged.
func (a *Mean) Merge(b *Mean) error {
	switch {
	case b == nil || b.n == 0:
		return nil
	case b.sw == 0: // only values of weight 0
		a.n += b.n
		return nil
	case a.sw == 0:
		n := a.n + b.n
		*a = *b
		a.n = n
		return nil
	}
	sw := a.sw + b.sw
	d := b.mean - a.mean
	mean := a.mean + d*b.sw/sw
	m2 := a.m2 + b.m2 + d*d*a.sw*b.sw/sw
	if !finite(d) || !finite(mean) || !finite(m2) {
		return errorIs(ErrRange, "mean: merging %s into %s: the values are too large to average in float64 (their squared differences overflow)", valueCount(b.n), valueCount(a.n))
	}
	a.n, a.sw, a.sw2, a.mean, a.m2 = a.n+b.n, sw, a.sw2+b.sw2, mean, m2
	return nil
}

// N is the number of values recorded, weight 0 included.
func (a Mean) N() int64 { return a.n }

// Result returns the mean with its 95% Student-t interval.
func (a *Mean) Result() (MeanResult, error) { return a.ResultWith(Options{}) }

// ResultWith returns the mean with the Student-t interval at opts.Level;
// opts.Method must be "" or StudentT. With weights the interval takes
// Kish's n_eff in place of n (variance m2/Σw · n_eff/(n_eff − 1), se
// sqrt(variance/n_eff), n_eff − 1 degrees of freedom), as CES does. It
// needs an n_eff above 1: one value has no spread. Values whose spread
// overflows float64 (possible in a saved state) are an error wrapping
// ErrRange, never a NaN or infinite result. Values that are all the same
// give SE 0 and an interval of no width, as the formula does: a Mean
// knows no scale to bound them by (CSAT, CES and CSI ratings, which do,
// report an exact bound instead; see the package doc).
func (a *Mean) ResultWith(opts Options) (MeanResult, error) {
	if opts.Method != "" && opts.Method != StudentT {
		return MeanResult{}, errMethod(opts.Method, StudentT)
	}
	level, err := opts.level()
	if err != nil {
		return MeanResult{}, err
	}
	nEff := 0.0
	if a.sw > 0 {
		nEff = a.sw * a.sw / a.sw2
	}
	if !(nEff > 1) {
		if a.sw == a.sw2 { // unweighted (or nothing): say it in values
			return MeanResult{}, errorIs(ErrNoData, "mean interval of %s: need at least 2, as one value has no spread", valueCount(a.n))
		}
		return MeanResult{}, errorIs(ErrNoData, "mean interval of %s: their weights leave an n_eff of %.3g, and one value has no spread", valueCount(a.n), nEff)
	}
	variance := a.m2 / a.sw * nEff / (nEff - 1)
	sd := math.Sqrt(variance)
	se := math.Sqrt(variance / nEff)
	ci, err := TInterval(a.mean, se, nEff-1, level)
	r := MeanResult{N: a.n, NEff: nEff, Mean: a.mean, SD: sd, SE: se, CI: ci}
	if err != nil || !finite(r.Mean) || !finite(r.SD) || !finite(r.CI.Lo) || !finite(r.CI.Hi) {
		return MeanResult{}, errorIs(ErrRange, "mean of %s: the values are too large to average in float64 (their spread overflows)", valueCount(a.n))
	}
	return r, nil
}

// MeanResult is a mean with its standard deviation, standard error and
// Student-t interval (n_eff - 1 degrees of freedom), all in the units of
// the values. The interval is not clipped: a Mean knows no scale.
type MeanResult struct {
	N    int64    `json:"n"`     // values recorded, at least 2
	NEff float64  `json:"n_eff"` // Kish's effective sample size; N when unweighted
	Mean float64  `json:"mean"`
	SD   float64  `json:"sd"` // sample standard deviation (n_eff - 1)
	SE   float64  `json:"se"` // SD / sqrt(NEff)
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
	return a.ResultWith(Options{Level: level})
}

// MeanInterval returns the Student-t interval of the mean of xs at level
// (0 means 0.95); MeanOf also gives the mean and standard error.
func MeanInterval(xs []float64, level float64) (Interval, error) {
	r, err := MeanOf(xs, level)
	return r.CI, err
}
