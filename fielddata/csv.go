package fielddata

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"io"

	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/korto"
)

// csvSource reads the rows of a CSV file with encoding/csv, which takes
// quoted cells over several lines and CRLF line ends; the separator is
// told from the header (a comma, a semicolon as spreadsheets in many
// locales and KoboToolbox write, or a tab).
type csvSource struct {
	name  string
	cr    *csv.Reader
	comma rune
}

func newCSVSource(br *bufio.Reader, name string) (*csvSource, []string, int, error) {
	if b, _ := br.Peek(3); bytes.Equal(b, bom) {
		br.Discard(3)
	}
	head, _ := br.Peek(64 << 10)
	cs := &csvSource{name: name, comma: sniffComma(head)}
	cs.cr = csv.NewReader(br)
	cs.cr.Comma = cs.comma
	cs.cr.FieldsPerRecord = -1
	cs.cr.ReuseRecord = true
	rec, err := cs.cr.Read()
	switch {
	case err == io.EOF:
		return nil, nil, 0, Errors{{Pos: diag.Pos{File: name, Line: 1}, Code: CodeSyntax, Message: "the file is empty: a header row of question IDs comes first"}}
	case err != nil:
		return nil, nil, 0, cs.fail(err)
	}
	line, _ := cs.cr.FieldPos(0)
	return cs, append([]string(nil), rec...), line, nil
}

// sniffComma picks the separator that the first line of head, outside
// quotes, holds most of.
func sniffComma(head []byte) rune {
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
	return rune(best)
}

func (cs *csvSource) next(r *row) error {
	rec, err := cs.cr.Read()
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			// The reader goes on after the bad line, so the rows after
			// it are read and checked too; this one is reported alone.
			r.line = pe.StartLine
			r.cells = r.cells[:0]
			return &rowSyntaxError{cs.fail(err)}
		}
		return err
	}
	r.line, _ = cs.cr.FieldPos(0)
	r.cells = r.cells[:0]
	for _, f := range rec {
		r.cells = append(r.cells, korto.Str(f))
	}
	r.lines, r.cols = r.lines[:0], nil
	if last, _ := cs.cr.FieldPos(len(rec) - 1); last != r.line {
		for i := range rec {
			l, _ := cs.cr.FieldPos(i)
			r.lines = append(r.lines, l)
		}
	}
	return nil
}

// fail turns an error of encoding/csv into a placed problem that says
// what to do.
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
