package metrics

import (
	"fmt"
	"math"
)

// Attribute is one rated attribute of a satisfaction index: its mean
// rating and its importance weight.
type Attribute struct {
	Name string `json:"name"` // used only in error messages
	// Mean is the attribute's mean rating, on the scale given to CSI.
	Mean float64 `json:"mean"`
	// Weight is the attribute's relative importance: only ratios
	// between weights matter. It is 0 (the attribute then counts for
	// nothing) or within [MinWeight, MaxWeight].
	Weight float64 `json:"weight"`
}

// CSI returns the customer satisfaction index of attribute means on
// scale s, 0..100, in the ACSI form:
//
//	CSI = 100 · Σ wᵢ(xᵢ - lo) / ((hi - lo) · Σ wᵢ)
//
// With equal weights on 1..10 and three attributes S, E, P this is
// (S + E + P - 3) / 27 · 100. On a scale where Low is good, the distance
// is measured from hi instead, so 100 is always best. A mean off the
// scale (ErrRange), a weight neither 0 nor within [MinWeight, MaxWeight]
// or a zero total weight (ErrWeight), and no attributes (ErrNoData) are
// errors.
func CSI(attrs []Attribute, s Scale) (float64, error) {
	if err := s.Validate(); err != nil {
		return 0, err
	}
	if len(attrs) == 0 {
		return 0, errorIs(ErrNoData, "CSI of no attributes")
	}
	lo, hi := float64(s.Lo), float64(s.Hi)
	var num, den dsum
	for i, a := range attrs {
		if !(a.Mean >= lo && a.Mean <= hi) {
			return 0, fmt.Errorf("CSI attribute %d (%q): mean %v is outside %v: %w", i, a.Name, a.Mean, s, ErrRange)
		}
		if err := checkWeight(a.Weight, i); err != nil {
			return 0, fmt.Errorf("CSI attribute %d (%q): %w", i, a.Name, err)
		}
		d := a.Mean - lo
		if s.Good == Low {
			d = hi - a.Mean
		}
		num.add(a.Weight * d)
		den.add(a.Weight)
	}
	if !(den.value() > 0) || math.IsInf(den.value(), 1) {
		return 0, fmt.Errorf("CSI: total weight %v: %w", den.value(), ErrWeight)
	}
	return 100 * num.value() / ((hi - lo) * den.value()), nil
}
