package cxbeam

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/cxkit/cxkit/dsl"
	"github.com/cxkit/cxkit/korto"
	"github.com/cxkit/cxkit/report"
)

func init() {
	register.Combiner3[*AuditAccumulator, []byte, []byte](&AuditFn{})
	beam.RegisterCoder(reflect.TypeFor[*AuditAccumulator](), encodeAudit, decodeAudit)
	register.Combiner3[*AuditorsAccumulator, []byte, []byte](&AuditorsFn{})
	beam.RegisterCoder(reflect.TypeFor[*AuditorsAccumulator](), encodeAuditors, decodeAuditors)
	register.DoFn3x1[context.Context, fileio.ReadableFile, func(ReportPart), error](&readReportFn{})
	register.Emitter1[ReportPart]()
	register.Function1x1(partState)
	register.Function1x1(partAuditors)
	register.DoFn5x1[[]byte, func(*[]byte) bool, func(*[]byte) bool, func(*ReportPart) bool, func(string), error](&summarizeReportFn{})
	register.Iter1[[]byte]()
	register.Iter1[ReportPart]()
}

// Checklist is a checklist as the pipeline's Fns carry it to the
// workers: its file name (.korto source, or the JSON of cxkit export
// when it ends in .json) and its text. Each worker parses it once.
type Checklist struct {
	Name   string `json:"name"`
	Source string `json:"source"`
}

// parse reads the checklist and compiles its plan.
func (c Checklist) parse() (*korto.Checklist, *korto.Plan, error) {
	var cl *korto.Checklist
	if strings.EqualFold(filepath.Ext(c.Name), ".json") {
		var err error
		if cl, err = korto.DecodeChecklist([]byte(c.Source)); err != nil {
			return nil, nil, fmt.Errorf("%s: %w", c.Name, err)
		}
		if diags := cl.Validate(); diags.HasErrors() {
			return nil, nil, fmt.Errorf("%s: %w", c.Name, diags)
		}
	} else {
		var diags korto.Diagnostics
		cl, diags = dsl.ParseWithDiagnostics(c.Name, []byte(c.Source))
		if diags.HasErrors() {
			return nil, nil, diags
		}
	}
	plan, err := korto.Compile(cl)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", c.Name, err)
	}
	return cl, plan, nil
}

// parsed holds a Fn's checklist, parsed on first use.
type parsed struct {
	once sync.Once
	c    *korto.Checklist
	plan *korto.Plan
	err  error
}

func (p *parsed) get(c Checklist) (*korto.Checklist, *korto.Plan, error) {
	p.once.Do(func() { p.c, p.plan, p.err = c.parse() })
	return p.c, p.plan, p.err
}

// AuditAccumulator is AuditFn's accumulator: a korto.Aggregator, or
// the state it was saved as until AuditFn, which knows the checklist,
// restores it.
type AuditAccumulator struct {
	saved[*korto.Aggregator]
}

func encodeAudit(a *AuditAccumulator) ([]byte, error) { return a.encode() }

func decodeAudit(b []byte) (*AuditAccumulator, error) {
	return &AuditAccumulator{saved[*korto.Aggregator]{state: b}}, nil
}

// AuditFn merges saved korto aggregates (korto.Aggregator.MarshalBinary,
// such as report.Result.Aggregate of a run over some of the files) of
// one checklist and options into one, the audit aggregator with every
// group of Options.GroupBy: its output is the merged state. Merging is
// exact, so the report of the output is the report of one pass.
type AuditFn struct {
	Checklist Checklist              `json:"checklist"`
	Options   korto.AggregateOptions `json:"options"`
	parsed    parsed
}

func (f *AuditFn) newAggregator() (*korto.Aggregator, error) {
	c, _, err := f.parsed.get(f.Checklist)
	if err != nil {
		return nil, err
	}
	return korto.NewAggregator(c, f.Options)
}

// CreateAccumulator returns an empty aggregate.
func (f *AuditFn) CreateAccumulator() (*AuditAccumulator, error) {
	a := &AuditAccumulator{}
	return a, a.create(f.newAggregator)
}

// AddInput merges one saved aggregate.
func (f *AuditFn) AddInput(a *AuditAccumulator, state []byte) (*AuditAccumulator, error) {
	return a, a.addState(f.newAggregator, state)
}

// MergeAccumulators merges b into a.
func (f *AuditFn) MergeAccumulators(a, b *AuditAccumulator) (*AuditAccumulator, error) {
	return a, a.merge(f.newAggregator, &b.saved)
}

// ExtractOutput saves the merged aggregate.
func (f *AuditFn) ExtractOutput(a *AuditAccumulator) ([]byte, error) {
	return a.extract(f.newAggregator)
}

// AuditorsAccumulator is AuditorsFn's accumulator: a report.AuditorLog,
// or the state it was saved as until AuditorsFn restores it.
type AuditorsAccumulator struct {
	saved[*report.AuditorLog]
}

func encodeAuditors(a *AuditorsAccumulator) ([]byte, error) { return a.encode() }

func decodeAuditors(b []byte) (*AuditorsAccumulator, error) {
	return &AuditorsAccumulator{saved[*report.AuditorLog]{state: b}}, nil
}

// AuditorsFn merges saved auditor logs (report.AuditorLog.MarshalBinary,
// such as report.Result.AuditorLog of a run over some of the files)
// that flag the visits shorter than MinDuration into one; its output is
// the merged state. Every visit's length travels, so the medians of the
// output are those of one pass.
type AuditorsFn struct {
	MinDuration time.Duration `json:"min_duration"`
}

func (f *AuditorsFn) newLog() (*report.AuditorLog, error) {
	return report.NewAuditorLog(f.MinDuration), nil
}

// CreateAccumulator returns an empty log.
func (f *AuditorsFn) CreateAccumulator() (*AuditorsAccumulator, error) {
	a := &AuditorsAccumulator{}
	return a, a.create(f.newLog)
}

// AddInput merges one saved log.
func (f *AuditorsFn) AddInput(a *AuditorsAccumulator, state []byte) (*AuditorsAccumulator, error) {
	return a, a.addState(f.newLog, state)
}

// MergeAccumulators merges b into a.
func (f *AuditorsFn) MergeAccumulators(a, b *AuditorsAccumulator) (*AuditorsAccumulator, error) {
	return a, a.merge(f.newLog, &b.saved)
}

// ExtractOutput saves the merged log.
func (f *AuditorsFn) ExtractOutput(a *AuditorsAccumulator) ([]byte, error) {
	return a.extract(f.newLog)
}

// ReportOptions says what a report pipeline computes: the flags of
// cxkit report that it supports.
type ReportOptions struct {
	By              string          `json:"by"`
	Period          string          `json:"period"`
	Where           []report.Filter `json:"where"`
	MinN            int             `json:"min_n"`
	Top             int             `json:"top"`
	SkipInvalid     bool            `json:"skip_invalid"`
	AllowDuplicates bool            `json:"allow_duplicates"`
	// AsOf is the day (YYYY-MM-DD) against which promises are overdue,
	// as cxkit report's --as-of; "" lists none (cxkit's default is
	// today, which the launcher fills in).
	AsOf string `json:"as_of"`
	// MinDuration flags the visits shorter than it among the auditors,
	// as cxkit report's --min-duration; 0 flags none.
	MinDuration time.Duration `json:"min_duration"`
}

// asOf is AsOf as a time; a bad date was refused by the launcher and
// lists none.
func (o ReportOptions) asOf() time.Time {
	t, _ := time.Parse(time.DateOnly, o.AsOf)
	return t
}

func (o ReportOptions) report() report.Options {
	return report.Options{By: o.By, Period: o.Period, Where: o.Where, MinN: o.MinN, Top: o.Top,
		SkipInvalid: o.SkipInvalid, AllowDuplicates: o.AllowDuplicates, AsOf: o.asOf(), MinDuration: o.MinDuration, Workers: 1}
}

func (o ReportOptions) aggregate() korto.AggregateOptions {
	return korto.AggregateOptions{GroupBy: o.By, TopProblems: o.Top, MinN: o.MinN, Period: o.Period, AsOf: o.asOf()}
}

// ReportPart is what one file of answer sheets added up to.
type ReportPart struct {
	Path         string
	State        []byte // the saved aggregate of its kept audits
	Auditors     []byte // the saved auditor log of its kept audits
	Sheets, Kept int64
}

func partState(p ReportPart) []byte { return p.State }

func partAuditors(p ReportPart) []byte { return p.Auditors }

// Report reads the answer sheets in the files matching the globs (JSON
// Lines when named *.jsonl or *.ndjson, else one sheet a file), checks
// and scores them against the checklist and returns a PCollection of one
// string: the JSON cxkit report --json prints for them, without its
// final newline.
//
// Each file is read by one worker with report.Run, whose aggregate and
// auditor log are saved and merged with the others' by AuditFn and
// AuditorsFn. Differences from cxkit report: an audit given twice is
// found only within one file; a follow-up sheet (promise outcomes) must be in the same file
// as its visit; invalid sheets fail the job (or, with SkipInvalid, are left
// out) with the errors of the first file that has any.
func Report(s beam.Scope, c Checklist, globs []string, o ReportOptions) beam.PCollection {
	s = s.Scope("cxbeam.Report")
	files := fileio.MatchAll(s, beam.CreateList(s, globs), fileio.MatchEmptyDisallow())
	readable := fileio.ReadMatches(s, files, fileio.ReadDirectorySkip(), fileio.ReadUncompressed())
	parts := beam.ParDo(s, &readReportFn{Checklist: c, Options: o}, readable)
	merged := beam.Combine(s, &AuditFn{Checklist: c, Options: o.aggregate()}, beam.ParDo(s, partState, parts))
	auditors := beam.Combine(s, &AuditorsFn{MinDuration: o.MinDuration}, beam.ParDo(s, partAuditors, parts))
	return beam.ParDo(s, &summarizeReportFn{Checklist: c, Options: o}, beam.Impulse(s),
		beam.SideInput{Input: merged}, beam.SideInput{Input: auditors}, beam.SideInput{Input: parts})
}

type readReportFn struct {
	Checklist Checklist     `json:"checklist"`
	Options   ReportOptions `json:"options"`
	parsed    parsed
}

func (f *readReportFn) ProcessElement(ctx context.Context, file fileio.ReadableFile, emit func(ReportPart)) error {
	_, plan, err := f.parsed.get(f.Checklist)
	if err != nil {
		return err
	}
	r, err := file.Open(ctx)
	if err != nil {
		return err
	}
	defer r.Close()
	path := file.Metadata.Path
	src := report.Source{Name: path, R: r, Lines: report.IsJSONLines(path)}
	res, err := report.Run(ctx, plan, []report.Source{src}, f.Options.report())
	if invalid, ok := errors.AsType[*report.InvalidError](err); ok {
		var lines []string
		for _, p := range res.Invalid {
			lines = append(lines, fmt.Sprintf("%s: %v", p.Where(), p.Err))
		}
		return fmt.Errorf("%s\n%w", strings.Join(lines, "\n"), invalid)
	}
	if err != nil && !errors.Is(err, report.ErrNoSheets) {
		return err
	}
	state, err := res.Aggregate.MarshalBinary()
	if err != nil {
		return err
	}
	auditors, err := res.AuditorLog.MarshalBinary()
	if err != nil {
		return err
	}
	emit(ReportPart{Path: path, State: state, Auditors: auditors, Sheets: res.Sheets, Kept: res.Kept})
	return nil
}

type summarizeReportFn struct {
	Checklist Checklist     `json:"checklist"`
	Options   ReportOptions `json:"options"`
	parsed    parsed
}

func (f *summarizeReportFn) ProcessElement(_ []byte, merged, auditors func(*[]byte) bool, parts func(*ReportPart) bool, emit func(string)) error {
	c, _, err := f.parsed.get(f.Checklist)
	if err != nil {
		return err
	}
	agg, err := restoreSide(func() (*korto.Aggregator, error) { return korto.NewAggregator(c, f.Options.aggregate()) }, merged, "aggregate")
	if err != nil {
		return err
	}
	log, err := restoreSide((&AuditorsFn{MinDuration: f.Options.MinDuration}).newLog, auditors, "auditor log")
	if err != nil {
		return err
	}
	res := &report.Result{Aggregate: agg, Kept: agg.Len(), AuditorLog: log, Auditors: log.Auditors()}
	var p ReportPart
	for parts(&p) {
		res.Sheets += p.Sheets
	}
	switch {
	case res.Kept == 0 && res.Sheets > 0:
		return fmt.Errorf("no audit matches the filters; nothing to report: %w", report.ErrNoSheets)
	case res.Kept == 0:
		return report.ErrNoSheets
	}
	res.Report = agg.Report()
	if len(f.Options.Where) > 0 {
		w := &report.WhereSummary{Kept: res.Kept, Read: res.Sheets}
		for _, fl := range f.Options.Where {
			w.Filters = append(w.Filters, fl.String())
		}
		res.Where = w
	}
	out, err := encodeJSON(res)
	if err != nil {
		return err
	}
	emit(out)
	return nil
}
