package fielddata

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"io"

	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/internal/csvlex"
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
	head, err := x.Peek(len(bom) + 64<<10)
	if err != nil {
		return nil, nil, 0, (&csvSource{name: name}).fail(err)
	}
	if bytes.HasPrefix(head, bom) {
		x.Skip(len(bom))
		head = head[len(bom):]
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

func (cs *csvSource) next(r *row) error {
	err := cs.x.Next()
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			// The lexer goes on after the bad line, so the rows after
			// it are read and checked too; this one is reported alone.
			r.line = pe.StartLine
			r.raw, r.text, r.ends, r.cells, r.str = true, r.text[:0], r.ends[:0], r.cells[:0], ""
			return &rowSyntaxError{cs.fail(err)}
		}
		var le *csvlex.LongRecordError
		if errors.As(err, &le) {
			return Errors{{Pos: diag.Pos{File: cs.name, Line: le.Line}, Code: CodeSyntax, Message: le.Message()}}
		}
		return err
	}
	// The cells stay bytes, one after another in r.text: the answers
	// are read from them in place (see row), and a korto.Answer per
	// cell is made only for a row that needs one.
	rec := cs.x.Record()
	r.raw = true
	r.text, r.ends, r.cells = r.text[:0], r.ends[:0], r.cells[:0]
	for i := range rec.Fields {
		r.text = append(r.text, rec.Vals[i].Val...)
		r.ends = append(r.ends, int32(len(r.text)))
	}
	r.line = rec.FirstLine
	r.view()
	r.lines, r.cols = r.lines[:0], nil
	if rec.LastLine != rec.FirstLine {
		for i := range rec.Fields {
			r.lines = append(r.lines, rec.Vals[i].Line)
		}
	}
	return nil
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
