package metrics

import (
	"fmt"
	"math"
	"strings"
)

// Method names how an interval was computed.
type Method string

// Interval methods.
const (
	// AdjustedWald is the default for NPS and the emotional index: add
	// 0.75 to each extreme category and 3 to n before the Wald formula
	// (Sauro & Lewis), which keeps coverage near nominal at small n.
	// Those constants are calibrated at 95%; at other levels they scale
	// by k = z/1.96 and the half-width gains 2/(n + 3k), one step of the
	// score (see Options).
	AdjustedWald Method = "adjusted-wald"
	// Wald is estimate ± z·se, with z the normal quantile for the
	// level: for NPS and the emotional index only when asked for by
	// name, as it covers poorly at small n.
	Wald Method = "wald"
	// Wilson is the Wilson score interval for a proportion: the CSAT
	// share and the CES good share.
	Wilson Method = "wilson"
	// StudentT is mean ± t·se with n-1 degrees of freedom (n_eff - 1 for
	// weighted CSAT and CES answers, whose interval is also clipped to
	// the scale).
	StudentT Method = "t"
)

// ParseMethod parses a Method name: "adjusted-wald", "wald", "wilson" or
// "t", in any case and with surrounding space ignored, as ParseEmotion
// and ParseDirection read theirs.
func ParseMethod(s string) (Method, error) {
	switch m := Method(strings.ToLower(strings.TrimSpace(s))); m {
	case AdjustedWald, Wald, Wilson, StudentT:
		return m, nil
	}
	return "", fmt.Errorf("interval method %q: want adjusted-wald, wald, wilson or t", s)
}

// Interval is a two-sided confidence interval, in the units of the
// estimate it brackets (NPS points, percent for CSAT, scale points for a
// mean). It need not be centred on the estimate: adjusted-Wald intervals
// are centred on the adjusted value, and Wilson intervals and the
// clipped ones are asymmetric near the ends of the range.
type Interval struct {
	Lo     float64 `json:"low"`
	Hi     float64 `json:"high"`
	Level  float64 `json:"level"` // confidence level, e.g. 0.95
	Method Method  `json:"method"`
}

// Width is Hi - Lo.
func (i Interval) Width() float64 { return i.Hi - i.Lo }

// Contains reports whether Lo <= x <= Hi.
func (i Interval) Contains(x float64) bool { return i.Lo <= x && x <= i.Hi }

// String formats the interval unrounded, as "[-12.5, 40.1] (95%
// adjusted-wald)".
func (i Interval) String() string {
	return fmt.Sprintf("[%g, %g] (%g%% %s)", i.Lo, i.Hi, 100*i.Level, i.Method)
}

// TInterval is mean ± t·se with df degrees of freedom at level (0 means
// 0.95): the one Student-t interval of the module, for Mean, the
// weighted ratings and korto's score statistics, which keep their own
// exact sums and so cannot use Mean. The mean must be finite, df
// positive and se finite (metrics.md: NaN is an error, never a silent
// NaN).
func TInterval(mean, se, df, level float64) (Interval, error) {
	if level == 0 {
		level = 0.95
	}
	if err := CheckLevel(level); err != nil {
		return Interval{}, err
	}
	if !(df > 0) || !finite(se) || se < 0 || !finite(mean) {
		return Interval{}, fmt.Errorf("t interval: want a finite mean, df > 0 and a finite se >= 0, have mean %g, df %g, se %g", mean, df, se)
	}
	t := tQuantile(0.5+level/2, df)
	return Interval{Lo: mean - t*se, Hi: mean + t*se, Level: level, Method: StudentT}, nil
}

// Options choose the interval a result method reports. The zero value
// means the defaults: level 0.95 and the metric's default method.
//
// Which method each statistic uses at which level: NPS and the
// emotional index use adjusted Wald, exactly as published at 0.95 and
// recalibrated at any other level (pseudo-answers scaled by z/1.96 and
// a continuity correction of 2/(n + 3k)), which keeps the exact
// coverage at or above the level on the grid NPS -50..90 × n 10..1000
// for levels from 0.5 to 0.999; Wald is never recalibrated. CSAT and CES
// shares use Wilson and means Student t at every level.
type Options struct {
	Level float64 // in (0, 1), see CheckLevel; 0 means 0.95
	// Method is AdjustedWald (the default) or Wald for NPS and the
	// emotional index. CSAT accepts only Wilson and CES only StudentT,
	// their defaults; "" means the metric's default.
	Method Method
}

func (o Options) level() (float64, error) {
	if o.Level == 0 {
		return 0.95, nil
	}
	return o.Level, CheckLevel(o.Level)
}

// WilsonInterval returns the Wilson score interval for a proportion of
// successes out of n trials at the given level. n may be fractional (a
// Kish effective sample size, with successes = share·n). The result is
// on the 0..1 scale.
func WilsonInterval(successes, n, level float64) (Interval, error) {
	if !(n > 0) || math.IsInf(n, 1) {
		return Interval{}, fmt.Errorf("wilson interval with n = %v: %w", n, ErrNoData)
	}
	if !(successes >= 0 && successes <= n) {
		return Interval{}, errorIs(ErrRange, "wilson interval: %v successes out of %v: want 0 to n", successes, n)
	}
	z, err := zForLevel(level)
	if err != nil {
		return Interval{}, err
	}
	return wilson(successes/n, n, z, level), nil
}

// wilson is the Wilson interval for share p of n at quantile z.
func wilson(p, n, z, level float64) Interval {
	z2 := z * z
	center := (p + z2/(2*n)) / (1 + z2/n)
	half := z / (1 + z2/n) * math.Sqrt(p*(1-p)/n+z2/(4*n*n))
	return Interval{
		Lo:     math.Max(0, center-half),
		Hi:     math.Min(1, center+half),
		Level:  level,
		Method: Wilson,
	}
}
