package surveycsv

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unsafe"

	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/internal/csvlex"
	"github.com/cxkit/cxkit/metrics"
)

// ColumnError is a column the caller asked for that the file does not
// have (or, without a column name, no way to tell which column holds the
// answers). It is the caller's mistake rather than the file's: cxkit
// exits 2 for it.
type ColumnError struct{ Msg string }

func (e ColumnError) Error() string { return e.Msg }

// CellError is a bad cell, or a row longer than the header, at its
// place in the file. Reading goes on past it, to report every one.
//
// Deprecated: use [diag.Diagnostic], which this is: the header's name
// of the cell's column is in Field, the column in characters in Column
// (0 for a cell missing from a short row), the data row in Row, and the
// error behind the message in Err.
type CellError = diag.Diagnostic

// CellErrors lists every bad cell of a file, so that one run shows them
// all, as answer sheets and checklists do.
//
// Deprecated: use [diag.List], which this is; errors.As finds it with
// a diag.List target.
type CellErrors = diag.List

// MaxCellErrors is how many bad cells a file's list holds; past it, a
// last diagnostic with the code [diag.CodeLimit] counts the rest.
const MaxCellErrors = 20

// SyntaxError is a row that is not CSV (a stray or missing quote), at
// its line and column; its Err is encoding/csv's ErrQuote or
// ErrBareQuote. Reading stops at it.
//
// Deprecated: use [diag.Diagnostic], which this is, with the code
// [diag.CodeSyntax].
type SyntaxError = diag.Diagnostic

// NotUTF8Error is a file in another encoding.
//
// Deprecated: use [diag.Diagnostic], which this is, with the code
// [diag.CodeEncoding].
type NotUTF8Error = diag.Diagnostic

// cellError places err, found in the cell of the column named field,
// at line and col (in characters; 0 for a cell missing from a short
// row) of the data row row.
func cellError(line, col, row int, field string, err error) *diag.Diagnostic {
	return &diag.Diagnostic{
		Pos: diag.Pos{Line: line, Column: col}, Row: row, Field: field,
		Code: diag.CodeBadCell, Message: err.Error(), Err: err,
	}
}

// longRow is a row with more cells than the header: most often a cell
// holding the separator without quotes around it.
func longRow(line, row, cells, header int) *diag.Diagnostic {
	return &diag.Diagnostic{
		Pos: diag.Pos{Line: line}, Row: row, Code: diag.CodeCellCount,
		Message: fmt.Sprintf("%d cells, but the header has %d", cells, header),
		Hint:    "put a cell that holds the separator in double quotes",
	}
}

// notUTF8 is a file in another encoding: in Russia nearly always
// Excel's plain "CSV", saved as Windows-1251. Its names and cells would
// print as escapes, so the message says only how to save it again. A
// UTF-16 file (Excel's "Unicode text") is told as such: its NULs would
// pass as UTF-8 and garble every cell.
func notUTF8(file string, utf16 bool) *diag.Diagnostic {
	saved := "Windows-1251?"
	if utf16 {
		saved = "UTF-16"
	}
	return &diag.Diagnostic{
		Pos: diag.Pos{File: file}, Code: diag.CodeEncoding,
		Message: "not UTF-8 text (saved as " + saved + ")",
		Hint:    "in Excel choose Save As → CSV UTF-8",
	}
}

// cellList is a file's bad cells as a list, with the count of those
// past MaxCellErrors as a last diagnostic.
func cellList(file string, bad []*diag.Diagnostic, more int) diag.List {
	l := make(diag.List, 0, len(bad)+1)
	for _, d := range bad {
		d.File = file
		l = append(l, d)
	}
	if more > 0 {
		l = append(l, &diag.Diagnostic{
			Pos: diag.Pos{File: file}, Code: diag.CodeLimit,
			Message: fmt.Sprintf("%d more bad cells not shown", more),
		})
	}
	return l
}

// Placeholder reports whether a cell is a spreadsheet's mark for "no
// answer". It stays an error, since a metric must not guess what a cell
// means, but the message says how to skip the answer.
func Placeholder(cell string) bool {
	if len(cell) > 32 {
		return false
	}
	switch strings.ToLower(cell) {
	case "n/a", "na", "#n/a", "-", "–", "—", "?", "none", "null", "н/д", "нет данных":
		return true
	}
	return false
}

// ParseWeight parses a weight cell. A file separated by semicolons
// comes from a spreadsheet in a locale that writes decimal commas, so
// there "1,2" is 1.2; elsewhere a decimal comma is an error that says
// how to write the number.
func ParseWeight(cell string, decimalComma bool) (float64, error) {
	cell = strings.TrimSpace(cell)
	if dot, ok := csvlex.DecimalPoint(cell); ok {
		w, err := weightValue(dot, cell)
		switch {
		case decimalComma:
			return w, err
		case err == nil:
			return 0, fmt.Errorf("weight %s: a weight must be 0 or a positive number; use a decimal point: %s", diag.Quote(cell), dot)
		}
	}
	return weightValue(cell, cell)
}

// parseWeightBytes is ParseWeight on a cell of the lexer's buffer,
// without copying it: the common cell, a plain number, never outlives
// the call, and an error copies what it quotes.
func parseWeightBytes(cell []byte, decimalComma bool) (float64, error) {
	if len(cell) == 0 {
		return ParseWeight("", decimalComma)
	}
	return ParseWeight(unsafe.String(&cell[0], len(cell)), decimalComma)
}

// weightValue parses a weight written with a decimal point; cell is the
// text as the file has it, for the message.
func weightValue(text, cell string) (float64, error) {
	w, err := strconv.ParseFloat(text, 64)
	switch {
	case err != nil || math.IsNaN(w) || w < 0:
		return 0, fmt.Errorf("weight %s: a weight must be 0 or a positive number", diag.Quote(cell))
	case w != 0 && !(w >= metrics.MinWeight && w <= metrics.MaxWeight):
		return 0, fmt.Errorf("weight %s: a positive weight must lie between %g and %g", diag.Quote(cell), metrics.MinWeight, metrics.MaxWeight)
	}
	return w, nil
}

// QuoteAll quotes column names for a message, at most 20 of them.
func QuoteAll(ss []string) []string {
	const most = 20
	out := make([]string, 0, min(len(ss), most+1))
	for i, s := range ss {
		if i == most {
			out = append(out, fmt.Sprintf("… %d more", len(ss)-most))
			break
		}
		out = append(out, diag.Quote(s))
	}
	return out
}
