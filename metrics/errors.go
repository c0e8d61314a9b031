package metrics

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors, for errors.Is. Most errors about the data carry more
// detail (which value, which index) and wrap one of these; errors in
// the caller's arguments (an interval level outside (0, 1), a method the
// metric does not offer, a box wider than the scale) do not.
var (
	// ErrNoData means there was no answer (or no weight) to compute
	// from, or too few to measure a spread: Mean needs two values,
	// CompareCES an n_eff above 1 on each side, and a comparison of two
	// results that both have a standard error of 0 has nothing to test
	// against. It is the one "no data" error of the module: the
	// sub-packages (retail, support) return this same value, so one
	// errors.Is test serves every metric.
	ErrNoData = errors.New("no data")
	// ErrEmpty is ErrNoData under its first name.
	//
	// Deprecated: use ErrNoData; both are the same value.
	ErrEmpty = ErrNoData
	// ErrRange means a score lies outside its scale, an emotion is not
	// one of the three, or a value given to Mean is NaN, ±Inf, or too
	// large to average in float64.
	ErrRange = errors.New("score out of range")
	// ErrWeight means a weight is neither 0 nor within [MinWeight,
	// MaxWeight] (negative, NaN and ±Inf included), that CSI's weights
	// sum to zero, or that a saved weight sum is not finite.
	ErrWeight = errors.New("bad weight")
	// ErrState means a saved accumulator state (UnmarshalJSON) is one
	// no accumulator could have written: a missing, unknown, misspelt
	// or repeated field, an array of the wrong length, a negative count,
	// counts whose total overflows, or weight sums that contradict each
	// other or the counts (which would give an n_eff of +Inf and NaN
	// intervals).
	ErrState = errors.New("invalid accumulator state")
	// ErrScale means two accumulators on different scales were merged or
	// compared, a scale itself is malformed, or a CSAT or CES was used
	// without its constructor.
	ErrScale = errors.New("bad or mismatched scale")
)

// RangeError reports a score outside its scale.
type RangeError struct {
	Metric string // "NPS", "CSAT", "CES", "emotion", or "rating" for box shares
	Index  int    // position in the input slice, or -1 when unknown
	// Value is the rejected score; for an emotion, its integer value.
	Value float64
	// Lo and Hi are the bounds the score had to lie in, inclusive: 0..10
	// for NPS, the scale's points for ratings, 1..3 (Negative..Positive)
	// for emotions.
	Lo, Hi int
}

// Error returns a message such as "NPS score 11 at index 3 is outside
// 0..10".
func (e *RangeError) Error() string {
	at := ""
	if e.Index >= 0 {
		at = fmt.Sprintf(" at index %d", e.Index)
	}
	return fmt.Sprintf("%s score %v%s is outside %d..%d", e.Metric, e.Value, at, e.Lo, e.Hi)
}

// Unwrap makes errors.Is(err, ErrRange) true.
func (e *RangeError) Unwrap() error { return ErrRange }

// WeightError reports a weight that is negative, NaN, infinite, or
// outside [MinWeight, MaxWeight].
type WeightError struct {
	Index  int     // position in the input, or -1 when unknown
	Weight float64 // the rejected weight
}

// Error names the weight and the range weights must lie in.
func (e *WeightError) Error() string {
	at := ""
	if e.Index >= 0 {
		at = fmt.Sprintf(" at index %d", e.Index)
	}
	return fmt.Sprintf("weight %v%s: weights must be 0 or between %g and %g", e.Weight, at, MinWeight, MaxWeight)
}

// Unwrap makes errors.Is(err, ErrWeight) true.
func (e *WeightError) Unwrap() error { return ErrWeight }

// reasonError is an error with its own words that still matches a
// sentinel with errors.Is, for problems whose sentinel's own text would
// read wrong after the message: a comparison of groups that have
// answers but no spread must not end in "no answers".
type reasonError struct {
	msg      string
	sentinel error
}

func (e *reasonError) Error() string { return e.msg }
func (e *reasonError) Unwrap() error { return e.sentinel }

// errorIs returns an error reading as format and args say that wraps
// sentinel without printing it.
func errorIs(sentinel error, format string, args ...any) error {
	return &reasonError{msg: fmt.Sprintf(format, args...), sentinel: sentinel}
}

// emptyError says there is nothing to compute metric from, given n
// answers: none at all, or n answers that all weigh 0.
func emptyError(metric string, n int64) error {
	if n > 0 {
		return errorIs(ErrNoData, "%s: all %d answers weigh 0, so there is nothing to compute from", metric, n)
	}
	return errorIs(ErrNoData, "%s: no answers", metric)
}

func errMethod(m Method, allowed ...Method) error {
	want := string(allowed[0])
	if len(allowed) > 1 {
		names := make([]string, len(allowed))
		for i, a := range allowed {
			names[i] = string(a)
		}
		want = "one of " + strings.Join(names, ", ")
	}
	return fmt.Errorf("interval method %q is not available here (want %s)", m, want)
}
