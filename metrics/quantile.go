package metrics

import (
	"fmt"
	"math"
)

// NormalQuantile returns the p-quantile of the standard normal
// distribution, the z with Φ(z) = p, accurate to about 1e-15 relative.
// It returns an error unless 0 < p < 1.
//
// The start is Acklam's rational approximation (relative error about
// 1e-9); one Halley step against Φ computed with math.Erfc brings it to
// full double precision. The upper half uses the symmetry z(p) = -z(1-p),
// where 1-p is exact, so both tails keep their relative precision.
func NormalQuantile(p float64) (float64, error) {
	if !(p > 0 && p < 1) { // also rejects NaN
		return 0, fmt.Errorf("metrics: normal quantile of p = %v: p must be in (0, 1)", p)
	}
	return normalQuantile(p), nil
}

func normalQuantile(p float64) float64 {
	if p > 0.5 {
		return -normalQuantile(1 - p)
	}
	if p == 0.5 {
		return 0
	}
	x := acklam(p)
	// Halley's step on f(x) = Φ(x) - p, with f'(x) = φ(x).
	e := 0.5*math.Erfc(-x/math.Sqrt2) - p
	u := e * math.Sqrt(2*math.Pi) * math.Exp(x*x/2)
	return x - u/(1+x*u/2)
}

// acklam is Peter Acklam's approximation of the normal quantile for
// 0 < p <= 0.5.
func acklam(p float64) float64 {
	const pLow = 0.02425
	if p < pLow {
		q := math.Sqrt(-2 * math.Log(p))
		return (((((-7.784894002430293e-03*q-3.223964580411365e-01)*q-2.400758277161838e+00)*q-2.549732539343734e+00)*q+4.374664141464968e+00)*q + 2.938163982698783e+00) /
			((((7.784695709041462e-03*q+3.224671290700398e-01)*q+2.445134137142996e+00)*q+3.754408661907416e+00)*q + 1)
	}
	q := p - 0.5
	r := q * q
	return (((((-3.969683028665376e+01*r+2.209460984245205e+02)*r-2.759285104469687e+02)*r+1.383577518672690e+02)*r-3.066479806614716e+01)*r + 2.506628277459239e+00) * q /
		(((((-5.447609879822406e+01*r+1.615858368580409e+02)*r-1.556989798598866e+02)*r+6.680131188771972e+01)*r-1.328068155288572e+01)*r + 1)
}

// normalTwoSided returns the two-sided p-value of a z statistic,
// P(|Z| >= |z|), computed with Erfc so small p-values keep their digits.
func normalTwoSided(z float64) float64 {
	return math.Erfc(math.Abs(z) / math.Sqrt2)
}

// zForLevel returns the normal quantile for a two-sided interval at the
// given level: 1.959963984540054 for 0.95.
func zForLevel(level float64) (float64, error) {
	if err := CheckLevel(level); err != nil {
		return 0, err
	}
	return normalQuantile(0.5 + level/2), nil
}

// CheckLevel returns an error unless level is a confidence level an
// interval can be computed at: inside (0, 1), and not so close to 0 or
// 1 that the normal quantile 0.5 + level/2 rounds to 0.5 or 1 in
// float64 (0.9999999999999999 would ask for an infinite interval).
func CheckLevel(level float64) error {
	if !(level > 0 && level < 1) {
		return fmt.Errorf("metrics: interval level %v must be in (0, 1), e.g. 0.95", level)
	}
	p := 0.5 + level/2
	if !(p < 1) || p == 0.5 {
		return fmt.Errorf("metrics: interval level %v is too close to %v: its normal quantile is not a finite positive number", level, math.Round(level))
	}
	return nil
}

// TQuantile returns the p-quantile of Student's t distribution with df
// degrees of freedom (df > 0, not necessarily whole: weighted data give a
// fractional Kish df). It is accurate to about 1e-13 relative.
//
// df = 1 and df = 2 have closed forms. Otherwise a safeguarded Newton
// iteration solves tail(t) = min(p, 1-p), with the tail computed from the
// regularized incomplete beta function: P(T > t) = I_x(df/2, 1/2) / 2
// with x = df / (df + t²).
func TQuantile(p, df float64) (float64, error) {
	if !(p > 0 && p < 1) {
		return 0, fmt.Errorf("metrics: t quantile of p = %v: p must be in (0, 1)", p)
	}
	if !(df > 0) || math.IsInf(df, 1) {
		return 0, fmt.Errorf("metrics: t quantile with df = %v: df must be positive and finite", df)
	}
	return tQuantile(p, df), nil
}

func tQuantile(p, df float64) float64 {
	if p == 0.5 {
		return 0
	}
	switch df {
	case 1:
		return math.Tan(math.Pi * (p - 0.5))
	case 2:
		return (2*p - 1) / math.Sqrt(2*p*(1-p))
	}
	if df >= 1e5 {
		// Here the expansion is good to double precision (tested up to
		// df = 1e9), while the continued fraction would need about
		// sqrt(df) steps.
		return cornishFisher(normalQuantile(p), df)
	}
	sign, q := 1.0, 1-p
	if p < 0.5 {
		sign, q = -1, p
	}
	// Bracket the root: tTail is decreasing in t.
	lo, hi := 0.0, 1.0
	for tTail(hi, df) > q {
		lo, hi = hi, 2*hi
		if math.IsInf(hi, 1) {
			return sign * hi
		}
	}
	t := cornishFisher(normalQuantile(1-q), df)
	if !(t > lo && t < hi) {
		t = (lo + hi) / 2
	}
	for range 200 {
		f := tTail(t, df) - q
		if f > 0 {
			lo = t
		} else {
			hi = t
		}
		next := t + f/tDensity(t, df) // tail' = -density
		if !(next > lo && next < hi) {
			next = (lo + hi) / 2
		}
		if math.Abs(next-t) <= 1e-15*math.Abs(next) || hi-lo <= 1e-15*hi {
			t = next
			break
		}
		t = next
	}
	return sign * t
}

// cornishFisher is the Cornish–Fisher expansion of the t quantile in
// powers of 1/df around the normal quantile z (Abramowitz & Stegun
// 26.7.5). It is only the starting point of the Newton iteration.
func cornishFisher(z, df float64) float64 {
	z2 := z * z
	g1 := z * (z2 + 1) / 4
	g2 := z * ((5*z2+16)*z2 + 3) / 96
	g3 := z * (((3*z2+19)*z2+17)*z2 - 15) / 384
	g4 := z * ((((79*z2+776)*z2+1482)*z2-1920)*z2 - 945) / 92160
	return z + (g1+(g2+(g3+g4/df)/df)/df)/df
}

// tTail returns P(T > t) for t >= 0.
func tTail(t, df float64) float64 {
	t2 := t * t
	// x = df/(df+t²) and y = 1-x = t²/(df+t²), each computed directly.
	x, y := df/(df+t2), t2/(df+t2)
	return regIncBeta(df/2, 0.5, x, y) / 2
}

// tDensity is the density of Student's t at t.
func tDensity(t, df float64) float64 {
	return math.Exp(-0.5*math.Log(df) - lnBeta(df/2, 0.5) - (df+1)/2*math.Log1p(t*t/df))
}

// lnBeta returns ln B(a, b). When one argument is 1/2 and the other is
// large (many degrees of freedom), the difference of two big Lgamma
// values would lose digits, so an asymptotic series for
// ln Γ(a+1/2) - ln Γ(a) is used instead (its error is below 1e-18 for
// a >= 50).
func lnBeta(a, b float64) float64 {
	if a == 0.5 {
		a, b = b, a
	}
	if b == 0.5 && a >= 50 {
		ia := 1 / a
		ia2 := ia * ia
		d := 0.5*math.Log(a) - ia/8 + ia*ia2*(1.0/192-ia2*(1.0/640-ia2*17.0/14336))
		return 0.5*math.Log(math.Pi) - d
	}
	la, _ := math.Lgamma(a)
	lb, _ := math.Lgamma(b)
	lab, _ := math.Lgamma(a + b)
	return la + lb - lab
}

// regIncBeta returns the regularized incomplete beta function I_x(a, b)
// for a, b > 0 and x in [0, 1], with y = 1 - x passed in separately so
// callers can keep its precision. The continued fraction converges fast
// for x < (a+1)/(a+b+2); beyond, the symmetry I_x(a,b) = 1 - I_y(b,a)
// is used.
func regIncBeta(a, b, x, y float64) float64 {
	switch {
	case x <= 0:
		return 0
	case y <= 0:
		return 1
	}
	if x > (a+1)/(a+b+2) {
		return 1 - regIncBeta(b, a, y, x)
	}
	front := math.Exp(a*logOneMinus(x, y) + b*logOneMinus(y, x) - lnBeta(a, b))
	return front * betaContinuedFraction(a, b, x) / a
}

// logOneMinus returns ln x where y = 1 - x, taking the logarithm of the
// argument that is known more precisely: near 1, ln x = log1p(-y).
func logOneMinus(x, y float64) float64 {
	if x > 0.5 {
		return math.Log1p(-y)
	}
	return math.Log(x)
}

// betaContinuedFraction evaluates the continued fraction of the
// incomplete beta function with the modified Lentz method.
func betaContinuedFraction(a, b, x float64) float64 {
	const tiny = 1e-300
	c, d := 1.0, 1-(a+b)*x/(a+1)
	if math.Abs(d) < tiny {
		d = tiny
	}
	d = 1 / d
	h := d
	step := func(coef float64) float64 {
		d = 1 + coef*d
		if math.Abs(d) < tiny {
			d = tiny
		}
		c = 1 + coef/c
		if math.Abs(c) < tiny {
			c = tiny
		}
		d = 1 / d
		return d * c
	}
	for m := 1.0; m <= 10000; m++ {
		h *= step(m * (b - m) * x / ((a + 2*m - 1) * (a + 2*m)))
		delta := step(-(a + m) * (a + b + m) * x / ((a + 2*m) * (a + 2*m + 1)))
		h *= delta
		if math.Abs(delta-1) < 1e-16 {
			break
		}
	}
	return h
}
