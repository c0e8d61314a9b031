package metrics

// wtally is a weighted tally of answers in categories, as both tally3
// (NPS, the emotional index: three categories) and ratings (CSAT, CES:
// a point of the scale each) keep one: answers of weight 1 as integer
// counts, so that merging unweighted tallies is exact in any order, and
// other weights as compensated sums with the sum of their squares for
// Kish's effective sample size. It is a view of their own arrays or
// slices, so the rules below are written once for both.
type wtally struct {
	n []int64 // answers with unit weight, per category
	m []int64 // answers with another weight
	w []dsum  // their weights
	q *dsum   // their squared weights, over every category
}

// add counts one answer of weight w in category i.
func (t wtally) add(i int, w float64) {
	if w == 1 {
		t.n[i]++
		return
	}
	t.m[i]++
	t.w[i].add(w)
	t.q.add(w * w)
}

// canMerge says whether o's counts add to t's without overflowing: a
// saved state read back may hold any counts, and a merge must fail
// rather than wrap.
func (t wtally) canMerge(metric string, o wtally) error {
	total := t.total()
	for i := range t.n {
		for _, c := range [2][2]int64{{t.n[i], o.n[i]}, {t.m[i], o.m[i]}} {
			if _, ok := addCount(c[0], c[1]); !ok {
				return errorIs(ErrState, "%s: merging counts %d and %d overflows", metric, c[0], c[1])
			}
		}
		var ok bool
		if total, ok = addCount(total, o.answers(i)); !ok {
			return errorIs(ErrState, "%s: merging %d answers overflows the count", metric, o.total())
		}
	}
	return nil
}

// merge adds o's answers to t's, category by category.
func (t wtally) merge(o wtally) {
	for i := range t.n {
		t.n[i] += o.n[i]
		t.m[i] += o.m[i]
		t.w[i].merge(o.w[i])
	}
	t.q.merge(*o.q)
}

// answers is how many answers category i holds, whatever their weight.
func (t wtally) answers(i int) int64 { return t.n[i] + t.m[i] }

// total is how many answers t holds.
func (t wtally) total() int64 {
	var s int64
	for i := range t.n {
		s += t.answers(i)
	}
	return s
}

// weighted says whether an answer has a weight other than 1.
func (t wtally) weighted() bool {
	for _, m := range t.m {
		if m > 0 {
			return true
		}
	}
	return false
}

// weights fills out (one a category) with each category's weight, its
// unit-weight count plus its other weights, and returns their sum and
// the effective sample size: Kish's (Σw)²/Σw² when weighted, else the
// plain count, exactly.
func (t wtally) weights(out []float64) (sumW, nEff float64) {
	var sw, sq dsum
	for i := range t.n {
		var c dsum
		c.add(float64(t.n[i]))
		c.merge(t.w[i])
		out[i] = c.value()
		sw.merge(c)
		sq.add(float64(t.n[i]))
	}
	sq.merge(*t.q)
	sumW = sw.value()
	if !t.weighted() {
		return sumW, sumW
	}
	return sumW, sumW * sumW / sq.value()
}
