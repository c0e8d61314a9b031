package cxbeam

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"

	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/metrics/surveycsv"
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
	// Failure is the error of a job that failed on its input, as the
	// cxkit command fails on it; nil for a job that did not.
	Failure *Failure `json:"failure,omitempty"`
}

// Print writes the notes as cxkit prints them: the problems, then a
// warning with a place on a line of its own and a warning about the
// whole output after the command's name, as "command: warning: ...",
// then the failure, as cxkit prints its error (Failure.Print).
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
	if n.Failure != nil {
		return n.Failure.Print(w, command)
	}
	return nil
}

// Failure is a job's failure on its input, as the cxkit command's
// error: the problems the workers found, each at its place, and
// cxkit's last line. A runner hands back its job's error as text, so
// the failure travels in the Notes, and Err turns it back into an
// error that errors.Is and errors.As match as cxkit's.
type Failure struct {
	// Problems are the positioned problems, printed first, each as
	// diag.Render prints it (a survey's bad cells, a ticket export's
	// bad lines), in the order of the files' names and their lines.
	Problems diag.List `json:"problems,omitempty"`
	// Message is cxkit's last line, without the command's name; "" when
	// the problems are all cxkit prints (a survey's bad cells).
	Message string `json:"message,omitempty"`
	// Column says the error is a surveycsv.ColumnError: a column the
	// flags name that a file lacks (cxkit exits 2 for it).
	Column bool `json:"column,omitempty"`
	// Invalid is the count of a report.InvalidError.
	Invalid int `json:"invalid,omitempty"`
	// Duplicates is a report.DuplicateError.
	Duplicates *report.DuplicateError `json:"duplicates,omitempty"`
	// NoSheets says the error is report.ErrNoSheets.
	NoSheets bool `json:"no_sheets,omitempty"`
}

// newFailure keeps what err is, for Failure.Err, and what it says.
func newFailure(err error) *Failure {
	f := &Failure{}
	if e, ok := errors.AsType[*problemsError](err); ok {
		f.Problems, err = e.problems, e.last
		if err == nil {
			return f
		}
	}
	f.Message = err.Error()
	if e, ok := errors.AsType[*report.InvalidError](err); ok {
		f.Invalid = e.N
	}
	if e, ok := errors.AsType[*report.DuplicateError](err); ok {
		f.Duplicates = e
	}
	_, f.Column = errors.AsType[surveycsv.ColumnError](err)
	f.NoSheets = errors.Is(err, report.ErrNoSheets)
	return f
}

// Err returns the failure as an error that errors.Is and errors.As
// match as the cxkit command's: a diag.List of the problems,
// surveycsv.ColumnError, *report.InvalidError, *report.DuplicateError,
// report.ErrNoSheets. Its text is what Print writes without the
// command's name.
func (f *Failure) Err() error {
	var last error
	if f.Message != "" {
		var causes []error
		if f.Column {
			causes = append(causes, surveycsv.ColumnError{Msg: f.Message})
		}
		if f.Invalid > 0 {
			causes = append(causes, &report.InvalidError{N: f.Invalid})
		}
		if f.Duplicates != nil {
			causes = append(causes, f.Duplicates)
		}
		if f.NoSheets {
			causes = append(causes, report.ErrNoSheets)
		}
		last = &failureError{msg: f.Message, causes: causes}
	}
	if len(f.Problems) == 0 {
		return last
	}
	return &problemsError{problems: f.Problems, last: last}
}

// Print writes the failure as cxkit prints its error: the problems as
// diag.Render prints them, then "command: " and the last line.
func (f *Failure) Print(w io.Writer, command string) error {
	if err := diag.Render(w, f.Problems, nil); err != nil {
		return err
	}
	if f.Message == "" {
		return nil
	}
	_, err := fmt.Fprintf(w, "%s: %s\n", command, f.Message)
	return err
}

// problemsError is a failure with its positioned problems first, and
// the error cxkit prints after them (nil when the problems are all).
type problemsError struct {
	problems diag.List
	last     error
}

func (e *problemsError) Error() string {
	var b strings.Builder
	diag.Render(&b, e.problems, nil)
	if e.last != nil {
		b.WriteString(e.last.Error())
	}
	return strings.TrimSuffix(b.String(), "\n")
}

func (e *problemsError) Unwrap() []error {
	if e.last == nil {
		return []error{e.problems}
	}
	return []error{e.problems, e.last}
}

// failureError is cxkit's last line, and the errors it stood for.
type failureError struct {
	msg    string
	causes []error
}

func (e *failureError) Error() string   { return e.msg }
func (e *failureError) Unwrap() []error { return e.causes }

// ReadNotes reads the Notes a job wrote to name (beside its output, on
// whichever file system holds it) and removes the file: the workers may
// be on other machines, so the notes come back through the file system
// the output is written to.
func ReadNotes(ctx context.Context, name string) (Notes, error) {
	fsys, err := filesystem.New(ctx, name)
	if err != nil {
		return Notes{}, err
	}
	defer fsys.Close()
	r, err := fsys.OpenRead(ctx, name)
	if err != nil {
		return Notes{}, err
	}
	data, err := io.ReadAll(r)
	r.Close()
	if err != nil {
		return Notes{}, err
	}
	var n Notes
	if err := json.Unmarshal(data, &n); err != nil {
		return Notes{}, fmt.Errorf("%s: %w", name, err)
	}
	if rm, ok := fsys.(filesystem.Remover); ok {
		return n, rm.Remove(ctx, name)
	}
	return n, nil
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
	n.Failure = newFailure(err)
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
