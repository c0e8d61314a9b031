package metrics

import (
	"encoding/json"
	"fmt"
	"math"
)

// Accumulators marshal to JSON so partial tallies can travel between
// machines and merge there exactly: the JSON holds the integer counts
// and the double-double weight sums as they are, not a rounded summary.
// Unmarshaling checks the state (no negative counts, finite weights,
// lengths that fit the scale).

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

func (t *tally3) setState(what string, s tallyState) error {
	if err := checkState(what, s.Counts[:], s.WeightedCounts[:], s.Weights[:], s.SquaredWeights); err != nil {
		return err
	}
	*t = tally3{n: s.Counts, m: s.WeightedCounts, q: dsum{s.SquaredWeights[0], s.SquaredWeights[1]}}
	for i := range 3 {
		t.w[i] = dsum{s.Weights[i][0], s.Weights[i][1]}
	}
	return nil
}

// checkState checks a saved tally: unit-weight counts n and other-weight
// counts m per category, their weight sums w and the sum q of their
// squared weights. Besides the signs and finiteness, it checks what any
// state written by an accumulator satisfies, so that a hand-edited or
// corrupted one cannot turn into an n_eff of +Inf and NaN intervals: a
// category without weighted answers has no weight; the total count fits
// an int64; and, with W = Σw and M = Σm, weights of 0 or more give
// q <= W² and Cauchy–Schwarz gives W² <= M·q.
func checkState(what string, n, m []int64, w [][2]float64, q [2]float64) error {
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
		W += wi
	}
	if err := checkPair(what, q); err != nil {
		return err
	}
	Q := q[0] + q[1]
	const tol = 1e-9 // far above the rounding of a double-double sum
	if Q > W*W*(1+tol) || W*W > float64(M)*Q*(1+tol) {
		return fmt.Errorf("%s state: squared weights %v do not fit %d weights summing to %v: %w", what, Q, M, W, ErrState)
	}
	return nil
}

func checkPair(what string, p [2]float64) error {
	if !(p[0] >= 0) || math.IsInf(p[0], 1) || math.IsNaN(p[1]) || math.IsInf(p[1], 0) {
		return fmt.Errorf("%s state: weight sum %v is not a finite sum of weights: %w: %w", what, p, ErrState, ErrWeight)
	}
	return nil
}

// MarshalJSON encodes the accumulator's state.
func (a NPS) MarshalJSON() ([]byte, error) {
	t := a.tally()
	return json.Marshal(t.state())
}

// UnmarshalJSON restores a state written by MarshalJSON.
func (a *NPS) UnmarshalJSON(b []byte) error {
	var s tallyState
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("NPS state: %w", err)
	}
	var t tally3
	if err := t.setState("NPS", s); err != nil {
		return err
	}
	*a = NPS{t: t}
	return nil
}

// MarshalJSON encodes the accumulator's state.
func (a Emotions) MarshalJSON() ([]byte, error) { return json.Marshal(a.t.state()) }

// UnmarshalJSON restores a state written by MarshalJSON.
func (a *Emotions) UnmarshalJSON(b []byte) error {
	var s tallyState
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("emotions state: %w", err)
	}
	var t tally3
	if err := t.setState("emotions", s); err != nil {
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
	var s ratingsState
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("%s state: %w", what, err)
	}
	nr, err := newRatings(s.Scale)
	if err != nil {
		return fmt.Errorf("%s state: %w", what, err)
	}
	k := s.Scale.points()
	if len(s.Counts) != k || len(s.WeightedCounts) != k || len(s.Weights) != k {
		return fmt.Errorf("%s state: want %d points for scale %v: %w", what, k, s.Scale, ErrScale)
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

// MarshalJSON encodes the accumulator's state, scale included.
func (a CSAT) MarshalJSON() ([]byte, error) { return json.Marshal(a.r.state()) }

// UnmarshalJSON restores a state written by MarshalJSON, scale included.
func (a *CSAT) UnmarshalJSON(b []byte) error { return a.r.setState("CSAT", b) }

// MarshalJSON encodes the accumulator's state, scale included.
func (a CES) MarshalJSON() ([]byte, error) { return json.Marshal(a.r.state()) }

// UnmarshalJSON restores a state written by MarshalJSON, scale included.
func (a *CES) UnmarshalJSON(b []byte) error { return a.r.setState("CES", b) }

type meanState struct {
	N    int64   `json:"n"`
	Mean float64 `json:"mean"`
	M2   float64 `json:"m2"` // sum of squared deviations from the mean
}

// MarshalJSON encodes the accumulator's state.
func (a Mean) MarshalJSON() ([]byte, error) { return json.Marshal(meanState{a.n, a.mean, a.m2}) }

// UnmarshalJSON restores a state written by MarshalJSON.
func (a *Mean) UnmarshalJSON(b []byte) error {
	var s meanState
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("mean state: %w", err)
	}
	if s.N < 0 || !(s.M2 >= 0) || math.IsInf(s.M2, 0) || math.IsNaN(s.Mean) || math.IsInf(s.Mean, 0) || (s.N == 0 && (s.Mean != 0 || s.M2 != 0)) {
		return fmt.Errorf("mean state %+v: not a valid state: %w", s, ErrState)
	}
	*a = Mean{s.N, s.Mean, s.M2}
	return nil
}
