package metrics

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// The expected numbers of this file come from Python's mpmath at 40
// digits with the formulas of metrics.md, "Comparing two groups",
// written out independently of this package (no scipy here):
//
//	adj(P, D, n, k) : m = n + 3k; p = (P + 0.75k)/m; d = (D + 0.75k)/m
//	                  -> p - d, sqrt((p + d - (p - d)²)/m)
//	NPS:  diff = adjA - adjB; se = hypot(seA, seB); z = diff/se (after the
//	      continuity correction away from 95%); p = erfc(|z|/√2);
//	      ci = diff ± z_L·se (± the correction), clipped
//	Agresti–Caffo: t = (x + 1)/(n + 2); diff = tA - tB;
//	      se = sqrt(tA(1 - tA)/(nA + 2) + tB(1 - tB)/(nB + 2))
//	Welch: as in welch_test.go, with the interval from the t quantile
//	      found by mpmath.findroot on betainc.
//
// with k = 1 and no correction at 95%, and k = z/z95 and a correction
// of 2/(n + 3k) per side (1/(2(n + 2)) for shares) otherwise.

// npsOf tallies promoters, passives and detractors.
func npsOf(t *testing.T, promoters, passives, detractors int, opts Options) NPSResult {
	t.Helper()
	var a NPS
	for range promoters {
		a.Add(10)
	}
	for range passives {
		a.Add(8)
	}
	for range detractors {
		a.Add(2)
	}
	r, err := a.ResultWith(opts)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestCompareNPSWorked(t *testing.T) {
	type row struct{ Diff, RawDiff, SE, Z, P, Lo, Hi float64 }
	tests := []struct {
		name string
		a, b NPSResult
		want row
	}{
		// The case of issue 12: five promoters of five against NPS 80 of
		// 200. The plain test said p < 0.0001; the small group's own
		// interval contains 80, and so does the comparison's.
		{"5 of 5 against 80", npsOf(t, 5, 0, 0, Options{}), npsOf(t, 170, 20, 10, Options{}),
			row{-16.317733990147783, 20, 23.254792689790877, -0.701693375977136, 0.48287040486103213, -61.896290130083235, 29.260822149787669}},
		{"Q4 against Q3", npsOf(t, 150, 90, 60, Options{}), npsOf(t, 120, 90, 90, Options{}),
			row{19.801980198019802, 20, 6.5451213761880026, 3.0254565285927263, 0.0024825808938222908, 6.9737780262480811, 32.630182369791523}},
		{"Q4 against Q3 at 90%", npsOf(t, 150, 90, 60, Options{Level: 0.9}), npsOf(t, 120, 90, 90, Options{Level: 0.9}),
			row{19.833551588078615, 20, 6.5511407480368719, 2.8256628162182561, 0.0047182902229945728, 7.7356471954620076, 31.931455980695222}},
		{"Q4 against Q3 at 99%", npsOf(t, 150, 90, 60, Options{Level: 0.99}), npsOf(t, 120, 90, 90, Options{Level: 0.99}),
			row{19.740564999180666, 20, 6.5333998802035166, 2.8200519898369812, 0.0048015869387672297, 1.595604469337526, 37.885525529023807}},
		// Weighted: the shares and n_eff are what the adjustment uses.
		{"n_eff 12.5 against 40",
			NPSResult{NPS: 50, PromoterShare: 0.6, DetractorShare: 0.1, NEff: 12.5, CI: Interval{Level: 0.95, Method: AdjustedWald}},
			NPSResult{NPS: 0, PromoterShare: 0.3, DetractorShare: 0.3, NEff: 40},
			row{40.32258064516129, 50, 21.439539421738922, 1.8807577836432271, 0.060004875303111384, -1.6981444665736982, 82.343305756896279}},
	}
	for _, tt := range tests {
		c, err := CompareNPS(tt.a, tt.b)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		got := row{c.Diff, c.RawDiff, c.SE, c.Z, c.P, c.CI.Lo, c.CI.Hi}
		if diff := cmp.Diff(tt.want, got, cmpopts.EquateApprox(1e-12, 1e-12)); diff != "" {
			t.Errorf("%s (-want +got)\n%s", tt.name, diff)
		}
		if c.Method != AdjustedWald || c.CI.Method != AdjustedWald || c.CI.Level != levelOf(tt.a.CI) {
			t.Errorf("%s: method %s, interval %v", tt.name, c.Method, c.CI)
		}
	}
}

// TestCompareEmotionsMatchesNPS: the index is NPS on -1..1.
func TestCompareEmotionsMatchesNPS(t *testing.T) {
	var x, y Emotions
	for i := range 30 {
		x.Add([]Emotion{Positive, Positive, Neutral, Negative, Positive}[i%5])
		y.Add([]Emotion{Positive, Neutral, Negative}[i%3])
	}
	rx, _ := x.Result()
	ry, _ := y.Result()
	ce, err := CompareEmotions(rx, ry)
	if err != nil {
		t.Fatal(err)
	}
	cn, err := CompareNPS(npsOf(t, 18, 6, 6, Options{}), npsOf(t, 10, 10, 10, Options{}))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(cn.scaled(0.01), ce, approx, cmpopts.IgnoreFields(Comparison{}, "Metric")); diff != "" {
		t.Errorf("emotions against NPS/100 (-want +got)\n%s", diff)
	}
}

func TestCompareShares(t *testing.T) {
	type row struct{ Diff, RawDiff, SE, Z, P, Lo, Hi float64 }
	csat := func(good, n int, level float64) CSATResult {
		a, _ := NewCSAT(CSAT5)
		for i := range n {
			a.Add(map[bool]int{true: 5, false: 2}[i < good])
		}
		r, err := a.ResultWith(Options{Level: level})
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	tests := []struct {
		name string
		a, b CSATResult
		want row
	}{
		{"74/107 against 50/100", csat(74, 107, 0.95), csat(50, 100, 0.95),
			row{18.807339449541284, 19.158878504672897, 6.6483443550350012, 2.8288756486113557, 0.0046711845145798126, 5.7768239568525064, 31.837854942230062}},
		{"at 90%", csat(74, 107, 0.9), csat(50, 100, 0.9),
			row{18.807339449541284, 19.158878504672897, 6.6483443550350012, 2.6861466285594676, 0.0072281360756294158, 6.9228744491779653, 30.691804449904604}},
		{"5/5 against 180/200", csat(5, 5, 0.95), csat(180, 200, 0.95),
			row{-3.8896746817538897, 10, 13.399202593548809, -0.29029150463226936, 0.77159323749282582, -30.151629186665242, 22.372279823157463}},
	}
	for _, tt := range tests {
		c, err := CompareCSAT(tt.a, tt.b)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		got := row{c.Diff, c.RawDiff, c.SE, c.Z, c.P, c.CI.Lo, c.CI.Hi}
		if diff := cmp.Diff(tt.want, got, cmpopts.EquateApprox(1e-12, 1e-12)); diff != "" {
			t.Errorf("%s (-want +got)\n%s", tt.name, diff)
		}
		if c.Method != AgrestiCaffo {
			t.Errorf("%s: method %s", tt.name, c.Method)
		}
	}
	other, _ := NewCSAT(Scale{Lo: 1, Hi: 10, Good: High})
	other.Add(3)
	ro, _ := other.Result()
	if _, err := CompareCSAT(tests[0].a, ro); !errors.Is(err, ErrScale) {
		t.Errorf("different scales: %v", err)
	}
	for _, bad := range [][4]float64{{1.2, 10, 0.5, 10}, {0.5, 0, 0.5, 10}, {nanF(), 10, 0.5, 10}} {
		if _, err := CompareShares(bad[0], bad[1], bad[2], bad[3], 0.95); err == nil {
			t.Errorf("CompareShares%v: no error", bad)
		}
	}
}

func TestCompareCES(t *testing.T) {
	a, _ := CESOf([]int{7, 6, 5, 4, 3, 2, 1, 7, 6, 5}, CES2)
	b, _ := CESOf([]int{3, 4, 5, 3}, CES2)
	c, err := CompareCES(a, b)
	if err != nil {
		t.Fatal(err)
	}
	want := Comparison{Metric: "CES mean", Method: WelchT,
		Diff: 0.85, RawDiff: 0.85, SE: 0.80983537421708947, T: 1.0495960377400651, DF: 11.398986542445181, P: 0.31564781367022844,
		CI: Interval{-0.92485330785816918, 2.6248533078581692, 0.95, WelchT}}
	if diff := cmp.Diff(want, c, cmpopts.EquateApprox(1e-12, 1e-12)); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}

	sevens, _ := CESOf([]int{7, 7, 7, 7, 7}, CES2)
	one, _ := CESOf([]int{3}, CES2)
	other, _ := CESOf([]int{3, 4}, Effort10)
	// metrics.md: "a side ... with no spread at all (every answer the
	// same) has no usable variance: no test". Four weighted answers of
	// 7 and one of 3 that weighs 0 are that side; a Welch test ran on
	// the other side's variance alone.
	weighted := func(ws ...float64) CESResult {
		acc, _ := NewCES(CES2)
		for i, w := range ws {
			if err := acc.AddWeighted([]int{7, 7, 7, 7, 3}[i], w); err != nil {
				t.Fatal(err)
			}
		}
		r, err := acc.Result()
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	for _, tt := range []struct {
		name string
		b    CESResult
		want error
	}{
		{"one answer", one, ErrNoData},
		{"five answers of 7", sevens, ErrNoData},
		{"weighted answers of 7 and a 3 of weight 0", weighted(0.1, 0.7, 0.2, 1.3, 0), ErrNoData},
		{"weighted answers of 7 and a 3 of weight 0.5", weighted(0.1, 0.7, 0.2, 1.3, 0.5), nil},
		{"different scales", other, ErrScale},
	} {
		if _, err := CompareCES(a, tt.b); !errors.Is(err, tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, err, tt.want)
		}
	}
	// CompareMeans holds the same rule for any means (audit scores,
	// drivers): a side with variance 0 is not tested, whichever side it
	// is, though Welch's formula alone would test it.
	for _, v := range [][2]float64{{0, 1.5}, {1.5, 0}} {
		if _, err := CompareMeans(4, v[0], 10, 3.5, v[1], 8, 0.95, 0); !errors.Is(err, ErrNoData) {
			t.Errorf("CompareMeans with variances %v: %v, want no test (ErrNoData)", v, err)
		}
	}
	if _, err := Welch(4, 0, 10, 3.5, 1.5, 8); err != nil {
		t.Errorf("Welch itself tests a side without spread: %v", err)
	}
	ca, _ := CSATOf([]int{5, 4, 4, 3, 5, 2}, CSAT5)
	cb, _ := CSATOf([]int{5, 4, 4, 3, 5, 2}, CSAT5)
	same, err := CompareCSATMeans(ca, cb)
	if err != nil || same.Diff != 0 || same.T != 0 || same.P != 1 {
		t.Errorf("CSAT means of identical groups: %+v, %v; want diff 0, p 1", same, err)
	}
}

// TestCompareIdentical: identical inputs differ by exactly 0, with
// p = 1, whatever the statistic and the level.
func TestCompareIdentical(t *testing.T) {
	for _, level := range []float64{0.95, 0.8, 0.99} {
		var a NPS
		for _, s := range []int{10, 9, 3, 7, 8, 10, 0} {
			a.AddWeighted(s, 1.7)
		}
		r, _ := a.ResultWith(Options{Level: level})
		c, err := CompareNPS(r, r)
		if err != nil || c.Diff != 0 || c.RawDiff != 0 || c.Z != 0 || c.P != 1 {
			t.Errorf("NPS at %v: %+v, %v", level, c, err)
		}
		x, _ := NewCSAT(CSAT5)
		for _, s := range []int{5, 4, 1, 2, 5} {
			x.AddWeighted(s, 0.3)
		}
		rx, _ := x.ResultWith(Options{Level: level})
		s, err := CompareCSAT(rx, rx)
		if err != nil || s.Diff != 0 || s.Z != 0 || s.P != 1 {
			t.Errorf("CSAT at %v: %+v, %v", level, s, err)
		}
	}
}

// TestCompareJSON: the fields of the contract, z or t and df, raw_diff
// for NPS only.
func TestCompareJSON(t *testing.T) {
	keys := func(c Comparison) []string {
		var ks []string
		for k := range c.Fields() {
			ks = append(ks, k)
		}
		return ks
	}
	sorted := cmpopts.SortSlices(func(a, b string) bool { return a < b })
	n, _ := CompareNPS(npsOf(t, 5, 3, 2, Options{}), npsOf(t, 3, 3, 4, Options{}))
	base := []string{"metric", "method", "diff", "se", "p", "ci_low", "ci_high", "level"}
	if diff := cmp.Diff(append(base, "z", "raw_diff"), keys(n), sorted); diff != "" {
		t.Errorf("NPS (-want +got)\n%s", diff)
	}
	m, _ := CompareMeans(3, 1, 10, 2, 1, 10, 0.95, 0)
	if diff := cmp.Diff(append(base, "t", "df"), keys(m), sorted); diff != "" {
		t.Errorf("means (-want +got)\n%s", diff)
	}
	s, _ := CompareShares(0.5, 10, 0.2, 10, 0.95)
	if diff := cmp.Diff(append(base, "z"), keys(s), sorted); diff != "" {
		t.Errorf("shares (-want +got)\n%s", diff)
	}
}

// TestCompareEqualScores: two groups with the same score and the same n
// have the same adjusted score, so their tested difference is exactly
// 0 even when the shares behind the scores differ (metrics.md: the
// adjustment adds as much to each end; a CLI run once printed
// diff -5.6e-15 and p 0.9999999999999992 for two stores at NPS 14.2).
func TestCompareEqualScores(t *testing.T) {
	for _, level := range []float64{0.95, 0.9} {
		a := npsOf(t, 142, 127, 91, Options{Level: level})
		b := npsOf(t, 133, 145, 82, Options{Level: level})
		if a.NPS != b.NPS {
			t.Fatalf("the two groups should tie: NPS %v and %v", a.NPS, b.NPS)
		}
		c, err := CompareNPS(a, b)
		if err != nil || c.Diff != 0 || c.RawDiff != 0 || c.Z != 0 || c.P != 1 {
			t.Errorf("at %v: diff %v raw %v z %v p %v, %v; want 0, 0, 0, 1", level, c.Diff, c.RawDiff, c.Z, c.P, err)
		}
		if !(c.CI.Lo < 0 && c.CI.Hi > 0 && c.CI.Lo == -c.CI.Hi) {
			t.Errorf("at %v: CI [%v, %v], want symmetric about 0", level, c.CI.Lo, c.CI.Hi)
		}
	}
}
