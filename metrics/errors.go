package metrics

import (
	"errors"
	"fmt"
)

// Sentinel errors, for errors.Is. The errors returned carry more detail
// (which value, which index) and wrap one of these.
var (
	// ErrEmpty means there was no answer (or no weight) to compute from.
	ErrEmpty = errors.New("no answers")
	// ErrRange means a score lies outside its scale.
	ErrRange = errors.New("score out of range")
	// ErrWeight means a weight is negative, NaN or infinite.
	ErrWeight = errors.New("bad weight")
	// ErrScale means two accumulators on different scales were merged or
	// compared, or a scale itself is malformed.
	ErrScale = errors.New("bad or mismatched scale")
)

// RangeError reports a score outside its scale.
type RangeError struct {
	Metric string // "NPS", "CSAT", ...
	Index  int    // position in the input slice, or -1 when unknown
	Value  float64
	Lo, Hi int
}

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
	Index  int // position in the input, or -1 when unknown
	Weight float64
}

func (e *WeightError) Error() string {
	at := ""
	if e.Index >= 0 {
		at = fmt.Sprintf(" at index %d", e.Index)
	}
	return fmt.Sprintf("weight %v%s: weights must be 0 or between %g and %g", e.Weight, at, MinWeight, MaxWeight)
}

// Unwrap makes errors.Is(err, ErrWeight) true.
func (e *WeightError) Unwrap() error { return ErrWeight }

func emptyError(metric string) error {
	return fmt.Errorf("%s: %w", metric, ErrEmpty)
}

func errMethod(m Method, allowed ...Method) error {
	return fmt.Errorf("interval method %q is not available here (want one of %v)", m, allowed)
}
