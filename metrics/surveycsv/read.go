package surveycsv

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/internal/csvlex"
	"github.com/cxkit/cxkit/internal/groups"
	"github.com/cxkit/cxkit/internal/split"
	"github.com/cxkit/cxkit/internal/suggest"
	"github.com/cxkit/cxkit/metrics"
)

// Config says what to read from a survey export.
type Config struct {
	Metric Metric
	// Column holds the answers. Empty means a column named after the
	// metric ("nps"), or the only column of a file that has one.
	Column string
	By     string // group by the values of this column ("" for none)
	Weight string // survey weights from this column ("" for none)
	// Scale is the answer scale of CSAT and CES (never guessed).
	Scale metrics.Scale
	// ComparedWith, when reading an earlier export to compare with the
	// export of that name, makes a missing answer column an error that
	// says so.
	ComparedWith string
	// Workers is how many goroutines read a file that can be split
	// (ReadFile, or a Read source with ReadAt and Size): 0 means one per
	// core, 1 reads in one pass. The result is the same for any number.
	Workers int
	// Progress, when set, is called as input is read with the bytes and
	// rows read since its last call. Workers call it from their own
	// goroutines, so it must be safe for concurrent use.
	Progress func(bytes, rows int64)
}

// Data is what a file holds for a metric: the whole and each group.
type Data struct {
	File   string // the name errors give
	Metric Metric
	Column string // the answer column's name in the header
	By     string
	Weight string
	Scale  metrics.Scale
	All    *Accumulator
	Groups []Group // in the order first seen
	Rows   int     // data rows read
	Blank  int     // rows with an empty answer cell, skipped
	// Warnings are problems that do not stop reading, such as duplicate
	// names of columns it does not read.
	Warnings []string
}

// Group is the answers of one value of the --by column.
type Group struct {
	Name string
	Acc  *Accumulator
}

// Sizer is a source that knows its length, as *bytes.Reader,
// *strings.Reader and *io.SectionReader do; with ReadAt it can be read
// by several workers.
type Sizer interface {
	io.ReaderAt
	Size() int64
}

// ReadFile reads the survey export at path.
func ReadFile(path string, cfg Config) (*Data, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Read(f, path, cfg)
}

// Read reads a CSV survey export with a header row; name is the file's
// name in messages. The separator is a comma, or a semicolon when the
// header has semicolons and no commas (spreadsheets in many locales
// export so, with decimal commas in weights). A byte order mark is
// skipped. The text must be UTF-8 (else a *diag.Diagnostic with the
// code diag.CodeEncoding). A row shorter than the header has its missing
// trailing cells empty, as spreadsheets leave them out; an empty answer
// cell is a blank, skipped. A cell that is not a valid answer, a bad
// weight or a row longer than the header is a *diag.Diagnostic naming
// the file, line, column (in characters), row and the column's header
// name, and reading goes on to report every one in a diag.List; a row
// that is not CSV is a diag.CodeSyntax diagnostic and stops it. A column
// the caller named that the header lacks is a ColumnError, except in an
// earlier export (cfg.ComparedWith), where the file is what is wrong.
//
// Only the answer, group and weight columns are kept, and nothing is
// allocated per row. An *os.File of a regular file, or a Sizer, is
// split among cfg.Workers at line boundaries and the parts are merged
// exactly: the same data, the same errors in the same order.
func Read(r io.Reader, name string, cfg Config) (*Data, error) {
	if cfg.Column == "" && cfg.Metric != "" {
		cfg.Column = string(cfg.Metric)
		cfg.ComparedWith = "" // a default column is looked up leniently
		return read(r, name, cfg, true)
	}
	return read(r, name, cfg, false)
}

// layout is what the header says: where the kept columns are.
type layout struct {
	name         string
	header       []string
	want         []int // per field of a row, its slot, or -1
	ans, by, wt  int   // slots (by, wt -1 when not read)
	ansCol       int
	byCol, wCol  int
	decimalComma bool
	comma        byte
}

func read(r io.Reader, name string, cfg Config, defaultColumn bool) (*Data, error) {
	if _, err := newAccumulator(cfg.Metric, cfg.Scale); err != nil {
		return nil, err
	}
	src, size, splits := split.Source(r)
	x := csvlex.New(r, ',')
	header, err := readHeader(x, name)
	if err != nil {
		return nil, err
	}
	lay, err := findColumns(name, header, cfg, defaultColumn)
	if err != nil {
		return nil, err
	}
	lay.comma = x.Comma()
	lay.decimalComma = lay.comma == ';'
	x.Keep(lay.want, 3)

	d := &Data{File: name, Metric: cfg.Metric, Column: header[lay.ansCol], By: cfg.By, Weight: cfg.Weight, Scale: cfg.Scale}
	d.Warnings = duplicateWarnings(name, header, lay.ansCol, lay.byCol, lay.wCol)

	workers := cfg.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	var p *part
	body := x.Offset()
	if splits {
		workers = int(min(int64(workers), (size-body)/minSplit))
	}
	if splits && workers > 1 {
		p, err = readParallel(src, size, body, x.Line(), lay, cfg, workers)
	} else {
		p = newPart(lay, cfg)
		p.scan(x, -1)
		err = p.fatal
	}
	if err != nil {
		return nil, err
	}
	return p.finish(d)
}

// minSplit is the least number of bytes a worker is given: below it,
// starting goroutines costs more than it saves. A variable for tests.
var minSplit int64 = 256 << 10

// findColumns finds the answer, group and weight columns in header.
func findColumns(name string, header []string, cfg Config, defaultColumn bool) (*layout, error) {
	columns := func() string { return strings.Join(QuoteAll(header), ", ") }
	find := func(flag, col string) (int, error) {
		if col == "" {
			return -1, nil
		}
		at := ColumnsNamed(header, col)
		switch {
		case len(at) == 0 && cfg.ComparedWith != "":
			// The flag fitted the current export: the earlier one is
			// the wrong input, as for its answer column below.
			return 0, fmt.Errorf("%s: no column %s, which %s has for %s; --compare wants an earlier export with the same columns (columns: %s)", name, diag.Quote(col), cfg.ComparedWith, flag, columns())
		case len(at) == 0:
			return 0, ColumnError{fmt.Sprintf("%s: no column %s for %s%s (columns: %s)", name, diag.Quote(col), flag, suggest.DidYouMean(col, header), columns())}
		case len(at) == 1:
			return at[0], nil
		}
		return 0, DuplicateColumn(name, flag, header, at)
	}
	lay := &layout{name: name, header: header}
	switch at := ColumnsNamed(header, cfg.Column); {
	case len(at) > 1:
		flag := "--column"
		if defaultColumn {
			flag = "the answer column"
		}
		return nil, DuplicateColumn(name, flag, header, at)
	case len(at) == 1:
		lay.ansCol = at[0]
	case cfg.ComparedWith != "":
		return nil, fmt.Errorf("%s: no column %s, which holds the answers in %s; --compare wants an earlier export with the same columns (columns: %s)", name, diag.Quote(cfg.Column), cfg.ComparedWith, columns())
	case defaultColumn && len(header) == 1:
		lay.ansCol = 0
	case defaultColumn:
		hint := suggest.DidYouMean(cfg.Column, header)
		if hint != "" {
			hint = hint[:len(hint)-1] + "? N"
		} else {
			hint = "; n"
		}
		return nil, ColumnError{fmt.Sprintf("%s: which column holds the answers? There is no column %s%same it with --column (columns: %s)", name, diag.Quote(cfg.Column), hint, columns())}
	default:
		_, err := find("--column", cfg.Column)
		return nil, err
	}
	var err error
	if lay.byCol, err = find("--by", cfg.By); err != nil {
		return nil, err
	}
	if lay.wCol, err = find("--weight", cfg.Weight); err != nil {
		return nil, err
	}
	// Each kept column has a slot; a column read in two roles has one.
	lay.want = make([]int, len(header))
	for i := range lay.want {
		lay.want[i] = -1
	}
	slots := 0
	slot := func(col int) int {
		if col < 0 {
			return -1
		}
		if lay.want[col] < 0 {
			lay.want[col] = slots
			slots++
		}
		return lay.want[col]
	}
	lay.ans, lay.by, lay.wt = slot(lay.ansCol), slot(lay.byCol), slot(lay.wCol)
	return lay, nil
}

// ColumnsNamed returns the positions of the columns named col: those
// spelt exactly so, or when there are none, those equal to it up to case
// and surrounding spaces.
func ColumnsNamed(header []string, col string) []int {
	var at []int
	for i, h := range header {
		if h == col {
			at = append(at, i)
		}
	}
	if len(at) > 0 {
		return at
	}
	for i, h := range header {
		if strings.EqualFold(strings.TrimSpace(h), strings.TrimSpace(col)) {
			at = append(at, i)
		}
	}
	return at
}

// DuplicateColumn is the error for a column to read that the header
// names more than once: which one holds the answers is a guess, and a
// metric must not guess.
func DuplicateColumn(file, flag string, header []string, at []int) error {
	fix := "rename all but one"
	if len(at) == 2 {
		fix = "rename one of them"
	}
	return fmt.Errorf("%s: the header has %d columns named %s (%s), so %s is ambiguous: %s", file, len(at), diag.Quote(header[at[0]]), positions(at), flag, fix)
}

// positions says "columns 2 and 5" of 0-based positions.
func positions(at []int) string {
	ns := make([]string, len(at))
	for i, p := range at {
		ns[i] = fmt.Sprint(p + 1)
	}
	last := len(ns) - 1
	return "columns " + strings.Join(ns[:last], ", ") + " and " + ns[last]
}

// duplicateWarnings names every non-blank header name that occurs more
// than once in columns not read: harmless, but likely a sign of a wrong
// export.
func duplicateWarnings(file string, header []string, used ...int) []string {
	seen := map[string][]int{}
	var names []string
	for i, h := range header {
		if strings.TrimSpace(h) == "" {
			continue // spreadsheets leave nameless columns
		}
		if seen[h] == nil {
			names = append(names, h)
		}
		seen[h] = append(seen[h], i)
	}
	var warns []string
	for _, h := range names {
		at := seen[h]
		if len(at) < 2 || slices.ContainsFunc(used, func(u int) bool { return slices.Contains(at, u) }) {
			continue
		}
		warns = append(warns, fmt.Sprintf("%s: the header has %d columns named %s (%s); none of them is read", file, len(at), diag.Quote(h), positions(at)))
	}
	return warns
}

// part is what one pass over a stretch of the rows found. Its lines and
// rows count from 1 at its start; readParallel shifts them.
type part struct {
	lay    *layout
	cfg    *Config
	all    *Accumulator
	groups groups.Set[*Accumulator]
	newAcc func() *Accumulator // a group's accumulator, made once
	rows   int
	blank  int
	bad    []*diag.Diagnostic
	nbad   int
	fatal  error // a *diag.Diagnostic (not CSV, not UTF-8) or a read error: reading stopped
	// start and stop are the input offsets of the first byte read and
	// just past the last record; lines is the number of line breaks in
	// between.
	start, stop int64
	lines       int
	startLine   int // the line of start, 1 for a worker's part
}

func newPart(lay *layout, cfg Config) *part {
	all, _ := newAccumulator(cfg.Metric, cfg.Scale) // checked by read
	p := &part{lay: lay, cfg: &cfg, all: all}
	p.newAcc = func() *Accumulator {
		acc, _ := newAccumulator(cfg.Metric, cfg.Scale) // checked by read
		return acc
	}
	return p
}

// scan reads records from x until the input ends, a record starts at or
// after limit (an input offset; -1 for none), or reading must stop.
func (p *part) scan(x *csvlex.Lexer, limit int64) {
	lay := p.lay
	p.start = x.Offset()
	p.startLine = x.Line()
	defer func() {
		p.stop = x.Offset()
		p.lines = x.Line() - p.startLine
	}()
	var reportedBytes int64
	reportedRows := 0
	progress := func() {
		if p.cfg.Progress != nil {
			now := x.Offset() - p.start
			p.cfg.Progress(now-reportedBytes, int64(p.rows-reportedRows))
			reportedBytes, reportedRows = now, p.rows
		}
	}
	defer progress()
	for n := 0; ; n++ {
		if limit >= 0 && x.Offset() >= limit {
			return
		}
		if n&0x3fff == 0 && n > 0 {
			progress()
		}
		err := x.Next()
		if err == io.EOF {
			return
		}
		row := p.rows + 1
		if err != nil {
			p.fatal = syntaxError(x, lay.name, row, err)
			return
		}
		rec := x.Record()
		if !utf8.Valid(x.Bytes()) {
			p.fatal = notUTF8(lay.name, false)
			return
		}
		p.rows++
		if rec.Fields > len(lay.header) {
			p.cellError(longRow(rec.FirstLine, row, rec.Fields, len(lay.header)))
			continue
		}
		ans := rec.Vals[lay.ans]
		cell := bytes.TrimSpace(ans.Val)
		if len(cell) == 0 {
			p.blank++ // not answered
			continue
		}
		w := -1.0
		if lay.wt >= 0 {
			wf := rec.Vals[lay.wt]
			if w, err = parseWeightBytes(wf.Val, lay.decimalComma); err != nil {
				p.cellError(p.where(x, wf, lay.wCol, err))
				w = -1 // still check the answer cell
			}
		}
		if err := p.all.add(cell, w); err != nil {
			if Placeholder(string(cell)) {
				err = fmt.Errorf("%w; leave the cell empty to skip an answer", err)
			}
			p.cellError(p.where(x, ans, lay.ansCol, err))
			continue
		}
		if lay.by >= 0 {
			acc := p.groups.GetBytes(groups.NameBytes(rec.Vals[lay.by].Val), p.newAcc)
			acc.add(cell, w) // cannot fail: the same cell was accepted above
		}
	}
}

// where places a bad cell: a cell missing from a short row is on the
// line of the row's last cell, without a column.
func (p *part) where(x *csvlex.Lexer, f csvlex.Field, col int, err error) *diag.Diagnostic {
	line, c := x.Record().LastLine, 0
	if f.OK {
		line, c = f.Line, x.CharCol(f)
	}
	return cellError(line, c, p.rows, p.lay.header[col], err)
}

func (p *part) cellError(e *diag.Diagnostic) {
	p.nbad++
	if len(p.bad) < MaxCellErrors {
		p.bad = append(p.bad, e)
	}
}

// finish moves what p read into d.
func (p *part) finish(d *Data) (*Data, error) {
	if p.nbad > 0 {
		return nil, cellList(p.lay.name, p.bad, p.nbad-len(p.bad))
	}
	d.All, d.Rows, d.Blank = p.all, p.rows, p.blank
	d.Groups = make([]Group, p.groups.Len())
	for i := range d.Groups {
		d.Groups[i].Name, d.Groups[i].Acc = p.groups.At(i)
	}
	return d, nil
}

// merge adds q, the part that follows p, to p: q's lines and rows come
// after p's.
func (p *part) merge(q *part) error {
	shift := p.startLine + p.lines - 1 // q's lines count from 1
	for _, e := range q.bad {
		e.Line += shift
		e.Row += p.rows
	}
	if q.fatal != nil {
		var se *diag.Diagnostic
		if errors.As(q.fatal, &se) && se.Line > 0 {
			se.Line += shift
			se.Row += p.rows
		}
		p.fatal = q.fatal
		return nil
	}
	p.nbad += q.nbad
	p.bad = append(p.bad, q.bad[:min(len(q.bad), MaxCellErrors-len(p.bad))]...)
	p.rows += q.rows
	p.blank += q.blank
	p.lines += q.lines
	p.stop = q.stop
	if err := p.all.Merge(q.all); err != nil {
		return err
	}
	return p.groups.Merge(&q.groups, (*Accumulator).Merge)
}

// readParallel reads the rows of src from offset body (on line
// bodyLine) to size with workers goroutines. The rows are cut into
// stretches at line breaks; each worker reads the records that start in
// its stretch, finishing the last one past its end. A line break inside
// a quoted field is no record boundary: a worker that started there read
// garbage, which shows as the worker before it stopping elsewhere than
// where it began, and its stretch is read again from the right place.
// The parts are merged in order, so the result is the one pass's.
func readParallel(src io.ReaderAt, size, body int64, bodyLine int, lay *layout, cfg Config, workers int) (*part, error) {
	cuts, err := split.Cuts(src, body, size, workers)
	if err != nil {
		return nil, err
	}
	run := func(from, limit int64, line int) *part {
		p := newPart(lay, cfg)
		x := csvlex.New(io.NewSectionReader(src, from, size-from), lay.comma)
		x.Keep(lay.want, 3)
		x.Start(from, line)
		p.scan(x, limit)
		return p
	}
	parts := make([]*part, workers)
	done := make(chan struct{}, workers)
	for i := range parts {
		go func() {
			defer func() { done <- struct{}{} }()
			line := 1
			if i == 0 {
				line = bodyLine
			}
			parts[i] = run(cuts[i], cuts[i+1], line)
		}()
	}
	for range parts {
		<-done
	}
	p := parts[0]
	for i := 1; i < len(parts) && p.fatal == nil; i++ {
		q := parts[i]
		if q.start != p.stop {
			// The stretch began inside a record: read it again from
			// where the records really start.
			if p.stop >= cuts[i+1] {
				continue // the previous part took the whole stretch
			}
			q = run(p.stop, cuts[i+1], 1)
		}
		if err := p.merge(q); err != nil {
			return nil, err
		}
	}
	return p, p.fatal
}

// syntaxError places an error of the lexer's at row.
func syntaxError(x *csvlex.Lexer, name string, row int, err error) error {
	pe, ok := err.(*csv.ParseError)
	if !ok {
		return fmt.Errorf("%s: row %d: %w", name, row, err)
	}
	return &diag.Diagnostic{
		Pos: diag.Pos{File: name, Line: pe.Line, Column: x.ErrorCol(pe)}, Row: row,
		Code: diag.CodeSyntax, Message: pe.Err.Error(), Err: pe.Err,
	}
}
