package metrics

import (
	"cmp"
	"math"
	"slices"
)

// WelchTest is Welch's unequal-variance t test of mean a - mean b.
//
// Diff is meanA - meanB, SE = sqrt(varA/nA + varB/nB), T = Diff/SE, DF
// the Welch–Satterthwaite degrees of freedom
//
//	DF = SE⁴ / ((varA/nA)²/(nA-1) + (varB/nB)²/(nB-1))
//
// (not a whole number in general), and P the two-sided p-value
// P(|T_DF| >= |T|) from Student's t.
type WelchTest struct {
	Diff float64 `json:"diff"`
	SE   float64 `json:"se"`
	T    float64 `json:"t"`
	DF   float64 `json:"df"`
	P    float64 `json:"p"`
}

// Welch tests meanA-meanB from each side's mean, sample variance (n-1) and n (n may be an n_eff).
//
// A side with n < 2 has no sample variance, and two sides that both have
// a variance of 0 leave nothing to test against: both are errors
// wrapping ErrNoData. A side with variance 0 beside one with spread is
// tested (DF is then the other side's n - 1); callers who hold that a
// group with every answer the same proves nothing about its mean, as
// CompareCES does, refuse it before calling. Means, variances or sizes
// that are NaN, infinite or negative (variances, sizes) are errors
// wrapping ErrRange.
func Welch(meanA, varA, nA, meanB, varB, nB float64) (WelchTest, error) {
	for _, x := range [...]float64{meanA, varA, nA, meanB, varB, nB} {
		if !finite(x) {
			return WelchTest{}, errorIs(ErrRange, "welch test: mean, variance and n must be finite, not %v", x)
		}
	}
	if varA < 0 || varB < 0 {
		return WelchTest{}, errorIs(ErrRange, "welch test: variances %v and %v: a variance cannot be negative", varA, varB)
	}
	if !(nA >= 2 && nB >= 2) {
		return WelchTest{}, errorIs(ErrNoData, "welch test: each side needs n >= 2 for a sample variance, not %v and %v", nA, nB)
	}
	if varA == 0 && varB == 0 {
		return WelchTest{}, errorIs(ErrNoData, "welch test: neither side has any spread (both variances are 0), so no test applies")
	}
	ua, ub := varA/nA, varB/nB
	v := ua + ub
	se := math.Sqrt(v)
	d := meanA - meanB
	if !finite(d) || !finite(v) || !(se > 0) {
		return WelchTest{}, errorIs(ErrRange, "welch test: the means or variances are too large (or small) for float64")
	}
	// Divide before squaring so that tiny or huge variances do not
	// underflow or overflow: DF = 1 / (fa²/(nA-1) + fb²/(nB-1)) with
	// fa, fb the shares of the variance of the difference.
	fa, fb := ua/v, ub/v
	df := 1 / (fa*fa/(nA-1) + fb*fb/(nB-1))
	t := d / se
	return WelchTest{Diff: d, SE: se, T: t, DF: df, P: tTwoSided(t, df)}, nil
}

// tTwoSided returns P(|T| >= |t|) for Student's t with df degrees of
// freedom.
func tTwoSided(t, df float64) float64 {
	if math.IsNaN(t) {
		return math.NaN()
	}
	return min(1, 2*tTail(math.Abs(t), df))
}

// Holm returns Holm's step-down adjusted p-values, in the input order, monotone, capped at 1.
//
// With the m p-values sorted ascending, p₍₁₎ <= ... <= p₍ₘ₎, the adjusted
// value of p₍ᵢ₎ is min(1, max over j <= i of (m - j + 1)·p₍ⱼ₎); rejecting
// where the adjusted p is below α keeps the family-wise error rate at α
// under any dependence between the tests (Holm 1979). Ties keep their
// input order. A NaN counts in m, sorts last and stays NaN. The input
// is not modified; nil or empty input gives an empty result.
func Holm(p []float64) []float64 {
	m := len(p)
	order := make([]int, m)
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int {
		a, b := p[i], p[j]
		switch an, bn := math.IsNaN(a), math.IsNaN(b); {
		case an || bn:
			if an && !bn {
				return 1
			}
			if bn && !an {
				return -1
			}
			return 0
		}
		return cmp.Compare(a, b)
	})
	adj := make([]float64, m)
	running := 0.0
	for k, i := range order {
		if math.IsNaN(p[i]) {
			adj[i] = p[i]
			continue
		}
		running = max(running, min(1, float64(m-k)*p[i]))
		adj[i] = running
	}
	return adj
}
