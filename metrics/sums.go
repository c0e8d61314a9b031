package metrics

// dsum is a sum of float64 values kept as an unevaluated pair hi+lo
// (Knuth's TwoSum), so that a weighted sum loses nothing to rounding
// until it is read, and merging partial sums in another order changes
// the result only at about 1e-32 relative: far below what a float64 can
// show. Counts never go through here: they are integers.
type dsum struct{ hi, lo float64 }

func (s *dsum) add(x float64) {
	hi := s.hi + x
	bb := hi - s.hi
	err := (s.hi - (hi - bb)) + (x - bb)
	s.hi = hi
	s.lo += err
}

func (s *dsum) merge(o dsum) {
	s.add(o.hi)
	s.lo += o.lo
	// Renormalize so hi carries the leading bits.
	hi := s.hi + s.lo
	s.lo = s.lo - (hi - s.hi)
	s.hi = hi
}

func (s dsum) value() float64 { return s.hi + s.lo }

// Weights are 0 or within [MinWeight, MaxWeight]: far wider than any
// survey weight, and narrow enough that Σw² neither underflows nor
// overflows, so Kish's n_eff is always a number.
const (
	MinWeight = 1e-100
	MaxWeight = 1e100
)

func checkWeight(w float64, index int) error {
	if w != 0 && !(w >= MinWeight && w <= MaxWeight) { // also NaN, ±Inf, < 0
		return &WeightError{Index: index, Weight: w}
	}
	return nil
}
