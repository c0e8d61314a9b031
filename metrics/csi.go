package metrics

import (
	"fmt"
	"math"
	"slices"
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

// CSIRatings accumulates the ratings respondents gave a fixed list of
// attributes, for a CSI with a Student-t interval on every attribute
// mean. A respondent may leave attributes unrated; each attribute's
// mean is over those who rated it. Ratings are counted per point of the
// scale, as CSAT and CES count theirs, so merging is exact: parts
// merged in any order give the same result, bit for bit, as one pass.
// Build one with NewCSIRatings.
type CSIRatings struct {
	scale       Scale
	names       []string
	attrs       []ratings
	respondents int64
}

// NoRating marks an attribute a respondent left unrated in
// [CSIRatings.Add].
const NoRating = math.MinInt

// NewCSIRatings returns an empty accumulator for the named attributes
// rated on scale s. A bad scale (ErrScale) and no attributes (ErrEmpty)
// are errors.
func NewCSIRatings(s Scale, names []string) (*CSIRatings, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, errorIs(ErrEmpty, "CSI of no attributes")
	}
	c := &CSIRatings{scale: s, names: append([]string(nil), names...), attrs: make([]ratings, len(names))}
	for i := range c.attrs {
		c.attrs[i], _ = newRatings(s) // the scale is valid
	}
	return c, nil
}

// Add records one respondent: ratings[i] is the rating of attribute i,
// or NoRating. A respondent who rated nothing is not counted. The wrong
// number of ratings and a rating off the scale (a *RangeError, Index
// naming the attribute) are errors, and then nothing is recorded.
func (c *CSIRatings) Add(ratings []int) error {
	if len(ratings) != len(c.names) {
		return fmt.Errorf("CSI: %d ratings for %d attributes", len(ratings), len(c.names))
	}
	rated := false
	for i, x := range ratings {
		if x == NoRating {
			continue
		}
		if x < c.scale.Lo || x > c.scale.Hi {
			return &RangeError{Metric: "CSI " + c.names[i], Index: i, Value: float64(x), Lo: c.scale.Lo, Hi: c.scale.Hi}
		}
		rated = true
	}
	if !rated {
		return nil
	}
	for i, x := range ratings {
		if x != NoRating {
			c.attrs[i].addWeighted(x, 1)
		}
	}
	c.respondents++
	return nil
}

// Merge adds o's respondents; both must rate the same attributes on the
// same scale (ErrScale otherwise). A nil o adds nothing.
func (c *CSIRatings) Merge(o *CSIRatings) error {
	if o == nil {
		return nil
	}
	if o.scale != c.scale || !slices.Equal(o.names, c.names) {
		return fmt.Errorf("CSI: merging ratings of other attributes or another scale: %w", ErrScale)
	}
	// Every count is checked before any is added, so that a merge that
	// fails leaves c as it was.
	for i := range c.attrs {
		if err := c.attrs[i].view().canMerge("CSI", o.attrs[i].view()); err != nil {
			return err
		}
	}
	if _, ok := addCount(c.respondents, o.respondents); !ok {
		return errorIs(ErrState, "CSI: merging %d respondents into %d overflows the count", o.respondents, c.respondents)
	}
	for i := range c.attrs {
		_ = c.attrs[i].merge("CSI", &o.attrs[i]) // the same scale and counts that fit, checked above
	}
	c.respondents += o.respondents
	return nil
}

// Scale returns the scale the attributes are rated on.
func (c *CSIRatings) Scale() Scale { return c.scale }

// N returns the number of respondents who rated at least one attribute.
func (c *CSIRatings) N() int64 { return c.respondents }

// Means returns each attribute's mean rating and how many rated it; an
// attribute nobody rated has n 0 and mean 0. It is what a report
// shows for a group too small for Result's intervals, with CSI of the
// means.
func (c *CSIRatings) Means() (means []float64, n []int64) {
	means, n = make([]float64, len(c.attrs)), make([]int64, len(c.attrs))
	for i := range c.attrs {
		if s, err := c.attrs[i].summarize("CSI", Options{}); err == nil {
			means[i], n[i] = s.mean, s.n
		}
	}
	return means, n
}

// CSIResult is a satisfaction index with its attributes.
type CSIResult struct {
	CSI float64 `json:"csi"` // 0..100
	// N counts respondents who rated at least one attribute.
	N          int64          `json:"n"`
	Scale      Scale          `json:"scale"`
	Attributes []CSIAttribute `json:"attributes"`
}

// CSIAttribute is one attribute's mean rating with its Student-t
// interval (Level), clipped to the scale, and the weight it carried in
// the index. SD, CILow and CIHigh are nil (JSON null) for an attribute
// only one respondent rated: one rating has no spread. An attribute every
// respondent rated the same has SD 0 and the exact bound of the package
// doc as its interval, not the t interval's single point.
type CSIAttribute struct {
	Name   string   `json:"name"`
	N      int64    `json:"n"` // respondents who rated it
	Mean   float64  `json:"mean"`
	SD     *float64 `json:"sd"`
	CILow  *float64 `json:"ci_low"`
	CIHigh *float64 `json:"ci_high"`
	Level  float64  `json:"level"`
	Weight float64  `json:"weight"`
}

// Result returns the index (see CSI) and every attribute's mean with
// its interval at level (0 means 0.95). weights holds one importance
// weight per attribute; nil weighs them equally (1 each). An attribute
// nobody rated has no mean and is an error (ErrEmpty), as are the
// errors of CSI; one rated once has a mean but no interval, as one CSAT
// or CES answer has none: the index of its mean is still reported.
func (c *CSIRatings) Result(weights []float64, level float64) (CSIResult, error) {
	if weights == nil {
		weights = make([]float64, len(c.names))
		for i := range weights {
			weights[i] = 1
		}
	}
	if len(weights) != len(c.names) {
		return CSIResult{}, fmt.Errorf("CSI: %d weights for %d attributes: %w", len(weights), len(c.names), ErrWeight)
	}
	r := CSIResult{N: c.respondents, Scale: c.scale, Attributes: make([]CSIAttribute, len(c.names))}
	attrs := make([]Attribute, len(c.names))
	for i := range c.attrs {
		n := c.attrs[i].total()
		if n == 0 {
			return CSIResult{}, fmt.Errorf("CSI attribute %q: %w", c.names[i],
				errorIs(ErrNoData, "no respondent rated it, so it has no mean"))
		}
		s, err := c.attrs[i].summarize("CSI "+c.names[i], Options{Level: level})
		if err != nil {
			return CSIResult{}, fmt.Errorf("CSI attribute %q: %w", c.names[i], err)
		}
		r.Attributes[i] = CSIAttribute{Name: c.names[i], N: s.n, Mean: s.mean, Level: s.level, Weight: weights[i]}
		if n >= 2 {
			r.Attributes[i].SD = new(s.meanSE * math.Sqrt(s.nEff))
			r.Attributes[i].CILow, r.Attributes[i].CIHigh = new(s.meanCI.Lo), new(s.meanCI.Hi)
		}
		attrs[i] = Attribute{Name: c.names[i], Mean: s.mean, Weight: weights[i]}
	}
	v, err := CSI(attrs, c.scale)
	if err != nil {
		return CSIResult{}, err
	}
	r.CSI = v
	return r, nil
}
