package fielddata

import "github.com/cxkit/cxkit/diag"

// Error is one problem in an imported file, placed at a cell: the line
// of the file (the row of a spreadsheet) and the column, counted from 1
// as a spreadsheet counts them. Subject names the audit (its id, when
// the row has one) and the question the cell answers, as "audit A7,
// question q3"; Question holds the question's ID alone, for tools.
//
// Deprecated: use [diag.Diagnostic], which this is; the audit's id is in
// Subject now.
type Error = diag.Diagnostic

// Errors is a list of problems; as an error it stands for all of them.
//
// Deprecated: use [diag.List], which this is.
type Errors = diag.List

// Codes of problems that are not a wrong answer: package diag's, under
// the names this package has always had.
const (
	CodeSyntax        = diag.CodeSyntax        // the file cannot be read as its format
	CodeUnknownColumn = diag.CodeUnknownColumn // warning: a column that matches nothing
	CodeDuplicate     = diag.CodeDuplicateColumn
	CodeNoQuestions   = diag.CodeNoQuestions // no column matches a question
	CodeCellCount     = diag.CodeCellCount   // a row with more cells than the header
)

// about names what a problem is about the way this package always
// has, "audit A7, question q3", without quotes: both are identifiers.
func about(audit, question string) string {
	switch {
	case audit != "" && question != "":
		return "audit " + audit + ", question " + question
	case audit != "":
		return "audit " + audit
	case question != "":
		return "question " + question
	}
	return ""
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
//
// Deprecated: use [diag.As], which this is.
func AsErrors(err error) Errors { return diag.As(err) }
