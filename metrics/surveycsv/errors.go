package surveycsv

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unsafe"

	"github.com/cxkit/cxkit/diag"
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
type CellError struct {
	File string
	Line int
	Col  int // in characters, from 1; 0 when the cell is missing from a short row
	Row  int // the data row, from 1 (the header is row 0)
	// Column is the header's name for the cell's column. For a problem
	// of the whole row it is ""; for a row longer than the header Cells
	// and HeaderCells then say by how much.
	Column             string
	Cells, HeaderCells int
	Err                error
}

func (e *CellError) Error() string {
	switch {
	case e.Column == "" && e.Cells > 0:
		return fmt.Sprintf("%s:%d: row %d has %d cells, the header has %d", e.File, e.Line, e.Row, e.Cells, e.HeaderCells)
	case e.Column == "":
		return fmt.Sprintf("%s:%d: row %d: %v", e.File, e.Line, e.Row, e.Err)
	case e.Col == 0:
		return fmt.Sprintf("%s:%d: row %d, column %s: %v", e.File, e.Line, e.Row, diag.Quote(e.Column), e.Err)
	}
	return fmt.Sprintf("%s:%d:%d: row %d, column %s: %v", e.File, e.Line, e.Col, e.Row, diag.Quote(e.Column), e.Err)
}

func (e *CellError) Unwrap() error { return e.Err }

// CellErrors lists every bad cell of a file, so that one run shows them
// all, as answer sheets and checklists do. Past MaxCellErrors it keeps
// only the count of the rest.
type CellErrors struct {
	File string
	Errs []*CellError
	More int // bad cells past the first MaxCellErrors
}

// MaxCellErrors is how many bad cells CellErrors keeps.
const MaxCellErrors = 20

// Lines returns the messages, one per bad cell, then the count of the
// rest.
func (es *CellErrors) Lines() []string {
	out := make([]string, 0, len(es.Errs)+1)
	for _, e := range es.Errs {
		out = append(out, e.Error())
	}
	if es.More > 0 {
		out = append(out, fmt.Sprintf("%s: %d more bad cells not shown", es.File, es.More))
	}
	return out
}

func (es *CellErrors) Error() string { return strings.Join(es.Lines(), "\n") }

// Unwrap gives the cell errors to errors.Is and errors.As.
func (es *CellErrors) Unwrap() []error {
	out := make([]error, len(es.Errs))
	for i, e := range es.Errs {
		out[i] = e
	}
	return out
}

// SyntaxError is a row that is not CSV (a stray or missing quote), at
// its line and column; Err is encoding/csv's ErrQuote or ErrBareQuote.
// Reading stops at it.
type SyntaxError struct {
	File      string
	Line, Col int // Col in characters
	Row       int
	Err       error
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("%s:%d:%d: row %d: %v", e.File, e.Line, e.Col, e.Row, e.Err)
}

func (e *SyntaxError) Unwrap() error { return e.Err }

// NotUTF8Error is a file in another encoding: in Russia nearly always
// Excel's plain "CSV", saved as Windows-1251. Its names and cells would
// print as escapes, so the message says only how to save it again.
// A UTF-16 file (Excel's "Unicode text") is told as such: its NULs
// would pass as UTF-8 and garble every cell.
type NotUTF8Error struct {
	File  string
	UTF16 bool
}

func (e *NotUTF8Error) Error() string {
	saved := "Windows-1251?"
	if e.UTF16 {
		saved = "UTF-16"
	}
	return e.File + " is not UTF-8 text (saved as " + saved + "): in Excel choose Save As → CSV UTF-8"
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
	if strings.Count(cell, ",") == 1 && !strings.Contains(cell, ".") {
		dot := strings.Replace(cell, ",", ".", 1)
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
