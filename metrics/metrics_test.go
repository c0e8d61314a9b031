package metrics

import (
	"errors"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// approx compares floats to 1e-9 absolute, the contract's tolerance.
var approx = cmpopts.EquateApprox(0, 1e-9)

// Reference intervals below were computed independently of this package
// with mpmath at 40 digits from the formulas of the spec (metrics.md),
// then rounded to 17 digits.

func npsFromCounts(t *testing.T, d, pas, p int) NPSResult {
	t.Helper()
	var a NPS
	for s, k := range map[int]int{0: d, 7: pas, 10: p} {
		for range k {
			if err := a.Add(s); err != nil {
				t.Fatal(err)
			}
		}
	}
	r, err := a.Result()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestNPSVectors(t *testing.T) {
	type want struct {
		N, P, Pas, D int64
		NPS, SE      float64
	}
	tests := []struct {
		name   string
		scores []int
		want   want
	}{
		// Issue 4 vector: 10 detractors, 6 passives, 4 promoters. The
		// trinomial se is MeasuringU's / Rocks (2016, The American
		// Statistician 70(4)): 100·sqrt((p+d-(p-d)²)/n) = 100·sqrt(0.61/20).
		{"issue4-20", []int{1, 2, 3, 4, 5, 6, 1, 2, 3, 4, 7, 8, 7, 8, 7, 8, 9, 10, 9, 10},
			want{20, 4, 6, 10, -30, 17.4642491966}},
		// Issue 4: three detractors and two passives.
		{"issue4-5", []int{1, 2, 6, 7, 8}, want{5, 0, 2, 3, -60, 21.908902300206645}}, // 100·sqrt(0.24/5)
		// The service-standards guide: promoters 9-10 minus detractors 0-6; the edges.
		{"edges", []int{0, 6, 7, 8, 9, 10}, want{6, 2, 2, 2, 0, 100 * 0.816496580927726 / 2.449489742783178}},
		{"all-promoters", []int{9, 10, 10}, want{3, 3, 0, 0, 100, 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var a NPS
			for _, s := range tt.scores {
				if err := a.Add(s); err != nil {
					t.Fatal(err)
				}
			}
			r, err := a.Result()
			if err != nil {
				t.Fatal(err)
			}
			got := want{r.N, r.Promoters, r.Passives, r.Detractors, r.NPS, r.SE}
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateApprox(0, 1e-9)); diff != "" {
				t.Errorf("(-want +got)\n%s", diff)
			}
		})
	}
}

func TestNPSIntervals(t *testing.T) {
	scores := []int{1, 2, 3, 4, 5, 6, 1, 2, 3, 4, 7, 8, 7, 8, 7, 8, 9, 10, 9, 10}
	var a NPS
	for _, s := range scores {
		a.Add(s)
	}
	tests := []struct {
		opts Options
		want Interval
	}{
		{Options{}, Interval{-57.89744615624394, 5.723533112765679, 0.95, AdjustedWald}},
		{Options{Method: Wald}, Interval{-64.22929944231562, 4.22929944231562, 0.95, Wald}},
		// At 90% the constants are recalibrated (calibration in
		// trinomial.go); the numbers are from mpmath, as in compare_test.go.
		{Options{Level: 0.90}, Interval{-62.52557178363532, 9.234112191999764, 0.90, AdjustedWald}},
	}
	for _, tt := range tests {
		r, err := a.ResultWith(tt.opts)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(tt.want, r.CI, approx); diff != "" {
			t.Errorf("%+v: (-want +got)\n%s", tt.opts, diff)
		}
	}
	if _, err := a.ResultWith(Options{Method: Wilson}); err == nil {
		t.Error("Wilson for NPS: no error")
	}
	if _, err := a.ResultWith(Options{Level: 1}); err == nil {
		t.Error("level 1: no error")
	}
}

func TestNPSCounts(t *testing.T) {
	// Issue 4: 10 detractors, 30 passives, 60 promoters give 50.
	r := npsFromCounts(t, 10, 30, 60)
	if diff := cmp.Diff(50.0, r.NPS, approx); diff != "" {
		t.Error(diff)
	}
	// Cross Validated, "How can I calculate margin of error in a NPS
	// result?" (whuber's answer): shares 1/2, 1/3, 1/6 give NPS 1/3 with
	// per-answer variance 5/9; at n = 300, se = 100·sqrt(5/9/300).
	r = npsFromCounts(t, 50, 100, 150)
	want := struct{ NPS, SE, Lo, Hi float64 }{100.0 / 3, 4.3033148291193521, 24.898991254122265, 41.767675412544401}
	r2, _ := func() (NPSResult, error) {
		var a NPS
		for s, k := range map[int]int{3: 50, 8: 100, 9: 150} {
			for range k {
				a.Add(s)
			}
		}
		return a.ResultWith(Options{Method: Wald})
	}()
	got := struct{ NPS, SE, Lo, Hi float64 }{r.NPS, r.SE, r2.CI.Lo, r2.CI.Hi}
	if diff := cmp.Diff(want, got, approx); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
}

func TestNPSWeighted(t *testing.T) {
	scores := []int{10, 9, 8, 7, 6, 0, 10, 3}
	weights := []float64{1.5, 0.5, 2, 1, 1, 0.25, 3, 0.75}
	var a NPS
	for i := range scores {
		if err := a.AddWeighted(scores[i], weights[i]); err != nil {
			t.Fatal(err)
		}
	}
	r, err := a.Result()
	if err != nil {
		t.Fatal(err)
	}
	type view struct {
		N        int64
		Weighted bool
		NEff     float64
		NPS, SE  float64
		Lo, Hi   float64
	}
	// Kish n_eff = (Σw)²/Σw² = 10²/18.125; weighted shares 5/10 and
	// 2/10; adjusted Wald on the n_eff scale.
	want := view{8, true, 5.5172413793103448, 30, 33.250939836341468, -32.230123534314661, 71.096520295448265}
	got := view{r.N, r.Weighted, r.NEff, r.NPS, r.SE, r.CI.Lo, r.CI.Hi}
	if diff := cmp.Diff(want, got, approx); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}

	// Unit weights are the unweighted answers, bit for bit.
	var u, v NPS
	for _, s := range scores {
		u.Add(s)
		v.AddWeighted(s, 1)
	}
	ru, _ := u.Result()
	rv, _ := v.Result()
	if diff := cmp.Diff(ru, rv); diff != "" {
		t.Errorf("weight 1 differs from unweighted:\n%s", diff)
	}
}

func TestNPSErrors(t *testing.T) {
	var a NPS
	if _, err := a.Result(); !errors.Is(err, ErrNoData) {
		t.Errorf("empty: %v, want ErrNoData", err)
	}
	for _, s := range []int{-1, 11, 100} {
		err := a.Add(s)
		var re *RangeError
		if !errors.As(err, &re) || !errors.Is(err, ErrRange) || re.Value != float64(s) {
			t.Errorf("Add(%d) = %v, want a RangeError", s, err)
		}
	}
	if a.N() != 0 {
		t.Errorf("bad scores were counted: N = %d", a.N())
	}
	for _, w := range []float64{-1, nanF(), infF(), 1e-200, 1e200} {
		if err := a.AddWeighted(5, w); !errors.Is(err, ErrWeight) {
			t.Errorf("AddWeighted(5, %v) = %v, want ErrWeight", w, err)
		}
	}
	if err := a.AddWeighted(5, 0); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Result(); !errors.Is(err, ErrNoData) {
		t.Errorf("zero total weight: %v, want ErrNoData", err)
	}
	_, err := NPSOf([]uint8{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 0, 11})
	var re *RangeError
	if !errors.As(err, &re) || re.Index != 11 || re.Value != 11 {
		t.Errorf("NPSOf with 11 at index 11: %v", err)
	}
	_, err = NPSOf(append(make([]uint8, 1000), 200))
	if !errors.As(err, &re) || re.Index != 1000 {
		t.Errorf("NPSOf with 200 at index 1000: %v", err)
	}
	if _, err := NPSOf(nil); !errors.Is(err, ErrNoData) {
		t.Errorf("NPSOf(nil) = %v, want ErrNoData", err)
	}
}

func TestEmotionVectors(t *testing.T) {
	var a Emotions
	for e, k := range map[Emotion]int{Positive: 50, Neutral: 40, Negative: 10} {
		for range k {
			if err := a.Add(e); err != nil {
				t.Fatal(err)
			}
		}
	}
	r, err := a.Result()
	if err != nil {
		t.Fatal(err)
	}
	// Issue 4: 50 positive, 40 neutral, 10 negative give Iэ = 0.40; the
	// interval is NPS's adjusted Wald on the -1..1 scale.
	want := struct {
		Index, SE float64
		CI        Interval
	}{0.40, 0.066332495807107997, Interval{0.25933775028106467, 0.51736127884514892, 0.95, AdjustedWald}}
	got := struct {
		Index, SE float64
		CI        Interval
	}{r.Index, r.SE, r.CI}
	if diff := cmp.Diff(want, got, approx); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}

	// The 4Service emotional-index study: electronics retail scored Iэ = 0.92, clothing 0.59.
	for _, c := range []struct {
		pos, neu, neg int
		want          float64
	}{{93, 6, 1, 0.92}, {66, 27, 7, 0.59}} {
		es := make([]Emotion, 0, 100)
		for e, k := range map[Emotion]int{Positive: c.pos, Neutral: c.neu, Negative: c.neg} {
			for range k {
				es = append(es, e)
			}
		}
		r, err := EmotionIndexOf(es)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(c.want, r.Index, approx); diff != "" {
			t.Error(diff)
		}
	}
}

func TestParseEmotion(t *testing.T) {
	for s, want := range map[string]Emotion{"positive": Positive, " Neutral ": Neutral, "NEGATIVE": Negative} {
		got, err := ParseEmotion(s)
		if err != nil || got != want {
			t.Errorf("ParseEmotion(%q) = %v, %v; want %v", s, got, err, want)
		}
	}
	for _, s := range []string{"", "happy", "pos"} {
		if _, err := ParseEmotion(s); !errors.Is(err, ErrRange) {
			t.Errorf("ParseEmotion(%q): %v, want ErrRange", s, err)
		}
	}
	var a Emotions
	if err := a.Add(0); !errors.Is(err, ErrRange) {
		t.Errorf("Add(zero Emotion) = %v", err)
	}
}

func TestCSATVectors(t *testing.T) {
	a, err := NewCSAT(CSAT5)
	if err != nil {
		t.Fatal(err)
	}
	// Issue 4: 42, 32, 10, 9, 14 answers on 5..1: CSAT = 74/107.
	for x, k := range map[int]int{5: 42, 4: 32, 3: 10, 2: 9, 1: 14} {
		for range k {
			if err := a.Add(x); err != nil {
				t.Fatal(err)
			}
		}
	}
	r, err := a.Result()
	if err != nil {
		t.Fatal(err)
	}
	want := CSATResult{
		Scale: CSAT5, N: 107, Counts: []int64{14, 9, 10, 32, 42}, NEff: 107,
		CSAT:   69.1588785047,
		SE:     4.464750178193021, // 100·sqrt(p(1-p)/107), p = 74/107
		CI:     Interval{59.871509132198554, 77.118260252129767, 0.95, Wilson},
		Mean:   3.7383177570093458,
		MeanSE: 0.13498855310321618,
		MeanCI: Interval{3.4706898212572225, 4.0059456927614691, 0.95, StudentT},
	}
	if diff := cmp.Diff(want, r, cmpopts.EquateApprox(0, 1e-9)); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
}

// On a good / bad question the top two points would be every answer
// (CSAT always 100%); CSAT is the share of the top point instead, and a
// three-point scale keeps the top two.
func TestCSATTopPoints(t *testing.T) {
	tests := []struct {
		scale   Scale
		ratings []int
		want    float64
	}{
		{Scale{Lo: 1, Hi: 2, Good: High}, []int{1, 2, 2, 2}, 75},
		{Scale{Lo: 0, Hi: 1, Good: High}, []int{0, 0, 1, 0, 1}, 40},
		{Scale{Lo: 1, Hi: 3, Good: High}, []int{1, 2, 3, 1}, 50},
		{CSAT5, []int{1, 2, 3, 4, 5}, 40},
	}
	for _, tt := range tests {
		r, err := CSATOf(tt.ratings, tt.scale)
		if err != nil {
			t.Fatal(err)
		}
		if d := r.CSAT - tt.want; d > 1e-9 || d < -1e-9 {
			t.Errorf("CSAT of %v on %v = %v, want %v", tt.ratings, tt.scale, r.CSAT, tt.want)
		}
	}
}

func TestWilsonInterval(t *testing.T) {
	// Newcombe (1998), "Two-sided confidence intervals for the single
	// proportion", Statistics in Medicine 17:857-872, table I, method 3
	// (Wilson score, no continuity correction), printed to 4 decimals.
	tests := []struct {
		x, n   float64
		lo, hi float64
	}{
		{81, 263, 0.2553, 0.3662},
		{15, 148, 0.0624, 0.1605},
		{0, 20, 0, 0.1611},
		{1, 29, 0.0061, 0.1718},
	}
	for _, tt := range tests {
		got, err := WilsonInterval(tt.x, tt.n, 0.95)
		if err != nil {
			t.Fatal(err)
		}
		want := Interval{tt.lo, tt.hi, 0.95, Wilson}
		if diff := cmp.Diff(want, got, cmpopts.EquateApprox(0, 5e-5)); diff != "" {
			t.Errorf("%v/%v: (-want +got)\n%s", tt.x, tt.n, diff)
		}
	}
	// And to 1e-9 against mpmath for 81/263.
	got, _ := WilsonInterval(81, 263, 0.95)
	if diff := cmp.Diff(Interval{0.25528851987827423, 0.36620957698280007, 0.95, Wilson}, got, approx); diff != "" {
		t.Error(diff)
	}
	for _, c := range [][2]float64{{1, 0}, {-1, 5}, {6, 5}} {
		if _, err := WilsonInterval(c[0], c[1], 0.95); err == nil {
			t.Errorf("WilsonInterval(%v, %v): no error", c[0], c[1])
		}
	}
}

func TestCESVectors(t *testing.T) {
	// Issue 4: CES 2.0 ratings give mean 4.6 and 60% agreeing (5-7).
	r, err := CESOf([]int{7, 6, 5, 4, 3, 2, 1, 7, 6, 5}, CES2)
	if err != nil {
		t.Fatal(err)
	}
	want := CESResult{
		Scale: CES2, N: 10, Counts: []int64{1, 1, 1, 1, 2, 2, 2}, NEff: 10,
		Mean: 4.6, MeanSE: 0.65319726474218083,
		MeanCI:    Interval{3.1223651288432799, 6.0776348711567201, 0.95, StudentT},
		GoodShare: 60,
		GoodSE:    15.491933384829668, // 100·sqrt(0.6·0.4/10)
		GoodCI:    Interval{31.267376973365827, 83.181967029376388, 0.95, Wilson},
	}
	if diff := cmp.Diff(want, r, approx); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}

	// The service-standards guide: effort 1..10, lower is easier; the good side is 1..5.
	r, err = CESOf([]int{1, 2, 3, 3, 4, 10}, Effort10)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]float64{23.0 / 6, 500.0 / 6}, []float64{r.Mean, r.GoodShare}, approx); diff != "" {
		t.Error(diff)
	}
	if _, err := CESOf([]int{0}, Effort10); !errors.Is(err, ErrRange) {
		t.Errorf("0 on 1..10: %v", err)
	}
	// One answer: the spread is unknown, the interval is the scale.
	r, err = CESOf([]int{6}, CES2)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(Interval{1, 7, 0.95, StudentT}, r.MeanCI); diff != "" {
		t.Error(diff)
	}
}

func TestScale(t *testing.T) {
	bad := []Scale{{1, 5, 0}, {5, 1, High}, {1, 1, Low}, {0, 1000, High},
		// Hi - Lo overflows an int, and beyond 2^53 points blur in float64.
		{math.MinInt, math.MaxInt, High}, {1<<53 + 1, 1<<53 + 5, High}, {-1<<53 - 5, -1<<53 - 1, Low}}
	for _, s := range bad {
		if _, err := NewCES(s); !errors.Is(err, ErrScale) {
			t.Errorf("NewCES(%v): %v, want ErrScale", s, err)
		}
	}
	s, err := ParseScale("1..7", "high")
	if err != nil || s != CES2 {
		t.Errorf("ParseScale(1..7, high) = %v, %v", s, err)
	}
	for _, c := range [][2]string{{"1-7", "high"}, {"1..x", "high"}, {"1..7", ""}, {"7..1", "low"}} {
		if _, err := ParseScale(c[0], c[1]); err == nil {
			t.Errorf("ParseScale(%q, %q): no error", c[0], c[1])
		}
	}
	var zero CSAT
	if err := zero.Add(3); !errors.Is(err, ErrScale) {
		t.Errorf("zero CSAT Add: %v, want ErrScale", err)
	}
	a, _ := NewCSAT(CSAT5)
	b, _ := NewCSAT(Scale{1, 5, Low})
	if err := a.Merge(b); !errors.Is(err, ErrScale) {
		t.Errorf("merging different scales: %v", err)
	}
}

func TestBoxes(t *testing.T) {
	ratings := []int{5, 5, 4, 3, 2, 1, 1, 1}
	top, err := TopBox(ratings, CSAT5, 2)
	if err != nil {
		t.Fatal(err)
	}
	bottom, err := BottomBox(ratings, CSAT5, 1)
	if err != nil {
		t.Fatal(err)
	}
	// On a low-is-good scale the best points are the lowest.
	lowTop, _ := TopBox(ratings, Scale{1, 5, Low}, 1)
	if diff := cmp.Diff([]float64{3.0 / 8, 3.0 / 8, 3.0 / 8}, []float64{top, bottom, lowTop}, approx); diff != "" {
		t.Error(diff)
	}
	if _, err := TopBox(ratings, CSAT5, 0); err == nil {
		t.Error("k = 0: no error")
	}
	if _, err := TopBox([]int{6}, CSAT5, 1); !errors.Is(err, ErrRange) {
		t.Errorf("6 on 1..5: %v", err)
	}
}

func TestCSI(t *testing.T) {
	tests := []struct {
		name  string
		attrs []Attribute
		scale Scale
		want  float64
	}{
		// ACSI with equal weights on 1..10: (8 + 7 + 9 - 3) / 27 · 100
		// (Fornell et al. 1996, Journal of Marketing 60(4): the index
		// rescales the weighted mean of 1..10 answers to 0..100).
		{"acsi", []Attribute{{"satisfaction", 8, 1}, {"expectations", 7, 1}, {"ideal", 9, 1}}, ACSI10, 700.0 / 9},
		{"weighted", []Attribute{{"a", 5, 3}, {"b", 1, 1}}, CSAT5, 75},
		{"low-good", []Attribute{{"effort", 1, 1}}, Effort10, 100},
	}
	for _, tt := range tests {
		got, err := CSI(tt.attrs, tt.scale)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(tt.want, got, approx); diff != "" {
			t.Errorf("%s: %s", tt.name, diff)
		}
	}
	for _, attrs := range [][]Attribute{nil, {{"x", 11, 1}}, {{"x", 5, -1}}, {{"x", 5, 0}}} {
		if _, err := CSI(attrs, ACSI10); err == nil {
			t.Errorf("CSI(%v): no error", attrs)
		}
	}
}

func TestMean(t *testing.T) {
	// Student (1908) / Cushny & Peebles sleep data, as in R's
	// t.test(extra ~ group, data = sleep, paired = TRUE): the ten
	// differences have mean 1.58, t = 4.0621 on 9 df and 95% interval
	// 0.7001142 .. 2.4598858.
	xs := []float64{1.2, 2.4, 1.3, 1.3, 0.0, 1.0, 1.8, 0.8, 4.6, 1.4}
	r, err := MeanOf(xs, 0.95)
	if err != nil {
		t.Fatal(err)
	}
	want := MeanResult{N: 10, NEff: 10, Mean: 1.58, SD: 0.38895872388839524 * 3.1622776601683795, SE: 0.38895872388839524,
		CI: Interval{0.7001142367230172, 2.4598857632769828, 0.95, StudentT}}
	if diff := cmp.Diff(want, r, approx); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
	if diff := cmp.Diff(4.0621, r.Mean/r.SE, cmpopts.EquateApprox(0, 5e-5)); diff != "" {
		t.Error(diff)
	}
	ci, err := MeanInterval(xs, 0)
	if err != nil || ci != r.CI {
		t.Errorf("MeanInterval = %v, %v; want %v", ci, err, r.CI)
	}
	if _, err := MeanOf([]float64{1}, 0.95); !errors.Is(err, ErrNoData) {
		t.Errorf("one value: %v", err)
	}
	if _, err := MeanOf([]float64{1, nanF()}, 0.95); !errors.Is(err, ErrRange) {
		t.Errorf("NaN: %v", err)
	}
}

// TestShareExactlyOne: weights that sum differently must still give a
// share of exactly 1 when no weight is outside the box.
func TestShareExactlyOne(t *testing.T) {
	a, _ := NewCSAT(CSAT5)
	for _, w := range []float64{0.1, 0.7, 0.2, 1e-3, 3.3} {
		a.AddWeighted(5, w)
		a.AddWeighted(4, w/3)
	}
	a.AddWeighted(1, 0)
	r, err := a.Result()
	if err != nil || r.CSAT != 100 {
		t.Errorf("CSAT = %v, %v; want exactly 100", r.CSAT, err)
	}
	c, _ := NewCES(CES2)
	for _, w := range []float64{0.1, 0.7, 0.2} {
		c.AddWeighted(6, w)
		c.AddWeighted(7, w)
	}
	rc, _ := c.Result()
	if rc.GoodShare != 100 {
		t.Errorf("CES good share = %v, want exactly 100", rc.GoodShare)
	}
}
