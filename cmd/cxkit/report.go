package main

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/cxkit/cxkit/korto"
)

func init() {
	register(&command{
		name:    "report",
		usage:   "report FILE ANSWERS... [--by FIELD] [--json] [--html OUT.html] [--top N] [--lang L] [--skip-invalid]",
		summary: "aggregate many audits: league table, intervals, top problems, survey metrics",
		run:     runReport,
	})
}

// reportConfig is the parsed command line of "cxkit report".
type reportConfig struct {
	by          string
	asJSON      bool
	htmlOut     string
	top         int
	lang        string
	skipInvalid bool
	workers     int // 0 means GOMAXPROCS
}

func runReport(e *env, args []string) int {
	c := commands["report"]
	fs := newFlags(e, c)
	var cfg reportConfig
	fs.StringVar(&cfg.by, "by", "", "group audits by the audit `FIELD` (location, chain, auditor, ...)")
	fs.BoolVar(&cfg.asJSON, "json", false, "print the report as JSON")
	fs.StringVar(&cfg.htmlOut, "html", "", "also write a printable HTML report to `OUT.html`")
	fs.IntVar(&cfg.top, "top", korto.DefaultTopProblems, "list the `N` questions that fail most")
	fs.StringVar(&cfg.lang, "lang", "", "language `L` of the report: a translation tag of the checklist, e.g. en (default: the checklist's own)")
	fs.BoolVar(&cfg.skipInvalid, "skip-invalid", false, "report without the invalid sheets (still listed on stderr) instead of failing")
	pos, err := parseFlags(fs, args)
	if err != nil {
		if isHelp(err) {
			return exitOK
		}
		return exitUsage
	}
	if len(pos) < 2 {
		return usageError(e, c, "need a checklist and at least one answer file, folder or -")
	}
	if cfg.htmlOut == "-" {
		return usageError(e, c, "--html -: standard output carries the report; name a file for the page, e.g. --html out.html")
	}
	if cfg.top < 1 {
		return usageError(e, c, "--top must be at least 1, got %d", cfg.top)
	}
	if slices.Contains(pos[1:], "-") && pos[0] == "-" {
		return usageError(e, c, "the checklist and the answers cannot both come from standard input")
	}
	if stdinTwice(pos[1:]...) {
		return usageError(e, c, "- names standard input, which can be read only once; give it once")
	}

	checklist, code := loadChecklist(e, "report", pos[0])
	if checklist == nil {
		return code
	}
	cfg.lang = resolveLang(e, "report", checklist, cfg.lang)
	plan, err := korto.Compile(checklist)
	if err != nil {
		printCompileError(e, inputName(pos[0]), err)
		return exitInput
	}
	return reportRun(e, checklist, plan, pos[1:], cfg)
}

// reportRun aggregates the answers and prints the report.
func reportRun(e *env, checklist *korto.Checklist, plan *korto.Plan, answers []string, cfg reportConfig) int {
	sources, err := reportSources(answers)
	if err != nil {
		fmt.Fprintf(e.stderr, "cxkit report: %v\n", err)
		return exitInput
	}
	agg, stats, err := aggregateSheets(e, plan, sources, cfg)
	if err != nil {
		fmt.Fprintf(e.stderr, "cxkit report: %v\n", err)
		return exitInput
	}
	stats.print(e.stderr)
	if len(stats.invalid) > 0 && !cfg.skipInvalid {
		fmt.Fprintf(e.stderr, "cxkit report: %s invalid; no report (use --skip-invalid to report without them)\n",
			plural(len(stats.invalid), "sheet is", "sheets are"))
		return exitInput
	}
	if stats.sheets == 0 {
		if n := len(stats.invalid); n > 0 {
			fmt.Fprintf(e.stderr, "cxkit report: no valid answer sheets: %s invalid; nothing to report\n", plural(n, "sheet is", "sheets are"))
		} else {
			fmt.Fprintln(e.stderr, "cxkit report: no answer sheets found")
		}
		return exitInput
	}

	rep := agg.Report()
	if cfg.by != "" && len(rep.Groups) == 1 && rep.Groups[0].Group == korto.NoGroup {
		fmt.Fprintf(e.stderr, "cxkit report: warning: no audit has the field %q; the league table has one row, of audits without it\n", cfg.by)
	}
	view := newReportView(checklist, rep, cfg, stats)
	if cfg.htmlOut != "" {
		if err := writeReportHTML(cfg.htmlOut, view); err != nil {
			fmt.Fprintf(e.stderr, "cxkit report: %v\n", err)
			return exitInput
		}
	}
	if cfg.asJSON {
		err = writeJSON(e.stdout, rep)
	} else {
		err = writeReportText(e.stdout, view)
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "cxkit report: %v\n", err)
		return exitInput
	}
	return exitOK
}

// A reportSource is one input of answer sheets: a JSON file holding one
// sheet, or a JSON Lines stream holding one sheet per line ("-" is
// standard input).
type reportSource struct {
	name  string
	lines bool
}

// reportSources expands the ANSWERS arguments: files as they are, a
// folder into its *.json, *.jsonl and *.ndjson files sorted by name
// (not recursively), and "-" into standard input: JSON Lines, or, when
// its first line is not a whole sheet, indented sheets one after another.
func reportSources(args []string) ([]reportSource, error) {
	var out []reportSource
	for _, a := range args {
		if a == "-" {
			out = append(out, reportSource{name: "-", lines: true})
			continue
		}
		fi, err := os.Stat(a)
		if err != nil {
			return nil, err
		}
		if !fi.IsDir() {
			out = append(out, reportSource{name: a, lines: isJSONLines(a)})
			continue
		}
		entries, err := os.ReadDir(a)
		if err != nil {
			return nil, err
		}
		n := len(out)
		for _, de := range entries { // ReadDir sorts by name
			ext := strings.ToLower(filepath.Ext(de.Name()))
			if de.IsDir() || (ext != ".json" && !isJSONLines(de.Name())) {
				continue
			}
			out = append(out, reportSource{name: filepath.Join(a, de.Name()), lines: isJSONLines(de.Name())})
		}
		if len(out) == n {
			return nil, fmt.Errorf("%s: no *.json, *.jsonl or *.ndjson files in the folder", a)
		}
	}
	return out, nil
}

func isJSONLines(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".jsonl", ".ndjson":
		return true
	}
	return false
}

// sheetProblem is one invalid answer sheet: where it is and what is
// wrong with it.
type sheetProblem struct {
	src  int // index of the source, for a stable order
	name string
	line int // 1-based line in a JSON Lines source; 0 for a JSON file
	err  error
	hint string
}

func (p sheetProblem) where() string {
	if p.line > 0 {
		return fmt.Sprintf("%s:%d", p.name, p.line)
	}
	return p.name
}

// reportStats is what reading the sheets found besides the aggregate.
type reportStats struct {
	sheets   int64          // valid sheets aggregated
	invalid  []sheetProblem // sorted by source and line
	warnings warningCounts
}

// warningCount counts sheets with the same warning, so that a version
// mismatch in a million sheets is one line, not a million.
type warningCount struct {
	first string // where it was first seen, in input order
	key   [2]int // source and line of first, to keep the earliest
	n     int
}

// warningCounts maps a warning's message to its count. Workers fold
// warnings into it as they go, so that a warning on every sheet costs
// one entry, not one per sheet: memory stays independent of the number
// of audits, as the scoring spec asks of aggregation.
type warningCounts map[string]*warningCount

// note counts one sheet with warning msg, at p.
func (ws warningCounts) note(msg string, p sheetProblem) {
	ws.add(msg, &warningCount{first: p.where(), key: [2]int{p.src, p.line}, n: 1})
}

// add folds o, the count of msg elsewhere, into ws, keeping the
// earliest place in input order.
func (ws warningCounts) add(msg string, o *warningCount) {
	wc := ws[msg]
	if wc == nil {
		c := *o
		ws[msg] = &c
		return
	}
	if o.key[0] < wc.key[0] || o.key[0] == wc.key[0] && o.key[1] < wc.key[1] {
		wc.key, wc.first = o.key, o.first
	}
	wc.n += o.n
}

func (s *reportStats) print(w io.Writer) {
	for _, p := range s.invalid {
		es := korto.AsAnswerErrors(p.err)
		if len(es) == 0 {
			fmt.Fprintf(w, "%s: %v\n", p.where(), p.err)
			continue
		}
		for _, ae := range es {
			fmt.Fprintln(w, sheetErrorLine(p.name, p.line, ae))
		}
		if p.hint != "" {
			fmt.Fprintf(w, "hint: %s\n", p.hint)
		}
	}
	msgs := make([]string, 0, len(s.warnings))
	for m := range s.warnings {
		msgs = append(msgs, m)
	}
	slices.Sort(msgs)
	for _, m := range msgs {
		wc := s.warnings[m]
		// m is the warning as the answers reader words it, "warning:"
		// included, as cxkit score prints it.
		if wc.n == 1 {
			fmt.Fprintf(w, "%s: %s\n", wc.first, m)
		} else {
			fmt.Fprintf(w, "%s: %s (and %d more sheets)\n", wc.first, m, wc.n-1)
		}
	}
}

// sheetJob is a batch of sheets for a worker: whole JSON files, or lines
// of a JSON Lines source.
type sheetJob struct {
	src   int
	name  string
	lines bool
	first int      // line number of data[0] in a JSON Lines source
	data  [][]byte // one sheet each; nil entries are blank lines
	// read holds sheets already read, with their lines, from a source
	// that is not JSON Lines, in place of data.
	read []readSheet
}

// readSheet is a sheet a korto.SheetReader has read: the line it starts
// on, and the sheet or what is wrong with its form.
type readSheet struct {
	line  int
	sheet *korto.Sheet
	err   error
}

// jobLines is how many JSON Lines go to a worker at once: enough to make
// the hand-off cheap, few enough to keep every worker busy. jobSheets is
// the same for sheets already read, which take more memory than their
// text: fewer of them keep the jobs waiting in the channel small.
const (
	jobLines  = 256
	jobSheets = 32
)

// aggregateSheets reads, checks and scores every sheet of sources and
// aggregates the results. Workers score in parallel, each into its own
// aggregator; the aggregators merge exactly, so the report does not
// depend on how the sheets were shared out.
func aggregateSheets(e *env, plan *korto.Plan, sources []reportSource, cfg reportConfig) (*korto.Aggregator, *reportStats, error) {
	opts := korto.AggregateOptions{GroupBy: cfg.by, TopProblems: cfg.top}
	total, err := korto.NewAggregator(plan.Checklist(), opts)
	if err != nil {
		return nil, nil, err
	}
	workers := cfg.workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}

	var scored atomic.Int64
	stop := startProgress(e, &scored)
	defer stop()

	jobs := make(chan sheetJob, 2*workers)
	type workerOut struct {
		sheetScorer
		invalid  []sheetProblem
		warnings warningCounts
	}
	outs := make([]workerOut, workers)
	var wg sync.WaitGroup
	for w := range workers {
		agg, _ := korto.NewAggregator(plan.Checklist(), opts) // the same call succeeded above
		outs[w].plan, outs[w].agg, outs[w].warnings = plan, agg, warningCounts{}
		wg.Go(func() {
			out := &outs[w]
			for job := range jobs {
				for _, rs := range job.read {
					p := sheetProblem{src: job.src, name: job.name, line: rs.line}
					sheet, err := out.addRead(rs.sheet, rs.err)
					if err != nil {
						p.err = err
						out.invalid = append(out.invalid, p)
						continue
					}
					for _, wn := range sheet.Warnings {
						out.warnings.note(wn.Error(), p)
					}
					scored.Add(1)
				}
				for i, data := range job.data {
					if data == nil {
						continue
					}
					p := sheetProblem{src: job.src, name: job.name}
					if job.lines {
						p.line = job.first + i
					}
					sheet, err := out.add(data)
					if err != nil {
						if job.lines {
							// Placed in the line alone: move syntax errors to it.
							for _, ae := range korto.AsAnswerErrors(err) {
								if ae.Line > 0 {
									ae.Line += p.line - 1
								}
							}
						}
						p.err = err
						if !job.lines && looksLikeJSONLines(err) {
							p.hint = "a file with one sheet per line must be named *.jsonl or *.ndjson"
						}
						out.invalid = append(out.invalid, p)
						continue
					}
					for _, wn := range sheet.Warnings {
						out.warnings.note(wn.Error(), p)
					}
					scored.Add(1)
				}
			}
		})
	}
	readErr := feedSheets(e, sources, jobs)
	close(jobs)
	wg.Wait()
	if readErr != nil {
		return nil, nil, readErr
	}

	stats := &reportStats{warnings: warningCounts{}}
	for _, out := range outs {
		if err := total.Merge(out.agg); err != nil {
			return nil, nil, err
		}
		stats.invalid = append(stats.invalid, out.invalid...)
		for msg, wc := range out.warnings {
			stats.warnings.add(msg, wc)
		}
	}
	stats.sheets = total.Len()
	slices.SortFunc(stats.invalid, func(a, b sheetProblem) int {
		return cmp.Or(cmp.Compare(a.src, b.src), cmp.Compare(a.line, b.line))
	})
	return total, stats, nil
}

// sheetScorer reads, checks, scores and aggregates sheets one by one,
// reusing its buffers; each worker has its own.
type sheetScorer struct {
	plan   *korto.Plan
	agg    *korto.Aggregator
	bound  korto.Bound
	scores korto.Scores
}

// add reads one sheet and adds it to the aggregate. It checks the
// answers against the checklist once, in BindInto, and aggregates the
// flat scores without building a Result; only for a sheet that fails
// does it read the sheet again with Plan.ReadAnswers, which lists the
// problems of the form and of the answers together.
func (w *sheetScorer) add(data []byte) (*korto.Sheet, error) {
	sheet, err := korto.ReadAnswers(bytes.NewReader(data))
	if err == nil {
		form := sheet.Warnings
		err = w.plan.BindInto(&w.bound, sheet) // sets sheet.Warnings to the answers' warnings
		sheet.Warnings = append(form, sheet.Warnings...)
	}
	if err != nil {
		if _, all := w.plan.ReadAnswers(bytes.NewReader(data)); all != nil {
			err = all
		}
		return nil, err
	}
	return w.score(sheet)
}

// score scores a sheet bound in w.bound and adds it to the aggregate.
func (w *sheetScorer) score(sheet *korto.Sheet) (*korto.Sheet, error) {
	if err := w.plan.ScoreInto(&w.scores, &w.bound); err != nil {
		return nil, err
	}
	if err := w.agg.AddScored(w.plan, sheet, &w.scores); err != nil {
		return nil, err
	}
	return sheet, nil
}

// addRead adds a sheet that a korto.SheetReader read, with the error of
// its form, formErr. The answers are checked once, in BindInto; a sheet
// whose form is wrong has its answers checked too, so that all of its
// problems are listed together, as for a sheet read by lines.
func (w *sheetScorer) addRead(sheet *korto.Sheet, formErr error) (*korto.Sheet, error) {
	if formErr != nil {
		errs := slices.Clone(korto.AsAnswerErrors(formErr))
		if sheet == nil || sheet.Answers == nil || slices.ContainsFunc(errs, func(e *korto.AnswerError) bool { return e.Code == korto.CodeSyntax }) {
			return nil, formErr
		}
		for _, e := range w.plan.Check(sheet) {
			if e.Severity == korto.SeverityError && !slices.ContainsFunc(errs, func(f *korto.AnswerError) bool { return *f == *e }) {
				errs = append(errs, e)
			}
		}
		return nil, errs
	}
	form := sheet.Warnings
	if err := w.plan.BindInto(&w.bound, sheet); err != nil { // sets sheet.Warnings to the answers' warnings
		return nil, err
	}
	sheet.Warnings = append(form, sheet.Warnings...)
	return w.score(sheet)
}

// looksLikeJSONLines reports whether a JSON file failed because a second
// value starts on a later line: the mark of JSON Lines under a .json name.
func looksLikeJSONLines(err error) bool {
	for _, ae := range korto.AsAnswerErrors(err) {
		if ae.Code == korto.CodeSyntax && ae.Line > 1 && ae.Column == 1 {
			return true
		}
	}
	return false
}

// feedSheets reads the sources in order and sends their sheets to jobs.
// It fails only when a source cannot be read at all.
func feedSheets(e *env, sources []reportSource, jobs chan<- sheetJob) error {
	for i, src := range sources {
		if !src.lines {
			data, err := os.ReadFile(src.name)
			if err != nil {
				return err
			}
			jobs <- sheetJob{src: i, name: src.name, data: [][]byte{data}}
			continue
		}
		if err := feedLines(e, i, src.name, jobs); err != nil {
			return err
		}
	}
	return nil
}

// maxSheetLine bounds one JSON Lines sheet, so that a file without line
// breaks is an error rather than an unbounded read.
const maxSheetLine = 64 << 20

func feedLines(e *env, src int, name string, jobs chan<- sheetJob) error {
	rc, err := openInput(e, name)
	if err != nil {
		return err
	}
	defer rc.Close()
	display := name
	if name == "-" {
		display = "<stdin>"
	}
	var in io.Reader = rc
	if name == "-" {
		// A named file's extension says it holds JSON Lines; standard
		// input may instead hold indented sheets, as people pipe them
		// in (cat visit.json | cxkit report x -).
		br := bufio.NewReaderSize(rc, 64<<10)
		if !sniffJSONLines(br) {
			return feedDocuments(src, display, br, jobs)
		}
		in = br
	}
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 0, 64<<10), maxSheetLine)
	job := sheetJob{src: src, name: display, lines: true, first: 1}
	line := 0
	for sc.Scan() {
		line++
		if len(job.data) == jobLines {
			jobs <- job
			job = sheetJob{src: src, name: display, lines: true, first: line}
		}
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			job.data = append(job.data, nil)
			continue
		}
		job.data = append(job.data, bytes.Clone(b))
	}
	if len(job.data) > 0 {
		jobs <- job
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s:%d: %w", display, line+1, err)
	}
	return nil
}

// sniffJSONLines reports whether the input buffered in br holds JSON
// Lines: whether its first line that is not blank is a whole JSON value,
// or, when it is not (a broken sheet), the next such line starts another
// object, where an indented sheet would go on with a key. A first line
// longer than br's buffer counts as JSON Lines, the way standard input
// was always read.
func sniffJSONLines(br *bufio.Reader) bool {
	b, _ := br.Peek(br.Size()) // less at the end of the input
	first, rest, ok := reportNextLine(b)
	if !ok || json.Valid(first) {
		return true
	}
	next, _, _ := reportNextLine(rest)
	return bytes.HasPrefix(next, []byte("{"))
}

// reportNextLine returns the first line of b that is not blank, trimmed,
// and what follows it; ok is false when b ends before the line does
// (or has none).
func reportNextLine(b []byte) (line, rest []byte, ok bool) {
	b = bytes.TrimLeft(b, " \t\r\n")
	end := bytes.IndexByte(b, '\n')
	if end < 0 {
		return bytes.TrimSpace(b), nil, false
	}
	return bytes.TrimSpace(b[:end]), b[end+1:], true
}

// feedDocuments reads sheets one after another, however they are laid
// out over lines, with a korto.SheetReader, and sends them read, each
// placed at the line it starts on. It streams, holding one sheet at a
// time; a broken sheet is reported and the sheets after it still read.
// Reading here rather than in the workers costs no more than framing the
// documents did (it took a json.Decoder) and leaves the workers to bind,
// score and aggregate.
func feedDocuments(src int, name string, r io.Reader, jobs chan<- sheetJob) error {
	sr := korto.NewSheetReader(r)
	job := sheetJob{src: src, name: name, lines: true}
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
		job.read = append(job.read, readSheet{line: sr.Line(), sheet: sheet, err: err})
		if len(job.read) == jobSheets {
			jobs <- job
			job = sheetJob{src: src, name: name, lines: true}
		}
	}
	if len(job.read) > 0 {
		jobs <- job
	}
	return nil
}

// How long a run goes before it shows progress, and how often the
// progress line is rewritten; variables for the tests.
var (
	reportProgressDelay = time.Second
	reportProgressEvery = 200 * time.Millisecond
)

// startProgress prints "scored 12,000 sheets…" on stderr, rewritten in
// place, once a run has taken more than a second and stderr is a
// terminal. The returned func stops it and clears the line.
func startProgress(e *env, n *atomic.Int64) (stop func()) {
	if !e.stderrTTY {
		return func() {}
	}
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		shown := false
		delay := time.NewTimer(reportProgressDelay)
		defer delay.Stop()
		select {
		case <-done:
			return
		case <-delay.C:
		}
		tick := time.NewTicker(reportProgressEvery)
		defer tick.Stop()
		for {
			fmt.Fprintf(e.stderr, "\rscored %s sheets…", reportThousands(n.Load()))
			shown = true
			select {
			case <-done:
				if shown {
					fmt.Fprint(e.stderr, "\r\033[K")
				}
				return
			case <-tick.C:
			}
		}
	}()
	return func() {
		close(done)
		<-finished
	}
}

// reportThousands formats n with commas between groups of three digits.
func reportThousands(n int64) string {
	s := fmt.Sprint(n)
	if n < 0 {
		return "-" + reportThousands(-n)
	}
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}
