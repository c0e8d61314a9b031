// Command supportjson prints, with the library alone, the JSON that
// `cxkit support examples/support/tickets.jsonl --agent-time
// examples/support/agent-time.jsonl --survey examples/support/survey.jsonl
// --json` prints. Run it from the repository root.
package main

import (
	"encoding/json"
	"io"
	"log"
	"os"

	"github.com/cxkit/cxkit/metrics/support"
)

func main() {
	if err := run(os.Stdout); err != nil {
		log.Fatal(err)
	}
}

func run(w io.Writer) error {
	acc, err := support.New(support.Options{})
	if err != nil {
		return err
	}
	survey := support.NewSurvey()
	for _, in := range []struct {
		file string
		read func(io.Reader) error
	}{
		{"examples/support/tickets.jsonl", func(r io.Reader) error { return support.ReadInto(r, acc, support.ReadOptions{}) }},
		{"examples/support/agent-time.jsonl", func(r io.Reader) error { return support.ReadAgentTime(r, acc.AddAgentTime) }},
		{"examples/support/survey.jsonl", survey.Read},
	} {
		f, err := os.Open(in.file)
		if err != nil {
			return err
		}
		err = in.read(f)
		f.Close()
		if err != nil {
			return err
		}
	}
	card, err := acc.Scorecard(support.ScorecardOptions{Survey: survey})
	if err != nil {
		return err
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(card)
}
