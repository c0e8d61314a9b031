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
	register.DoFn3x1[context.Context, fileio.ReadableFile, func(ReportPart), error](&readReportFn{})
	register.Emitter1[ReportPart]()
	register.Function1x1(partState)
	register.DoFn4x1[[]byte, func(*[]byte) bool, func(*ReportPart) bool, func(string), error](&summarizeReportFn{})
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
	agg   *korto.Aggregator
	state []byte
}

func encodeAudit(a *AuditAccumulator) ([]byte, error) {
	if a.agg == nil {
		return a.state, nil
	}
	return a.agg.MarshalBinary()
}

func decodeAudit(b []byte) (*AuditAccumulator, error) { return &AuditAccumulator{state: b}, nil }

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

// load restores an accumulator that arrived as a saved state.
func (f *AuditFn) load(a *AuditAccumulator) error {
	if a.agg != nil {
		return nil
	}
	agg, err := f.newAggregator()
	if err != nil {
		return err
	}
	if err := agg.UnmarshalBinary(a.state); err != nil {
		return err
	}
	a.agg, a.state = agg, nil
	return nil
}

// CreateAccumulator returns an empty aggregate.
func (f *AuditFn) CreateAccumulator() (*AuditAccumulator, error) {
	agg, err := f.newAggregator()
	return &AuditAccumulator{agg: agg}, err
}

// AddInput merges one saved aggregate.
func (f *AuditFn) AddInput(a *AuditAccumulator, state []byte) (*AuditAccumulator, error) {
	return f.MergeAccumulators(a, &AuditAccumulator{state: state})
}

// MergeAccumulators merges b into a.
func (f *AuditFn) MergeAccumulators(a, b *AuditAccumulator) (*AuditAccumulator, error) {
	if err := f.load(a); err != nil {
		return nil, err
	}
	if err := f.load(b); err != nil {
		return nil, err
	}
	return a, a.agg.Merge(b.agg)
}

// ExtractOutput saves the merged aggregate.
func (f *AuditFn) ExtractOutput(a *AuditAccumulator) ([]byte, error) {
	if err := f.load(a); err != nil {
		return nil, err
	}
	return a.agg.MarshalBinary()
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
}

// asOf is AsOf as a time; a bad date was refused by the launcher and
// lists none.
func (o ReportOptions) asOf() time.Time {
	t, _ := time.Parse(time.DateOnly, o.AsOf)
	return t
}

func (o ReportOptions) report() report.Options {
	return report.Options{By: o.By, Period: o.Period, Where: o.Where, MinN: o.MinN, Top: o.Top,
		SkipInvalid: o.SkipInvalid, AllowDuplicates: o.AllowDuplicates, AsOf: o.asOf(), Workers: 1}
}

func (o ReportOptions) aggregate() korto.AggregateOptions {
	return korto.AggregateOptions{GroupBy: o.By, TopProblems: o.Top, MinN: o.MinN, Period: o.Period, AsOf: o.asOf()}
}

// ReportPart is what one file of answer sheets added up to.
type ReportPart struct {
	Path         string
	State        []byte // the saved aggregate of its kept audits
	Sheets, Kept int64
}

func partState(p ReportPart) []byte { return p.State }

// Report reads the answer sheets in the files matching the globs (JSON
// Lines when named *.jsonl or *.ndjson, else one sheet a file), checks
// and scores them against the checklist and returns a PCollection of one
// string: the JSON cxkit report --json prints for them, without its
// final newline.
//
// Each file is read by one worker with report.Run, whose aggregate is
// saved and merged with the others by AuditFn. Differences from cxkit
// report: an audit given twice is found only within one file; the
// auditors' visit lengths (audit fields "started" and "ended") are not
// computed, and a file with them fails the job rather than give other
// JSON; a follow-up sheet (promise outcomes) must be in the same file
// as its visit; invalid sheets fail the job (or, with SkipInvalid, are left
// out) with the errors of the first file that has any.
func Report(s beam.Scope, c Checklist, globs []string, o ReportOptions) beam.PCollection {
	s = s.Scope("cxbeam.Report")
	files := fileio.MatchAll(s, beam.CreateList(s, globs), fileio.MatchEmptyDisallow())
	readable := fileio.ReadMatches(s, files, fileio.ReadDirectorySkip(), fileio.ReadUncompressed())
	parts := beam.ParDo(s, &readReportFn{Checklist: c, Options: o}, readable)
	merged := beam.Combine(s, &AuditFn{Checklist: c, Options: o.aggregate()}, beam.ParDo(s, partState, parts))
	return beam.ParDo(s, &summarizeReportFn{Checklist: c, Options: o}, beam.Impulse(s),
		beam.SideInput{Input: merged}, beam.SideInput{Input: parts})
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
	if res.Auditors != nil {
		return fmt.Errorf("%s: the audits record when visits started and ended; the pipeline does not compute the auditors' visit lengths: run cxkit report", path)
	}
	state, err := res.Aggregate.MarshalBinary()
	if err != nil {
		return err
	}
	emit(ReportPart{Path: path, State: state, Sheets: res.Sheets, Kept: res.Kept})
	return nil
}

type summarizeReportFn struct {
	Checklist Checklist     `json:"checklist"`
	Options   ReportOptions `json:"options"`
	parsed    parsed
}

func (f *summarizeReportFn) ProcessElement(_ []byte, merged func(*[]byte) bool, parts func(*ReportPart) bool, emit func(string)) error {
	c, _, err := f.parsed.get(f.Checklist)
	if err != nil {
		return err
	}
	agg, err := korto.NewAggregator(c, f.Options.aggregate())
	if err != nil {
		return err
	}
	var state []byte
	if !merged(&state) {
		return errors.New("no aggregate")
	}
	if err := agg.UnmarshalBinary(state); err != nil {
		return err
	}
	res := &report.Result{Aggregate: agg, Kept: agg.Len()}
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
