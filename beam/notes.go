package cxbeam

import (
	"fmt"
	"io"

	"github.com/cxkit/cxkit/report"
)

// Notes is what a pipeline says beside its output, which the matching
// cxkit command prints on standard error: the invalid sheets a report
// left out (ReportOptions.SkipInvalid), listed as cxkit lists them, and
// the warnings, each once with its first place and a count. A runner
// hands nothing back to the program that started the job but files, so
// the notes travel as JSON in a file (ReportOutput.Notes) and the
// command prints them with Print.
type Notes struct {
	Problems string           `json:"problems,omitempty"`
	Warnings []report.Warning `json:"warnings,omitempty"`
}

// Print writes the notes as cxkit prints them: the problems, then a
// warning with a place on a line of its own and a warning about the
// whole output after the command's name, as "command: warning: ...".
func (n Notes) Print(w io.Writer, command string) error {
	if _, err := io.WriteString(w, n.Problems); err != nil {
		return err
	}
	for _, wn := range n.Warnings {
		var err error
		if wn.Where == "" {
			_, err = fmt.Fprintf(w, "%s: %s\n", command, wn)
		} else {
			_, err = fmt.Fprintln(w, wn)
		}
		if err != nil {
			return err
		}
	}
	return nil
}
