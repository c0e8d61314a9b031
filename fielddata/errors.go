package fielddata

import (
	"errors"
	"fmt"
	"strings"

	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/korto"
)

// Error is one problem in an imported file, placed at a cell: the line
// of the file (the row of a spreadsheet) and the column, counted from 1
// as a spreadsheet counts them. It names the audit (its id, when the row
// has one) and the question the cell answers.
type Error struct {
	File     string // the file's name, as given to the reader
	Line     int    // 1-based line (spreadsheet row); 0 for the file as a whole
	Column   int    // 1-based column (field) of the cell; 0 for the whole row
	Audit    string // the audit's id; "" when the row has none
	Question string // the question the cell answers; "" for other cells
	Severity korto.Severity
	// Code is one of korto's Code* constants for a wrong answer, or one
	// of this package's Code* constants.
	Code    string
	Message string // what is wrong and, where it is clear, how to fix it
}

// Codes of problems that are not a wrong answer: package diag's, under
// the names this package has always had.
const (
	CodeSyntax        = diag.CodeSyntax        // the file cannot be read as its format
	CodeUnknownColumn = diag.CodeUnknownColumn // warning: a column that matches nothing
	CodeDuplicate     = diag.CodeDuplicateColumn
	CodeNoQuestions   = diag.CodeNoQuestions // no column matches a question
	CodeCellCount     = diag.CodeCellCount   // a row with more cells than the header
)

// Error formats the problem as "file:line:col: audit A, question Q: msg".
func (e *Error) Error() string {
	if e == nil {
		return "<nil>"
	}
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
		if e.Column > 0 {
			fmt.Fprintf(&b, ":%d", e.Column)
		}
	}
	b.WriteString(": ")
	if e.Severity == korto.SeverityWarning {
		b.WriteString("warning: ")
	}
	switch {
	case e.Audit != "" && e.Question != "":
		fmt.Fprintf(&b, "audit %s, question %s: ", e.Audit, e.Question)
	case e.Audit != "":
		fmt.Fprintf(&b, "audit %s: ", e.Audit)
	case e.Question != "":
		fmt.Fprintf(&b, "question %s: ", e.Question)
	}
	b.WriteString(e.Message)
	return b.String()
}

// Errors is a list of problems; as an error it stands for all of them.
type Errors []*Error

// Error returns the first problem and how many more there are.
func (es Errors) Error() string {
	switch len(es) {
	case 0:
		return "no problems"
	case 1:
		return es[0].Error()
	}
	return fmt.Sprintf("%s (and %d more)", es[0].Error(), len(es)-1)
}

// RowError is a row that does not make a valid answer sheet: every bad
// cell of it. Reading goes on with the next row.
type RowError struct {
	Line int    // where the row starts
	Errs Errors // its problems, by column
}

func (e *RowError) Error() string {
	if e == nil {
		return "<nil>"
	}
	return e.Errs.Error()
}

// Unwrap returns the row's problems.
func (e *RowError) Unwrap() error { return e.Errs }

// AsErrors extracts the problems from an error a [Reader] returned: a
// [*RowError], [Errors] or a single [*Error]. It returns nil for other
// errors.
func AsErrors(err error) Errors {
	var es Errors
	if errors.As(err, &es) {
		return es
	}
	var e *Error
	if errors.As(err, &e) {
		return Errors{e}
	}
	return nil
}
