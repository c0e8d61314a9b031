package metrics

import "math"

// tally3 counts answers in three ordered categories: negative (0),
// middle (1) and positive (2) — detractors, passives and promoters for
// NPS; negative, neutral and positive emotions for the emotional index.
//
// Answers with weight 1 (every answer of an unweighted survey) are plain
// integer counts, so merging unweighted tallies is exact in any order.
// Other weights go to compensated float sums.
type tally3 struct {
	n [3]int64 // answers with unit weight
	m [3]int64 // answers with another weight
	w [3]dsum  // their weights
	q dsum     // their squared weights
}

// view is t as a [wtally], which holds the rules of counting.
func (t *tally3) view() wtally { return wtally{t.n[:], t.m[:], t.w[:], &t.q} }

func (t *tally3) addWeighted(cat int, w float64) { t.view().add(cat, w) }

// addCount adds two counts, saying whether the sum fits an int64.
func addCount(a, b int64) (int64, bool) {
	s := a + b
	return s, (b >= 0) == (s >= a)
}

func (t *tally3) merge(o *tally3) { t.view().merge(o.view()) }

func (t *tally3) answers(cat int) int64 { return t.view().answers(cat) }

func (t *tally3) total() int64 { return t.view().total() }

func (t *tally3) weighted() bool { return t.view().weighted() }

// trinomial is the arithmetic shared by NPS and the emotional index:
// the shares, the difference of the extreme shares, its standard error
// and interval. Every path (Add, AddWeighted, the slice fast paths,
// Merge) ends here.
type trinomial struct {
	shares [3]float64 // weighted shares of negative, middle, positive
	nEff   float64    // Kish effective sample size; n when unweighted
	diff   float64    // shares[2] - shares[0], in -1..1
	se     float64    // trinomial standard error of diff
	ci     Interval   // on the -1..1 scale
}

// compute returns the trinomial summary of t. It fails only when t holds
// no weight or opts are invalid.
func (t *tally3) compute(opts Options, defaultMethod Method) (trinomial, bool, error) {
	level, err := opts.level()
	if err != nil {
		return trinomial{}, false, err
	}
	method := opts.Method
	if method == "" {
		method = defaultMethod
	}
	if method != AdjustedWald && method != Wald {
		return trinomial{}, false, errMethod(method, AdjustedWald, Wald)
	}
	z := normalQuantile(0.5 + level/2)

	var w [3]float64
	sumW, nEff := t.view().weights(w[:])
	if !(sumW > 0) {
		return trinomial{}, false, nil
	}
	r := trinomial{nEff: nEff}
	for i := range 3 {
		r.shares[i] = w[i] / sumW
	}
	p, d := r.shares[2], r.shares[0]
	// (P - D) / n in one division, as the spec writes it: equal
	// counts give equal scores to the last bit, so a comparison of
	// two groups with the same NPS differs by exactly 0.
	r.diff = (w[2] - w[0]) / sumW
	r.se = math.Sqrt(trinomialVar(p, d) / r.nEff)

	center, se, cc := r.diff, r.se, 0.0
	if method == AdjustedWald {
		cal := calibrate(level, z)
		center, se = cal.adjust(p, d, r.nEff)
		cc = cal.cc(r.nEff)
	}
	r.ci = Interval{
		Lo:     math.Max(-1, center-z*se-cc),
		Hi:     math.Min(1, center+z*se+cc),
		Level:  level,
		Method: method,
	}
	return r, true, nil
}

// trinomialVar is the variance of a single answer's score in {-1, 0, 1}
// with P(1) = p and P(-1) = d. Rounding can take it a hair below zero
// when p or d is 1; clamp so the square root never yields NaN.
func trinomialVar(p, d float64) float64 {
	return math.Max(0, p+d-(p-d)*(p-d))
}

// z95 is the normal quantile of the 95% level, at which Sauro and
// Lewis calibrated the adjusted-Wald constants.
var z95 = normalQuantile(0.975)

// calibration is the adjusted-Wald method at one level. At 95% it is
// the published method: 0.75 more of each extreme category and 3 more
// answers. At other levels those constants alone do not cover: at 80%
// a group of 10 answers from a population at NPS 90 is covered about
// 40% of the time, because the pull towards 0 stays while the interval
// narrows; at 99.9% the pull is too weak for the wider interval. There
// the constants scale with the quantile, k = z/z95 (0.65 at 80%, 1.31
// at 99%), and the half-width gains a continuity correction of
// 2/(n + 3k), the largest step one answer can move the score (a
// detractor turned promoter). This rule was chosen by computing the
// exact coverage of candidates (k = 1, z/z95, (z/z95)²; corrections of
// 0, 1/2, 1, 3/2 and 2 steps) over the grid NPS -50, 0, 30, 70, 90 ×
// n 10, 30, 100, 1000 with passives taking 10% to 90% of what the score
// leaves free: it is the simplest that covers at least nominally at
// every level from 50% to 99.9% (calibration_test.go checks it).
type calibration struct {
	k         float64 // scale of the pseudo-answers
	corrected bool    // whether the continuity correction applies
}

func calibrate(level, z float64) calibration {
	if level == 0.95 {
		return calibration{k: 1}
	}
	return calibration{k: z / z95, corrected: true}
}

// adjust returns the adjusted score p' - d' and its standard error for
// shares p and d of n (an n_eff when weighted).
func (c calibration) adjust(p, d, n float64) (center, se float64) {
	m := n + 3*c.k
	pa := (p*n + 0.75*c.k) / m
	da := (d*n + 0.75*c.k) / m
	return pa - da, math.Sqrt(trinomialVar(pa, da) / m)
}

// center returns the adjusted score p' - d' from the plain score v =
// p - d of n answers: the same number as adjust's, (p - d)·n/(n + 3k),
// since the 0.75k added to each side cancel. Taken from the reported
// score, it makes two groups with equal scores and equal n compare with
// a difference of exactly 0 even when their shares differ (14.2 from
// 142 and 91 of 360 against 133 and 82 of 360), not a few ulps off.
func (c calibration) center(v, n float64) float64 {
	return v * n / (n + 3*c.k)
}

// cc is the continuity correction added to each side of an interval
// from n answers, on the -1..1 scale.
func (c calibration) cc(n float64) float64 {
	if !c.corrected {
		return 0
	}
	return 2 / (n + 3*c.k)
}
