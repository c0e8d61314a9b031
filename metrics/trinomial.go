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

func (t *tally3) addWeighted(cat int, w float64) {
	if w == 1 {
		t.n[cat]++
		return
	}
	t.m[cat]++
	t.w[cat].add(w)
	t.q.add(w * w)
}

func (t *tally3) merge(o *tally3) {
	for i := range 3 {
		t.n[i] += o.n[i]
		t.m[i] += o.m[i]
		t.w[i].merge(o.w[i])
	}
	t.q.merge(o.q)
}

func (t *tally3) answers(cat int) int64 { return t.n[cat] + t.m[cat] }

func (t *tally3) total() int64 {
	return t.answers(0) + t.answers(1) + t.answers(2)
}

func (t *tally3) weighted() bool { return t.m[0]+t.m[1]+t.m[2] > 0 }

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
	var sumW, sumW2 float64
	if !t.weighted() {
		// Exact integers: the textbook formula, n_eff = n.
		for i := range 3 {
			w[i] = float64(t.n[i])
		}
		sumW = w[0] + w[1] + w[2]
		sumW2 = sumW
	} else {
		var sw, sq dsum
		for i := range 3 {
			var c dsum
			c.add(float64(t.n[i]))
			c.merge(t.w[i])
			w[i] = c.value()
			sw.merge(c)
			sq.add(float64(t.n[i]))
		}
		sq.merge(t.q)
		sumW, sumW2 = sw.value(), sq.value()
	}
	if !(sumW > 0) {
		return trinomial{}, false, nil
	}
	r := trinomial{nEff: sumW * sumW / sumW2}
	if !t.weighted() {
		r.nEff = sumW
	}
	for i := range 3 {
		r.shares[i] = w[i] / sumW
	}
	p, d := r.shares[2], r.shares[0]
	r.diff = p - d
	r.se = math.Sqrt(trinomialVar(p, d) / r.nEff)

	center, se := r.diff, r.se
	if method == AdjustedWald {
		// Sauro & Lewis: 0.75 more promoters and detractors, 3 more
		// answers. Weighted input adds them on the n_eff scale, where
		// the Wald formula lives.
		n := r.nEff + 3
		pa := (p*r.nEff + 0.75) / n
		da := (d*r.nEff + 0.75) / n
		center = pa - da
		se = math.Sqrt(trinomialVar(pa, da) / n)
	}
	r.ci = Interval{
		Lo:     math.Max(-1, center-z*se),
		Hi:     math.Min(1, center+z*se),
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
