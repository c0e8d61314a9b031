package cxbeam

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"sync"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/metrics/support"
	"github.com/cxkit/cxkit/report"
)

func init() {
	register.Combiner3[*SupportAccumulator, []byte, []byte](&SupportFn{})
	beam.RegisterCoder(reflect.TypeFor[*SupportAccumulator](), encodeSupport, decodeSupport)
	register.DoFn7x1[context.Context, []byte, func(*[]byte) bool, func(*firstBadLines) bool, func(*chunkLines) bool, func(string), func(string), error](&summarizeSupportFn{})
}

// File is a small input the launcher reads and the pipeline's Fns carry
// to the workers: its name, for messages, and its text.
type File struct {
	Name string `json:"name"`
	Text string `json:"text"`
}

// SupportConfig is how the support accumulators measure time, which
// every worker must agree on: what cxkit support's --calendar, --period
// and --tz say. A worker builds the options once from it.
type SupportConfig struct {
	// Calendar is a business-hours calendar (support.CalendarConfig
	// JSON); a File without a Name measures calendar time.
	Calendar File `json:"calendar"`
	// Period is the backlog's, "day" (or "") or "week".
	Period string `json:"period"`
	// TimeZone is the IANA zone of the backlog days without a calendar;
	// "" is UTC.
	TimeZone string `json:"time_zone"`
}

// Options builds the accumulator options the config names.
func (c SupportConfig) Options() (support.Options, error) {
	var o support.Options
	if c.Period != "" {
		p, err := support.ParsePeriod(c.Period)
		if err != nil {
			return o, err
		}
		o.Period = p
	}
	if c.TimeZone != "" {
		loc, err := support.LoadZone(c.TimeZone)
		if err != nil {
			return o, err
		}
		o.Location = loc
	}
	if c.Calendar.Name != "" {
		cal, err := support.ReadCalendar(c.Calendar.Name, []byte(c.Calendar.Text))
		if err != nil {
			return o, err
		}
		o.Calendar = cal
	}
	return o, nil
}

// supportOptions holds a Fn's options, built on first use: one calendar
// per worker, which all its accumulators share.
type supportOptions struct {
	once sync.Once
	opts support.Options
	err  error
}

func (s *supportOptions) get(c SupportConfig) (support.Options, error) {
	s.once.Do(func() { s.opts, s.err = c.Options() })
	return s.opts, s.err
}

// newAccumulator returns an empty accumulator with c's options.
func (s *supportOptions) newAccumulator(c SupportConfig) (*support.Accumulator, error) {
	o, err := s.get(c)
	if err != nil {
		return nil, err
	}
	return support.New(o)
}

// SupportAccumulator is SupportFn's accumulator: a support.Accumulator,
// or the state it was saved as until SupportFn, which knows the
// options, restores it.
type SupportAccumulator struct {
	saved[*support.Accumulator]
}

func encodeSupport(a *SupportAccumulator) ([]byte, error) { return a.encode() }

func decodeSupport(b []byte) (*SupportAccumulator, error) {
	return &SupportAccumulator{saved[*support.Accumulator]{state: b}}, nil
}

// SupportFn merges saved support accumulators
// (support.Accumulator.MarshalBinary) made with Config's options into
// one; its output is the merged state. Merging is exact, so the KPIs of
// the output are those of one pass over every ticket.
type SupportFn struct {
	Config SupportConfig `json:"config"`
	opts   supportOptions
}

func (f *SupportFn) newAccumulator() (*support.Accumulator, error) {
	return f.opts.newAccumulator(f.Config)
}

// CreateAccumulator returns an empty accumulator.
func (f *SupportFn) CreateAccumulator() (*SupportAccumulator, error) {
	a := &SupportAccumulator{}
	return a, a.create(f.newAccumulator)
}

// AddInput merges one saved accumulator.
func (f *SupportFn) AddInput(a *SupportAccumulator, state []byte) (*SupportAccumulator, error) {
	return a, a.addState(f.newAccumulator, state)
}

// MergeAccumulators merges b into a.
func (f *SupportFn) MergeAccumulators(a, b *SupportAccumulator) (*SupportAccumulator, error) {
	return a, a.merge(f.newAccumulator, &b.saved)
}

// ExtractOutput saves the merged accumulator.
func (f *SupportFn) ExtractOutput(a *SupportAccumulator) ([]byte, error) {
	return a.extract(f.newAccumulator)
}

// SupportOptions says what a support pipeline computes: the flags of
// cxkit support.
type SupportOptions struct {
	Config SupportConfig `json:"config"`
	// Standards is a standards file (support.StandardSet JSON); an empty
	// judges the default standards. A set without a name is named
	// after the file, as cxkit does.
	Standards File `json:"standards"`
	// By breaks the KPIs down: "channel", "priority", "agent" or "".
	By string `json:"by"`
	// AgentTime and Survey are the JSON Lines files of --agent-time and
	// --survey, small enough to travel with the pipeline; a File without
	// a Name is none.
	AgentTime File `json:"agent_time"`
	Survey    File `json:"survey"`
	// SkipBad leaves bad lines out and counts them, instead of failing.
	SkipBad bool `json:"skip_bad"`
	// ChunkSize is the size of the pieces, in bytes, in which the
	// workers read a file of tickets; 0 is DefaultChunkSize.
	ChunkSize int64 `json:"chunk_size"`
	// File is the input's name in the warning about an export without
	// tickets: what cxkit prints for its TICKETS argument (default: the
	// globs).
	File string `json:"file,omitempty"`
	// NotesOnFailure, when set, names a file (local or in a bucket)
	// where a job that fails on its input (bad lines without SkipBad)
	// first writes its Notes, with the failure; see
	// ReportOptions.NotesOnFailure.
	NotesOnFailure string `json:"notes_on_failure,omitempty"`
}

// Support reads the ticket exports (JSON Lines) matching the globs and
// returns a PCollection of one string: the JSON cxkit support --json
// prints for them, without its final newline. It is
// SupportOutputs(...).JSON.
//
// The files count as one export: as if they were one file, in the order
// of their names. Big files are read in chunks of o.ChunkSize bytes by
// many workers (see chunks.go); the tickets are grouped by id, so that
// a ticket id given twice, in one file or in two, is a bad line at its
// second place, as cxkit support says it, and only the first ticket
// counts. The good tickets are added up by a CombineFn. Bad lines fail
// the job, each named at its file:line as cxkit names it (or, with
// SkipBad, are counted in "skipped_lines" and listed in the notes as
// cxkit's warnings); the first maxListedBad of them are listed.
func Support(s beam.Scope, globs []string, o SupportOptions) beam.PCollection {
	return SupportOutputs(s, globs, o).JSON
}

// SupportOutput is what the support pipeline produces, each a
// PCollection of one string.
type SupportOutput struct {
	// JSON is what cxkit support --json prints, without its final
	// newline.
	JSON beam.PCollection
	// Notes is the JSON of the Notes: the bad lines skipped with
	// SkipBad, which cxkit support prints as warnings, its warning of
	// --by keys that are one name typed two ways, and its warning about
	// an export without tickets.
	Notes beam.PCollection
}

// SupportOutputs is Support with every output: the JSON and the notes.
func SupportOutputs(s beam.Scope, globs []string, o SupportOptions) SupportOutput {
	s = s.Scope("cxbeam.Support")
	o.File = cmp.Or(o.File, strings.Join(globs, ", "))
	chunks := readChunks(s, globs, o.ChunkSize, true)
	tickets, bad, counts := beam.ParDo3(s, &readTicketsFn{}, chunks)
	kept, dups := beam.ParDo2(s, &firstTicketFn{}, beam.GroupByKey(s, tickets), beam.SideInput{Input: counts})
	merged := beam.Combine(s, &addTicketsFn{SupportFn: SupportFn{Config: o.Config}}, kept)
	live := beam.ParDo(s, &liveBadLineFn{}, beam.Flatten(s, bad, dups), beam.SideInput{Input: counts})
	first := beam.Combine(s, &firstBadLinesFn{}, live)
	out, notes := beam.ParDo2(s, &summarizeSupportFn{Options: o}, beam.Impulse(s),
		beam.SideInput{Input: merged}, beam.SideInput{Input: first}, beam.SideInput{Input: counts})
	return SupportOutput{JSON: out, Notes: notes}
}

// badLines returns the bad lines err lists when skip is set;
// without it, or for another error, it returns an error that names the
// file, with every bad line, as cxkit prints them.
func badLines(name string, err error, skip bool) (diag.List, error) {
	if errs := diag.As(err).InFile(name, 0); len(errs) > 0 {
		if skip {
			return errs, nil
		}
		return nil, badLinesError(name, errs, len(errs))
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return nil, nil
}

type summarizeSupportFn struct {
	Options SupportOptions `json:"options"`
	opts    supportOptions
}

func (f *summarizeSupportFn) ProcessElement(ctx context.Context, _ []byte, merged func(*[]byte) bool, bad func(*firstBadLines) bool, counts func(*chunkLines) bool, emit, emitNotes func(string)) error {
	acc, err := f.opts.newAccumulator(f.Options.Config)
	if err != nil {
		return err
	}
	// Without a good ticket the combine has no output: acc stays empty.
	var state []byte
	if merged(&state) {
		if err := acc.UnmarshalBinary(state); err != nil {
			return err
		}
	}
	lines, err := newLineTable(counts)
	if err != nil {
		return err
	}
	errs, skipped, err := badTickets(lines, bad)
	if err != nil {
		return err
	}
	if skipped > 0 && !f.Options.SkipBad {
		return failWithNotes(ctx, f.Options.NotesOnFailure, Notes{}, failBadLines(errs, skipped))
	}
	// With SkipBad each bad line is a warning, as cxkit prints it.
	var b strings.Builder
	if err := diag.Render(&b, withRest(support.Skipped(errs), skipped), nil); err != nil {
		return err
	}
	set := support.DefaultStandards()
	if st := f.Options.Standards; st.Name != "" {
		if set, err = support.ReadStandards(st.Name, []byte(st.Text)); err != nil {
			return err
		}
		if set.Name == "" {
			set.Name = st.Name
		}
	}
	if at := f.Options.AgentTime; at.Name != "" {
		errs, err := badLines(at.Name, support.ReadAgentTime(strings.NewReader(at.Text), acc.AddAgentTime), f.Options.SkipBad)
		if err != nil {
			return failWithNotes(ctx, f.Options.NotesOnFailure, Notes{}, err)
		}
		skipped += len(errs)
		if err := diag.Render(&b, support.Skipped(errs), nil); err != nil {
			return err
		}
	}
	sco := support.ScorecardOptions{Standards: set, By: f.Options.By}
	if s := f.Options.Survey; s.Name != "" {
		sco.Survey = support.NewSurvey()
		errs, err := badLines(s.Name, sco.Survey.Read(strings.NewReader(s.Text)), f.Options.SkipBad)
		if err != nil {
			return failWithNotes(ctx, f.Options.NotesOnFailure, Notes{}, err)
		}
		skipped += len(errs)
		if err := diag.Render(&b, support.Skipped(errs), nil); err != nil {
			return err
		}
	}
	out, err := acc.Scorecard(sco)
	if err != nil {
		return err
	}
	out.SkippedLines = skipped
	js, err := encodeJSON(out)
	if err != nil {
		return err
	}
	emit(js)
	n := Notes{Problems: b.String()}
	for _, w := range out.Warnings {
		n.Warnings = append(n.Warnings, report.Warning{Message: "warning: " + w})
	}
	if out.Tickets == 0 {
		n.Warnings = append(n.Warnings, report.Warning{Message: "warning: " + f.Options.File + ": no tickets; every KPI is without data"})
	}
	notes, err := json.Marshal(n)
	if err != nil {
		return err
	}
	emitNotes(string(notes))
	return nil
}
