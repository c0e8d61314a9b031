package metrics

import (
	"errors"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// TestWelch checks Welch against values computed outside Go. The
// reference is Python's mpmath at 40 digits with the textbook formulas
// (the same thing scipy.stats.ttest_ind(a, b, equal_var=False) and R's
// t.test(var.equal = FALSE) compute, neither reachable here):
//
//	se = sqrt(va/na + vb/nb); t = (ma - mb)/se
//	df = se⁴ / ((va/na)²/(na-1) + (vb/nb)²/(nb-1))
//	p  = betainc(df/2, 1/2, 0, df/(df + t²), regularized=True)
//
// The first case is the worked example of Wikipedia's "Welch's t-test"
// article (two samples of 15, t = -2.46, df = 24.99, p = 0.021); its
// means and variances were computed from the data with Python's exact
// fractions. The script is reproduced in the comment at the end of this
// file.
func TestWelch(t *testing.T) {
	tests := []struct {
		name                   string
		ma, va, na, mb, vb, nb float64
		want                   WelchTest
	}{
		{"wikipedia A1 A2", 20.82, 7.867428571428571, 15, 22.986666666666668, 3.812666666666667, 15,
			WelchTest{-2.1666666666666667, 0.88242451001375516, -2.4553563982860051, 24.988529290231414, 0.021378001462867032}},
		{"unequal n", 5.2, 1.1, 12, 4.1, 3.9, 7,
			WelchTest{1.1000000000000005, 0.80548713447796533, 1.3656332335002575, 8.0183840401695329, 0.20912934971552962}},
		{"fractional n_eff", 3, 2, 4.5, 2, 0.5, 2.5,
			WelchTest{1, 0.80277297191948637, 1.2456821978060995, 4.9974533106960951, 0.26809615825375029}},
		{"one side without spread", 4, 0, 10, 3.5, 1.5, 8,
			WelchTest{0.5, 0.43301270189221932, 1.1547005383792515, 7, 0.28610510190831275}},
		{"tiny p", 10, 1, 50, 7, 2, 40,
			WelchTest{3, 0.26457513110645906, 11.338934190276817, 67.805213613323678, 2.6081130106340314e-17}},
		{"df below 2", 6.2, 1.7, 2, 5.9, 0.4, 3,
			WelchTest{0.29999999999999982, 0.99163165204290112, 0.30253169045376627, 1.3220660843144702, 0.80291661133003998}},
	}
	rel := cmpopts.EquateApprox(1e-11, 0)
	for _, tt := range tests {
		got, err := Welch(tt.ma, tt.va, tt.na, tt.mb, tt.vb, tt.nb)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if diff := cmp.Diff(tt.want, got, rel); diff != "" {
			t.Errorf("%s (-want +got)\n%s", tt.name, diff)
		}
		// Swapping the sides flips the sign and nothing else.
		back, _ := Welch(tt.mb, tt.vb, tt.nb, tt.ma, tt.va, tt.na)
		flipped := WelchTest{-got.Diff, got.SE, -got.T, got.DF, got.P}
		if diff := cmp.Diff(flipped, back, rel); diff != "" {
			t.Errorf("%s swapped (-want +got)\n%s", tt.name, diff)
		}
	}
}

func TestWelchRefuses(t *testing.T) {
	tests := []struct {
		name                   string
		ma, va, na, mb, vb, nb float64
		want                   error
	}{
		{"n 1", 4, 1, 1, 3, 1, 10, ErrNoData},
		{"n 1.9", 4, 1, 10, 3, 1, 1.9, ErrNoData},
		{"n 0", 4, 1, 0, 3, 1, 10, ErrNoData},
		{"no spread", 7, 0, 5, 6, 0, 200, ErrNoData},
		{"negative variance", 7, -1, 5, 6, 1, 200, ErrRange},
		{"NaN mean", math.NaN(), 1, 5, 6, 1, 200, ErrRange},
		{"Inf n", 1, 1, math.Inf(1), 6, 1, 200, ErrRange},
		{"overflowing difference", -1e308, 1, 5, 1e308, 1, 5, ErrRange},
	}
	for _, tt := range tests {
		_, err := Welch(tt.ma, tt.va, tt.na, tt.mb, tt.vb, tt.nb)
		if !errors.Is(err, tt.want) {
			t.Errorf("%s: error %v, want one wrapping %v", tt.name, err, tt.want)
		}
	}
}

// TestWelchSameMeans: equal means give t = 0 and p = exactly 1.
func TestWelchSameMeans(t *testing.T) {
	got, err := Welch(4.2, 1.3, 20, 4.2, 1.3, 20)
	if err != nil {
		t.Fatal(err)
	}
	if got.Diff != 0 || got.T != 0 || got.P != 1 {
		t.Errorf("Welch of equal groups = %+v, want diff 0, t 0, p 1", got)
	}
}

// TestHolm checks Holm against statsmodels' multipletests(p,
// method="holm") and R's p.adjust(p, "holm"), both of which compute
// pmin(1, cummax((m - i + 1) * p[order])) in the input order; the
// expected values were computed with that formula in Python's exact
// fractions (script at the end of this file).
func TestHolm(t *testing.T) {
	tests := []struct {
		in, want []float64
	}{
		{[]float64{0.01, 0.04, 0.03, 0.005}, []float64{0.03, 0.06, 0.06, 0.02}},
		{[]float64{0.5, 0.3, 0.2}, []float64{0.6, 0.6, 0.6}},
		{[]float64{0.6, 0.7}, []float64{1, 1}},
		{[]float64{0.02, 0.02, 0.5}, []float64{0.06, 0.06, 0.5}},
		{[]float64{0.001, 0.2, 0.013, 0.04, 0.9, 0.012}, []float64{0.006, 0.4, 0.06, 0.12, 0.9, 0.06}},
		{[]float64{0.04}, []float64{0.04}},
		{nil, []float64{}},
	}
	for _, tt := range tests {
		in := append([]float64(nil), tt.in...)
		got := Holm(in)
		if diff := cmp.Diff(tt.want, got, approx); diff != "" {
			t.Errorf("Holm(%v) (-want +got)\n%s", tt.in, diff)
		}
		if diff := cmp.Diff(tt.in, in, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("Holm changed its input (-was +now)\n%s", diff)
		}
	}
	got := Holm([]float64{0.2, math.NaN(), 0.01})
	if !(got[0] == 0.4 && math.IsNaN(got[1]) && got[2] == 0.03) {
		t.Errorf("Holm with a NaN = %v, want [0.4 NaN 0.03]", got)
	}
}

/*
The reference values above came from these Python scripts (mpmath 1.3):

	from mpmath import mp, mpf, sqrt, betainc
	mp.dps = 40
	def welch(ma, va, na, mb, vb, nb):
	    ma, va, na, mb, vb, nb = map(mpf, (ma, va, na, mb, vb, nb))
	    ua, ub = va/na, vb/nb
	    se = sqrt(ua+ub); d = ma-mb; t = d/se
	    df = (ua+ub)**2/(ua**2/(na-1)+ub**2/(nb-1))
	    p = betainc(df/2, mpf(1)/2, 0, df/(df+t*t), regularized=True)
	    return [mp.nstr(x, 17) for x in (d, se, t, df, p)]

	from fractions import Fraction as F
	def holm(p):
	    m = len(p); o = sorted(range(m), key=lambda i: (p[i], i))
	    r = [None]*m; run = F(0)
	    for k, i in enumerate(o):
	        run = max(run, min(F(1), (m-k)*p[i])); r[i] = run
	    return r
*/
