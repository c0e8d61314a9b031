package metrics

// CES accumulates Customer Effort Score answers on a declared scale:
// CES2 (1..7 agreement, higher is easier) or Effort10 (the service-standards guide's 1..10
// effort, lower is easier, target mean <= 3), or any other Scale. The
// scale is never guessed.
//
// A CES holds slices: copy one with Clone, not by assignment.
type CES struct{ r ratings }

// NewCES returns an empty CES accumulator on scale s.
func NewCES(s Scale) (*CES, error) {
	r, err := newRatings(s)
	if err != nil {
		return nil, err
	}
	return &CES{r}, nil
}

// Scale returns the accumulator's scale.
func (a *CES) Scale() Scale { return a.r.scale }

// Add records one answer; an answer off the scale is an error.
func (a *CES) Add(rating int) error {
	if err := a.r.check("CES", rating, -1); err != nil {
		return err
	}
	a.r.n[rating-a.r.scale.Lo]++
	return nil
}

// AddWeighted records one answer with a survey weight w: 0, or within
// [MinWeight, MaxWeight]. Any weight but 1 marks the result Weighted;
// a zero weight counts in N but in no share or mean.
func (a *CES) AddWeighted(rating int, w float64) error {
	if err := a.r.check("CES", rating, -1); err != nil {
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
func (a *CES) Merge(b *CES) error {
	if b == nil {
		return nil
	}
	return a.r.merge("CES", &b.r)
}

// Clone returns an independent copy of a.
func (a *CES) Clone() *CES { return &CES{a.r.clone()} }

// N is the number of answers recorded.
func (a *CES) N() int64 { return a.r.total() }

// Result returns CES with 95% intervals.
func (a *CES) Result() (CESResult, error) { return a.ResultWith(Options{}) }

// ResultWith returns CES at the level opts ask for. The mean's interval
// is always Student t and the good share's always Wilson; opts.Method
// must be "" or StudentT. No answers, or a zero total weight, is an
// error wrapping ErrNoData.
func (a *CES) ResultWith(opts Options) (CESResult, error) {
	if opts.Method != "" && opts.Method != StudentT {
		return CESResult{}, errMethod(opts.Method, StudentT)
	}
	s, err := a.r.summarize("CES", opts)
	if err != nil {
		return CESResult{}, err
	}
	sc := a.r.scale
	// Points strictly on the good side of the midpoint: 5-7 of 1..7.
	good := sc.points() / 2
	share := s.boxShare(sc, good, true)
	return CESResult{
		Scale:     sc,
		N:         s.n,
		Counts:    s.counts,
		Weighted:  s.weights,
		NEff:      s.nEff,
		Mean:      s.mean,
		MeanSE:    s.meanSE,
		MeanCI:    s.meanCI,
		GoodShare: 100 * share,
		GoodSE:    shareSE(100*share, s.nEff),
		GoodCI:    scaleInterval(wilson(share, s.nEff, s.quantZ, s.level), 100),
	}, nil
}

// CESResult is a CES with its uncertainty. Mean, MeanSE and MeanCI are
// in scale points, and whether a high mean is good depends on
// Scale.Good (CES2: higher is easier; Effort10: lower is easier).
// GoodShare, GoodSE and GoodCI are in percent (0..100).
type CESResult struct {
	Scale Scale `json:"scale"` // the accumulator's scale
	// N counts the answers recorded, including answers of weight 0, and
	// Counts splits it by point: Counts[i] is the number of answers of
	// Scale.Lo+i. Both are plain counts even for weighted answers.
	N      int64   `json:"n"`
	Counts []int64 `json:"counts"`
	// Weighted is true when some answer had a weight other than 1; Mean
	// and GoodShare are then weighted.
	Weighted bool `json:"weighted"`
	// NEff is N for unweighted answers and Kish's (Σw)²/Σw² for
	// weighted ones; the standard errors divide by it.
	NEff float64 `json:"n_eff"`
	// Mean is the (weighted) mean answer, the headline CES. MeanSE is
	// its standard error from the unbiased variance, with n_eff in place
	// of n, and MeanCI its Student-t interval (n_eff - 1 degrees of
	// freedom) clipped to the scale. With a single answer of nonzero
	// weight (n_eff = 1) nothing is known about the spread: MeanSE is 0
	// and MeanCI the whole scale. When every answer is the same point x
	// MeanSE is 0 too, and MeanCI is not the t interval's [x, x] but the
	// exact bound [x - p(x-lo), x + p(hi-x)], p = 1 - ((1-level)/2)^(1/n_eff)
	// (see the package doc).
	Mean   float64  `json:"mean"`
	MeanSE float64  `json:"mean_se"`
	MeanCI Interval `json:"mean_ci"`
	// GoodShare is the percentage of (weighted) answers strictly on the
	// good side of the scale's midpoint (CES 2.0: "agree", 5-7;
	// Effort10: 1-5), with a Wilson interval GoodCI.
	GoodShare float64 `json:"good_share"`
	// GoodSE is the binomial standard error of GoodShare, in percentage
	// points: 100·sqrt(p(1-p)/n_eff).
	GoodSE float64  `json:"good_se"`
	GoodCI Interval `json:"good_ci"`
}

// CESOf computes CES over plain answers on scale s, with 95% intervals.
func CESOf(ratings []int, s Scale) (CESResult, error) {
	a, err := NewCES(s)
	if err != nil {
		return CESResult{}, err
	}
	for i, x := range ratings {
		if err := a.r.check("CES", x, i); err != nil {
			return CESResult{}, err
		}
		a.r.n[x-s.Lo]++
	}
	return a.Result()
}
