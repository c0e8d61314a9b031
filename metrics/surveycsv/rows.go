package surveycsv

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/internal/csvlex"
	"github.com/cxkit/cxkit/internal/suggest"
	"github.com/cxkit/cxkit/internal/textenc"
)

// MaxRecordSize is the longest row (all its cells, quoted newlines
// included) a reader takes, in bytes; a real row is a few hundred.
const MaxRecordSize = csvlex.MaxRecordSize

// Rows reads any spreadsheet export with the conventions of a survey
// export, row by row with every cell: the one place that knows them for
// every CSV input of cxkit (CSI ratings and retail observation sheets
// as well as survey answers). See Read for the conventions. A row
// longer than the header is a cell error and is skipped; a row shorter
// than it has its missing trailing cells empty. Cell errors collect
// (see CellError, RowError and Err) so that one run shows them all.
type Rows struct {
	x      *csvlex.Lexer
	name   string
	header []string
	rec    []string // the current row, padded to the header's length
	text   []byte   // its cells one after another, to make their string
	cells  int      // cells the current row really has
	row    int
	bad    []*diag.Diagnostic
	nbad   int
}

// NewRows reads the header of r; name is the file's name in messages.
func NewRows(r io.Reader, name string) (*Rows, error) {
	x := csvlex.New(r, ',')
	header, err := readHeader(x, name)
	if err != nil {
		return nil, err
	}
	return &Rows{x: x, name: name, header: header}, nil
}

// readHeader reads the header row into x, deciding the separator.
func readHeader(x *csvlex.Lexer, name string) ([]string, error) {
	head, err := x.Peek(3 + 4096)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	// A byte order mark is not part of the first cell; left in, it would
	// make a quoted header a bare quote and a file of the mark alone a
	// header with one nameless column.
	if textenc.HasBOM(head) {
		x.Skip(len(textenc.BOM))
		head = head[len(textenc.BOM):]
	}
	head = head[:min(len(head), 4096)]
	if enc := textenc.Detect(head); enc == textenc.UTF16LE || enc == textenc.UTF16BE {
		return nil, notUTF8(name, true)
	}
	if i := bytes.IndexByte(head, '\n'); i >= 0 {
		head = head[:i]
	}
	if bytes.IndexByte(head, ';') >= 0 && bytes.IndexByte(head, ',') < 0 {
		x.SetComma(';')
	}
	err = x.Next()
	if err == io.EOF {
		return nil, &diag.Diagnostic{Pos: diag.Pos{File: name}, Code: diag.CodeSyntax, Message: "empty file: want a header row"}
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if !utf8.Valid(x.Bytes()) {
		return nil, notUTF8(name, false)
	}
	header := make([]string, x.Record().Fields)
	for i := range header {
		header[i] = string(x.Record().Vals[i].Val)
	}
	if len(header) > 0 {
		header[0] = strings.TrimPrefix(header[0], textenc.BOM)
	}
	return header, nil
}

// Header returns the column names.
func (r *Rows) Header() []string { return r.header }

// DecimalComma reports whether the file is separated by semicolons, so
// that "1,2" in it is 1.2.
func (r *Rows) DecimalComma() bool { return r.x.Comma() == ';' }

// Columns lists the header's names for a message.
func (r *Rows) Columns() string { return strings.Join(QuoteAll(r.header), ", ") }

// Find returns the position of the column named col, which the caller
// asked for with flag: -1 for an empty col, a ColumnError for a missing
// one, an error for one the header names twice.
func (r *Rows) Find(flag, col string) (int, error) {
	if col == "" {
		return -1, nil
	}
	at := ColumnsNamed(r.header, col)
	switch len(at) {
	case 0:
		return 0, ColumnError{fmt.Sprintf("%s: no column %s for %s%s (columns: %s)", r.name, diag.Quote(col), flag, suggest.DidYouMean(col, r.header), r.Columns())}
	case 1:
		return at[0], nil
	}
	return 0, DuplicateColumn(r.name, flag, r.header, at)
}

// Next reads the next row and reports whether there was one.
func (r *Rows) Next() (bool, error) {
	x := r.x
	for {
		err := x.Next()
		if err == io.EOF {
			return false, nil
		}
		r.row++
		if err != nil {
			return false, syntaxError(x, r.name, r.row, err)
		}
		if !utf8.Valid(x.Bytes()) {
			return false, notUTF8(r.name, false)
		}
		if x.Record().Fields > len(r.header) {
			r.add(longRow(x.Record().FirstLine, r.row, x.Record().Fields, len(r.header)))
			continue
		}
		// The cells share one string: a string per cell would cost an
		// allocation each.
		rec := x.Record()
		r.cells = rec.Fields
		r.text = r.text[:0]
		for i := range len(r.header) {
			r.text = append(r.text, rec.Vals[i].Val...)
		}
		text := string(r.text)
		r.rec = r.rec[:0]
		at := 0
		for i := range len(r.header) {
			n := len(rec.Vals[i].Val)
			r.rec = append(r.rec, text[at:at+n])
			at += n
		}
		return true, nil
	}
}

// Record returns the current row, as long as the header. It is valid
// until the next call to Next.
func (r *Rows) Record() []string { return r.rec }

// Row returns the number of the current row (the first after the
// header is 1); after the last, the number of rows read.
func (r *Rows) Row() int { return r.row }

// Line returns the line the current row starts on.
func (r *Rows) Line() int { return r.x.Record().FirstLine }

// CellError records err as a problem with column col of the current
// row, which does not stop reading.
func (r *Rows) CellError(col int, err error) {
	x := r.x
	line, c := x.Record().LastLine, 0
	if col < r.cells {
		f := x.Record().Vals[col]
		line, c = f.Line, x.CharCol(f)
	}
	r.add(cellError(line, c, r.row, r.header[col], err))
}

// RowError records err as a problem with the current row as a whole.
func (r *Rows) RowError(err error) {
	d := cellError(r.x.Record().FirstLine, 0, r.row, "", err)
	r.add(d)
}

func (r *Rows) add(e *diag.Diagnostic) {
	r.nbad++
	if len(r.bad) < MaxCellErrors {
		r.bad = append(r.bad, e)
	}
}

// Err returns the cell errors recorded, a [diag.List], or nil.
func (r *Rows) Err() error {
	if r.nbad == 0 {
		return nil
	}
	return cellList(r.name, r.bad, r.nbad-len(r.bad))
}
