package metrics

// CES accumulates Customer Effort Score answers on a declared scale:
// CES2 (1..7 agreement, higher is easier) or Effort10 (seed 003's 1..10
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

// AddWeighted records one answer with a survey weight w >= 0.
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

// ResultWith returns CES at the level opts ask for (Student t for the
// mean, Wilson for the share; other methods are an error).
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

// CESResult is a CES with its uncertainty.
type CESResult struct {
	Scale    Scale   `json:"scale"`
	N        int64   `json:"n"`
	Counts   []int64 `json:"counts"` // answers per point, from Scale.Lo up
	Weighted bool    `json:"weighted"`
	NEff     float64 `json:"n_eff"`
	// Mean is the mean answer, the headline CES; MeanCI its Student-t
	// interval. With one answer MeanSE is 0 and MeanCI the whole scale.
	Mean   float64  `json:"mean"`
	MeanSE float64  `json:"mean_se"`
	MeanCI Interval `json:"mean_ci"`
	// GoodShare is the percentage of answers strictly on the good side
	// of the scale's midpoint (CES 2.0: "agree", 5-7), with a Wilson
	// interval.
	GoodShare float64  `json:"good_share"`
	GoodSE    float64  `json:"good_se"` // binomial, in percentage points
	GoodCI    Interval `json:"good_ci"`
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
