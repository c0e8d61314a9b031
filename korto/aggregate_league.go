package korto

import (
	"cmp"
	"math"
	"math/bits"
	"slices"

	"github.com/cxkit/cxkit/metrics"
)

// The league table: groups ordered by their shrunk means, with rank
// intervals and a test of each group against the rest (reports.md,
// "League table that does not lie about small samples"). The statistics
// are metrics' (ShrinkDL, RankIntervals, Welch, Holm); this file feeds
// them the exact moments of the groups and puts the answers in the
// summaries. It lives beside the sums because the test against the rest
// needs the rest's moments, which are the overall sums minus the
// group's, exactly.

// DefaultMinN is the smallest group that gets a rank when
// [AggregateOptions].MinN is 0.
const DefaultMinN = 5

// Values of GroupSummary.VsRest.
const (
	VsRestAbove  = "above"
	VsRestBelow  = "below"
	VsRestWithin = "within"
)

func (a *Aggregator) minN() int64 {
	if a.opts.MinN <= 0 {
		return DefaultMinN
	}
	return int64(a.opts.MinN)
}

// sub takes v from u; v <= u.
func (u *uint128) sub(v uint128) {
	var b uint64
	u.lo, b = bits.Sub64(u.lo, v.lo, 0)
	u.hi, _ = bits.Sub64(u.hi, v.hi, b)
}

func (u *uint192) sub(v uint192) {
	var b uint64
	u.lo, b = bits.Sub64(u.lo, v.lo, 0)
	u.mid, b = bits.Sub64(u.mid, v.mid, b)
	u.top, _ = bits.Sub64(u.top, v.top, b)
}

// minus returns the moments of the values in m that are not in o, o a
// part of m.
func (m moments) minus(o *moments) moments {
	m.n -= o.n
	m.sum.sub(o.sum)
	m.sumSq.sub(o.sumSq)
	return m
}

// welchMoments tests mean(x) - mean(y) by Welch's t; ok is false when
// either side has fewer than 2 values or neither has any spread (no
// standard error).
//
// The league's test against the rest and the waves' p follow reports.md,
// which tests every side with n >= 2, also one whose audits all scored
// the same. metrics.CompareMeans, which --compare uses, refuses such a
// side (metrics.md); reports.md defines these two tests on their own
// terms, so they keep its rule. docs/comparing.md says so.
func welchMoments(x, y *moments) (metrics.WelchTest, bool) {
	mx, _ := x.mean()
	my, _ := y.mean()
	vx, okx := x.variance()
	vy, oky := y.variance()
	if !okx || !oky {
		return metrics.WelchTest{}, false
	}
	t, err := metrics.Welch(mx, vx, float64(x.n), my, vy, float64(y.n))
	return t, err == nil
}

// league ranks the groups of rep (summarized from a.groups under the
// same names) and fills the league fields of each, and the top-level
// shrinkage fields of rep. It orders rep.Groups: ranked groups by rank,
// then the groups too small to rank, then those without a score, then
// NoGroup; by period name instead when the groups are periods.
func (a *Aggregator) league(rep *Report) {
	minN := a.minN()
	rep.MinN = int(minN)
	gs := rep.Groups

	// Shrink every group with a score, NoGroup aside: it is not a place.
	var idx []int
	var n, mean, variance []float64
	for i := range gs {
		g := &gs[i]
		g.TooFew = g.Score.N < minN
		if g.Group == NoGroup || g.Score.Mean == nil {
			continue
		}
		m := &a.groups[g.Group].score
		v, _ := m.variance()
		idx = append(idx, i)
		n = append(n, float64(m.n))
		mean = append(mean, *g.Score.Mean)
		variance = append(variance, v)
	}
	sh, err := metrics.ShrinkDL(n, mean, variance)
	if err != nil { // cannot happen with shares in [0,1]; rank the raw means
		sh = metrics.Shrinkage{V: make([]float64, len(idx)), B: make([]float64, len(idx)), Shrunk: mean}
	}
	rep.Shrinkage = sh.OK
	if sh.OK {
		rep.Tau2, rep.Mu = new(sh.Tau2), new(sh.Mu)
	}
	post := make(map[string]float64, len(idx)) // by group name: the order changes below
	for j, i := range idx {
		gs[i].ShrunkMean = new(sh.Shrunk[j])
		post[gs[i].Group] = sh.PosteriorVar(j)
	}

	a.testVsRest(gs)

	periods := isPeriodField(a.opts.GroupBy)
	slices.SortStableFunc(gs, func(x, y GroupSummary) int {
		if c := cmp.Compare(leagueClass(x, periods), leagueClass(y, periods)); c != 0 {
			return c
		}
		if !periods && x.ShrunkMean != nil && y.ShrunkMean != nil {
			if c := cmp.Compare(math.Round(*y.ShrunkMean/leagueGrain), math.Round(*x.ShrunkMean/leagueGrain)); c != 0 {
				return c
			}
		}
		return cmp.Compare(x.Group, y.Group)
	})
	if periods {
		return
	}
	// Ranks and rank intervals of the ranked groups, in rank order.
	var center, pv []float64
	var ranked []*GroupSummary
	for i := range gs {
		g := &gs[i]
		if leagueClass(*g, false) != 0 {
			break
		}
		g.Rank = new(len(ranked) + 1)
		ranked = append(ranked, g)
		center = append(center, *g.ShrunkMean)
		pv = append(pv, post[g.Group])
	}
	if len(ranked) == 0 {
		return
	}
	lo, hi, err := metrics.RankIntervals(center, pv, metrics.RankDraws, metrics.RankSeed)
	if err != nil {
		return
	}
	for j, g := range ranked {
		g.RankLow, g.RankHigh = new(lo[j]), new(hi[j])
	}
}

// leagueClass sorts groups into ranked (0), too few to rank (1),
// without a score (2) and NoGroup (3).
func leagueClass(g GroupSummary, periods bool) int {
	switch {
	case g.Group == NoGroup:
		return 3
	case g.Score.Mean == nil:
		return 2
	case periods:
		return 0
	case g.TooFew:
		return 1
	}
	return 0
}

// testVsRest tests each group with n >= 2 against the audits outside it
// (at least 2), adjusts the p-values by Holm over all tested groups and
// says whether the group is above, below or within the rest.
func (a *Aggregator) testVsRest(gs []GroupSummary) {
	var tested []int
	var ps []float64
	for i := range gs {
		g := &gs[i]
		if g.Group == NoGroup {
			continue
		}
		ag := a.groups[g.Group]
		rest := a.overall.score.minus(&ag.score)
		t, ok := welchMoments(&ag.score, &rest)
		if !ok {
			continue
		}
		g.T, g.DF, g.P = new(t.T), new(t.DF), new(t.P)
		tested = append(tested, i)
		ps = append(ps, t.P)
	}
	adj := metrics.Holm(ps)
	for j, i := range tested {
		g := &gs[i]
		g.PHolm = new(adj[j])
		vs := VsRestWithin
		if adj[j] < 0.05 {
			vs = VsRestBelow
			if *g.T > 0 {
				vs = VsRestAbove
			}
		}
		g.VsRest = new(vs)
	}
}
