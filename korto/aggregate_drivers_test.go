package korto

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/cxkit/cxkit/metrics"
)

// TestAggregatorDrivers checks the drivers and the emotion x NPS table
// of eight audits against a hand computation. Question a passed in
// audits 1-4 and failed in 5-8; b, c and d never failed, so only a is
// tested.
//
//	audit      1    2    3    4  |  5    6    7    8
//	rec       10    9    8    3  |  2    7    0   10   NPS outcome 100 100 0 -100 | -100 0 -100 100
//	mood     pos  pos  neu  pos  | neg  neu  neg  neu  1 1 0 1 | -1 0 -1 0
//	sat        5    4    4    3  |  2    4    1    5   top two: 100 100 100 0 | 0 100 0 100
//
// Each outcome is tested as metrics.md compares two groups of it,
// worked by hand (python3's math.erfc for the normal):
//
// NPS, adjusted Wald: passed 2 promoters and 1 detractor of 4, failed 1
// and 2 of 4 (plain means 25 and -25). Adjusted: p' = 2.75/7,
// d' = 1.75/7, score 100/7; the failed side -100/7; diff 200/7 =
// 28.571428571, se 100·sqrt(2·(4.5/7 - 1/49)/7) = 42.171384326,
// z 0.677507486, p 0.498084022077, interval -54.082965886 …
// 111.225823029.
// Emotion: positive 3, negative 0 of 4 (0.75) against 0 and 2 of 4
// (-0.5): scores 3/7 and -2/7, diff 5/7, se 0.354068399, p
// 0.043657284508, interval 0.020324403 … 1.408247025. (Plain Welch,
// which took the sides' variances as known, gave p 0.0175.)
// CSAT, Agresti–Caffo: 3 of 4 in the box (75) against 2 of 4 (50):
// 4/6 against 3/6, diff 16.666666667 points, se 28.054180384,
// p 0.552452904882, interval -38.318516502 … 71.651849836.
func TestAggregatorDrivers(t *testing.T) {
	type row struct {
		a    float64
		rec  float64
		mood string
		sat  float64
	}
	rows := []row{
		{1, 10, "positive", 5}, {1, 9, "positive", 4}, {1, 8, "neutral", 4}, {1, 3, "positive", 3},
		{0, 2, "negative", 2}, {0, 7, "neutral", 4}, {0, 0, "negative", 1}, {0, 10, "neutral", 5},
	}
	agg := newTestAggregator(t, AggregateOptions{MinN: 4})
	var audits []audit
	for _, r := range rows {
		audits = append(audits, audit{score: new(0.5), l1: new(0.5), l2: new(0.5), vals: [4]float64{r.a, 1, 1, 1},
			rec: r.rec, mood: r.mood, effort: 4, sat: r.sat})
	}
	addAll(t, agg, audits)
	rep := agg.Report()
	one := func(m metrics.Method, diff, lo, hi, p, mp, mf float64) []DriverOfOne {
		return []DriverOfOne{{Question: "a", Title: "Q a", Method: m, NPassed: 4, NFailed: 4, MeanPassed: mp, MeanFailed: mf,
			Diff: diff, RawDiff: mp - mf, CILow: lo, CIHigh: hi, P: p, PHolm: p}}
	}
	want := []OutcomeDrivers{
		{Outcome: "rec", Title: "Q rec", Kind: KindNPS, N: 8, MinN: 4, Tested: 1,
			Drivers: one(metrics.AdjustedWald, 28.571428571428571, -54.08296588585567, 111.22582302871282, 0.4980840220774077, 25, -25)},
		{Outcome: "mood", Title: "Q mood", Kind: KindEmotion, N: 8, MinN: 4, Tested: 1,
			Drivers: one(metrics.AdjustedWald, 0.7142857142857142, 0.02032440330607377, 1.4082470252653545, 0.043657284508124186, 0.75, -0.5)},
		{Outcome: "sat", Title: "Q sat", Kind: KindCSAT, N: 8, MinN: 4, Tested: 1,
			Drivers: one(metrics.AgrestiCaffo, 16.666666666666664, -38.31851650242803, 71.65184983576137, 0.5524529048817781, 75, 50)},
	}
	if d := cmp.Diff(want, rep.Drivers, cmpopts.EquateApprox(0, 1e-6)); d != "" {
		t.Errorf("drivers (-want +got):\n%s", d)
	}
	f := Float
	wantCross := []EmotionNPSTable{{Emotion: "mood", NPS: "rec", N: 8, Rows: []metrics.EmotionNPSRow{
		{Emotion: metrics.Negative, N: 2, Detractors: 2, NPS: f(-100)},
		{Emotion: metrics.Neutral, N: 3, Promoters: 1, Passives: 2, NPS: f(100.0 / 3)},
		{Emotion: metrics.Positive, N: 3, Promoters: 2, Detractors: 1, NPS: f(100.0 / 3)},
	}}}
	if d := cmp.Diff(wantCross, rep.EmotionNPS, cmpopts.EquateApprox(0, 1e-12)); d != "" {
		t.Errorf("emotion x NPS (-want +got):\n%s", d)
	}

	// With five audits needed on each side, nothing is tested.
	agg = newTestAggregator(t, AggregateOptions{MinN: 5})
	addAll(t, agg, audits)
	for _, o := range agg.Report().Drivers {
		if o.Tested != 0 || len(o.Drivers) != 0 || o.MinN != 5 {
			t.Errorf("%s with min n 5: %+v", o.Outcome, o)
		}
	}
}

// TestDriverOfOneMirrorsDriver: the report's driver is metrics.Driver
// field for field (the interval flat, plus the title), copied by one
// function. A field Driver gains that DriverOfOne lacks, or that
// driverOfOne does not copy, fails here rather than going missing from
// the report.
func TestDriverOfOneMirrorsDriver(t *testing.T) {
	var d metrics.Driver
	dv := reflect.ValueOf(&d).Elem()
	for i := range dv.NumField() {
		f := dv.Field(i)
		switch f.Kind() {
		case reflect.String:
			f.SetString(fmt.Sprint("s", i))
		case reflect.Int:
			f.SetInt(int64(10 + i))
		case reflect.Float64:
			f.SetFloat(float64(i) + 0.5)
		case reflect.Struct: // the interval
			d.CI = metrics.Interval{Lo: -1.25, Hi: 2.75, Level: 0.95, Method: metrics.Wald}
		default:
			t.Fatalf("metrics.Driver.%s is a %s: teach the test and driverOfOne about it", dv.Type().Field(i).Name, f.Kind())
		}
	}
	got := driverOfOne(d, "title")
	gv := reflect.ValueOf(got)
	copied := map[string]bool{"Title": true, "CILow": true, "CIHigh": true}
	for i := range dv.NumField() {
		sf := dv.Type().Field(i)
		if sf.Name == "CI" {
			continue
		}
		g, ok := gv.Type().FieldByName(sf.Name)
		if !ok || g.Type != sf.Type || g.Tag.Get("json") != sf.Tag.Get("json") {
			t.Errorf("DriverOfOne lacks metrics.Driver.%s %s `json:%q`", sf.Name, sf.Type, sf.Tag.Get("json"))
			continue
		}
		if !reflect.DeepEqual(gv.FieldByIndex(g.Index).Interface(), dv.Field(i).Interface()) {
			t.Errorf("driverOfOne does not copy %s", sf.Name)
		}
		copied[sf.Name] = true
	}
	for i := range gv.NumField() {
		if name := gv.Type().Field(i).Name; !copied[name] {
			t.Errorf("DriverOfOne.%s is not metrics.Driver's", name)
		}
	}
	if got.Title != "title" || got.CILow != d.CI.Lo || got.CIHigh != d.CI.Hi {
		t.Errorf("title and interval: %+v", got)
	}
}
