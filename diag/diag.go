// Package diag is the one model of the problems cxkit finds in what
// people give it: checklists, answer sheets, CSV files, tickets and
// standards. A problem is a [Diagnostic], placed by line and column, by
// JSON Pointer or by CSV row and column, with a stable code; a [List]
// is every problem of one input, so that a single run shows them all.
// [Render] prints them for people, with the source line and a caret.
//
// The package sits below korto, metrics and fielddata and imports none
// of them, so each can produce the same type and a caller can handle
// every input's problems with one errors.As.
package diag

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Severity tells an error from a warning.
type Severity int

const (
	// SeverityError makes an input unusable: a checklist that cannot be
	// compiled, an answer sheet unfit to score, a cell that is no answer.
	SeverityError Severity = iota
	// SeverityWarning points at something suspicious that is still used.
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

// UnmarshalText reads "error" or "warning", so that a diagnostic read
// back from JSON keeps its severity.
func (s *Severity) UnmarshalText(b []byte) error {
	switch string(b) {
	case "error":
		*s = SeverityError
	case "warning":
		*s = SeverityWarning
	default:
		return fmt.Errorf("diag: severity %q is neither error nor warning", b)
	}
	return nil
}

// Pos is a place in a text file.
type Pos struct {
	File   string `json:"file,omitempty"`   // the name the input was read under; may be ""
	Line   int    `json:"line,omitempty"`   // 1-based; 0 when unknown
	Column int    `json:"column,omitempty"` // 1-based, in characters (what an editor shows); 0 for the whole line
	Offset int    `json:"offset,omitempty"` // 0-based byte offset
}

// IsValid reports whether the position names a line.
func (p Pos) IsValid() bool { return p.Line > 0 }

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

// Diagnostic is one problem in an input: where it is, how bad, a stable
// code for tools, what it is about, what is wrong and how to fix it.
//
// Where is told in the input's own terms. A text (a checklist, a line
// of JSON Lines, a JSON document with a syntax error) gives Pos; a JSON
// value gives Pointer; a CSV cell gives Row and Field as well as the
// line and column of the file. Any of them may be zero.
type Diagnostic struct {
	// Pos is the file, line and column; its fields are promoted, so
	// d.Line is d.Pos.Line.
	Pos
	// Pointer is the RFC 6901 JSON Pointer of the value at fault, as
	// "/answers/queue"; "" is the whole document, or no JSON at all.
	Pointer string `json:"pointer"`
	// Row is the data row of a CSV file (the header is row 0), and Field
	// the header's name of the cell's column; 0 and "" for other inputs.
	Row   int    `json:"row,omitempty"`
	Field string `json:"field,omitempty"`

	// Severity is written to JSON as "error" or "warning".
	Severity Severity `json:"severity"`
	// Code is stable, in kebab case, one of the Code constants.
	Code string `json:"code"`

	// Subject names what the problem is about, as people call it in
	// the input's terms ("audit A7, question q3", `ticket "T3": event
	// 2`); "" when the position says enough.
	Subject string `json:"subject,omitempty"`
	// Question is the ID of the question the problem is about, if any,
	// for tools. Without a Subject, Error names it as `question "q3"`.
	Question string `json:"question,omitempty"`

	// Message says what is wrong in one line, without the position,
	// subject and question, which Error adds.
	Message string `json:"message"`
	// Hint says how to fix it; "" when there is nothing useful to add.
	Hint string `json:"hint,omitempty"`
	// Fix, when not nil, is the Hint as a text edit of the source, for
	// tools that offer to apply it (an editor's quick fix): applied as
	// it stands, it removes this problem without causing another.
	Fix *Edit `json:"-"`
	// Err, when not nil, is the error behind the problem, such as
	// metrics.ErrRange for a rating off its scale or encoding/csv's
	// ErrQuote, for errors.Is and errors.As; Message already says it
	// in words.
	Err error `json:"-"`
}

// Unwrap returns the error behind the problem, or nil.
func (d *Diagnostic) Unwrap() error {
	if d == nil {
		return nil
	}
	return d.Err
}

// Error formats the diagnostic on one line, the form compilers and
// editors use:
//
//	file:line:col: warning: row R, column "F": subject: message
//
// Each part is left out when unknown, "warning: " for an error. A JSON
// Pointer follows the file, as "file: /answers/q: ...", or a line
// without a column, as "sheets.jsonl:12: /answers/q: ..." for the sheet
// on line 12; a column places the problem exactly, and the pointer is
// not repeated. A nil *Diagnostic formats as "<nil>".
func (d *Diagnostic) Error() string {
	if d == nil {
		return "<nil>"
	}
	var b strings.Builder
	d.writePlace(&b)
	if d.Severity == SeverityWarning {
		b.WriteString("warning: ")
	}
	if d.Row > 0 {
		b.WriteString("row " + strconv.Itoa(d.Row))
		if d.Field != "" {
			b.WriteString(", column " + Quote(d.Field))
		}
		b.WriteString(": ")
	}
	switch {
	case d.Subject != "":
		b.WriteString(d.Subject + ": ")
	case d.Question != "":
		fmt.Fprintf(&b, "question %q: ", d.Question)
	}
	b.WriteString(d.Message)
	return b.String()
}

// writePlace writes the position and a colon and space after it, or
// nothing when there is no position.
func (d *Diagnostic) writePlace(b *strings.Builder) {
	n := b.Len()
	b.WriteString(d.File)
	switch {
	case d.Line > 0:
		if d.File != "" {
			b.WriteByte(':')
		}
		b.WriteString(strconv.Itoa(d.Line))
		if d.Column > 0 {
			b.WriteString(":" + strconv.Itoa(d.Column))
		} else if d.Pointer != "" {
			b.WriteString(": " + d.Pointer)
		}
	case d.Pointer != "":
		if d.File != "" {
			b.WriteString(": ")
		}
		b.WriteString(d.Pointer)
	}
	if b.Len() > n {
		b.WriteString(": ")
	}
}

// Quote quotes a name or a cell for a message, cut short when it is
// long: a hostile or broken file can hold megabytes in one cell, and the
// start is enough to find it.
func Quote(s string) string {
	const most = 40
	if utf8.RuneCountInString(s) <= most {
		return strconv.Quote(s)
	}
	i := 0
	for n := 0; n < most; n++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return strconv.Quote(s[:i]) + "…"
}

// List is every problem found in one input. As an error it stands for
// all of them; [errors.As] gets the list back from a returned error, or
// its first [*Diagnostic].
type List []*Diagnostic

// Error returns the first problem and how many more there are; print the
// list itself (see [Render]) to see them all.
func (l List) Error() string {
	switch len(l) {
	case 0:
		return "no problems"
	case 1:
		return l[0].Error()
	}
	return fmt.Sprintf("%s (and %d more)", l[0].Error(), len(l)-1)
}

// Unwrap returns the problems, so that errors.Is and errors.As look at
// each of them.
func (l List) Unwrap() []error {
	out := make([]error, 0, len(l))
	for _, d := range l {
		if d != nil {
			out = append(out, d)
		}
	}
	return out
}

// HasErrors reports whether any diagnostic is an error, not a warning.
func (l List) HasErrors() bool {
	for _, d := range l {
		if d != nil && d.Severity == SeverityError {
			return true
		}
	}
	return false
}

// Err returns l as an error when it holds at least one error, else nil.
// Warnings alone are not an error.
func (l List) Err() error {
	if l.HasErrors() {
		return l
	}
	return nil
}

// Split separates the errors of l from its warnings, keeping their order.
func (l List) Split() (errs, warnings List) {
	for _, d := range l {
		switch {
		case d == nil:
		case d.Severity == SeverityWarning:
			warnings = append(warnings, d)
		default:
			errs = append(errs, d)
		}
	}
	return errs, warnings
}

// InFile returns copies of the diagnostics placed in the file name, as
// a reader that knows only its stream gives them to a caller that knows
// the file. Those without a line are put at line when it is above 0: the
// line where the record they belong to starts, such as a sheet of a JSON
// Lines file. l itself is not changed.
func (l List) InFile(name string, line int) List {
	out := make(List, 0, len(l))
	for _, d := range l {
		if d == nil {
			continue
		}
		c := *d
		c.File = name
		if c.Line == 0 && line > 0 {
			c.Line = line
		}
		out = append(out, &c)
	}
	return out
}

// Sort orders the diagnostics by file, line and column, keeping the
// order of those at the same place.
func (l List) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i].Pos, l[j].Pos
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Column < b.Column
	})
}

// As extracts the diagnostics from err: a List, or a single
// *Diagnostic, anywhere in its tree. It returns nil for an error that
// holds neither.
func As(err error) List {
	var l List
	if errors.As(err, &l) {
		return l
	}
	var d *Diagnostic
	if errors.As(err, &d) {
		return List{d}
	}
	return nil
}
