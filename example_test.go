package cxkit_test

import (
	"fmt"
	"strings"

	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/dsl"
	"github.com/cxkit/cxkit/korto"
	"github.com/cxkit/cxkit/metrics"
)

// The main job end to end: parse a checklist written in the .korto
// language, compile it once, read an auditor's answer sheet and score it
// on the gated pyramid. Level 2 scores 0 (Wi-Fi is not applicable and
// the wait is over target), so the visit reaches level 1 and the overall
// score, the mean of the two levels, is 50%.
func Example() {
	src := []byte(`checklist cafe "Café" {
  level 1 "Foundation" pass 80% {
    question tables "Tables are clean" critical
    question floor "The floor is dry" weight 2
  }
  level 2 "Convenience" {
    question wifi "Wi-Fi works" na
    question wait "Waiting time" measure "min" target <= 5
  }
}
`)
	c, err := dsl.Parse("cafe.korto", src)
	if err != nil {
		fmt.Println(err) // every problem, as file:line:col: message
		return
	}
	plan, err := korto.Compile(c)
	if err != nil {
		fmt.Println(err)
		return
	}
	sheet, err := korto.ReadAnswers(strings.NewReader(`{
  "checklist": "cafe",
  "audit": {"location": "Station"},
  "answers": {"tables": "yes", "floor": "yes", "wifi": "na", "wait": 7}
}`))
	if err != nil {
		fmt.Println(err) // not an answer sheet: JSON syntax, wrong shape
		return
	}
	r, err := plan.Score(sheet)
	if err != nil {
		fmt.Println(err) // every problem, with its question and JSON Pointer
		return
	}
	fmt.Printf("%s: %.1f%%, reached level %d (%s)\n", r.Audit["location"], 100**r.Score, r.Reached, r.ReachedName.In("en"))
	for _, l := range r.Levels {
		fmt.Printf("level %d %s: %.1f%% passed=%v\n", l.Level, l.Title, 100**l.Score, l.Passed)
	}
	// Output:
	// Station: 50.0%, reached level 1 (Foundation and standard)
	// level 1 Foundation: 100.0% passed=true
	// level 2 Convenience: 0.0% passed=false
}

// A sheet with mistakes is not scored: every problem comes back at once,
// each naming its question and the JSON Pointer of the bad value, with a
// stable code for tools. Plan.ReadAnswers checks a sheet without scoring
// it.
func Example_answerErrors() {
	c, err := dsl.Parse("cafe.korto", []byte(`checklist cafe "Café" {
  level 1 "Foundation" {
    question tables "Tables are clean"
    question speed "Speed of service" scale 1..5
  }
}
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	plan, err := korto.Compile(c)
	if err != nil {
		fmt.Println(err)
		return
	}
	_, err = plan.ReadAnswers(strings.NewReader(`{
  "checklist": "cafe",
  "answers": {"tables": "yse", "speed": 7, "price": 3}
}`))
	for _, e := range diag.As(err) {
		fmt.Printf("%-8s %-16s %s\n", e.Question, e.Pointer, e.Code)
	}
	// Output:
	// tables   /answers/tables  wrong-type
	// speed    /answers/speed   out-of-range
	// price    /answers/price   unknown-question
}

// "Are we better than last quarter?": compare the NPS of two survey
// waves, with the difference's standard error and two-sided p-value.
func Example_compareQuarters() {
	// wave returns a survey wave's scores: counts[s] answers of score s.
	wave := func(counts map[uint8]int) []uint8 {
		var scores []uint8
		for s := range uint8(11) {
			for range counts[s] {
				scores = append(scores, s)
			}
		}
		return scores
	}
	var q3, q4 metrics.NPS
	if err := q3.AddScores(wave(map[uint8]int{0: 4, 5: 6, 7: 20, 8: 20, 9: 25, 10: 25})); err != nil {
		fmt.Println(err)
		return
	}
	if err := q4.AddScores(wave(map[uint8]int{0: 2, 5: 4, 7: 15, 8: 15, 9: 30, 10: 34})); err != nil {
		fmt.Println(err)
		return
	}
	a, err := q3.Result()
	if err != nil {
		fmt.Println(err)
		return
	}
	b, err := q4.Result()
	if err != nil {
		fmt.Println(err)
		return
	}
	c, err := metrics.CompareNPS(b, a)
	if err != nil {
		fmt.Println(err)
		return
	}
	// The test is on the adjusted scores (0.75 promoters and detractors
	// and 3 answers more on each side), which keeps small waves from
	// looking more certain than they are; RawDiff is the plain change.
	fmt.Printf("Q3 %.1f, Q4 %.1f, change %+.1f (adjusted %+.1f, se %.1f), p = %.3f\n", a.NPS, b.NPS, c.RawDiff, c.Diff, c.SE, c.P)
	// Output:
	// Q3 40.0, Q4 58.0, change +18.0 (adjusted +17.5, se 8.9), p = 0.051
}
