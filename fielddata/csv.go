package fielddata

import (
	"bufio"
	"encoding/csv"
	"errors"
	"io"

	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/internal/csvlex"
	"github.com/cxkit/cxkit/internal/textenc"
)

// csvSource reads the rows of a CSV file with the module's CSV lexer,
// which takes quoted cells over several lines and CRLF line ends; the
// separator is told from the header (a comma, a semicolon as
// spreadsheets in many locales and KoboToolbox write, or a tab).
type csvSource struct {
	name  string
	x     *csvlex.Lexer
	comma byte
}

func newCSVSource(br *bufio.Reader, name string) (*csvSource, []string, int, error) {
	x := csvlex.New(br, ',')
	head, err := x.Peek(len(textenc.BOM) + 64<<10)
	if err != nil {
		return nil, nil, 0, (&csvSource{name: name}).fail(err)
	}
	if textenc.HasBOM(head) {
		x.Skip(len(textenc.BOM))
		head = head[len(textenc.BOM):]
	}
	cs := &csvSource{name: name, x: x, comma: sniffComma(head)}
	x.SetComma(cs.comma)
	switch err := x.Next(); {
	case err == io.EOF:
		return nil, nil, 0, Errors{{Pos: diag.Pos{File: name, Line: 1}, Code: CodeSyntax, Message: "the file is empty: a header row of question IDs comes first"}}
	case err != nil:
		return nil, nil, 0, cs.fail(err)
	}
	rec := x.Record()
	header := make([]string, rec.Fields)
	for i := range header {
		header[i] = string(rec.Vals[i].Val)
	}
	return cs, header, rec.FirstLine, nil
}

// sniffComma picks the separator that the first line of head, outside
// quotes, holds most of.
func sniffComma(head []byte) byte {
	counts := map[byte]int{}
	quoted := false
	for _, c := range head {
		switch {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == '\n':
			goto done
		case c == ',' || c == ';' || c == '\t':
			counts[c]++
		}
	}
done:
	best := byte(',')
	for _, c := range []byte{';', '\t'} {
		if counts[c] > counts[best] {
			best = c
		}
	}
	return best
}

func (cs *csvSource) next(r *row) error { return cs.rowFrom(cs.x, r) }

// rowFrom reads the next record of x into r: x is the file's lexer, or
// a worker's lexer of a run of records Skim cut from it (see cut).
func (cs *csvSource) rowFrom(x *csvlex.Lexer, r *row) error {
	var err error
	// The cells stay bytes, one run of them in r.text: the answers are
	// read from them in place (see row), and a korto.Answer per cell is
	// made only for a row that needs one.
	r.raw, r.cells = true, r.cells[:0]
	r.text, r.ends, err = x.NextRun(r.text, r.ends)
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			// The lexer goes on after the bad line, so the rows after
			// it are read and checked too; this one is reported alone.
			r.line = pe.StartLine
			r.text, r.ends, r.str = r.text[:0], r.ends[:0], ""
			return &rowSyntaxError{cs.fail(err)}
		}
		return cs.fatal(err)
	}
	rec := x.Record()
	r.line = rec.FirstLine
	r.view()
	r.lines, r.cols = r.lines[:0], nil
	if rec.LastLine != rec.FirstLine {
		// Only a record over several lines has its fields' lines (see
		// csvlex.Lexer.NextRun).
		for i := range rec.Fields {
			r.lines = append(r.lines, rec.Vals[i].Line)
		}
	}
	return nil
}

// fatal turns an error that ends the file into what Import reports.
func (cs *csvSource) fatal(err error) error {
	var le *csvlex.LongRecordError
	if errors.As(err, &le) {
		return Errors{{Pos: diag.Pos{File: cs.name, Line: le.Line}, Code: CodeSyntax, Message: le.Message()}}
	}
	return err
}

// fail turns an error of the lexer into a placed problem that says what
// to do.
func (cs *csvSource) fail(err error) Errors {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return Errors{{Pos: diag.Pos{File: cs.name}, Code: CodeSyntax, Message: err.Error()}}
	}
	msg := pe.Err.Error()
	switch {
	case errors.Is(pe.Err, csv.ErrBareQuote):
		msg = `a quote inside a cell that does not start with one: put the whole cell in quotes and double the quotes inside it ("")`
	case errors.Is(pe.Err, csv.ErrQuote):
		msg = `a quoted cell is not closed, or a quote inside it is not doubled: end the cell with a quote, and write a quote inside it as ""`
	}
	return Errors{{Pos: diag.Pos{File: cs.name, Line: pe.Line, Column: pe.Column}, Code: CodeSyntax, Message: msg}}
}

// rowSyntaxError is a row that cannot be read at all; the reading goes
// on after it.
type rowSyntaxError struct{ errs Errors }

func (e *rowSyntaxError) Error() string { return e.errs.Error() }
