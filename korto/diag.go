package korto

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Severity tells an error from a warning.
type Severity int

const (
	// SeverityError makes a checklist unusable, or an answer sheet
	// unfit to score.
	SeverityError Severity = iota
	// SeverityWarning points at something suspicious that still scores.
	SeverityWarning
)

// String returns "error" or "warning".
func (s Severity) String() string {
	if s == SeverityWarning {
		return "warning"
	}
	return "error"
}

// MarshalText writes the severity as "error" or "warning".
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Diagnostic is one problem found in a checklist, with where it is, a
// stable code for tools, and a hint that says how to fix it.
type Diagnostic struct {
	// Pos is where the problem is; zero when unknown, as for a checklist
	// built in Go code, and then Message names the node instead.
	Pos Pos `json:"-"`
	// Severity is written to JSON as "error" or "warning".
	Severity Severity `json:"severity"`
	// Code is a stable kebab-case code, such as "duplicate-id":
	// [Checklist.Validate] lists its codes, and the parser,
	// [DecodeChecklist] and [AnswerSchema] use a few of their own
	// ("syntax", "unknown-key", "schema", ...).
	Code string `json:"code"`
	// Message says what is wrong in one line, without the position,
	// which Error adds.
	Message string `json:"message"`
	// Hint says how to fix it; "" when there is nothing useful to add.
	Hint string `json:"hint,omitempty"`
	// Fix, when not nil, is the Hint as a text edit of the source, for
	// tools that offer to apply it (an editor's quick fix): applied as
	// it stands, it removes this problem without causing another. It
	// is not part of the JSON form, which stays a report for readers.
	Fix *Edit `json:"-"`
}

// Edit replaces the bytes [Offset, End) of a source with Text; with
// End == Offset it inserts.
type Edit struct {
	Offset, End int
	Text        string
}

// Apply returns src with the edit made, or src itself when the edit
// does not fit it.
func (e *Edit) Apply(src []byte) []byte {
	if e == nil || e.Offset < 0 || e.End < e.Offset || e.End > len(src) {
		return src
	}
	out := make([]byte, 0, len(src)-(e.End-e.Offset)+len(e.Text))
	out = append(out, src[:e.Offset]...)
	out = append(out, e.Text...)
	return append(out, src[e.End:]...)
}

// Error formats the diagnostic as "file:line:col: message", the form
// editors and compilers use. Warnings say so after the position. A nil
// *Diagnostic formats as "<nil>".
func (d *Diagnostic) Error() string {
	if d == nil {
		return "<nil>"
	}
	var b strings.Builder
	if d.Pos.IsValid() {
		if d.Pos.File != "" {
			b.WriteString(d.Pos.File)
			b.WriteByte(':')
		}
		fmt.Fprintf(&b, "%d:%d: ", d.Pos.Line, d.Pos.Column)
	} else if d.Pos.File != "" {
		b.WriteString(d.Pos.File + ": ")
	}
	if d.Severity == SeverityWarning {
		b.WriteString("warning: ")
	}
	b.WriteString(d.Message)
	return b.String()
}

// Diagnostics is a list of problems. As an error it stands for all of
// them; use [errors.As] to get the list back from a returned error.
type Diagnostics []*Diagnostic

// Error returns the first problem and how many more there are; print the
// list itself to see them all.
func (ds Diagnostics) Error() string {
	switch len(ds) {
	case 0:
		return "no problems"
	case 1:
		return ds[0].Error()
	}
	return fmt.Sprintf("%s (and %d more)", ds[0].Error(), len(ds)-1)
}

// HasErrors reports whether any diagnostic is an error, not a warning.
func (ds Diagnostics) HasErrors() bool {
	for _, d := range ds {
		if d != nil && d.Severity == SeverityError {
			return true
		}
	}
	return false
}

// Err returns ds as an error when it holds at least one error, else nil.
// Warnings alone are not an error.
func (ds Diagnostics) Err() error {
	if ds.HasErrors() {
		return ds
	}
	return nil
}

// Sort orders the diagnostics by file, line and column, keeping the
// order of those at the same place.
func (ds Diagnostics) Sort() {
	sort.SliceStable(ds, func(i, j int) bool {
		a, b := ds[i].Pos, ds[j].Pos
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Column < b.Column
	})
}

// AsDiagnostics extracts the diagnostics from an error returned by this
// module: a Diagnostics list, a single *Diagnostic, or nil.
func AsDiagnostics(err error) Diagnostics {
	var ds Diagnostics
	if errors.As(err, &ds) {
		return ds
	}
	var d *Diagnostic
	if errors.As(err, &d) {
		return Diagnostics{d}
	}
	return nil
}
