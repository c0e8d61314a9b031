package support

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"time"

	"golang.org/x/exp/stats"

	"github.com/cxkit/cxkit/metrics"
)

// ErrNoData is returned for a statistic of an empty sample. It is
// metrics.ErrNoData, so one errors.Is test serves every metric.
var ErrNoData = metrics.ErrNoData

// Sample collects durations in seconds for a mean and exact quantiles.
// It keeps every value: eight bytes a value. The zero value is an empty
// sample, ready to use. Quantiles are rounded to
// the nanosecond, the resolution of the times they come from, which
// removes the interpolation's floating-point noise (1919.9999999999995 s
// is 1920 s); means are the plain sum / n.
type Sample struct {
	vals   []float64
	sorted bool
}

// ErrNotFinite is the error [Sample.Add] and [Quantile] return for a NaN
// or an infinite value, which would make every statistic NaN or +Inf.
var ErrNotFinite = errors.New("support: value is NaN or infinite")

// Add records one value; a NaN or an infinity is not recorded, and
// Add returns ErrNotFinite.
func (s *Sample) Add(v float64) error {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return fmt.Errorf("%w: %v", ErrNotFinite, v)
	}
	s.vals = append(s.vals, v)
	s.sorted = false
	return nil
}

// Merge adds every value of o; a nil o adds nothing. It returns an
// error, always nil today, so that every accumulator of the module
// merges with one signature.
func (s *Sample) Merge(o *Sample) error {
	if o == nil {
		return nil
	}
	s.vals = append(s.vals, o.vals...)
	s.sorted = false
	return nil
}

// Len returns the number of values.
func (s *Sample) Len() int { return len(s.vals) }

// Mean returns the arithmetic mean, or ErrNoData. It sums the values in
// sorted order, so the result does not depend on the order they were
// added or merged in.
func (s *Sample) Mean() (float64, error) {
	if len(s.vals) == 0 {
		return 0, ErrNoData
	}
	s.sort()
	sum := 0.0
	for _, v := range s.vals {
		sum += v
	}
	return sum / float64(len(s.vals)), nil
}

// toNanosecond rounds seconds to whole nanoseconds.
func toNanosecond(sec float64) float64 {
	return math.Round(sec*1e9) / 1e9
}

func (s *Sample) sort() {
	if !s.sorted {
		slices.Sort(s.vals)
		s.sorted = true
	}
}

// Quantile returns the q-quantile (0 <= q <= 1) by linear interpolation
// between order statistics (Hyndman and Fan type 7, the default of R,
// NumPy and Excel's PERCENTILE.INC), or ErrNoData.
func (s *Sample) Quantile(q float64) (float64, error) {
	if len(s.vals) == 0 {
		return 0, ErrNoData
	}
	if !(q >= 0 && q <= 1) {
		return 0, errors.New("support: quantile outside [0, 1]")
	}
	s.sort()
	// stats.Quantiles is type 7 and skips its own sort on sorted input.
	return toNanosecond(stats.Quantiles(s.vals, q)[0]), nil
}

// Quantile returns the q-quantile of durations in seconds with the
// definition and rounding of [Sample.Quantile]; empty input, a NaN or
// infinite value ([ErrNotFinite], naming its index) or q outside [0, 1]
// is an error.
func Quantile(values []float64, q float64) (float64, error) {
	if len(values) == 0 {
		return 0, ErrNoData
	}
	for i, v := range values {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return 0, fmt.Errorf("%w: %v at index %d", ErrNotFinite, v, i)
		}
	}
	var s Sample
	s.vals = slices.Clone(values)
	return s.Quantile(q)
}

// Summary is the mean, median and 90th percentile of a sample; fields
// are nil when the sample is empty. Durations are in seconds.
type Summary struct {
	N      int      `json:"n"` // values in the sample: tickets, for the summaries of a report
	Mean   *float64 `json:"mean_s"`
	Median *float64 `json:"median_s"` // type-7 quantile, as [Sample.Quantile]
	P90    *float64 `json:"p90_s"`    // type-7 quantile, as [Sample.Quantile]
}

func (s *Sample) summary() Summary {
	out := Summary{N: s.Len()}
	if m, err := s.Mean(); err == nil {
		out.Mean = &m
		med, _ := s.Quantile(0.5)
		p90, _ := s.Quantile(0.9)
		out.Median, out.P90 = &med, &p90
	}
	return out
}

func ptr(x float64) *float64 { return &x }

// ratio returns num/den, or nil when den is zero.
func ratio(num, den int) *float64 {
	if den == 0 {
		return nil
	}
	return ptr(float64(num) / float64(den))
}

// durSum adds durations exactly (whole seconds and nanoseconds apart),
// so a pooled mean does not depend on the order of merging and cannot
// overflow on long inputs.
type durSum struct{ n, sec, nsec int64 }

func (d *durSum) add(x time.Duration) {
	d.n++
	d.sec += int64(x / time.Second)
	d.nsec += int64(x % time.Second)
}

func (d *durSum) merge(o durSum) {
	d.n += o.n
	d.sec += o.sec
	d.nsec += o.nsec
}

// mean returns the mean in seconds, or nil without data.
func (d durSum) mean() *float64 {
	if d.n == 0 {
		return nil
	}
	return ptr((float64(d.sec) + float64(d.nsec)/1e9) / float64(d.n))
}
