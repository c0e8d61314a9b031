package metrics

import "fmt"

// CSAT accumulates satisfaction ratings on a declared scale. CSAT is the
// share of answers in the top two points (4-5 on 1..5), as a percentage,
// with a Wilson interval; the mean rating comes with a Student-t
// interval. On a two-point scale (a good / bad question, 1..2 or 0..1)
// the top two points would be every answer, so CSAT is the share of the
// top point, the "good" answers.
//
// A CSAT holds slices: copy one with Clone, not by assignment.
type CSAT struct{ r ratings }

// NewCSAT returns an empty CSAT accumulator on scale s, e.g. CSAT5.
func NewCSAT(s Scale) (*CSAT, error) {
	r, err := newRatings(s)
	if err != nil {
		return nil, err
	}
	return &CSAT{r}, nil
}

// Scale returns the accumulator's scale.
func (a *CSAT) Scale() Scale { return a.r.scale }

// Add records one rating; a rating off the scale is an error.
func (a *CSAT) Add(rating int) error {
	if err := a.r.check("CSAT", rating, -1); err != nil {
		return err
	}
	a.r.n[rating-a.r.scale.Lo]++
	return nil
}

// AddWeighted records one rating with a survey weight w: 0, or within
// [MinWeight, MaxWeight]. Any weight but 1 marks the result Weighted;
// a zero weight counts in N but in no share or mean.
func (a *CSAT) AddWeighted(rating int, w float64) error {
	if err := a.r.check("CSAT", rating, -1); err != nil {
		return err
	}
	if err := checkWeight(w, -1); err != nil {
		return err
	}
	a.r.addWeighted(rating, w)
	return nil
}

// Merge adds b's answers to a. The scales must be equal. A nil b adds
// nothing.
func (a *CSAT) Merge(b *CSAT) error {
	if b == nil {
		return nil
	}
	return a.r.merge("CSAT", &b.r)
}

// Clone returns an independent copy of a.
func (a *CSAT) Clone() *CSAT { return &CSAT{a.r.clone()} }

// N is the number of answers recorded.
func (a *CSAT) N() int64 { return a.r.total() }

// Result returns CSAT with 95% intervals.
func (a *CSAT) Result() (CSATResult, error) { return a.ResultWith(Options{}) }

// ResultWith returns CSAT at the level opts ask for. The share's
// interval is always Wilson and the mean's always Student t; opts.Method
// must be "" or Wilson. No answers, or a zero total weight, is an error
// wrapping ErrNoData.
func (a *CSAT) ResultWith(opts Options) (CSATResult, error) {
	if opts.Method != "" && opts.Method != Wilson {
		return CSATResult{}, errMethod(opts.Method, Wilson)
	}
	s, err := a.r.summarize("CSAT", opts)
	if err != nil {
		return CSATResult{}, err
	}
	share := s.boxShare(a.r.scale, csatTopPoints(a.r.scale), true)
	ci := wilson(share, s.nEff, s.quantZ, s.level)
	return CSATResult{
		Scale:    a.r.scale,
		N:        s.n,
		Counts:   s.counts,
		Weighted: s.weights,
		NEff:     s.nEff,
		CSAT:     100 * share,
		SE:       shareSE(100*share, s.nEff),
		CI:       scaleInterval(ci, 100),
		Mean:     s.mean,
		MeanSE:   s.meanSE,
		MeanCI:   s.meanCI,
	}, nil
}

// csatTopPoints is how many points at the top of s count as satisfied:
// two, or one on a two-point scale, where two would be every answer.
func csatTopPoints(s Scale) int {
	if s.Hi-s.Lo == 1 {
		return 1
	}
	return 2
}

// CSATResult is a CSAT with its uncertainty. CSAT, SE and CI are in
// percent (0..100); Mean, MeanSE and MeanCI are in scale points.
type CSATResult struct {
	Scale Scale `json:"scale"` // the accumulator's scale
	// N counts the answers recorded, including answers of weight 0, and
	// Counts splits it by point: Counts[i] is the number of answers of
	// Scale.Lo+i. Both are plain counts even for weighted answers.
	N      int64   `json:"n"`
	Counts []int64 `json:"counts"`
	// Weighted is true when some answer had a weight other than 1; CSAT
	// and Mean are then weighted.
	Weighted bool `json:"weighted"`
	// NEff is N for unweighted answers and Kish's (Σw)²/Σw² for
	// weighted ones; the standard errors divide by it.
	NEff float64 `json:"n_eff"`
	// CSAT is the percentage of (weighted) answers in the two best points
	// (4-5 on 1..5; the two lowest when Scale.Good is Low).
	CSAT float64 `json:"csat"`
	// SE is the binomial standard error of CSAT, in percentage points:
	// 100·sqrt(p(1-p)/n_eff).
	SE float64 `json:"se"`
	// CI is the Wilson interval of CSAT, in percent.
	CI Interval `json:"ci"`
	// Mean is the (weighted) mean rating. MeanSE is its standard error
	// from the unbiased variance, with n_eff in place of n, and MeanCI
	// its Student-t interval (n_eff - 1 degrees of freedom) clipped to
	// the scale. With a single answer of nonzero weight (n_eff = 1)
	// nothing is known about the spread: MeanSE is 0 and MeanCI the
	// whole scale. When every answer is the same point x MeanSE is 0
	// too, and MeanCI is not the t interval's [x, x] but the exact bound
	// [x - p(x-lo), x + p(hi-x)], p = 1 - ((1-level)/2)^(1/n_eff) (see
	// the package doc).
	Mean   float64  `json:"mean"`
	MeanSE float64  `json:"mean_se"`
	MeanCI Interval `json:"mean_ci"`
}

// CSATOf computes CSAT over plain ratings on scale s, with 95%
// intervals. A rating off the scale is an error naming its index.
func CSATOf(ratings []int, s Scale) (CSATResult, error) {
	a, err := NewCSAT(s)
	if err != nil {
		return CSATResult{}, err
	}
	for i, x := range ratings {
		if err := a.r.check("CSAT", x, i); err != nil {
			return CSATResult{}, err
		}
		a.r.n[x-s.Lo]++
	}
	return a.Result()
}

// TopBox returns the share (0..1) of ratings in the k best points of the
// scale: the highest points when Good is High, the lowest when Low.
func TopBox(ratings []int, s Scale, k int) (float64, error) {
	return box(ratings, s, k, true)
}

// BottomBox returns the share (0..1) of ratings in the k worst points.
func BottomBox(ratings []int, s Scale, k int) (float64, error) {
	return box(ratings, s, k, false)
}

func box(ratings []int, s Scale, k int, best bool) (float64, error) {
	if err := s.Validate(); err != nil {
		return 0, err
	}
	if k < 1 || k > s.points() {
		return 0, fmt.Errorf("box of %d points on scale %v: want 1..%d", k, s, s.points())
	}
	if len(ratings) == 0 {
		return 0, emptyError("box share", 0)
	}
	in := 0
	for i, x := range ratings {
		if x < s.Lo || x > s.Hi {
			return 0, &RangeError{Metric: "rating", Index: i, Value: float64(x), Lo: s.Lo, Hi: s.Hi}
		}
		g := s.goodness(x)
		if (best && g >= s.points()-k) || (!best && g < k) {
			in++
		}
	}
	return float64(in) / float64(len(ratings)), nil
}
