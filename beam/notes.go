package cxbeam

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"

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

// failWithNotes returns err, the failure of a pipeline's last step,
// after what cxkit prints before it: written as JSON to the file name
// (ReportOptions.NotesOnFailure), where the program that started the
// job finds it, or, with no name, at the head of the error (the
// problems and the warnings with a place; the others need the
// command's name).
func failWithNotes(ctx context.Context, name string, n Notes, err error) error {
	if name == "" {
		return fmt.Errorf("%s%s%w", n.Problems, sheetWarnings(n.Warnings), err)
	}
	if werr := writeNotes(ctx, name, n); werr != nil {
		return errors.Join(err, fmt.Errorf("writing the notes: %w", werr))
	}
	return err
}

// sheetWarnings lists the warnings with a place, one a line.
func sheetWarnings(ws []report.Warning) string {
	var b strings.Builder
	for _, w := range ws {
		if w.Where != "" {
			b.WriteString(w.String() + "\n")
		}
	}
	return b.String()
}

// writeNotes writes n as JSON to the file name, on whichever file
// system holds it (a bucket on a cluster).
func writeNotes(ctx context.Context, name string, n Notes) error {
	b, err := json.Marshal(n)
	if err != nil {
		return err
	}
	fsys, err := filesystem.New(ctx, name)
	if err != nil {
		return err
	}
	defer fsys.Close()
	w, err := fsys.OpenWrite(ctx, name)
	if err != nil {
		return err
	}
	if _, err := w.Write(b); err != nil {
		w.Close()
		return err
	}
	return w.Close()
}
