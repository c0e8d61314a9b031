package fielddata

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/internal/textenc"
	"github.com/cxkit/cxkit/korto"
)

// Options say how to read a file.
type Options struct {
	// Format is the file's format; "" tells it from the file: a zip
	// archive is a workbook, JSON is SurveyJS results, XML is ODK
	// submissions, and a CSV file's header tells ODK Central's export
	// from KoboToolbox's and from a plain one. [Reader.Guessed] says why.
	Format Format
	// Name is the file's name in messages.
	Name string
	// MaxWorkbookBytes caps how much a workbook may unpack to (a zip
	// archive can unpack to far more than it holds); 0 means 256 times
	// the archive's size, plus 64 MiB.
	MaxWorkbookBytes int64
	// ReuseSheet makes [Reader.Next] return the same Sheet every time,
	// its maps cleared and filled anew, for callers that are done with
	// a sheet before they read the next (as [Import] is). It saves
	// making a map per row.
	ReuseSheet bool
}

// Reader reads the rows of a file of collected answers as answer sheets
// of one checklist.
type Reader struct {
	l       *layout
	src     source
	guessed string
	warns   Errors
	err     error // sticky: io.EOF or what ended the file
	row     row
	// first is set until the first row with values is read: a row of
	// question texts (the template's second row) is skipped there.
	first       bool
	maxWorkbook int64
	reuse       *korto.Sheet // the sheet Next fills with ReuseSheet
	rs          rowSheet     // Next's row on its way to a sheet
	ids         [][]byte     // the questions' keys in JSON (quotedIDs)
}

// source reads the rows of one kind of file.
type source interface {
	// next reads the next row into r, io.EOF at the end; any other
	// error ends the file.
	next(r *row) error
}

// NewReader reads the header of the file r holds (a CSV file's first
// row, a workbook's first row, nothing for JSON) and matches its
// columns to the questions of the plan's checklist. A header that
// cannot be read, repeats a question or holds none is an error, an
// [Errors] when the problems are in the file. Columns that match
// nothing are warnings, in [Reader.Warnings].
func NewReader(r io.Reader, p *korto.Plan, opts Options) (*Reader, error) {
	if r == nil {
		return nil, errors.New("fielddata: NewReader: nil io.Reader")
	}
	if p == nil || p.Checklist() == nil {
		return nil, errors.New("fielddata: NewReader: the Plan is not compiled: make plans with korto.Compile")
	}
	name := opts.Name
	if name == "" {
		name = "input"
	}
	br := bufio.NewReaderSize(r, 64<<10)
	format, why := opts.Format, ""
	guess := format == ""
	if guess {
		head, _ := br.Peek(512)
		format, why = sniff(head)
	} else if _, err := ParseFormat(string(format)); err != nil {
		return nil, fmt.Errorf("fielddata: %w", err)
	}
	if head, _ := br.Peek(len(zipMagic)); bytes.Equal(head, zipMagic) && (format == XLSX || format.isCSVFamily()) {
		// A zip archive is a workbook, or ODK Central's export: its
		// CSV tables zipped with the media.
		data, err := io.ReadAll(br)
		if err != nil {
			return nil, err
		}
		br = bufio.NewReaderSize(bytes.NewReader(data), 64<<10)
		table, csv, ok, err := zippedCSV(data, name, p.Checklist().ID, opts.MaxWorkbookBytes)
		if err != nil {
			return nil, err
		}
		if ok {
			br = bufio.NewReaderSize(bytes.NewReader(csv), 64<<10)
			name += "/" + table
			if format == XLSX {
				format, why = CSV, "it is a zip archive of CSV tables, as ODK Central's export is, and "+table+" is its table"
			}
		} else if format != XLSX {
			// A workbook named by its tool (KoboToolbox and ODK
			// Central export XLSX too): its header has the same group
			// paths, which the workbook layout splits as well.
			format, why = XLSX, "it is an Excel workbook, not the CSV text --from "+string(format)+" reads"
		}
	}
	rd := &Reader{maxWorkbook: opts.MaxWorkbookBytes}
	if format.isCSVFamily() {
		if err := checkText(br, name); err != nil {
			return nil, err
		}
	}
	if opts.ReuseSheet {
		rd.reuse = &korto.Sheet{}
	}
	if why != "" {
		rd.guessed = "guessed " + string(format) + " because " + why
	}
	return rd.open(br, p, name, format, format == CSV && (guess || why != ""))
}

func (rd *Reader) open(br *bufio.Reader, p *korto.Plan, name string, format Format, guess bool) (*Reader, error) {
	rd.l = newLayout(name, format, p)
	rd.ids = quotedIDs(p)
	rd.first = true
	var (
		header []string
		line   int
		err    error
	)
	switch {
	case format.isCSVFamily():
		var cs *csvSource
		cs, header, line, err = newCSVSource(br, name)
		if err != nil {
			return nil, err
		}
		rd.src = cs
		rd.l.decimalComma = cs.comma == ';'
		if guess {
			var why string
			format, why = guessDialect(trimmed(header), func(h string) bool { _, ok := p.QuestionIndex(h); return ok })
			rd.guessed = "guessed " + string(format) + " because " + why
			rd.l.format = format
		}
	case format == XLSX:
		var xs *xlsxSource
		xs, header, line, err = newXLSXSource(br, name, rd.maxWorkbook, func(h string) bool { _, ok := p.QuestionIndex(lastComponent(h, XLSX)); return ok })
		if err != nil {
			return nil, err
		}
		rd.src = xs
	case format == SurveyJS:
		js, err := newJSONSource(br, name, rd.l, &rd.warns)
		if err != nil {
			return nil, err
		}
		rd.src = js
		return rd, nil
	case format == ODKXML:
		rd.src = newXMLSource(br, name, rd.l, &rd.warns)
		return rd, nil
	}
	warns, errs := rd.l.readHeader(header, line)
	rd.warns = append(rd.warns, warns...)
	if len(errs) > 0 {
		return nil, errs
	}
	if rd.l.labels != nil {
		// With the labels the header asks for, in place: the columns
		// point to their questions.
		copy(rd.l.qs, rd.l.questions())
	}
	return rd, nil
}

func trimmed(s []string) []string {
	out := make([]string, len(s))
	for i, x := range s {
		out[i] = strings.TrimSpace(x)
	}
	return out
}

// Format returns the format the file is read as.
func (rd *Reader) Format() Format { return rd.l.format }

// Guessed says how the format was told from the file ("guessed odk
// because of its columns SubmissionDate, KEY"), or "" when the options
// gave it.
func (rd *Reader) Guessed() string { return rd.guessed }

// Warnings returns the problems that do not stop the reading found so
// far: the columns that match nothing (each once), and questions no
// column answers.
func (rd *Reader) Warnings() Errors { return rd.warns }

// Next reads the next row. For a good row it returns its sheet and nil;
// for a bad one the sheet as far as it could be made and a [*RowError]
// listing every bad cell, and the next call reads on. Blank rows are
// skipped. At the end it returns io.EOF; a file that cannot be read on
// ends with an [*Error] (or the read error), returned from then on.
func (rd *Reader) Next() (*korto.Sheet, error) {
	r := &rd.row
	if err := rd.nextRow(r); err != nil {
		return nil, err
	}
	r.own() // the sheet keeps the cells' strings
	s, errs := rd.l.sheet(r, &rd.rs, rd.reuse)
	if len(errs) > 0 {
		return s, &RowError{Line: r.line, Errs: errs}
	}
	return s, nil
}

// nextRow reads the next row with values into r, skipping blank rows
// and the template's row of question texts, without making its sheet:
// Import makes the sheets of many rows at once. A row that cannot be
// read (a CSV syntax error) is a [*RowError]; the end is io.EOF, and an
// error that ends the file is returned from then on.
func (rd *Reader) nextRow(r *row) error {
	if rd.err != nil {
		return rd.err
	}
	for {
		if err := rd.src.next(r); err != nil {
			var se *rowSyntaxError
			if errors.As(err, &se) {
				rd.first = false
				return &RowError{Line: r.line, Errs: se.errs}
			}
			rd.err = err
			return err
		}
		if r.empty() {
			continue
		}
		if rd.first {
			rd.first = false
			if rd.l.isTextRow(r) {
				continue
			}
		}
		return nil
	}
}

// isTextRow reports whether the row holds the questions' texts, as the
// second row of the template does: most of its question cells read as
// a text of their question, in some language.
func (l *layout) isTextRow(r *row) bool {
	if l.format.learnsColumns() {
		return false
	}
	match, filled := 0, 0
	for qi, ci := range l.qcol {
		if ci < 0 || ci >= r.numCells() {
			continue
		}
		a := r.cell(ci)
		t := strings.TrimSpace(a.String)
		if a.Type != korto.AnswerString || t == "" {
			continue
		}
		filled++
		q := l.plan.Question(qi)
		if t == strings.TrimSpace(q.Text.Text) {
			match++
			continue
		}
		for _, tr := range q.Text.Tr {
			if t == strings.TrimSpace(tr) {
				match++
				break
			}
		}
	}
	return match > 0 && 2*match >= filled
}

// checkText refuses a CSV file that is not UTF-8, as the survey CSV
// reader and the sheet reader do (internal/textenc tells which
// encoding): Excel's plain "CSV" on a Russian system is Windows-1251,
// whose Cyrillic letters would come out as U+FFFD without a word, and
// its "Unicode text" is UTF-16, whose NULs would garble every cell.
// The message says how to save the file again rather than guess.
func checkText(br *bufio.Reader, name string) error {
	head, _ := br.Peek(64 << 10)
	if len(head) == 64<<10 {
		// A character cut at the end of the sample is not a fault.
		for i := 0; i < utf8.UTFMax-1; i++ {
			if r, size := utf8.DecodeLastRune(head); r != utf8.RuneError || size != 1 {
				break
			}
			head = head[:len(head)-1]
		}
	}
	enc := textenc.Detect(head)
	if enc == textenc.UTF8 {
		return nil
	}
	saved := enc.String()
	if enc == textenc.Windows1251 {
		saved += "?"
	}
	// The advice is in the message: import prints a problem on one line.
	return Errors{{Pos: diag.Pos{File: name}, Code: diag.CodeEncoding,
		Message: "not UTF-8 text (saved as " + saved + "): in Excel choose Save As → CSV UTF-8"}}
}
