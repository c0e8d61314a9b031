package metrics

import (
	"cmp"
	"errors"
	"math"
	"math/rand/v2"
	"slices"
)

// Shrinkage is the empirical-Bayes (normal–normal) estimate of k group
// means that [ShrinkDL] returns. Every slice has one entry per group, in
// the order given.
type Shrinkage struct {
	// OK is false when there is nothing to shrink toward: fewer than 3
	// groups, no group with n >= 2, or a pooled variance of 0. Shrunk is
	// then the raw means and B is 0.
	OK bool
	// Sigma2 is the pooled within-group variance, Σ(n-1)s² / Σ(n-1)
	// over the groups with n >= 2; 0 when there are none.
	Sigma2 float64
	// Tau2 is the DerSimonian–Laird estimate of the variance between
	// the groups' true means, and Mu the precision-weighted grand mean
	// with weights 1/(v + τ²).
	Tau2, Mu float64
	// V is each mean's sampling variance σ²/n, B its shrinkage factor
	// v/(v + τ²) (1 when τ² = 0), Shrunk = B·μ + (1-B)·mean.
	V, B, Shrunk []float64
}

// PosteriorVar returns (1-B_g)·v_g, the variance of group g's true mean
// around its shrunk mean; without shrinkage, v_g.
func (s Shrinkage) PosteriorVar(g int) float64 { return (1 - s.B[g]) * s.V[g] }

// ShrinkDL shrinks the means of k groups toward their common mean by the
// DerSimonian–Laird method, for a league table that does not rank a
// group of two lucky audits first. n, mean and variance give each
// group's size (>= 1), mean and sample variance (n-1 denominator;
// ignored for n < 2). With σ² the pooled within-group variance over the
// groups with n >= 2, v_g = σ²/n_g and w_g = 1/v_g:
//
//	μ_FE = Σ w_g m_g / Σ w_g
//	Q    = Σ w_g (m_g - μ_FE)²
//	τ²   = max(0, (Q - (k-1)) / (Σ w_g - Σ w_g² / Σ w_g))
//	μ    = Σ w*_g m_g / Σ w*_g,  w*_g = 1/(v_g + τ²)
//	B_g  = v_g / (v_g + τ²)  (1 when τ² = 0)
//	shrunk_g = B_g μ + (1 - B_g) m_g
//
// All sums run over all k groups (DerSimonian and Laird 1986). Slices
// of different lengths, a size below 1, or a value that is not finite
// are errors wrapping [ErrRange].
func ShrinkDL(n, mean, variance []float64) (Shrinkage, error) {
	k := len(n)
	if len(mean) != k || len(variance) != k {
		return Shrinkage{}, errorIs(ErrRange, "shrinkage: %d sizes, %d means and %d variances", k, len(mean), len(variance))
	}
	var ss, df float64
	for g := range k {
		if !(n[g] >= 1) || !finite(n[g]) || !finite(mean[g]) {
			return Shrinkage{}, errorIs(ErrRange, "shrinkage: group %d: n %v, mean %v", g, n[g], mean[g])
		}
		if n[g] >= 2 {
			if !finite(variance[g]) || variance[g] < 0 {
				return Shrinkage{}, errorIs(ErrRange, "shrinkage: group %d: variance %v", g, variance[g])
			}
			ss += (n[g] - 1) * variance[g]
			df += n[g] - 1
		}
	}
	s := Shrinkage{V: make([]float64, k), B: make([]float64, k), Shrunk: slices.Clone(mean)}
	if df > 0 {
		s.Sigma2 = ss / df
	}
	for g := range k {
		s.V[g] = s.Sigma2 / n[g]
	}
	if k < 3 || df == 0 || s.Sigma2 == 0 {
		return s, nil
	}
	var sw, sw2, swm float64
	for g := range k {
		w := 1 / s.V[g]
		sw += w
		sw2 += w * w
		swm += w * mean[g]
	}
	muFE := swm / sw
	var q float64
	for g := range k {
		d := mean[g] - muFE
		q += d * d / s.V[g]
	}
	s.Tau2 = max(0, (q-float64(k-1))/(sw-sw2/sw))
	var sws, swsm float64
	for g := range k {
		w := 1 / (s.V[g] + s.Tau2)
		sws += w
		swsm += w * mean[g]
	}
	s.Mu = swsm / sws
	s.OK = true
	for g := range k {
		if s.Tau2 == 0 {
			s.B[g] = 1
		} else {
			s.B[g] = s.V[g] / (s.V[g] + s.Tau2)
		}
		s.Shrunk[g] = s.B[g]*s.Mu + (1-s.B[g])*mean[g]
	}
	return s, nil
}

// RankDraws is how many draws [RankIntervals] makes in a report.
const RankDraws = 10000

// RankSeed is the fixed seed of the draws, so that a report is the same
// every time it is made.
const RankSeed = 20260301

// RankIntervals simulates the ranks of k groups whose true values are
// independent normals, θ_g ~ N(center_g, variance_g), rank 1 the
// largest, and returns for each group the 2.5% and 97.5% quantiles of
// its rank over draws draws from a generator seeded with seed (the
// quantile is the smallest rank r with P(rank <= r) >= p). Groups whose
// draws tie (a variance of 0 leaves them all on their centres) are put
// in a random order in each draw: a tie means the data cannot tell them
// apart, so none of them owns the better place. The same arguments give
// the same result.
func RankIntervals(center, variance []float64, draws int, seed uint64) (low, high []int, err error) {
	k := len(center)
	if len(variance) != k {
		return nil, nil, errorIs(ErrRange, "rank intervals: %d centres and %d variances", k, len(variance))
	}
	if draws < 1 {
		return nil, nil, errors.New("metrics: rank intervals: draws must be at least 1")
	}
	sd := make([]float64, k)
	for g := range k {
		if !finite(center[g]) || !finite(variance[g]) || variance[g] < 0 {
			return nil, nil, errorIs(ErrRange, "rank intervals: group %d: centre %v, variance %v", g, center[g], variance[g])
		}
		sd[g] = math.Sqrt(variance[g])
	}
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	counts := make([]int32, k*k) // counts[g*k + r-1]: draws in which g had rank r
	type draw struct {
		theta, tie float64
		g          int
	}
	d := make([]draw, k)
	for range draws {
		for g := range k {
			d[g] = draw{center[g] + sd[g]*rng.NormFloat64(), rng.Float64(), g}
		}
		slices.SortFunc(d, func(x, y draw) int { return cmp.Or(cmp.Compare(y.theta, x.theta), cmp.Compare(x.tie, y.tie)) })
		for r, x := range d {
			counts[x.g*k+r]++
		}
	}
	low, high = make([]int, k), make([]int, k)
	loN, hiN := int(math.Ceil(0.025*float64(draws))), int(math.Ceil(0.975*float64(draws)))
	for g := range k {
		cum := 0
		for r := range k {
			prev := cum
			cum += int(counts[g*k+r])
			if prev < loN && cum >= loN {
				low[g] = r + 1
			}
			if prev < hiN && cum >= hiN {
				high[g] = r + 1
			}
		}
	}
	return low, high, nil
}
