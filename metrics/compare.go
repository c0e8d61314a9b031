package metrics

import (
	"fmt"
	"math"
)

// Comparison is the difference of two independent estimates, a - b,
// with a z-test: the standard errors add in quadrature,
// se = sqrt(se_a² + se_b²), z = diff / se, and P is the two-sided
// p-value P(|Z| >= |z|) under the normal approximation. CI is the Wald
// interval of the difference at the level of a's interval (0.95 if a has
// no level), clipped to the range a difference can take, as each
// metric's own interval is clipped to the metric's range: ±200 NPS
// points, ±100 percentage points of CSAT, ±2 for the emotional index
// and ± the scale's span for CES means. Small samples give a wide
// interval, and one past those ends would claim what cannot happen.
//
// Diff, SE and CI are in the units of the compared metric: NPS points,
// percentage points of CSAT, index units for the emotional index (so a
// difference can reach ±2), scale points for CES means.
type Comparison struct {
	Diff float64  `json:"diff"` // a - b, from the unadjusted point estimates
	SE   float64  `json:"se"`   // sqrt(se_a² + se_b²), always > 0
	Z    float64  `json:"z"`    // Diff / SE
	P    float64  `json:"p"`    // two-sided p-value, 0..1
	CI   Interval `json:"ci"`   // Diff ± z·SE, clipped to the possible differences
}

// CompareNPS compares two NPS results, a - b in NPS points (e.g. this
// quarter against the last). Each result's trinomial se is used, so
// weighted results compare on their effective sample sizes. With no
// spread in either group (se = 0) there is no test and it is an error.
func CompareNPS(a, b NPSResult) (Comparison, error) {
	return compare("NPS", a.NPS, a.SE, b.NPS, b.SE, a.CI.Level, 200)
}

// CompareEmotions compares two emotional indexes, a - b in index units
// (each index is on -1..1). As for NPS, with no spread in either group
// there is no test and it is an error.
func CompareEmotions(a, b EmotionResult) (Comparison, error) {
	return compare("emotional index", a.Index, a.SE, b.Index, b.SE, a.CI.Level, 2)
}

// CompareCSAT compares two CSAT shares, a - b in percentage points. The
// se of each share is the binomial sqrt(p(1-p)/n_eff) (unpooled, so the
// test and the interval agree). The scales must be equal, and a share of
// 0 or 100% on both sides leaves no spread to test: an error.
func CompareCSAT(a, b CSATResult) (Comparison, error) {
	if a.Scale != b.Scale {
		return Comparison{}, fmt.Errorf("CSAT on %v against %v: %w", a.Scale, b.Scale, ErrScale)
	}
	return compare("CSAT", a.CSAT, a.SE, b.CSAT, b.SE, a.CI.Level, 100)
}

// shareSE is the binomial standard error of a percentage.
func shareSE(pct, n float64) float64 {
	p := pct / 100
	return 100 * math.Sqrt(math.Max(0, p*(1-p))/n)
}

// compare tests a - b; span is the largest difference the metric allows
// either way.
func compare(metric string, a, seA, b, seB, level, span float64) (Comparison, error) {
	if level == 0 {
		level = 0.95
	}
	z, err := zForLevel(level)
	if err != nil {
		return Comparison{}, err
	}
	se := math.Hypot(seA, seB)
	if !(se > 0) {
		return Comparison{}, errorIs(ErrNoData, "comparing %s %v and %v: neither has any spread (se = 0), so no test applies", metric, a, b)
	}
	d := a - b
	stat := d / se
	return Comparison{
		Diff: d,
		SE:   se,
		Z:    stat,
		P:    normalTwoSided(stat),
		CI:   Interval{Lo: math.Max(d-z*se, -span), Hi: math.Min(d+z*se, span), Level: level, Method: Wald},
	}, nil
}

// CompareCES compares two CES means, a - b on the scale's points, with
// the large-sample z-test on their standard errors. The scales must be
// equal; with a single answer (n_eff <= 1) on either side there is no
// standard error and it is an error wrapping ErrNoData.
func CompareCES(a, b CESResult) (Comparison, error) {
	if a.Scale != b.Scale {
		return Comparison{}, fmt.Errorf("CES on %v against %v: %w", a.Scale, b.Scale, ErrScale)
	}
	if a.NEff <= 1 || b.NEff <= 1 {
		return Comparison{}, errorIs(ErrNoData, "comparing CES means: each side needs an n_eff above 1, not %v and %v", a.NEff, b.NEff)
	}
	return compare("CES", a.Mean, a.MeanSE, b.Mean, b.MeanSE, a.MeanCI.Level, float64(a.Scale.Hi-a.Scale.Lo))
}
