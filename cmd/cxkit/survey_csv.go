package main

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/cxkit/cxkit/internal/suggest"
	"github.com/cxkit/cxkit/internal/textenc"
)

// surveyCSV reads a spreadsheet export row by row: the one place that
// knows the conventions every CSV input of cxkit shares (survey
// exports, CSI ratings, retail observation sheets). The separator is a
// comma, or a semicolon when the header has semicolons and no commas
// (spreadsheets in many locales export so, with decimal commas). The
// text must be UTF-8; a byte order mark is dropped. A row shorter than
// the header has its missing trailing cells empty, as spreadsheets
// leave them out; a longer row is a cell error and is skipped. Cell
// errors collect (up to surveyMaxCellErrors, then a count) so that one
// run shows them all; a row the CSV reader cannot read stops reading.
type surveyCSV struct {
	name   string
	cr     *csv.Reader
	tail   *surveyTail
	header []string
	// row is the 1-based data row of rec; rows counts every data row
	// read, too long ones included.
	row, rows int
	rec       []string // the current row, padded to the header's length
	cells     int      // cells the current row really has
	full      []string
	bad       surveyCellErrors
	badCells  int
}

// newSurveyCSV reads the header of r; name is the file's name for
// messages.
func newSurveyCSV(r io.Reader, name string) (*surveyCSV, error) {
	tail := newSurveyTail(r)
	br := bufio.NewReader(tail)
	// A byte order mark is not part of the first cell; left in, it would
	// make a quoted header a bare quote and a file of the mark alone a
	// header with one nameless column.
	if bom, _ := br.Peek(3); string(bom) == "\ufeff" {
		br.Discard(3)
	}
	head, _ := br.Peek(4096)
	if enc := textenc.Detect(head); enc == textenc.UTF16LE || enc == textenc.UTF16BE {
		// Its NULs would pass as UTF-8 and garble every cell.
		return nil, fmt.Errorf("%s is not UTF-8 text (saved as UTF-16): in Excel choose Save As → CSV UTF-8", name)
	}
	if i := bytes.IndexByte(head, '\n'); i >= 0 {
		head = head[:i]
	}
	cr := csv.NewReader(br)
	if bytes.IndexByte(head, ';') >= 0 && bytes.IndexByte(head, ',') < 0 {
		cr.Comma = ';'
	}
	cr.ReuseRecord = true
	// Excel leaves out a row's trailing empty cells; rows are checked
	// against the header in next.
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err == io.EOF {
		return nil, fmt.Errorf("%s: empty file: want a header row", name)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	header = slices.Clone(header)
	if len(header) > 0 {
		header[0] = strings.TrimPrefix(header[0], "\ufeff")
	}
	if !surveyValidUTF8(header) {
		return nil, surveyNotUTF8(name)
	}
	return &surveyCSV{name: name, cr: cr, tail: tail, header: header}, nil
}

// decimalComma reports whether the file is separated by semicolons, so
// that "1,2" in it is 1.2.
func (s *surveyCSV) decimalComma() bool { return s.cr.Comma == ';' }

// columns lists the header's names for a message.
func (s *surveyCSV) columns() string { return strings.Join(surveyQuote(s.header), ", ") }

// find returns the position of the column named col for flag, -1 for
// an empty col, and an error for a missing or ambiguous one.
func (s *surveyCSV) find(flag, col string) (int, error) {
	if col == "" {
		return -1, nil
	}
	at := surveyColumnsNamed(s.header, col)
	switch len(at) {
	case 0:
		return 0, surveyUsageError{fmt.Sprintf("%s: no column %s for %s%s (columns: %s)", s.name, surveyQ(col), flag, suggest.DidYouMean(col, s.header), s.columns())}
	case 1:
		return at[0], nil
	}
	return 0, surveyDuplicateColumn(s.name, flag, s.header, at)
}

// next reads the next row into rec and reports whether there was one.
// A row longer than the header is recorded as a cell error and skipped.
func (s *surveyCSV) next() (bool, error) {
	for {
		rec, err := s.cr.Read()
		if err == io.EOF {
			return false, nil
		}
		s.rows++
		s.row = s.rows
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return false, fmt.Errorf("%s:%d:%d: row %d: %v", s.name, pe.Line, s.tail.column(pe.Line, pe.Column), s.row, pe.Err)
			}
			return false, fmt.Errorf("%s: row %d: %w", s.name, s.row, err)
		}
		if !surveyValidUTF8(rec) {
			return false, surveyNotUTF8(s.name)
		}
		if len(rec) > len(s.header) {
			line, _ := s.cr.FieldPos(0)
			s.cellError("%s:%d: row %d has %d cells, the header has %d", s.name, line, s.row, len(rec), len(s.header))
			continue
		}
		s.cells = len(rec)
		if s.cells < len(s.header) {
			s.full = append(append(s.full[:0], rec...), make([]string, len(s.header)-s.cells)...)
			rec = s.full
		}
		s.rec = rec
		return true, nil
	}
}

// where places column col of the current row: "file:line:col: row N,
// column "name"", the column in characters.
func (s *surveyCSV) where(col int) string {
	if col >= s.cells {
		line, _ := s.cr.FieldPos(s.cells - 1)
		return fmt.Sprintf("%s:%d: row %d, column %s", s.name, line, s.row, surveyQ(s.header[col]))
	}
	line, c := s.cr.FieldPos(col)
	lines := make([]int, col+1)
	for j := range lines {
		lines[j], _ = s.cr.FieldPos(j)
	}
	c = surveyCharColumn(s.rec, lines, col, c)
	return fmt.Sprintf("%s:%d:%d: row %d, column %s", s.name, line, c, s.row, surveyQ(s.header[col]))
}

// cellError records a problem that does not stop reading.
func (s *surveyCSV) cellError(format string, a ...any) {
	s.badCells++
	if len(s.bad) < surveyMaxCellErrors {
		s.bad = append(s.bad, fmt.Errorf(format, a...))
	}
}

// err returns the cell errors recorded (a surveyCellErrors), or nil.
func (s *surveyCSV) err() error {
	if s.badCells == 0 {
		return nil
	}
	bad := s.bad
	if s.badCells > len(bad) {
		bad = append(bad, fmt.Errorf("%s: %d more bad cells not shown", s.name, s.badCells-len(bad)))
	}
	return bad
}
