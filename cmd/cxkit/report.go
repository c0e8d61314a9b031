package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/internal/atomicfile"
	"github.com/cxkit/cxkit/internal/progress"
	"github.com/cxkit/cxkit/korto"
	"github.com/cxkit/cxkit/report"
	"github.com/cxkit/cxkit/report/render"
)

func init() {
	register(&Command{
		Name:      "report",
		UsageLine: "report FILE ANSWERS... [--by FIELD] [--period month|quarter|week] [--where FIELD=VALUE]... [--min-n N] [--json] [--html OUT.html] [--xlsx OUT.xlsx] [--top N] [--lang L] [--skip-invalid] [--allow-duplicates] [--min-duration D] [--as-of DATE] [--workers N]",
		Short:     "aggregate many audits: critical failures, league table, what to fix, waves, survey metrics",
		Flags:     reportFlags,
	})
}

// reportConfig is the parsed command line of "cxkit report".
type reportConfig struct {
	asJSON  bool
	htmlOut string
	xlsxOut string
	opts    report.Options
}

// whereFlags collects the repeated --where filters.
type whereFlags struct{ fs *[]report.Filter }

func (w whereFlags) String() string { return "" }

func (w whereFlags) Set(s string) error {
	f, err := report.ParseFilter(s)
	if err != nil {
		return err
	}
	*w.fs = append(*w.fs, f)
	return nil
}

var _ flag.Value = whereFlags{}

// minutesFlag is a duration given as Go writes one ("20m", "1h30m") or
// as a number of minutes ("20").
type minutesFlag struct{ d *time.Duration }

func (m minutesFlag) String() string {
	if m.d == nil || *m.d == 0 {
		return ""
	}
	return m.d.String()
}

func (m minutesFlag) Set(s string) error {
	d, err := report.ParseMinDuration(s)
	if err != nil {
		return err
	}
	*m.d = d
	return nil
}

func reportFlags(fs *flag.FlagSet) Run {
	var cfg reportConfig
	o := &cfg.opts
	fs.StringVar(&o.By, "by", "", "group audits by the audit `FIELD` (location, chain, auditor, month, ...)")
	fs.StringVar(&o.Period, "period", "", "split each group into waves of one `PERIOD` each, by the audits' date: month, quarter or week")
	fs.Var(whereFlags{&o.Where}, "where", "keep only audits whose `FIELD=VALUE` (repeatable; all must hold)")
	fs.IntVar(&o.MinN, "min-n", korto.DefaultMinN, "rank only groups of at least `N` scored audits")
	fs.BoolVar(&cfg.asJSON, "json", false, "print the report as JSON")
	fs.StringVar(&cfg.htmlOut, "html", "", "also write a printable HTML report to `OUT.html`")
	fs.StringVar(&cfg.xlsxOut, "xlsx", "", "also write the report as an Excel workbook to `OUT.xlsx` (summary, league, levels, top problems, critical failures, comments)")
	fs.IntVar(&o.Top, "top", korto.DefaultTopProblems, "list the `N` problems to fix first")
	fs.StringVar(&o.Lang, "lang", "", "language `L` of the report: a translation tag of the checklist, e.g. en (default: the checklist's own)")
	fs.BoolVar(&o.SkipInvalid, "skip-invalid", false, "report without the invalid sheets (still listed on stderr) instead of failing")
	fs.Var(minutesFlag{&o.MinDuration}, "min-duration", "flag the visits shorter than `D` (20m, 1h, or minutes: 20) among the auditors, where forms recorded start and end")
	fs.BoolVar(&o.AllowDuplicates, "allow-duplicates", false, "count an audit id given twice twice, instead of failing")
	asOf := ""
	fs.StringVar(&asOf, "as-of", "", "list the promises still open after their due date as of `DATE` (YYYY-MM-DD; default today)")
	workersFlag(fs, &o.Workers, "score the sheets")
	return func(ctx context.Context, e *env, pos []string) error {
		if asOf == "" {
			y, m, d := time.Now().Date()
			o.AsOf = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
		} else {
			t, err := korto.ParseAuditDate(asOf)
			if err != nil || len(asOf) != len(time.DateOnly) {
				return usagef("--as-of %q: want a date YYYY-MM-DD", asOf)
			}
			o.AsOf = t
		}
		if len(pos) < 2 {
			return usagef("need a checklist and at least one answer file, folder or -")
		}
		if cfg.htmlOut == "-" {
			return usagef("--html -: standard output carries the report; name a file for the page, e.g. --html out.html")
		}
		if cfg.xlsxOut == "-" {
			return usagef("--xlsx -: standard output carries the report; name a file for the workbook, e.g. --xlsx report.xlsx")
		}
		if o.Top < 1 {
			return usagef("--top must be at least 1, got %d", o.Top)
		}
		if o.MinN < 1 {
			return usagef("--min-n must be at least 1, got %d", o.MinN)
		}
		switch o.Period {
		case "", korto.PeriodMonth, korto.PeriodQuarter, korto.PeriodWeek:
		default:
			return usagef("--period %q: want month, quarter or week", o.Period)
		}
		if slices.Contains(pos[1:], "-") && pos[0] == "-" {
			return usagef("the checklist and the answers cannot both come from standard input")
		}
		if stdinTwice(pos[1:]...) {
			return usagef("- names standard input, which can be read only once; give it once")
		}

		checklist, src, err := loadChecklistSource(e, pos[0])
		if err != nil {
			return err
		}
		o.Lang = resolveLang(e, checklist, o.Lang)
		plan, err := korto.Compile(checklist)
		if err != nil {
			return checklistError(inputName(pos[0]), src, err)
		}
		return reportRun(ctx, e, checklist, plan, pos[1:], cfg)
	}
}

// reportRun runs the library's report pipeline and prints the report.
func reportRun(ctx context.Context, e *env, checklist *korto.Checklist, plan *korto.Plan, answers []string, cfg reportConfig) error {
	for _, dir := range report.UnreadFolders(answers...) {
		e.notef("warning: %s holds answer files but is not read: folders are read without their subfolders; name it too to report its sheets", dir)
	}
	sources, err := report.Sources(e.stdin, answers...)
	if err != nil {
		return err
	}
	var finish func()
	cfg.opts.Progress, finish = reportProgress(e)
	res, err := report.Run(ctx, plan, sources, cfg.opts)
	finish()
	if res != nil {
		printReportProblems(e, res)
	}
	switch {
	case errors.Is(err, report.ErrNoSheets):
		if n := len(res.Invalid); n > 0 {
			return fmt.Errorf("no valid answer sheets: %s invalid; nothing to report", plural(n, "sheet is", "sheets are"))
		} else if res.Sheets > 0 {
			return fmt.Errorf("no audit matches %s; nothing to report", strings.Join(res.Where.Filters, " and "))
		}
		return errors.New("no answer sheets found")
	case err != nil:
		return err
	}
	ropt := render.Options{Lang: cfg.opts.Lang, MinDuration: cfg.opts.MinDuration}
	if cfg.htmlOut != "" {
		err := writeHTMLFile(cfg.htmlOut, func(w io.Writer) error { return render.HTML(w, checklist, res, ropt) })
		if err != nil {
			return err
		}
	}
	if cfg.xlsxOut != "" {
		err := writeHTMLFile(cfg.xlsxOut, func(w io.Writer) error { return render.XLSX(w, checklist, res, ropt) })
		if err != nil {
			return err
		}
	}
	if cfg.asJSON {
		return writeJSON(e.stdout, res)
	}
	return render.Text(e.stdout, checklist, res, ropt)
}

// writeHTMLFile writes the page (or workbook) that write prints to the file name,
// whole or not at all (internal/atomicfile): a failed run must not
// leave half a page over the last good one.
func writeHTMLFile(name string, write func(io.Writer) error) error {
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		return err
	}
	return atomicfile.WriteFile(name, buf.Bytes(), 0o644)
}

// printReportProblems lists the invalid sheets and the warnings.
func printReportProblems(e *env, res *report.Result) {
	w := e.stderr
	for _, p := range res.Invalid {
		es := diag.As(p.Err)
		if len(es) == 0 {
			fmt.Fprintf(w, "%s: %v\n", p.Where(), p.Err)
			continue
		}
		listed, more := listedProblems(es)
		for _, ae := range listed {
			fmt.Fprintln(w, sheetErrorLine(p.Source, p.Line, ae))
		}
		if more > 0 {
			fmt.Fprintln(w, moreProblemsLine(p.Source, p.Line, more))
		}
		if p.Hint != "" {
			fmt.Fprintf(w, "hint: %s\n", p.Hint)
		}
	}
	for _, wn := range res.Warnings {
		if wn.Where == "" {
			e.notef("%s", wn)
			continue
		}
		fmt.Fprintln(w, wn)
	}
}

// reportProgress turns the pipeline's running totals into steps of the
// progress line every long command draws (internal/progress): nothing
// unless stderr is a terminal. finish clears the line.
func reportProgress(e *env) (add func(report.Progress), finish func()) {
	if !e.stderrTTY {
		return nil, func() {}
	}
	var (
		bar           *progress.Bar
		bytes, sheets int64
	)
	add = func(p report.Progress) { // called from one goroutine
		if bar == nil {
			total := p.Total
			if total <= 0 {
				total = -1 // a reader of unknown size: no time left
			}
			bar = progress.New(e.stderr, true, total, "sheets")
		}
		bar.Add(p.Bytes-bytes, p.Sheets-sheets)
		bytes, sheets = p.Bytes, p.Sheets
	}
	return add, func() { bar.Finish() }
}
