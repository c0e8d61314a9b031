package cxbeam

import (
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
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
}

// Checklist is a checklist as the pipeline's Fns carry it to the
// workers: its file name (.korto source, or the JSON of cxkit export
// when it ends in .json) and its text. Each worker parses it once.
type Checklist struct {
	Name   string `json:"name"`
	Source string `json:"source"`
}

// Parse reads the checklist, checks it and compiles it, as every worker
// does: a program that starts a pipeline calls it first to refuse a bad
// checklist before the job starts.
func (c Checklist) Parse() (*korto.Checklist, error) {
	cl, _, err := c.parse()
	return cl, err
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
	// Lang is the language of the report's titles, a translation tag
	// of the checklist, as cxkit report's --lang after the command has
	// resolved it (korto.Checklist.ResolveLang); "" keeps the
	// checklist's own.
	Lang string `json:"lang"`
	// HTML asks for the page of cxkit report --html
	// (ReportOutput.HTML).
	HTML bool `json:"html"`
	// ChunkSize is the size of the pieces, in bytes, in which the
	// workers read a JSON Lines file; 0 is DefaultChunkSize.
	ChunkSize int64 `json:"chunk_size"`
	// NotesOnFailure, when set, names a file (local or in a bucket)
	// where a job that fails in its last step, after reading every
	// file, first writes its Notes: the invalid sheets and every
	// warning known by then (those about the groups too, when the
	// report was made before the job failed), what cxkit report prints
	// before its error. The job's error then ends in cxkit's last line
	// alone. Empty puts the invalid sheets and the sheets' warnings at
	// the head of the job's error instead. A runner hands nothing but
	// files back to the program that started the job, so this is how
	// it learns what to print.
	NotesOnFailure string `json:"notes_on_failure,omitempty"`
}

// asOf is AsOf as a time; a bad date was refused by the launcher and
// lists none.
func (o ReportOptions) asOf() time.Time {
	t, _ := time.Parse(time.DateOnly, o.AsOf)
	return t
}

func (o ReportOptions) report() report.Options {
	return report.Options{By: o.By, Period: o.Period, Where: o.Where, MinN: o.MinN, Top: o.Top,
		SkipInvalid: o.SkipInvalid, AllowDuplicates: o.AllowDuplicates, AsOf: o.asOf(), MinDuration: o.MinDuration, Lang: o.Lang, Workers: 1}
}

func (o ReportOptions) aggregate() korto.AggregateOptions {
	return korto.AggregateOptions{GroupBy: o.By, TopProblems: o.Top, MinN: o.MinN, Period: o.Period, AsOf: o.asOf()}
}
