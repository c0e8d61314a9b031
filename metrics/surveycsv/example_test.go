package surveycsv_test

import (
	"encoding/json"
	"fmt"
	"log"
	"os"

	"github.com/cxkit/cxkit/metrics"
	"github.com/cxkit/cxkit/metrics/surveycsv"
)

// A program that prints what `cxkit nps examples/survey/q4.csv --json`
// prints: read, summarize, encode as the command does.
func Example() {
	const file = "../../examples/survey/q4.csv"
	d, err := surveycsv.ReadFile(file, surveycsv.Config{Metric: surveycsv.NPS})
	if err != nil {
		log.Fatal(err)
	}
	s, err := surveycsv.Summarize(d, metrics.Options{})
	if err != nil {
		log.Fatal(err)
	}
	s.File = "examples/survey/q4.csv" // as the command was given it
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		log.Fatal(err)
	}
	// Output:
	// {
	//   "blank": 0,
	//   "ci_high": 9.450050501109764,
	//   "ci_low": 1.4252810638769597,
	//   "column": "nps",
	//   "detractor_share": 0.2903654485049834,
	//   "detractors": 437,
	//   "file": "examples/survey/q4.csv",
	//   "level": 0.95,
	//   "method": "adjusted-wald",
	//   "n": 1505,
	//   "n_eff": 1505,
	//   "nps": 5.4485049833887045,
	//   "passive_share": 0.3647840531561462,
	//   "passives": 549,
	//   "promoter_share": 0.34485049833887044,
	//   "promoters": 519,
	//   "rows": 1505,
	//   "se": 2.0496289692408185,
	//   "weighted": false
	// }
}

// The customer satisfaction index of a file of attribute ratings, by
// store, as cxkit csi --scale 1..10 --by store prints it.
func ExampleReadCSI() {
	f, err := os.Open("../../examples/survey/csi.csv")
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	scale, err := metrics.ParseScale("1..10", "high")
	if err != nil {
		log.Fatal(err)
	}
	r, err := surveycsv.ReadCSI(f, "csi.csv", surveycsv.CSIConfig{Scale: scale, By: "store", Level: 0.95})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("CSI %.1f of %d respondents\n", r.CSI, r.N)
	for _, a := range r.Attributes {
		if a.CILow == nil { // rated by one respondent: no interval
			fmt.Printf("%-12s %.2f\n", a.Name, a.Mean)
			continue
		}
		fmt.Printf("%-12s %.2f [%.2f, %.2f]\n", a.Name, a.Mean, *a.CILow, *a.CIHigh)
	}
	for _, g := range r.Groups {
		fmt.Printf("%-6s %.1f\n", g.Group, g.CSI)
	}
	// Output:
	// CSI 65.4 of 120 respondents
	// satisfaction 7.24 [6.98, 7.51]
	// expectations 7.12 [6.83, 7.42]
	// ideal        6.30 [6.02, 6.58]
	// centre 73.5
	// north  65.5
	// south  57.3
}

// "Are we better than last quarter?": the earlier export is read with
// the current one's column (Earlier), then Compare tests the change.
func ExampleSummary_Compare() {
	cur, err := surveycsv.ReadFile("../../examples/survey/q4.csv", surveycsv.Config{Metric: surveycsv.NPS})
	if err != nil {
		log.Fatal(err)
	}
	old, err := surveycsv.ReadFile("../../examples/survey/q3.csv", cur.Earlier(surveycsv.Config{Metric: surveycsv.NPS}))
	if err != nil {
		log.Fatal(err)
	}
	s, err := surveycsv.Summarize(cur, metrics.Options{})
	if err != nil {
		log.Fatal(err)
	}
	if err := s.Compare(old, metrics.Options{}); err != nil {
		log.Fatal(err)
	}
	c := s.Compared
	fmt.Printf("NPS %.1f against %.1f: change %+.1f, z %.2f, p below 0.0001: %v\n", s.Overall.Value, c.Old.Value, c.Test.RawDiff, c.Test.Z, c.Test.P < 0.0001)
	// Output:
	// NPS 5.4 against -9.8: change +15.3, z 5.25, p below 0.0001: true
}
