package metrics

import (
	"encoding/json"
	"fmt"
	"math"
)

// Comparison methods, beside the interval methods: the Method of a
// Comparison says which test produced it.
const (
	// AgrestiCaffo compares two shares after adding one success and one
	// failure to each group (Agresti & Caffo 2000).
	AgrestiCaffo Method = "agresti-caffo"
	// WelchT compares two means with Welch's unequal-variance t test.
	WelchT Method = "welch"
)

// Comparison is the difference of two independent results, a - b (this
// period against the last, one store against another), with its test
// and confidence interval.
//
// Which test depends on the statistic (see CompareNPS, CompareShares,
// CompareMeans): normal-based comparisons (NPS, emotional index,
// shares) fill Z, Welch comparisons of means fill T and DF instead.
// Diff, RawDiff, SE and CI are in the units of the compared statistic:
// NPS points, percentage points of a share, index units for the
// emotional index, scale points for means.
//
// The test and the interval always agree: P < 1 - CI.Level exactly when
// CI excludes 0 (up to the clipping of CI, which never crosses 0).
type Comparison struct {
	// Metric names what was compared: "NPS", "emotional index",
	// "CSAT", "CSAT mean", "CES mean", "CES good share", or the
	// caller's name for CompareShares and CompareMeans.
	Metric string
	// Method is the test: AdjustedWald or Wald (NPS, emotional index),
	// AgrestiCaffo (shares), WelchT (means).
	Method Method
	// Diff is the tested difference: of the adjusted scores for
	// AdjustedWald, of the Agresti–Caffo shares for AgrestiCaffo, of
	// the plain values otherwise. Identical inputs give exactly 0.
	Diff float64
	// RawDiff is the plain difference of the two reported values (for
	// NPS, a.NPS - b.NPS), whatever the method.
	RawDiff float64
	// SE is the standard error of Diff, always > 0.
	SE float64
	// Z is the normal statistic, Diff/SE at the 95% level (see
	// CompareNPS for other levels); 0 for Welch.
	Z float64
	// T and DF are Welch's statistic and degrees of freedom; 0 for the
	// normal-based comparisons.
	T, DF float64
	// P is the two-sided p-value, 0..1.
	P float64
	// CI is the interval of the difference, clipped to the differences
	// the statistic can take (±200 NPS points, ±2 for the index, ±100
	// percentage points, ± the scale's span for means).
	CI Interval
}

// normal reports whether c is a normal-based (z) comparison.
func (c Comparison) normal() bool { return c.Method != WelchT }

// hasRaw reports whether c compares adjusted scores, whose plain
// difference is reported beside the tested one.
func (c Comparison) hasRaw() bool { return c.Method == AdjustedWald || c.Method == Wald }

// MarshalJSON writes the fields of the comparison contract: method,
// diff, se, p, ci_low, ci_high and level, plus z for normal-based
// comparisons, t and df for Welch, and raw_diff for NPS and the
// emotional index.
func (c Comparison) MarshalJSON() ([]byte, error) {
	return json.Marshal(c.Fields())
}

// Fields returns the comparison as the flat map MarshalJSON writes, for
// callers that add their own keys (a file name, a Holm-adjusted p).
func (c Comparison) Fields() map[string]any {
	m := map[string]any{
		"metric": c.Metric, "method": string(c.Method),
		"diff": c.Diff, "se": c.SE, "p": c.P,
		"ci_low": c.CI.Lo, "ci_high": c.CI.Hi, "level": c.CI.Level,
	}
	if c.normal() {
		m["z"] = c.Z
	} else {
		m["t"], m["df"] = c.T, c.DF
	}
	if c.hasRaw() {
		m["raw_diff"] = c.RawDiff
	}
	return m
}

// levelOf returns a result's interval level, 0.95 when unset.
func levelOf(i Interval) float64 {
	if i.Level == 0 {
		return 0.95
	}
	return i.Level
}

// CompareNPS compares two NPS results, a - b in NPS points, at the level
// and with the method of a's interval (Options.Level and
// Options.Method of a.ResultWith).
//
// AdjustedWald (the default) adjusts both sides as the adjusted-Wald
// interval does: 0.75 more promoters and detractors and 3 more answers
// (n_eff in place of n when weighted), p' = (p·n + 0.75)/(n + 3), d'
// likewise; Diff is the difference of the adjusted scores
// 100·(p' - d'), SE = sqrt(se'_a² + se'_b²) with
// se' = 100·sqrt((p' + d' - (p' - d')²)/(n + 3)), Z = Diff/SE, P from
// the normal, CI = Diff ± z·SE clipped to ±200. The adjustment keeps a
// unanimous small group from looking certain: five promoters of five
// against an NPS of 80 (n = 200) is not significant, as the small
// group's own interval contains 80. At levels other than 0.95 the
// constants are recalibrated as the interval's are (see Options):
// 0.75 and 3 scale by k = z/1.96, and a continuity correction
// c = 200/(n_a + 3k) + 200/(n_b + 3k) widens CI by c on each side, with Z = sign(Diff)·max(0, |Diff| - c)/SE, so that the
// test still holds its level at small n.
//
// Wald, asked for by name, uses the plain values and their trinomial
// standard errors; when neither side has any spread (se = 0) there is
// no test, an error wrapping ErrNoData.
//
// RawDiff is a.NPS - b.NPS in either case.
func CompareNPS(a, b NPSResult) (Comparison, error) {
	ta := trinomialSide{a.PromoterShare, a.DetractorShare, a.NEff, a.SE / 100, a.NPS / 100}
	tb := trinomialSide{b.PromoterShare, b.DetractorShare, b.NEff, b.SE / 100, b.NPS / 100}
	return compareTrinomial("NPS", ta, tb, levelOf(a.CI), a.CI.Method, 100)
}

// CompareEmotions compares two emotional indexes, a - b in index units
// (each index is on -1..1, the difference on -2..2), exactly as
// CompareNPS compares NPS on its -100..100 scale.
func CompareEmotions(a, b EmotionResult) (Comparison, error) {
	ta := trinomialSide{a.PositiveShare, a.NegativeShare, a.NEff, a.SE, a.Index}
	tb := trinomialSide{b.PositiveShare, b.NegativeShare, b.NEff, b.SE, b.Index}
	return compareTrinomial("emotional index", ta, tb, levelOf(a.CI), a.CI.Method, 1)
}

// trinomialSide is what a comparison needs of an NPS or emotional
// index: the shares of the positive and negative ends, n_eff, the plain
// standard error and the reported value (both on the -1..1 scale). The
// plain difference is taken of the reported values, so two equal
// scores differ by exactly 0 whatever their shares.
type trinomialSide struct{ p, d, n, se, v float64 }

// compareTrinomial compares on the -1..1 scale and reports in units
// scale times larger (100 for NPS points).
func compareTrinomial(metric string, a, b trinomialSide, level float64, method Method, scale float64) (Comparison, error) {
	z, err := zForLevel(level)
	if err != nil {
		return Comparison{}, err
	}
	if method == "" {
		method = AdjustedWald
	}
	c := Comparison{Metric: metric, Method: method, RawDiff: a.v - b.v}
	switch method {
	case Wald:
		c.Diff, c.SE = c.RawDiff, math.Hypot(a.se, b.se)
		if !(c.SE > 0) {
			return Comparison{}, errorIs(ErrNoData, "comparing %s %v and %v: neither has any spread (se = 0), so no Wald test applies (the default adjusted one does)", metric, scale*(a.p-a.d), scale*(b.p-b.d))
		}
		c.normalTest(z, 0, level, 2)
	case AdjustedWald:
		cal := calibrate(level, z)
		_, sa := cal.adjust(a.p, a.d, a.n)
		_, sb := cal.adjust(b.p, b.d, b.n)
		c.Diff, c.SE = cal.center(a.v, a.n)-cal.center(b.v, b.n), math.Hypot(sa, sb)
		c.normalTest(z, cal.cc(a.n)+cal.cc(b.n), level, 2)
	default:
		return Comparison{}, errMethod(method, AdjustedWald, Wald)
	}
	return c.scaled(scale), nil
}

// normalTest fills Z, P and CI from Diff and SE: the interval is
// Diff ± (z·SE + cc), clipped to ±span, and Z is Diff shrunk towards 0
// by the continuity correction cc, over SE, so that P < 1 - level
// exactly when the interval excludes 0.
func (c *Comparison) normalTest(z, cc, level, span float64) {
	shrunk := math.Max(0, math.Abs(c.Diff)-cc)
	c.Z = math.Copysign(shrunk, c.Diff) / c.SE
	if c.Diff == 0 {
		c.Z = 0
	}
	c.P = normalTwoSided(c.Z)
	h := z*c.SE + cc
	c.CI = Interval{Lo: math.Max(c.Diff-h, -span), Hi: math.Min(c.Diff+h, span), Level: level, Method: c.Method}
}

// scaled returns c with its differences in units k times larger (NPS
// points from the -1..1 scale).
func (c Comparison) scaled(k float64) Comparison {
	c.Diff *= k
	c.RawDiff *= k
	c.SE *= k
	c.CI = scaleInterval(c.CI, k)
	return c
}

// CompareCSAT compares two CSAT shares, a - b in percentage points, with
// CompareShares (Agresti–Caffo) at the level of a's interval. The scales
// must be equal. CompareCSATMeans compares the mean ratings.
func CompareCSAT(a, b CSATResult) (Comparison, error) {
	if a.Scale != b.Scale {
		return Comparison{}, fmt.Errorf("CSAT on %v against %v: %w", a.Scale, b.Scale, ErrScale)
	}
	c, err := CompareShares(a.CSAT/100, a.NEff, b.CSAT/100, b.NEff, levelOf(a.CI))
	c.Metric = "CSAT"
	return c.scaled(100), err
}

// CompareCESGood compares the good shares of two CES results, a - b in
// percentage points, with CompareShares (Agresti–Caffo). The scales
// must be equal.
func CompareCESGood(a, b CESResult) (Comparison, error) {
	if a.Scale != b.Scale {
		return Comparison{}, fmt.Errorf("CES on %v against %v: %w", a.Scale, b.Scale, ErrScale)
	}
	c, err := CompareShares(a.GoodShare/100, a.NEff, b.GoodShare/100, b.NEff, levelOf(a.GoodCI))
	c.Metric = "CES good share"
	return c.scaled(100), err
}

// CompareShares compares two shares (0..1) of nA and nB answers (n may
// be an n_eff; the successes are share·n) with the Agresti–Caffo
// method: one success and one failure more on each side,
// p̃ = (x + 1)/(n + 2), Diff = p̃A - p̃B,
// SE = sqrt(p̃A(1 - p̃A)/(nA + 2) + p̃B(1 - p̃B)/(nB + 2)), Z = Diff/SE,
// P from the normal and CI = Diff ± z·SE clipped to ±1. The result is
// on the 0..1 scale. RawDiff is shareA - shareB. At levels other than
// 0.95, as for NPS, a continuity correction 1/(2(nA + 2)) +
// 1/(2(nB + 2)) widens the interval and shrinks Z, so the test keeps
// its level at small n.
func CompareShares(shareA, nA, shareB, nB, level float64) (Comparison, error) {
	z, err := zForLevel(level)
	if err != nil {
		return Comparison{}, err
	}
	for _, s := range [...]float64{shareA, shareB} {
		if !(s >= 0 && s <= 1) {
			return Comparison{}, errorIs(ErrRange, "comparing shares: share %v is outside 0..1", s)
		}
	}
	for _, n := range [...]float64{nA, nB} {
		if !(n > 0) || math.IsInf(n, 0) {
			return Comparison{}, errorIs(ErrNoData, "comparing shares: n = %v: each side needs answers", n)
		}
	}
	ta, tb := (shareA*nA+1)/(nA+2), (shareB*nB+1)/(nB+2)
	c := Comparison{Metric: "share", Method: AgrestiCaffo, RawDiff: shareA - shareB, Diff: ta - tb,
		SE: math.Sqrt(ta*(1-ta)/(nA+2) + tb*(1-tb)/(nB+2))}
	cc := 0.0
	if level != 0.95 {
		cc = 0.5/(nA+2) + 0.5/(nB+2)
	}
	c.normalTest(z, cc, level, 1)
	return c, nil
}

// CompareCES compares two CES means, a - b in scale points, with
// CompareMeans (Welch's t test) at the level of a's interval. The
// scales must be equal. A side with n_eff < 2 or with every answer on
// one point has no usable variance: no test, an error wrapping ErrNoData
// that says why.
func CompareCES(a, b CESResult) (Comparison, error) {
	if a.Scale != b.Scale {
		return Comparison{}, fmt.Errorf("CES on %v against %v: %w", a.Scale, b.Scale, ErrScale)
	}
	c, err := compareRatingMeans("CES mean", a.Scale, a.Mean, a.MeanSE, a.NEff, a.Counts, b.Mean, b.MeanSE, b.NEff, b.Counts, levelOf(a.MeanCI))
	return c, err
}

// CompareCSATMeans compares the mean ratings of two CSAT results, a - b
// in scale points, as CompareCES compares CES means.
func CompareCSATMeans(a, b CSATResult) (Comparison, error) {
	if a.Scale != b.Scale {
		return Comparison{}, fmt.Errorf("CSAT on %v against %v: %w", a.Scale, b.Scale, ErrScale)
	}
	return compareRatingMeans("CSAT mean", a.Scale, a.Mean, a.MeanSE, a.NEff, a.Counts, b.Mean, b.MeanSE, b.NEff, b.Counts, levelOf(a.MeanCI))
}

func compareRatingMeans(metric string, s Scale, ma, seA, na float64, ca []int64, mb, seB, nb float64, cb []int64, level float64) (Comparison, error) {
	for i, side := range [...]struct {
		n, se  float64
		counts []int64
	}{{na, seA, ca}, {nb, seB, cb}} {
		name := [...]string{"the first", "the second"}[i]
		if !(side.n >= 2) {
			return Comparison{}, errorIs(ErrNoData, "comparing %ss: %s group has an effective sample size of %.3g, below 2, so its variance is unknown: no test", metric, name, side.n)
		}
		if onePoint(side.counts) {
			return Comparison{}, errorIs(ErrNoData, "comparing %ss: every answer in %s group is the same, so it shows no spread to test against (%s answers alike do not prove the mean): no test", metric, name, fmt.Sprint(sum64(side.counts)))
		}
		// Answers of weight 0 on other points spread the counts but not
		// the mean: the weighted answers are still all alike. A standard
		// deviation below a billionth of the scale is that case, up to
		// rounding (or weights a billion times apart, as good as one).
		if !(side.se*math.Sqrt(side.n) > 1e-9*float64(s.Hi-s.Lo)) {
			return Comparison{}, errorIs(ErrNoData, "comparing %ss: every answer that carries weight in %s group is the same, so it shows no spread to test against: no test", metric, name)
		}
	}
	// The unbiased variance is se²·n_eff, as summarize computed se.
	c, err := CompareMeans(ma, seA*seA*na, na, mb, seB*seB*nb, nb, level, float64(s.Hi-s.Lo))
	c.Metric = metric
	return c, err
}

// onePoint reports whether every answer counted lies on one point.
// Answers of weight 0 count here too; compareRatingMeans tells a group
// that only they spread out by its standard deviation.
func onePoint(counts []int64) bool {
	seen := 0
	for _, c := range counts {
		if c > 0 {
			seen++
		}
	}
	return seen <= 1
}

func sum64(xs []int64) int64 {
	var t int64
	for _, x := range xs {
		t += x
	}
	return t
}

// CompareMeans compares two means with Welch's t test (see Welch): each
// side's mean, unbiased variance and n (or n_eff). The interval is
// Diff ± t·SE with the Student-t quantile for Welch's DF, clipped to
// ±span when span > 0 (the largest difference two means on a scale can
// have).
//
// A side with n < 2, or with no spread at all (variance 0: every value
// the same), has no usable variance, so there is no test: an error
// wrapping ErrNoData that says which side (metrics.md, "Comparing two
// groups"). Welch itself would test a side without spread against one
// with spread, taking the first side's mean as known: five audits that
// all scored 100% do not prove a mean of 100%.
func CompareMeans(meanA, varA, nA, meanB, varB, nB, level, span float64) (Comparison, error) {
	if err := CheckLevel(level); err != nil {
		return Comparison{}, err
	}
	for i, v := range [...]float64{varA, varB} {
		if v == 0 && nA >= 2 && nB >= 2 {
			return Comparison{}, errorIs(ErrNoData, "comparing means: every value in %s group is the same, so it shows no spread to test against: no test", [...]string{"the first", "the second"}[i])
		}
	}
	w, err := Welch(meanA, varA, nA, meanB, varB, nB)
	if err != nil {
		return Comparison{}, err
	}
	q := tQuantile(0.5+level/2, w.DF)
	lo, hi := w.Diff-q*w.SE, w.Diff+q*w.SE
	if span > 0 {
		lo, hi = math.Max(lo, -span), math.Min(hi, span)
	}
	return Comparison{Metric: "mean", Method: WelchT, Diff: w.Diff, RawDiff: w.Diff, SE: w.SE, T: w.T, DF: w.DF, P: w.P,
		CI: Interval{Lo: lo, Hi: hi, Level: level, Method: WelchT}}, nil
}

// shareSE is the binomial standard error of a percentage.
func shareSE(pct, n float64) float64 {
	p := pct / 100
	return 100 * math.Sqrt(math.Max(0, p*(1-p))/n)
}
