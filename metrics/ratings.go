package metrics

import (
	"fmt"
	"math"
)

// ratings is a histogram of answers on a Scale: unit-weight answers as
// integer counts per point, other weights as compensated sums per point.
// CSAT and CES share it, and every statistic is computed from it, so
// merging is exact for unweighted input.
type ratings struct {
	scale Scale
	n     []int64 // unit-weight answers per point, index x - Lo
	m     []int64 // answers with another weight
	w     []dsum  // their weights per point
	q     dsum    // their squared weights
}

func newRatings(s Scale) (ratings, error) {
	if err := s.Validate(); err != nil {
		return ratings{}, err
	}
	k := s.points()
	return ratings{scale: s, n: make([]int64, k), m: make([]int64, k), w: make([]dsum, k)}, nil
}

func (r *ratings) check(metric string, x, index int) error {
	if r.n == nil {
		return fmt.Errorf("%s accumulator has no scale (use its constructor): %w", metric, ErrScale)
	}
	if x < r.scale.Lo || x > r.scale.Hi {
		return &RangeError{Metric: metric, Index: index, Value: float64(x), Lo: r.scale.Lo, Hi: r.scale.Hi}
	}
	return nil
}

// view is r as a [wtally], which holds the rules of counting.
func (r *ratings) view() wtally { return wtally{r.n, r.m, r.w, &r.q} }

func (r *ratings) addWeighted(x int, w float64) { r.view().add(x-r.scale.Lo, w) }

// merge adds o's answers to r's: both on the same scale (ErrScale
// otherwise) and with counts whose sums fit (ErrState otherwise).
func (r *ratings) merge(metric string, o *ratings) error {
	if r.scale != o.scale {
		return fmt.Errorf("%s: cannot merge scale %v into %v: %w", metric, o.scale, r.scale, ErrScale)
	}
	if err := r.view().canMerge(metric, o.view()); err != nil {
		return err
	}
	r.view().merge(o.view())
	return nil
}

func (r *ratings) clone() ratings {
	c := *r
	c.n = append([]int64(nil), r.n...)
	c.m = append([]int64(nil), r.m...)
	c.w = append([]dsum(nil), r.w...)
	return c
}

func (r *ratings) total() int64 { return r.view().total() }

func (r *ratings) weighted() bool { return r.view().weighted() }

// summary holds what CSAT and CES report from a histogram.
type summary struct {
	n       int64
	counts  []int64 // answers per point
	weight  []float64
	sumW    float64
	nEff    float64
	mean    float64
	meanSE  float64
	meanCI  Interval
	quantZ  float64 // normal quantile for share intervals
	level   float64
	weights bool
}

// summarize computes the weighted mean with its Student-t interval
// (df = n_eff - 1, clipped to the scale: a mean cannot leave it). With
// n_eff <= 1 nothing is known about the spread: the standard error is
// reported as 0 and the interval as the whole scale. When every answer
// is the same point the t interval would have no width at all; the
// interval is then samePointBound's.
func (r *ratings) summarize(metric string, opts Options) (summary, error) {
	level, err := opts.level()
	if err != nil {
		return summary{}, err
	}
	if r.n == nil {
		return summary{}, fmt.Errorf("%s accumulator has no scale (use its constructor): %w", metric, ErrScale)
	}
	s := summary{n: r.total(), level: level, weights: r.weighted()}
	k := len(r.n)
	s.counts = make([]int64, k)
	s.weight = make([]float64, k)
	for i := range k {
		s.counts[i] = r.view().answers(i)
	}
	s.sumW, s.nEff = r.view().weights(s.weight)
	if !(s.sumW > 0) {
		return summary{}, emptyError(metric, r.total())
	}
	var sum dsum
	for i, w := range s.weight {
		sum.add(w * float64(r.scale.Lo+i))
	}
	s.mean = sum.value() / s.sumW
	var ss dsum
	for i, w := range s.weight {
		d := float64(r.scale.Lo+i) - s.mean
		ss.add(w * d * d)
	}
	lo, hi := float64(r.scale.Lo), float64(r.scale.Hi)
	s.meanCI = Interval{Lo: lo, Hi: hi, Level: level, Method: StudentT}
	if s.nEff > 1 {
		// Unbiased variance, with n_eff in place of n for weights.
		variance := ss.value() / s.sumW * s.nEff / (s.nEff - 1)
		s.meanSE = math.Sqrt(variance / s.nEff)
		if x, ok := s.onePoint(r.scale.Lo); ok {
			s.meanCI.Lo, s.meanCI.Hi = samePointBound(x, lo, hi, s.nEff, level)
		} else if ci, err := TInterval(s.mean, s.meanSE, s.nEff-1, level); err == nil {
			s.meanCI.Lo = math.Max(lo, ci.Lo)
			s.meanCI.Hi = math.Min(hi, ci.Hi)
		}
	}
	s.quantZ = normalQuantile(0.5 + level/2)
	return s, nil
}

// onePoint returns the one point of the scale (lowest point lo) that
// holds every answer of nonzero weight, if they all fall on one.
func (s *summary) onePoint(lo int) (float64, bool) {
	at := -1
	for i, w := range s.weight {
		if w > 0 {
			if at >= 0 {
				return 0, false
			}
			at = i
		}
	}
	return float64(lo + at), at >= 0
}

// samePointBound is the interval of a mean on the scale lo..hi when all
// of n answers fell on the point x. The sample has no spread, so the t
// interval would be x itself, claiming to know the mean exactly from,
// say, five answers of 7 (which metrics.md's comparisons refuse to
// test). What the answers do bound is the share p of the population
// answering anything but x: none of n did, so by the exact
// (Clopper-Pearson) bound for no successes p <= 1 - ((1-level)/2)^(1/n).
// The mean is x moved toward the ends of the scale by at most that
// share: [x - p(x-lo), x + p(hi-x)]. This holds for any distribution on
// the scale, covers at least level (the bound is the two-sided one's
// upper end), and narrows as answers agree: five answers of 7 on 1..7
// give [3.87, 7] at 95%, a hundred [6.78, 7]. With weights n is n_eff.
func samePointBound(x, lo, hi, n, level float64) (float64, float64) {
	p := 1 - math.Pow((1-level)/2, 1/n)
	return x - p*(x-lo), x + p*(hi-x)
}

// boxShare returns the weighted share of the k best points (best=true)
// or the k worst points. A share with no weight outside it is exactly 1,
// not the 0.99999999999997 that dividing two differently rounded sums
// could give.
func (s *summary) boxShare(sc Scale, k int, best bool) float64 {
	var in, out dsum
	for i, wi := range s.weight {
		g := sc.goodness(sc.Lo + i) // 0 = worst
		if (best && g >= sc.points()-k) || (!best && g < k) {
			in.add(wi)
		} else {
			out.add(wi)
		}
	}
	if out.value() == 0 {
		return 1
	}
	return in.value() / s.sumW
}
