// Command surveyjson prints, with the library alone, the JSON that
// `cxkit nps examples/survey/q4.csv --by store --weight weight --json`
// prints. Run it from the repository root.
package main

import (
	"encoding/json"
	"io"
	"log"
	"os"

	"github.com/cxkit/cxkit/metrics"
	"github.com/cxkit/cxkit/metrics/surveycsv"
)

func main() {
	if err := run(os.Stdout, "examples/survey/q4.csv"); err != nil {
		log.Fatal(err)
	}
}

// run prints the NPS of the export at path, weighted and by store.
func run(w io.Writer, path string) error {
	d, err := surveycsv.ReadFile(path, surveycsv.Config{Metric: surveycsv.NPS, By: "store", Weight: "weight"})
	if err != nil {
		return err
	}
	s, err := surveycsv.Summarize(d, metrics.Options{})
	if err != nil {
		return err
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(s)
}
