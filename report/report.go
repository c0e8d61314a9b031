// Package report turns many answer sheets of one checklist into the
// report a service manager acts on: it reads sheets from files, folders,
// JSON Lines and readers, checks and scores them in parallel, filters
// and de-duplicates the audits, and aggregates them with a
// [korto.Aggregator] into the league table, critical failures, section
// scores, comments and waves that `cxkit report` prints.
//
// [Run] is the one call; its [Result] marshals to exactly the JSON of
// `cxkit report --json`. The result does not depend on the number of
// workers: the aggregates merge exactly and every list is ordered by
// content or input position.
package report

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/internal/jsonl"
	"github.com/cxkit/cxkit/korto"
)

// Options configures [Run].
type Options struct {
	// By names the audit field whose values form the groups of the
	// league table ("location", "chain", "auditor", "month"); "" for
	// none.
	By string
	// Top is how many questions each "what to fix" list holds; 0 means
	// korto.DefaultTopProblems.
	Top int
	// Lang is the language of the titles in the result, a translation
	// tag of the checklist ("en"); "" keeps the checklist's own.
	Lang string
	// MinN is the smallest group that gets a rank; 0 means
	// korto.DefaultMinN.
	MinN int
	// Period splits each group into waves by the audits' dates:
	// korto.PeriodMonth, PeriodQuarter, PeriodWeek or "".
	Period string
	// Where keeps only the audits that match every filter.
	Where []Filter
	// AllowDuplicates counts an audit ID seen twice twice, instead of
	// failing with a [*DuplicateError].
	AllowDuplicates bool
	// SkipInvalid reports without the invalid sheets; they are still
	// listed in Result.Invalid. Without it, Run fails with a
	// [*InvalidError] when any sheet is invalid.
	SkipInvalid bool
	// MinDuration flags the visits shorter than it in Result.Auditors;
	// 0 flags none.
	MinDuration time.Duration
	// AsOf is the day against which promises are overdue (see
	// korto.AggregateOptions.AsOf); the zero time lists none.
	AsOf time.Time
	// Workers is how many goroutines score sheets; 0 means GOMAXPROCS.
	Workers int
	// Progress, when set, is called now and then from the reading
	// goroutine with how far the run has got.
	Progress func(Progress)
	// Kept, when set, is called for every audit the report counts, with
	// the index of its source, its line (0 for a sheet that is a whole
	// file) and the sheet, from the goroutines that score: it must be
	// safe for concurrent use. A caller that splits the input among runs
	// (a cluster) checks duplicates across them with it and [AuditKey],
	// setting AllowDuplicates on each run.
	Kept func(src, line int, sheet *korto.Sheet)
	// Place, when set, names the place of a sheet (the index of its
	// source, its line, 0 for a whole file) as the report keeps it
	// for a critical failure of an audit without an id
	// ([korto.CriticalFailure].Place, shown by text and HTML); nil names
	// it as [Problem.Where] does, "file:line". A caller that splits the
	// input among runs (a cluster) knows the line in the whole input
	// only at the end: it names the place so that it can rename it
	// then.
	Place func(src, line int) string
}

// Progress is how far a run has got: sheets scored, and bytes read of
// the total size of the named files (Total is 0 when a source is a
// reader of unknown size).
type Progress struct {
	Sheets int64
	Bytes  int64
	Total  int64
	// SourcesDone counts the sources read to their end, for a caller
	// that shows which file a long run is on.
	SourcesDone int
}

// Filter keeps the audits whose field Field equals Value (spaces around
// both trimmed).
type Filter struct {
	Field, Value string
}

// ParseFilter reads a filter written FIELD=VALUE.
func ParseFilter(s string) (Filter, error) {
	f, v, ok := strings.Cut(s, "=")
	f = strings.TrimSpace(f)
	if !ok || f == "" {
		return Filter{}, fmt.Errorf("filter %q: want FIELD=VALUE, e.g. location=Арбат", s)
	}
	return Filter{Field: f, Value: strings.TrimSpace(v)}, nil
}

func (f Filter) String() string { return f.Field + "=" + f.Value }

func (f Filter) match(audit map[string]string) bool {
	return strings.TrimSpace(audit[f.Field]) == f.Value
}

// Result is a report: the aggregate of the kept audits, and what reading
// found besides. It marshals to the JSON `cxkit report --json` prints.
type Result struct {
	*korto.Report
	// Where says which filters kept how many of the audits read; nil
	// without filters.
	Where *WhereSummary `json:"where,omitempty"`

	// Sheets counts the valid sheets read, Kept those the filters kept
	// (all of them without filters).
	Sheets int64 `json:"-"`
	Kept   int64 `json:"-"`
	// Invalid lists the invalid sheets in input order.
	Invalid []Problem `json:"-"`
	// Auditors says per auditor how many visits they made and how long
	// the visits took, where the forms recorded their start and end;
	// nil when no kept audit has both.
	Auditors []Auditor `json:"auditors,omitempty"`
	// AuditorLog is what Auditors was made from, with every visit's
	// length: runs over different sources merge theirs with
	// AuditorLog.Merge, and MarshalBinary carries it between machines.
	AuditorLog *AuditorLog `json:"-"`
	// Warnings are the warnings of the sheets (one per message, with
	// the first place and a count) and of the report as a whole.
	Warnings []Warning `json:"-"`
	// Aggregate is the aggregate the Report summarizes, of the kept
	// audits: runs over different sources (other files, other machines)
	// merge into one report with korto.Aggregator.Merge, and
	// MarshalBinary carries it between machines.
	Aggregate *korto.Aggregator `json:"-"`
}

// WhereSummary says how the filters cut the audits.
type WhereSummary struct {
	Filters []string `json:"filters"`
	Kept    int64    `json:"kept"`
	Read    int64    `json:"read"`
}

// Problem is one invalid answer sheet: where it is and what is wrong.
type Problem struct {
	Source string // the file, "<stdin>" or the reader's name
	Line   int    // 1-based line in a JSON Lines source; 0 for a JSON file
	Err    error
	Hint   string
	src    int
}

// Where returns "file:line", or the file alone for a whole-file sheet.
func (p Problem) Where() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d", p.Source, p.Line)
	}
	return p.Source
}

// Warning is one warning with where it was first seen (in input order)
// and how many sheets had it; Where is "" for a warning about the whole
// report.
type Warning struct {
	Where   string
	Message string
	Count   int
	// Line is the line of Where in its source: 0 for a sheet that is a
	// whole file and for a warning about the whole report. A program
	// that runs parts of one input places the warning in the whole by
	// it (see [WarningSet]).
	Line int
}

func (w Warning) String() string {
	s := w.Message
	if w.Where != "" {
		s = w.Where + ": " + s
	}
	if w.Count > 1 {
		s += fmt.Sprintf(" (and %d more sheets)", w.Count-1)
	}
	return s
}

// InvalidError is Run's error when sheets are invalid and
// Options.SkipInvalid is not set. The Result is returned beside it.
type InvalidError struct{ N int }

func (e *InvalidError) Error() string {
	if e.N == 1 {
		return "1 sheet is invalid; no report (use --skip-invalid to report without it)"
	}
	return fmt.Sprintf("%d sheets are invalid; no report (use --skip-invalid to report without them)", e.N)
}

// ErrNoSheets is Run's error when the sources hold no valid sheet.
var ErrNoSheets = errors.New("no answer sheets to report")

// Source is one input of answer sheets. Name is shown in messages; R,
// when set, is read instead of opening Name. Lines says the source holds
// many sheets (JSON Lines, or sheets one after another) rather than one
// JSON file.
type Source struct {
	Name  string
	R     io.Reader
	Lines bool
}

// Sources expands command-line arguments into sources: a file as it is
// (one sheet when named *.json, JSON Lines when named *.jsonl or
// *.ndjson, and under any other name read as stdin is, so that
// "cxkit import ... > sheets.txt" reports), a folder into its *.json,
// *.jsonl and *.ndjson files sorted by name (not recursively), and "-"
// into stdin, read as JSON Lines or sheets one after another.
func Sources(stdin io.Reader, args ...string) ([]Source, error) {
	var out []Source
	for _, a := range args {
		if a == "-" {
			out = append(out, Source{Name: "<stdin>", R: stdin, Lines: true})
			continue
		}
		fi, err := os.Stat(a)
		if err != nil {
			return nil, err
		}
		if !fi.IsDir() {
			out = append(out, Source{Name: a, Lines: !strings.EqualFold(filepath.Ext(a), ".json")})
			continue
		}
		entries, err := os.ReadDir(a)
		if err != nil {
			return nil, err
		}
		n := len(out)
		for _, de := range entries { // ReadDir sorts by name
			ext := strings.ToLower(filepath.Ext(de.Name()))
			if de.IsDir() || (ext != ".json" && !IsJSONLines(de.Name())) {
				continue
			}
			out = append(out, Source{Name: filepath.Join(a, de.Name()), Lines: IsJSONLines(de.Name())})
		}
		if len(out) == n {
			return nil, fmt.Errorf("%s: no *.json, *.jsonl or *.ndjson files in the folder", a)
		}
	}
	return out, nil
}

// UnreadFolders lists the subfolders of the folders among args that
// hold answer files (*.json, *.jsonl, *.ndjson), at any depth, and that args do not
// name themselves: [Sources] reads a folder's own files only, so their
// sheets would be left out without a word. A caller warns of them.
func UnreadFolders(args ...string) []string {
	named := map[string]bool{}
	for _, a := range args {
		if a != "-" {
			named[filepath.Clean(a)] = true
		}
	}
	var out []string
	for _, a := range args {
		if a == "-" {
			continue
		}
		entries, err := os.ReadDir(a)
		if err != nil {
			continue // not a folder, or Sources says why
		}
		for _, de := range entries {
			sub := filepath.Join(a, de.Name())
			if !de.IsDir() || named[filepath.Clean(sub)] {
				continue
			}
			if holdsAnswerFiles(sub) {
				out = append(out, sub)
			}
		}
	}
	return out
}

// holdsAnswerFiles reports whether an answer file lies anywhere under
// dir; it stops at the first.
func holdsAnswerFiles(dir string) bool {
	found := errors.New("found")
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && (strings.EqualFold(filepath.Ext(path), ".json") || IsJSONLines(path)) {
			return found
		}
		return nil // an unreadable corner holds nothing to warn of
	})
	return err == found
}

// IsJSONLines reports whether a file name says it holds JSON Lines.
func IsJSONLines(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".jsonl", ".ndjson":
		return true
	}
	return false
}

// Run reads, checks, scores, filters and aggregates every sheet of
// sources against plan and returns the report. It fails when a source
// cannot be read, when an audit is given twice (a [*DuplicateError],
// unless AllowDuplicates; the Result then holds only what reading found),
// when a sheet is invalid (an [*InvalidError],
// unless SkipInvalid; the Result is returned beside it, with the
// problems), or when no sheet is left ([ErrNoSheets], with the Result).
func Run(ctx context.Context, plan *korto.Plan, sources []Source, opts Options) (*Result, error) {
	if plan == nil {
		return nil, errors.New("report: nil plan")
	}
	aggOpts := korto.AggregateOptions{GroupBy: opts.By, TopProblems: opts.Top, MinN: opts.MinN, Period: opts.Period, AsOf: opts.AsOf}
	total, err := korto.NewAggregator(plan.Checklist(), aggOpts)
	if err != nil {
		return nil, err
	}
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	r := &run{opts: opts, sources: sources, bufs: make(chan []byte, 3*workers)}
	for _, s := range sources {
		if s.R != nil {
			r.totalBytes = -1
			break
		}
		if fi, err := os.Stat(s.Name); err == nil {
			r.totalBytes += fi.Size()
		}
	}
	r.totalBytes = max(r.totalBytes, 0)

	jobs := make(chan job, 2*workers)
	outs := make([]*worker, workers)
	var wg sync.WaitGroup
	for w := range workers {
		agg, _ := korto.NewAggregator(plan.Checklist(), aggOpts) // the same call succeeded above
		out := &worker{run: r, plan: plan, agg: agg, warnings: warningCounts{}, auditors: NewAuditorLog(opts.MinDuration)}
		outs[w] = out
		wg.Go(func() {
			for j := range jobs {
				out.do(j)
				r.done(j)
			}
		})
	}
	readErr := r.feed(ctx, jobs)
	close(jobs)
	wg.Wait()
	if readErr == nil {
		mergeFollowUps(outs, outs[0])
	}
	defer func() {
		for _, out := range outs {
			out.dups.free()
		}
	}()
	if readErr != nil {
		return nil, readErr
	}

	res := &Result{}
	ws := warningCounts{}
	auditors := NewAuditorLog(opts.MinDuration)
	var dups []*dupList
	for _, out := range outs {
		if err := total.Merge(out.agg); err != nil {
			return nil, err
		}
		res.Invalid = append(res.Invalid, out.invalid...)
		for msg, wc := range out.warnings {
			ws.add(msg, wc)
		}
		res.Sheets += out.sheets
		dups = append(dups, &out.dups)
		if err := auditors.Merge(out.auditors); err != nil {
			return nil, err
		}
	}
	res.Kept = total.Len()
	res.Aggregate = total
	res.AuditorLog = auditors
	slices.SortFunc(res.Invalid, func(a, b Problem) int {
		return cmp.Or(cmp.Compare(a.src, b.src), cmp.Compare(a.Line, b.Line))
	})
	res.Warnings = ws.list()
	if !opts.AllowDuplicates {
		if err := findDuplicates(dups, r.placeName, r.auditID); err != nil {
			return res, err
		}
	}
	res.Complete(plan.Checklist(), opts)
	if len(res.Invalid) > 0 && !opts.SkipInvalid {
		return res, &InvalidError{N: len(res.Invalid)}
	}
	if res.Kept == 0 {
		return res, ErrNoSheets
	}
	return res, nil
}

// Complete derives what a result says from its Aggregate, AuditorLog,
// Sheets and Kept: the report (its titles in opts.Lang, a language
// of c), the auditors' table, the filters' summary, and the warnings
// about the groups, after the sheets' warnings already in Warnings. Run
// calls it; a program that merges the aggregates of many runs itself
// (a cluster, each run over part of the input) calls it once on the
// merged result, to get what one Run over the whole input returns.
func (res *Result) Complete(c *korto.Checklist, opts Options) {
	res.Report = res.Aggregate.Report()
	if opts.Lang != "" {
		translate(res.Report, c, opts.Lang)
	}
	res.Auditors = res.AuditorLog.Auditors()
	res.Where = nil
	if len(opts.Where) > 0 {
		w := &WhereSummary{Kept: res.Kept, Read: res.Sheets}
		for _, f := range opts.Where {
			w.Filters = append(w.Filters, f.String())
		}
		res.Where = w
	}
	res.Warnings = append(res.Warnings, groupWarnings(res.Report, opts.By)...)
}

// run is the state the feeder and the workers share.
type run struct {
	opts       Options
	sources    []Source
	totalBytes int64
	bytesRead  atomic.Int64
	scored     atomic.Int64
	// bufs are the jobs' buffers of lines, back from the workers that
	// are done with them (see job.buf).
	bufs chan []byte
}

// maxKeptBuf is the largest buffer of lines kept for another job: one
// that grew for a sheet of many megabytes goes back to the collector.
const maxKeptBuf = 4 << 20

// spareBuf returns a buffer of lines a worker is done with, or nil.
func (r *run) spareBuf() []byte {
	select {
	case b := <-r.bufs:
		return b
	default:
		return nil
	}
}

// done takes back a job's buffer of lines, once its worker has read
// them all: nothing of them outlives the job (korto copies what a sheet
// keeps).
func (r *run) done(j job) {
	if j.buf == nil || cap(j.buf) > maxKeptBuf {
		return
	}
	select {
	case r.bufs <- j.buf[:0]:
	default:
	}
}

// placeName names a place of the input: "file" or "file:line".
func (r *run) placeName(src, line int) string {
	p := Problem{Source: r.sources[src].Name, Line: line}
	return p.Where()
}

// auditID reads the audit ID of the sheet at a place again, for the
// message about a duplicate; "" when it cannot (a reader is read once).
func (r *run) auditID(src, line int) string {
	s := r.sources[src]
	if s.R != nil {
		return ""
	}
	f, err := os.Open(s.Name)
	if err != nil {
		return ""
	}
	defer f.Close()
	var data []byte
	if !s.Lines {
		data, _ = io.ReadAll(io.LimitReader(f, MaxLine))
	} else {
		lines := jsonl.NewReader(f, MaxLine)
		for lines.Line() < line {
			b, err := lines.Next()
			if _, ok := err.(*diag.Diagnostic); ok {
				continue // a line over the limit before it
			}
			if err != nil {
				return ""
			}
			data = b
		}
	}
	sheet, err := korto.ParseAnswers(data)
	if err != nil {
		return ""
	}
	return sheet.Audit["id"]
}

func (r *run) progress(done int) {
	if r.opts.Progress == nil {
		return
	}
	r.opts.Progress(Progress{Sheets: r.scored.Load(), Bytes: r.bytesRead.Load(), Total: r.totalBytes, SourcesDone: done})
}

// job is a batch of sheets for a worker: whole JSON files, or lines of
// a JSON Lines source, or sheets a SheetReader has read.
type job struct {
	src   int
	lines bool
	first int      // line number of data[0] in a JSON Lines source
	data  [][]byte // one sheet each; nil entries are blank lines
	// buf holds the lines of data, copied from the reader's buffer one
	// after another: one buffer a job, reused from job to job (run.bufs),
	// where a line each was an allocation of its own and a tenth of the
	// bytes the collector had to clear up after a sheet.
	buf  []byte
	read []readSheet
	bad  []Problem // lines that could not be taken at all
}

// readSheet is a sheet a korto.SheetReader has read, with its line.
type readSheet struct {
	line  int
	sheet *korto.Sheet
	err   error
}

// jobLines is how many JSON Lines go to a worker at once: enough to make
// the hand-off cheap, few enough to keep every worker busy. jobSheets is
// the same for sheets already read, which take more memory than their
// text.
const (
	jobLines  = 256
	jobSheets = 32
)

// MaxLine bounds one JSON Lines sheet. A longer line is an invalid
// sheet (skipped with SkipInvalid), and the lines after it are read.
const MaxLine = 64 << 20

// maxLine is MaxLine, smaller in tests.
var maxLine = MaxLine

// feed reads the sources in order and sends their sheets to jobs. It
// fails only when a source cannot be read at all.
func (r *run) feed(ctx context.Context, jobs chan<- job) error {
	for i, src := range r.sources {
		if err := ctx.Err(); err != nil {
			return err
		}
		if !src.Lines {
			var data []byte
			var err error
			if src.R != nil {
				data, err = io.ReadAll(io.LimitReader(src.R, MaxLine+1))
			} else {
				data, err = readFileLimited(src.Name, MaxLine)
			}
			if err != nil {
				return err
			}
			r.bytesRead.Add(int64(len(data)))
			jobs <- job{src: i, data: [][]byte{data}}
			r.progress(i + 1)
			continue
		}
		if err := r.feedLines(ctx, i, jobs); err != nil {
			return err
		}
		r.progress(i + 1)
	}
	return nil
}

// readFileLimited reads a file that should hold one sheet, refusing one
// over limit bytes rather than reading it all.
func readFileLimited(name string, limit int64) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%s: longer than %d MiB, the limit for one answer sheet", name, limit>>20)
	}
	return data, nil
}

func (r *run) feedLines(ctx context.Context, src int, jobs chan<- job) error {
	s := r.sources[src]
	in := s.R
	if in == nil {
		f, err := os.Open(s.Name)
		if err != nil {
			return err
		}
		defer f.Close()
		in = f
	}
	br := bufio.NewReaderSize(in, 64<<10)
	if !IsJSONLines(s.Name) {
		// A file named *.jsonl or *.ndjson holds JSON Lines, and so
		// does a reader of such a name (a piece of such a file, read
		// by a cluster); standard input or a file of another name may
		// instead hold indented sheets, as people pipe them in (cat
		// visit.json | cxkit report x -).
		if !sniffJSONLines(br) {
			return r.feedDocuments(src, br, jobs)
		}
	}
	lines := jsonl.NewReader(br, maxLine)
	j := job{src: src, lines: true, first: 1, buf: r.spareBuf()}
	line := 0 // the line j.data ends at
	var done int64
	for {
		b, err := lines.Next()
		if err == io.EOF {
			break
		}
		d, tooLong := err.(*diag.Diagnostic)
		if err != nil && !tooLong {
			return fmt.Errorf("%s:%d: %w", s.Name, lines.Line()+1, err)
		}
		r.bytesRead.Add(lines.Offset() - done)
		done = lines.Offset()
		// Blank lines hold their places in the batch as nil, so that
		// a sheet's index in it gives its line.
		for line < lines.Line() {
			if len(j.data) == jobLines {
				jobs <- j
				r.progress(src)
				if ctx.Err() != nil {
					return ctx.Err()
				}
				j = job{src: src, lines: true, first: line + 1, buf: r.spareBuf()}
			}
			line++
			j.data = append(j.data, nil)
		}
		if tooLong {
			j.bad = append(j.bad, Problem{Source: s.Name, Line: line, src: src,
				Err: fmt.Errorf("%s, the limit for one answer sheet; skipped", d.Message)})
			continue
		}
		// The worker reads the sheet past the next line: a copy.
		j.data[len(j.data)-1] = copyLine(&j.buf, b)
	}
	r.bytesRead.Add(lines.Offset() - done)
	if len(j.data) > 0 {
		jobs <- j
	}
	return nil
}

// copyLine copies line b to the end of *buf and returns the copy. When
// *buf has no room for it, it starts a new array twice the size: the
// lines already copied keep the old one alive as long as they need it.
func copyLine(buf *[]byte, b []byte) []byte {
	if cap(*buf)-len(*buf) < len(b) {
		*buf = make([]byte, 0, max(len(b), 2*cap(*buf), 64<<10))
	}
	start := len(*buf)
	*buf = append(*buf, b...)
	return (*buf)[start:len(*buf):len(*buf)]
}

// sniffJSONLines reports whether the input buffered in br holds JSON
// Lines: whether its first line that is not blank is a whole JSON value,
// or, when it is not (a broken sheet), the next such line starts another
// object, where an indented sheet would go on with a key. A first line
// longer than br's buffer counts as JSON Lines.
func sniffJSONLines(br *bufio.Reader) bool {
	b, _ := br.Peek(br.Size()) // less at the end of the input
	first, rest, ok := nextLine(b)
	if !ok || json.Valid(first) {
		return true
	}
	next, _, _ := nextLine(rest)
	return bytes.HasPrefix(next, []byte("{"))
}

// nextLine returns the first line of b that is not blank, trimmed, and
// what follows it; ok is false when b ends before the line does.
func nextLine(b []byte) (line, rest []byte, ok bool) {
	b = bytes.TrimLeft(b, " \t\r\n")
	end := bytes.IndexByte(b, '\n')
	if end < 0 {
		return bytes.TrimSpace(b), nil, false
	}
	return bytes.TrimSpace(b[:end]), b[end+1:], true
}

// feedDocuments reads sheets one after another, however they are laid
// out over lines, with a korto.SheetReader, and sends them read, each
// placed at the line it starts on. A broken sheet is reported and the
// sheets after it still read.
func (r *run) feedDocuments(src int, in io.Reader, jobs chan<- job) error {
	name := r.sources[src].Name
	sr := korto.NewSheetReader(in)
	j := job{src: src, lines: true}
	for {
		sheet, err := sr.Next()
		if err == io.EOF {
			break
		}
		var bad *korto.SheetError
		if err != nil && !errors.As(err, &bad) {
			return fmt.Errorf("%s: %w", name, err)
		}
		if bad != nil {
			err = bad.Errs // placed by the problem's line, as JSON Lines are
		}
		j.read = append(j.read, readSheet{line: sr.Line(), sheet: sheet, err: err})
		if len(j.read) == jobSheets {
			jobs <- j
			r.progress(src)
			j = job{src: src, lines: true}
		}
	}
	if len(j.read) > 0 {
		jobs <- j
	}
	return nil
}
