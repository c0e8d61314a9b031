package metrics

import (
	"encoding/json"
	"fmt"
	"math"

	"github.com/cxkit/cxkit/internal/strictjson"
)

// Accumulators marshal to JSON so partial tallies can travel between
// machines and merge there exactly: the JSON holds the integer counts
// and the double-double weight sums as they are, not a rounded summary.
// Unmarshaling reads the state strictly (every field present, with the
// length the accumulator writes; no other field) and checks it (no
// negative counts, finite weights that fit their counts), so that a
// state no accumulator wrote is an ErrState error, not a wrong tally.

// tallyState is the JSON form of a tally3: categories in the order
// negative, middle, positive (detractors, passives, promoters).
type tallyState struct {
	Counts         [3]int64      `json:"counts"`
	WeightedCounts [3]int64      `json:"weighted_counts"`
	Weights        [3][2]float64 `json:"weights"`
	SquaredWeights [2]float64    `json:"squared_weights"`
}

func (t *tally3) state() tallyState {
	s := tallyState{Counts: t.n, WeightedCounts: t.m, SquaredWeights: [2]float64{t.q.hi, t.q.lo}}
	for i := range 3 {
		s.Weights[i] = [2]float64{t.w[i].hi, t.w[i].lo}
	}
	return s
}

func (t *tally3) setState(what string, b []byte) error {
	var s struct {
		Counts         []int64     `json:"counts"`
		WeightedCounts []int64     `json:"weighted_counts"`
		Weights        [][]float64 `json:"weights"`
		SquaredWeights []float64   `json:"squared_weights"`
	}
	if err := decodeState(what, b, &s); err != nil {
		return err
	}
	if err := checkShape(what, "category", 3, s.Counts, s.WeightedCounts, s.Weights, s.SquaredWeights); err != nil {
		return err
	}
	if err := checkState(what, s.Counts, s.WeightedCounts, s.Weights, s.SquaredWeights); err != nil {
		return err
	}
	*t = tally3{q: dsum{s.SquaredWeights[0], s.SquaredWeights[1]}}
	for i := range 3 {
		t.n[i], t.m[i] = s.Counts[i], s.WeightedCounts[i]
		t.w[i] = dsum{s.Weights[i][0], s.Weights[i][1]}
	}
	return nil
}

// decodeState decodes a saved state strictly: a misspelt or missing
// field must not load as an empty accumulator.
func decodeState(what string, b []byte, v any) error {
	if err := strictjson.Decode(b, v, "the state"); err != nil {
		return fmt.Errorf("%s state: %w: %w", what, err, ErrState)
	}
	return nil
}

// checkShape checks that every field of a saved tally of k categories
// is there, with one entry per category and two numbers per weight sum.
// per names a category in messages: "category", or a point of a scale.
func checkShape(what, per string, k int, n, m []int64, w [][]float64, q []float64) error {
	fields := []struct {
		name   string
		nil    bool
		len    int
		perCat bool // one entry per category, else a pair
	}{
		{"counts", n == nil, len(n), true},
		{"weighted_counts", m == nil, len(m), true},
		{"weights", w == nil, len(w), true},
		{"squared_weights", q == nil, len(q), false},
	}
	for _, f := range fields {
		switch {
		case f.nil:
			return fmt.Errorf("%s state: field %q is missing: %w", what, f.name, ErrState)
		case f.perCat && f.len != k:
			return fmt.Errorf("%s state: %q has %d entries, want %d, one per %s: %w", what, f.name, f.len, k, per, ErrState)
		case !f.perCat && f.len != 2:
			return fmt.Errorf("%s state: %q has %d numbers, want 2 (a sum kept as high and low parts): %w", what, f.name, f.len, ErrState)
		}
	}
	for i, p := range w {
		if len(p) != 2 {
			return fmt.Errorf("%s state: weights[%d] has %d numbers, want 2 (a sum kept as high and low parts): %w", what, i, len(p), ErrState)
		}
	}
	return nil
}

// checkState checks a saved tally: unit-weight counts n and other-weight
// counts m per category, their weight sums w and the sum q of their
// squared weights. Besides the signs and finiteness, it checks what any
// state written by an accumulator satisfies, so that a hand-edited or
// corrupted one cannot turn into an n_eff of +Inf and NaN intervals: a
// category without weighted answers has no weight; the total count fits
// an int64; no sum exceeds what its count of weights of at most
// MaxWeight can reach (which also keeps W² finite); and, with W = Σw
// and M = Σm, weights of 0 or more give q <= W² and Cauchy–Schwarz
// gives W² <= M·q.
func checkState(what string, n, m []int64, w [][]float64, q []float64) error {
	const tol = 1e-9 // far above the rounding of a double-double sum
	var total int64
	var W float64
	var M int64
	for i := range n {
		if n[i] < 0 || m[i] < 0 {
			return fmt.Errorf("%s state: negative count: %w", what, ErrState)
		}
		if total > math.MaxInt64-n[i] || total+n[i] > math.MaxInt64-m[i] {
			return fmt.Errorf("%s state: the counts add up to more than an int64 holds: %w", what, ErrState)
		}
		total += n[i] + m[i]
		M += m[i]
		if err := checkPair(what, w[i]); err != nil {
			return err
		}
		wi := w[i][0] + w[i][1]
		if m[i] == 0 && wi != 0 {
			return fmt.Errorf("%s state: weight sum %v for a category without weighted answers: %w", what, wi, ErrState)
		}
		if wi > float64(m[i])*MaxWeight*(1+tol) {
			return fmt.Errorf("%s state: weight sum %v is more than %d weights of at most %g can reach: %w", what, wi, m[i], MaxWeight, ErrState)
		}
		W += wi
	}
	if err := checkPair(what, q); err != nil {
		return err
	}
	Q := q[0] + q[1]
	if Q > float64(M)*MaxWeight*MaxWeight*(1+tol) {
		return fmt.Errorf("%s state: squared weights %v are more than %d weights of at most %g can reach: %w", what, Q, M, MaxWeight, ErrState)
	}
	if Q > W*W*(1+tol) || W*W > float64(M)*Q*(1+tol) {
		return fmt.Errorf("%s state: squared weights %v do not fit %d weights summing to %v: %w", what, Q, M, W, ErrState)
	}
	return nil
}

func checkPair(what string, p []float64) error {
	if !(p[0] >= 0) || math.IsInf(p[0], 1) || math.IsNaN(p[1]) || math.IsInf(p[1], 0) {
		return fmt.Errorf("%s state: weight sum %v is not a finite sum of weights: %w: %w", what, p, ErrState, ErrWeight)
	}
	return nil
}

// MarshalJSON saves the accumulator's state, for UnmarshalJSON to
// restore and Merge to pool, say on another machine. It is a JSON object
// of four fields:
//
//	{"counts":[1,1,2],"weighted_counts":[0,0,1],
//	 "weights":[[0,0],[0,0],[2.5,0]],"squared_weights":[6.25,0]}
//
// Each array of three has one entry per category, in the order
// detractors (0-6), passives (7-8), promoters (9-10). counts are the
// answers of weight 1, weighted_counts those of any other weight (0
// included), weights the sum of those other weights, and
// squared_weights the sum of their squares over all categories. A sum
// is a double-double pair [hi, lo] whose value is hi + lo, so that
// nothing is lost to rounding on the way. The per-score counts behind
// Add are saved folded into their categories.
func (a NPS) MarshalJSON() ([]byte, error) {
	t := a.tally()
	return json.Marshal(t.state())
}

// UnmarshalJSON restores a state written by MarshalJSON; any other is an
// error wrapping ErrState.
func (a *NPS) UnmarshalJSON(b []byte) error {
	var t tally3
	if err := t.setState("NPS", b); err != nil {
		return err
	}
	*a = NPS{t: t}
	return nil
}

// MarshalJSON saves the accumulator's state in the form NPS.MarshalJSON
// describes, with the categories in the order negative, neutral,
// positive.
func (a Emotions) MarshalJSON() ([]byte, error) { return json.Marshal(a.t.state()) }

// UnmarshalJSON restores a state written by MarshalJSON; any other is an
// error wrapping ErrState.
func (a *Emotions) UnmarshalJSON(b []byte) error {
	var t tally3
	if err := t.setState("emotions", b); err != nil {
		return err
	}
	a.t = t
	return nil
}

// ratingsState is the JSON form of a ratings histogram, points from
// Scale.Lo up.
type ratingsState struct {
	Scale          Scale        `json:"scale"`
	Counts         []int64      `json:"counts"`
	WeightedCounts []int64      `json:"weighted_counts"`
	Weights        [][2]float64 `json:"weights"`
	SquaredWeights [2]float64   `json:"squared_weights"`
}

func (r *ratings) state() ratingsState {
	s := ratingsState{Scale: r.scale, Counts: r.n, WeightedCounts: r.m, SquaredWeights: [2]float64{r.q.hi, r.q.lo}}
	s.Weights = make([][2]float64, len(r.w))
	for i, w := range r.w {
		s.Weights[i] = [2]float64{w.hi, w.lo}
	}
	return s
}

func (r *ratings) setState(what string, b []byte) error {
	var s struct {
		Scale *struct {
			Lo   *int       `json:"lo"`
			Hi   *int       `json:"hi"`
			Good *Direction `json:"good"`
		} `json:"scale"`
		Counts         []int64     `json:"counts"`
		WeightedCounts []int64     `json:"weighted_counts"`
		Weights        [][]float64 `json:"weights"`
		SquaredWeights []float64   `json:"squared_weights"`
	}
	if err := decodeState(what, b, &s); err != nil {
		return err
	}
	switch {
	case s.Scale == nil:
		return fmt.Errorf("%s state: field %q is missing: %w", what, "scale", ErrState)
	case s.Scale.Lo == nil || s.Scale.Hi == nil || s.Scale.Good == nil:
		return fmt.Errorf("%s state: the scale needs lo, hi and good: %w", what, ErrState)
	}
	sc := Scale{Lo: *s.Scale.Lo, Hi: *s.Scale.Hi, Good: *s.Scale.Good}
	nr, err := newRatings(sc)
	if err != nil {
		return fmt.Errorf("%s state: %w: %w", what, err, ErrState)
	}
	k := sc.points()
	if err := checkShape(what, "point of the scale "+sc.String(), k, s.Counts, s.WeightedCounts, s.Weights, s.SquaredWeights); err != nil {
		return err
	}
	if err := checkState(what, s.Counts, s.WeightedCounts, s.Weights, s.SquaredWeights); err != nil {
		return err
	}
	for i := range k {
		nr.n[i], nr.m[i] = s.Counts[i], s.WeightedCounts[i]
		nr.w[i] = dsum{s.Weights[i][0], s.Weights[i][1]}
	}
	nr.q = dsum{s.SquaredWeights[0], s.SquaredWeights[1]}
	*r = nr
	return nil
}

// MarshalJSON saves the accumulator's state, scale included:
//
//	{"scale":{"lo":1,"hi":5,"good":"high"},
//	 "counts":[0,1,0,3,4],"weighted_counts":[0,0,0,0,0],
//	 "weights":[[0,0],[0,0],[0,0],[0,0],[0,0]],"squared_weights":[0,0]}
//
// The arrays have one entry per point of the scale, from lo up; the
// fields mean what NPS.MarshalJSON says, and every one is required.
func (a CSAT) MarshalJSON() ([]byte, error) { return json.Marshal(a.r.state()) }

// UnmarshalJSON restores a state written by MarshalJSON, scale included;
// any other is an error wrapping ErrState.
func (a *CSAT) UnmarshalJSON(b []byte) error { return a.r.setState("CSAT", b) }

// MarshalJSON saves the accumulator's state, scale included, in the
// form CSAT.MarshalJSON describes.
func (a CES) MarshalJSON() ([]byte, error) { return json.Marshal(a.r.state()) }

// UnmarshalJSON restores a state written by MarshalJSON, scale included;
// any other is an error wrapping ErrState.
func (a *CES) UnmarshalJSON(b []byte) error { return a.r.setState("CES", b) }

type meanState struct {
	N    int64   `json:"n"`
	Mean float64 `json:"mean"`
	M2   float64 `json:"m2"`            // (weighted) sum of squared deviations from the mean
	SW   float64 `json:"sw,omitempty"`  // sum of the weights; left out while unweighted
	SW2  float64 `json:"sw2,omitempty"` // sum of the squared weights; likewise
}

// MarshalJSON saves the accumulator's state as {"n":3,"mean":2,"m2":2}:
// the number of values, their running mean, and m2, the sum of squared
// deviations from that mean (Welford's), from which Result takes the
// variance m2 / (n - 1). With n = 0 both are 0; with n = 1, m2 is 0.
// Weighted values add "sw" and "sw2", the sums of the weights and of
// their squares; a state without them is unweighted.
func (a Mean) MarshalJSON() ([]byte, error) {
	st := meanState{N: a.n, Mean: a.mean, M2: a.m2}
	if a.sw != float64(a.n) || a.sw2 != float64(a.n) {
		st.SW, st.SW2 = a.sw, a.sw2
	}
	return json.Marshal(st)
}

// UnmarshalJSON restores a state written by MarshalJSON; any other is an
// error wrapping ErrState.
func (a *Mean) UnmarshalJSON(b []byte) error {
	var s struct {
		N    *int64   `json:"n"`
		Mean *float64 `json:"mean"`
		M2   *float64 `json:"m2"`
		SW   *float64 `json:"sw"`
		SW2  *float64 `json:"sw2"`
	}
	if err := decodeState("mean", b, &s); err != nil {
		return err
	}
	if s.N == nil || s.Mean == nil || s.M2 == nil {
		return fmt.Errorf("mean state: want all of n, mean and m2: %w", ErrState)
	}
	if (s.SW == nil) != (s.SW2 == nil) {
		return fmt.Errorf("mean state: sw and sw2 go together: %w", ErrState)
	}
	n, mean, m2 := *s.N, *s.Mean, *s.M2
	sw, sw2 := float64(n), float64(n)
	if s.SW != nil {
		sw, sw2 = *s.SW, *s.SW2
	}
	var bad string
	switch {
	case n < 0:
		bad = "a negative count"
	case !(m2 >= 0) || math.IsInf(m2, 1) || math.IsNaN(mean) || math.IsInf(mean, 0):
		bad = "m2 must be a finite number >= 0 and the mean finite"
	case !(sw >= 0 && sw2 >= 0) || math.IsInf(sw, 1) || math.IsInf(sw2, 1):
		bad = "the weight sums must be finite numbers >= 0"
	case n == 0 && (mean != 0 || m2 != 0):
		bad = "no values, but a mean or m2 other than 0"
	case sw == 0 && (sw2 != 0 || mean != 0 || m2 != 0):
		bad = "no weight, but a mean, m2 or sw2 other than 0"
	case sw > 0 && (n == 0 || !(sw2 > 0) || sw*sw < sw2*(1-1e-9) || sw*sw > float64(n)*sw2*(1+1e-9)):
		bad = "the weight sums contradict each other or the count (n_eff must lie in 1..n)"
	case n == 1 && m2 != 0:
		bad = "one value has no spread, so m2 must be 0"
	}
	if bad != "" {
		return fmt.Errorf("mean state with n %d, mean %v, m2 %v: %s: %w", n, mean, m2, bad, ErrState)
	}
	*a = Mean{n: n, sw: sw, sw2: sw2, mean: mean, m2: m2}
	return nil
}

// MarshalJSON saves the table as {"counts":[[0,1,2],[3,4,5],[6,7,8]]}:
// per emotion (negative, neutral, positive) the customers who were
// detractors, passives and promoters.
func (t EmotionNPS) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Counts [3][3]int64 `json:"counts"`
	}{t.counts})
}

// UnmarshalJSON restores a table saved by MarshalJSON; any other is an
// error wrapping ErrState.
func (t *EmotionNPS) UnmarshalJSON(b []byte) error {
	var s struct {
		Counts [][]int64 `json:"counts"`
	}
	if err := decodeState("emotion x NPS", b, &s); err != nil {
		return err
	}
	if len(s.Counts) != 3 {
		return fmt.Errorf("emotion x NPS state: want counts of 3 emotions: %w", ErrState)
	}
	var c [3][3]int64
	var total int64
	for i, row := range s.Counts {
		if len(row) != 3 {
			return fmt.Errorf("emotion x NPS state: want 3 counts per emotion: %w", ErrState)
		}
		for j, n := range row {
			if n < 0 || total > math.MaxInt64-n {
				return fmt.Errorf("emotion x NPS state: a negative count, or counts past an int64: %w", ErrState)
			}
			total += n
			c[i][j] = n
		}
	}
	t.counts = c
	return nil
}

// csiState is the JSON form of CSIRatings: the scale, the attributes'
// names, the respondents, and each attribute's ratings in the form
// CSAT.MarshalJSON describes.
type csiState struct {
	Scale       Scale             `json:"scale"`
	Names       []string          `json:"names"`
	Respondents int64             `json:"respondents"`
	Attributes  []json.RawMessage `json:"attributes"`
}

// MarshalJSON saves the accumulator's state:
//
//	{"scale":{"lo":1,"hi":10,"good":"high"},"names":["speed","staff"],
//	 "respondents":2,"attributes":[{...},{...}]}
//
// with one attribute a name, each in the form of CSAT.MarshalJSON.
func (c CSIRatings) MarshalJSON() ([]byte, error) {
	s := csiState{Scale: c.scale, Names: c.names, Respondents: c.respondents, Attributes: make([]json.RawMessage, len(c.attrs))}
	for i := range c.attrs {
		b, err := json.Marshal(c.attrs[i].state())
		if err != nil {
			return nil, err
		}
		s.Attributes[i] = b
	}
	return json.Marshal(s)
}

// UnmarshalJSON restores a state written by MarshalJSON; any other (an
// attribute on another scale, fewer respondents than rated one
// attribute, more than gave ratings) is an error wrapping ErrState.
func (c *CSIRatings) UnmarshalJSON(b []byte) error {
	var s struct {
		Scale       json.RawMessage   `json:"scale"`
		Names       []string          `json:"names"`
		Respondents *int64            `json:"respondents"`
		Attributes  []json.RawMessage `json:"attributes"`
	}
	if err := decodeState("CSI", b, &s); err != nil {
		return err
	}
	if s.Respondents == nil || s.Scale == nil || len(s.Names) == 0 || len(s.Attributes) != len(s.Names) {
		return fmt.Errorf("CSI state: want a scale, names, respondents and one attribute a name: %w", ErrState)
	}
	out := CSIRatings{names: s.Names, attrs: make([]ratings, len(s.Names)), respondents: *s.Respondents}
	var most int64
	for i, a := range s.Attributes {
		if err := out.attrs[i].setState("CSI "+s.Names[i], a); err != nil {
			return err
		}
		if i > 0 && out.attrs[i].scale != out.attrs[0].scale {
			return fmt.Errorf("CSI state: attribute %q on another scale: %w", s.Names[i], ErrState)
		}
		if out.attrs[i].weighted() {
			return fmt.Errorf("CSI state: attribute %q has weighted ratings, which CSIRatings never records: %w", s.Names[i], ErrState)
		}
		most = max(most, out.attrs[i].total())
	}
	out.scale = out.attrs[0].scale
	var sc Scale
	if err := json.Unmarshal(s.Scale, &sc); err != nil || sc != out.scale {
		return fmt.Errorf("CSI state: the attributes' scale is not the index's: %w", ErrState)
	}
	var all int64
	for _, a := range out.attrs {
		all += a.total()
	}
	if out.respondents < most || out.respondents > all {
		return fmt.Errorf("CSI state: %d respondents for attributes rated %d times, at most %d by one: %w", out.respondents, all, most, ErrState)
	}
	*c = out
	return nil
}
