package surveycsv_test

import (
	"encoding/json"
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
