package fielddata

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/korto"
	"github.com/xuri/excelize/v2"
)

// SheetName is the sheet of a workbook that holds the answers, as
// `cxkit template` names it; a workbook without it (a manager renamed
// it) is read from its first sheet whose header names a question, or
// else its first sheet.
const SheetName = "answers"

// xlsxSource reads the rows of a workbook with excelize, which reads a
// sheet's rows one by one. The cells' raw values are read, so that a
// number is the number stored, whatever the cell's display format.
type xlsxSource struct {
	name string
	f    *excelize.File
	rows *excelize.Rows
	n    int // the last row read, 1-based
}

func newXLSXSource(br *bufio.Reader, name string, limit int64, isQuestion func(string) bool) (*xlsxSource, []string, int, error) {
	data, err := io.ReadAll(br)
	if err != nil {
		return nil, nil, 0, err
	}
	if limit <= 0 {
		limit = 256*int64(len(data)) + 64<<20
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: limit, UnzipXMLSizeLimit: min(limit, 16<<20)})
	if err != nil {
		return nil, nil, 0, Errors{{Pos: diag.Pos{File: name}, Code: CodeSyntax, Message: fmt.Sprintf("not an Excel workbook (.xlsx) that can be read: %v", err)}}
	}
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, nil, 0, Errors{{Pos: diag.Pos{File: name}, Code: CodeSyntax, Message: "the workbook has no sheet"}}
	}
	sheet := sheets[0]
	if slices.Contains(sheets, SheetName) {
		sheet = SheetName
	} else if i := slices.IndexFunc(sheets, func(sh string) bool { return headsQuestions(f, sh, isQuestion) }); i >= 0 {
		sheet = sheets[i]
	}
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, nil, 0, Errors{{Pos: diag.Pos{File: name}, Code: CodeSyntax, Message: fmt.Sprintf("sheet %q cannot be read: %v", sheet, err)}}
	}
	xs := &xlsxSource{name: name, f: f, rows: rows}
	var r row
	for {
		if err := xs.next(&r); err != nil {
			if err == io.EOF {
				return nil, nil, 0, Errors{{Pos: diag.Pos{File: name, Line: 1}, Code: CodeSyntax, Message: fmt.Sprintf("sheet %q is empty: a header row of question IDs comes first", sheet)}}
			}
			return nil, nil, 0, err
		}
		if !r.empty() {
			break
		}
	}
	header := make([]string, len(r.cells))
	for i, c := range r.cells {
		header[i] = c.String
	}
	return xs, header, r.line, nil
}

func (xs *xlsxSource) next(r *row) error {
	if !xs.rows.Next() {
		if err := xs.rows.Error(); err != nil {
			return Errors{{Pos: diag.Pos{File: xs.name, Line: xs.n + 1}, Code: CodeSyntax, Message: fmt.Sprintf("the sheet cannot be read on: %v", err)}}
		}
		xs.rows.Close()
		return io.EOF
	}
	xs.n++
	cols, err := xs.rows.Columns(excelize.Options{RawCellValue: true})
	if err != nil {
		return Errors{{Pos: diag.Pos{File: xs.name, Line: xs.n}, Code: CodeSyntax, Message: fmt.Sprintf("row %d cannot be read: %v", xs.n, err)}}
	}
	r.line = xs.n
	r.lines, r.cols = nil, nil
	r.cells = r.cells[:0]
	for _, c := range cols {
		r.cells = append(r.cells, korto.Str(c))
	}
	return nil
}

// excelDate turns the serial number Excel stores a date or a time as
// into the text the answer sheet writes ("2026-11-20", with the time
// after a "T" when there is one); other values are left as they are.
func excelDate(v string) string {
	x, err := strconv.ParseFloat(v, 64)
	if err != nil || x < 1 || x > 2958465 {
		return v
	}
	t, err := excelize.ExcelDateToTime(x, false)
	if err != nil {
		return v
	}
	if x == float64(int64(x)) {
		return t.Format("2006-01-02")
	}
	return t.Format("2006-01-02T15:04:05")
}

// headsQuestions reports whether the first row with values of sheet
// names a question.
func headsQuestions(f *excelize.File, sheet string, isQuestion func(string) bool) bool {
	rows, err := f.Rows(sheet)
	if err != nil {
		return false
	}
	defer rows.Close()
	for rows.Next() {
		cols, err := rows.Columns()
		if err != nil {
			return false
		}
		if slices.ContainsFunc(cols, func(c string) bool { return c != "" }) {
			return slices.ContainsFunc(cols, func(c string) bool { return isQuestion(strings.TrimSpace(c)) })
		}
	}
	return false
}
