package metrics_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"log"

	"github.com/cxkit/cxkit/metrics"
)

func ExampleNPS() {
	var a metrics.NPS
	for _, score := range []int{1, 2, 3, 4, 5, 6, 1, 2, 3, 4, 7, 8, 7, 8, 7, 8, 9, 10, 9, 10} {
		if err := a.Add(score); err != nil {
			log.Fatal(err)
		}
	}
	r, err := a.Result()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("n=%d promoters=%d passives=%d detractors=%d\n", r.N, r.Promoters, r.Passives, r.Detractors)
	fmt.Printf("NPS %.1f, se %.2f, 95%% %s [%.1f, %.1f]\n", r.NPS, r.SE, r.CI.Method, r.CI.Lo, r.CI.Hi)
	// Output:
	// n=20 promoters=4 passives=6 detractors=10
	// NPS -30.0, se 17.46, 95% adjusted-wald [-57.9, 5.7]
}

func ExampleNPS_Merge() {
	// Partial tallies from two stores pool their counts; NPS values are
	// never averaged.
	var north, south metrics.NPS
	for _, s := range []int{10, 9, 9, 6} {
		north.Add(s)
	}
	for _, s := range []int{3, 7, 10} {
		south.Add(s)
	}
	north.Merge(&south)
	r, _ := north.Result()
	fmt.Printf("n=%d NPS %.2f\n", r.N, r.NPS)
	// Output: n=7 NPS 28.57
}

func ExampleNPS_AddWeighted() {
	var a metrics.NPS
	a.AddWeighted(10, 2) // an under-represented segment counts double
	a.AddWeighted(3, 1)
	a.AddWeighted(8, 1)
	r, _ := a.Result()
	fmt.Printf("NPS %.1f on n=%d answers, n_eff %.2f\n", r.NPS, r.N, r.NEff)
	// Output: NPS 25.0 on n=3 answers, n_eff 2.67
}

func ExampleNPSOf() {
	scores := []uint8{10, 9, 8, 7, 6, 0, 10, 10, 9, 5}
	r, err := metrics.NPSOf(scores)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("NPS %.0f [%.1f, %.1f]\n", r.NPS, r.CI.Lo, r.CI.Hi)

	_, err = metrics.NPSOf([]uint8{10, 11})
	fmt.Println(err)
	// Output:
	// NPS 20 [-30.3, 61.1]
	// NPS score 11 at index 1 is outside 0..10
}

func ExampleEmotions() {
	var a metrics.Emotions
	for _, s := range []string{"positive", "positive", "neutral", "negative", "positive"} {
		e, err := metrics.ParseEmotion(s)
		if err != nil {
			log.Fatal(err)
		}
		a.Add(e)
	}
	r, _ := a.Result()
	fmt.Printf("Iэ = %.2f (%d positive, %d neutral, %d negative)\n", r.Index, r.Positive, r.Neutral, r.Negative)
	// Output: Iэ = 0.40 (3 positive, 1 neutral, 1 negative)
}

func ExampleCSAT() {
	a, err := metrics.NewCSAT(metrics.CSAT5)
	if err != nil {
		log.Fatal(err)
	}
	for rating, n := range []int{0, 14, 9, 10, 32, 42} { // index = rating
		for range n {
			a.Add(rating)
		}
	}
	r, _ := a.Result()
	fmt.Printf("CSAT %.1f%% [%.1f, %.1f], mean %.2f\n", r.CSAT, r.CI.Lo, r.CI.Hi, r.Mean)
	// Output: CSAT 69.2% [59.9, 77.1], mean 3.74
}

func ExampleCESOf() {
	r, err := metrics.CESOf([]int{7, 6, 5, 4, 3, 2, 1, 7, 6, 5}, metrics.CES2)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("CES %.1f on %v [%.2f, %.2f], %.0f%% agree\n", r.Mean, r.Scale, r.MeanCI.Lo, r.MeanCI.Hi, r.GoodShare)

	// The service-standards guide's effort question: 1..10, lower is easier, aim for <= 3.
	r, _ = metrics.CESOf([]int{2, 3, 1, 4, 2}, metrics.Effort10)
	fmt.Printf("effort %.1f on %v, target met: %v\n", r.Mean, r.Scale, r.Mean <= 3)
	// Output:
	// CES 4.6 on 1..7 (high is good) [3.12, 6.08], 60% agree
	// effort 2.4 on 1..10 (low is good), target met: true
}

func ExampleCSI() {
	csi, err := metrics.CSI([]metrics.Attribute{
		{Name: "overall satisfaction", Mean: 8, Weight: 1},
		{Name: "met expectations", Mean: 7, Weight: 1},
		{Name: "close to ideal", Mean: 9, Weight: 1},
	}, metrics.ACSI10)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("CSI %.2f\n", csi)
	// Output: CSI 77.78
}

func ExampleCompareNPS() {
	tally := func(promoters, passives, detractors int) metrics.NPSResult {
		var a metrics.NPS
		for range promoters {
			a.Add(9)
		}
		for range passives {
			a.Add(7)
		}
		for range detractors {
			a.Add(4)
		}
		r, _ := a.Result()
		return r
	}
	q3 := tally(120, 90, 90) // NPS 10
	q4 := tally(150, 90, 60) // NPS 30
	c, err := metrics.CompareNPS(q4, q3)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("Q4 - Q3 = %+.1f points (adjusted %+.1f), se %.2f, z %.2f, p %.2g\n", c.RawDiff, c.Diff, c.SE, c.Z, c.P)
	fmt.Printf("95%% interval of the difference [%.1f, %.1f]\n", c.CI.Lo, c.CI.Hi)

	// Five promoters out of five against an NPS of 80 from 200 answers:
	// the small group's own interval contains 80, and the comparison
	// does not call the 20 points significant.
	c, _ = metrics.CompareNPS(tally(5, 0, 0), tally(170, 20, 10))
	fmt.Printf("5 of 5 against 80: %+.1f points, p %.2f\n", c.RawDiff, c.P)
	// Output:
	// Q4 - Q3 = +20.0 points (adjusted +19.8), se 6.55, z 3.03, p 0.0025
	// 95% interval of the difference [7.0, 32.6]
	// 5 of 5 against 80: +20.0 points, p 0.48
}

func ExampleMeanOf() {
	r, err := metrics.MeanOf([]float64{1.2, 2.4, 1.3, 1.3, 0.0, 1.0, 1.8, 0.8, 4.6, 1.4}, 0.95)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("mean %.2f, 95%% t interval [%.4f, %.4f]\n", r.Mean, r.CI.Lo, r.CI.Hi)
	// Output: mean 1.58, 95% t interval [0.7001, 2.4599]
}

func ExampleTQuantile() {
	t, _ := metrics.TQuantile(0.975, 9)
	z, _ := metrics.NormalQuantile(0.975)
	fmt.Printf("t(0.975, 9) = %.12f, z(0.975) = %.15f\n", t, z)
	// Output: t(0.975, 9) = 2.262157162798, z(0.975) = 1.959963984540054
}

func ExampleNPS_MarshalJSON() {
	// A store saves its tally; head office restores it and merges it
	// with its own, exactly as if the answers had been added there.
	var store metrics.NPS
	for _, s := range []int{10, 9, 6, 8} {
		store.Add(s)
	}
	store.AddWeighted(9, 2.5)
	saved, err := json.Marshal(store)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(string(saved))

	var office metrics.NPS
	office.Add(3)
	var restored metrics.NPS
	if err := json.Unmarshal(saved, &restored); err != nil {
		log.Fatal(err)
	}
	office.Merge(&restored)
	r, _ := office.Result()
	// Weights 1+1+2.5 of promoters and 1+1 of detractors out of 7.5:
	// NPS = 100 * (4.5 - 2) / 7.5.
	fmt.Printf("n=%d NPS %.1f\n", r.N, r.NPS)

	// A state no accumulator wrote is refused, not read as empty.
	err = json.Unmarshal([]byte(`{"count":[1,0,1]}`), &restored)
	fmt.Println(errors.Is(err, metrics.ErrState))
	// Output:
	// {"counts":[1,1,2],"weighted_counts":[0,0,1],"weights":[[0,0],[0,0],[2.5,0]],"squared_weights":[6.25,0]}
	// n=6 NPS 33.3
	// true
}

func ExampleWelch() {
	// CES 2.0 means of two stores: mean, sample variance and n of each.
	w, err := metrics.Welch(5.6, 1.2, 40, 5.1, 2.3, 25)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("diff %.2f, se %.3f, t %.3f, df %.1f, p %.4f\n", w.Diff, w.SE, w.T, w.DF, w.P)

	// Five answers of 7 against five of 7: nothing to test.
	_, err = metrics.Welch(7, 0, 5, 7, 0, 5)
	fmt.Println(errors.Is(err, metrics.ErrNoData))
	// Output:
	// diff 0.50, se 0.349, t 1.431, df 39.6, p 0.1601
	// true
}

func ExampleHolm() {
	// Raw p-values of four stores compared with last quarter. Holm
	// multiplies the smallest by 4, the next by 3, ..., and keeps the
	// sequence from decreasing.
	fmt.Println(metrics.Holm([]float64{0.01, 0.04, 0.03, 0.005}))
	// Output: [0.03 0.06 0.06 0.02]
}

func ExampleCompareCES() {
	// CES 2.0 (1..7, higher is easier) after a new returns process.
	after, _ := metrics.CESOf([]int{7, 6, 6, 5, 7, 6, 4, 7, 6, 5, 6, 7}, metrics.CES2)
	before, _ := metrics.CESOf([]int{5, 4, 6, 3, 5, 4, 5, 6, 4, 5}, metrics.CES2)
	c, err := metrics.CompareCES(after, before)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%+.2f points, t %.2f on %.1f df (Welch), p %.4f, 95%% [%.2f, %.2f]\n", c.Diff, c.T, c.DF, c.P, c.CI.Lo, c.CI.Hi)

	// Five answers of 7 have no spread: no test, and the reason.
	sevens, _ := metrics.CESOf([]int{7, 7, 7, 7, 7}, metrics.CES2)
	_, err = metrics.CompareCES(sevens, before)
	fmt.Println(err)
	// Output:
	// +1.30 points, t 3.19 on 19.3 df (Welch), p 0.0047, 95% [0.45, 2.15]
	// comparing CES means: every answer in the first group is the same, so it shows no spread to test against (5 answers alike do not prove the mean): no test
}

// A mean of 10 with a standard error of 1 from ten values: t with 9
// degrees of freedom is 2.262 at 95%.
func ExampleTInterval() {
	ci, err := metrics.TInterval(10, 1, 9, 0.95)
	if err != nil {
		panic(err)
	}
	fmt.Printf("[%.4f, %.4f] %s\n", ci.Lo, ci.Hi, ci.Method)
	// Output: [7.7378, 12.2622] t
}

func ExampleDriversOf() {
	// Two checklist questions against the NPS of 72 audits, as a report
	// that streams the audits counts them: promoters (High) and
	// detractors (Low) on each side. Every audit that failed "rude" had
	// a detractor; "mats" failed as often with no effect. Adjusted Wald
	// keeps the seven detractors from proving an NPS of -100.
	ds, err := metrics.DriversOf(metrics.OutcomeNPS, map[string]metrics.DriverSides{
		"rude": {Passed: metrics.DriverSide{N: 65, High: 22, Low: 16}, Failed: metrics.DriverSide{N: 7, Low: 7}},
		"mats": {Passed: metrics.DriverSide{N: 60, High: 19, Low: 19}, Failed: metrics.DriverSide{N: 12, High: 3, Low: 4}},
	}, 5, 0.95, 0)
	if err != nil {
		log.Fatal(err)
	}
	for _, d := range ds {
		fmt.Printf("%s: %s, raw drop %.1f, drop %.1f [%.1f, %.1f], p_holm %.4f\n",
			d.Question, d.Method, d.RawDiff, d.Diff, d.CI.Lo, d.CI.Hi, d.PHolm)
	}
	// Output:
	// rude: adjusted-wald, raw drop 109.2, drop 78.8 [37.5, 120.1], p_holm 0.0004
	// mats: adjusted-wald, raw drop 8.3, drop 6.7 [-36.0, 49.4], p_holm 0.7595
}
