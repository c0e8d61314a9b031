package cxbeam

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/internal/textfmt"
	"github.com/cxkit/cxkit/korto"
	"github.com/cxkit/cxkit/report"
	"github.com/cxkit/cxkit/report/render"
)

// The report pipeline's reading. Every chunk of the answer files is
// scored by report.Run on a worker, except two kinds of sheets that need
// others: the sheets that wait for follow-ups (report.WaitsForFollowUps)
// go out keyed by a shard of their audit ID, and each shard is run whole
// in the order of the input, so a follow-up meets its visit in whatever
// file it is; and every counted audit goes out keyed by its identity
// (report.AuditKey), so that one audit given twice, in one file or in
// two, is found as cxkit report finds it.

func init() {
	register.DoFn6x1[context.Context, chunk, func(ReportPart), func(int, heldSheet), func(int64, auditAt), func(chunkLines), error](&readReportFn{})
	register.Emitter1[ReportPart]()
	register.Emitter2[int, heldSheet]()
	register.Emitter2[int64, auditAt]()
	register.DoFn5x1[context.Context, int, func(*heldSheet) bool, func(ReportPart), func(int64, auditAt), error](&heldReportFn{})
	register.Iter1[heldSheet]()
	register.DoFn3x0[int64, func(*auditAt) bool, func(dupAudit)](&findDupsFn{})
	register.Iter1[auditAt]()
	register.Emitter1[dupAudit]()
	register.Iter1[dupAudit]()
	register.Function1x1(partState)
	register.Function1x1(partAuditors)
	register.DoFn10x1[context.Context, []byte, func(*[]byte) bool, func(*[]byte) bool, func(*ReportPart) bool, func(*dupAudit) bool, func(*chunkLines) bool, func(string), func(string), func(string), error](&summarizeReportFn{})
	register.Iter1[[]byte]()
	register.Iter1[ReportPart]()
	for _, t := range []reflect.Type{reflect.TypeFor[heldSheet](), reflect.TypeFor[auditAt](), reflect.TypeFor[dupAudit](), reflect.TypeFor[problemAt](), reflect.TypeFor[warningAt]()} {
		beam.RegisterType(t)
	}
}

// heldShards is how many groups the sheets waiting for follow-ups are
// run in: enough to spread them over workers, each group small.
const heldShards = 64

// ReportPart is what a chunk of answer sheets (or a shard of the sheets
// that waited for follow-ups) added up to.
type ReportPart struct {
	State        []byte // the saved aggregate of its kept audits
	Auditors     []byte // the saved auditor log of its kept audits
	Sheets, Kept int64
	Invalid      []problemAt // the first maxListedBad of the part's
	MoreInvalid  int         // the part's invalid sheets past them
	Warnings     []warningAt
}

func partState(p ReportPart) []byte { return p.State }

func partAuditors(p ReportPart) []byte { return p.Auditors }

// problemAt is an invalid sheet: where it is (Line 0 for a sheet that
// is a whole file), its problems as JSON (diag.List) with lines counted
// from the chunk like At's, or the text of an error that is none, and
// the hint cxkit prints under it.
type problemAt struct {
	At    place
	Diags []byte
	Text  string
	Hint  string
}

// warningAt is a warning of the sheets of a part: where the part first
// saw it (Line 0 for a sheet that is a whole file), and in how many of
// its sheets.
type warningAt struct {
	At      place
	Message string
	Count   int
}

// heldSheet is a sheet that waits for follow-ups, as its text on one
// line.
type heldSheet struct {
	At   place
	Text []byte
}

// auditAt is a counted audit: where it is, and its ID as the sheet gives
// it, for the message about a duplicate.
type auditAt struct {
	At place
	ID string
}

// dupAudit is an audit given again at Again, first at First.
type dupAudit struct {
	First, Again place
	ID           string
}

// Report reads the answer sheets in the files matching the globs (JSON
// Lines when named *.jsonl or *.ndjson, else one sheet a file), checks
// and scores them against the checklist and returns a PCollection of one
// string: the JSON cxkit report --json prints for them, without its
// final newline. It is ReportOutputs(...).JSON.
//
// The files count as one input, in the order of their names. JSON Lines
// files are read in chunks of o.ChunkSize bytes by many workers; each
// chunk is scored by report.Run, and the aggregates are merged by
// AuditFn, the auditor logs (visit lengths from the audit fields
// "started" and "ended") by AuditorsFn. A follow-up sheet (promise outcomes) may be in any file, and
// an audit given twice is found across files, as cxkit report finds
// them. Invalid sheets fail the job with every problem at its
// file:line, as cxkit report prints them (or, with SkipInvalid, are left
// out).
func Report(s beam.Scope, c Checklist, globs []string, o ReportOptions) beam.PCollection {
	return ReportOutputs(s, c, globs, o).JSON
}

// ReportOutput is what the report pipeline produces, each a PCollection
// of one string.
type ReportOutput struct {
	// JSON is what cxkit report --json prints, without its final
	// newline.
	JSON beam.PCollection
	// HTML is the page cxkit report --html writes, without its final
	// newline (textio.Write adds it back); "" unless ReportOptions.HTML.
	HTML beam.PCollection
	// Notes is the JSON of the Notes: what cxkit report prints on
	// standard error beside the report (the invalid sheets left out
	// with SkipInvalid, and the warnings).
	Notes beam.PCollection
}

// ReportOutputs is Report with every output: the JSON, the HTML page
// and the notes.
func ReportOutputs(s beam.Scope, c Checklist, globs []string, o ReportOptions) ReportOutput {
	s = s.Scope("cxbeam.Report")
	chunks := readChunks(s, globs, o.ChunkSize, false)
	parts, held, keys, counts := beam.ParDo4(s, &readReportFn{Checklist: c, Options: o}, chunks)
	heldParts, heldKeys := beam.ParDo2(s, &heldReportFn{Checklist: c, Options: o}, beam.GroupByKey(s, held))
	parts = beam.Flatten(s, parts, heldParts)
	dups := beam.ParDo(s, &findDupsFn{}, beam.GroupByKey(s, beam.Flatten(s, keys, heldKeys)))
	merged := beam.Combine(s, &AuditFn{Checklist: c, Options: o.aggregate()}, beam.ParDo(s, partState, parts))
	auditors := beam.Combine(s, &AuditorsFn{MinDuration: o.MinDuration}, beam.ParDo(s, partAuditors, parts))
	out, page, notes := beam.ParDo3(s, &summarizeReportFn{Checklist: c, Options: o}, beam.Impulse(s),
		beam.SideInput{Input: merged}, beam.SideInput{Input: auditors}, beam.SideInput{Input: parts},
		beam.SideInput{Input: dups}, beam.SideInput{Input: counts})
	return ReportOutput{JSON: out, HTML: page, Notes: notes}
}

type readReportFn struct {
	Checklist Checklist     `json:"checklist"`
	Options   ReportOptions `json:"options"`
	parsed    parsed
}

func (f *readReportFn) ProcessElement(ctx context.Context, c chunk, emit func(ReportPart), emitHeld func(int, heldSheet), emitKey func(int64, auditAt), emitCount func(chunkLines)) error {
	_, plan, err := f.parsed.get(f.Checklist)
	if err != nil {
		return err
	}
	in, err := openChunk(ctx, c)
	if err != nil {
		return err
	}
	defer in.Close()
	// Only a *.json name means one sheet, as for cxkit report; another
	// name is JSON Lines (or, not named *.jsonl, sheets one after
	// another), but only a *.jsonl or *.ndjson file is cut in chunks.
	lines := !strings.EqualFold(filepath.Ext(c.Path), ".json")
	var r io.Reader = in
	shift := 0
	if c.Start > 0 {
		// Only the first line of a file may start with a byte order
		// mark: a chunk's first line is its second, after a blank one.
		r, shift = io.MultiReader(strings.NewReader("\n"), in), 1
	}
	if plan.Checklist().HasPromises() {
		held, rest, err := holdSheets(plan, r, lines)
		if err != nil {
			return fmt.Errorf("%s: %w", c.Path, err)
		}
		for _, h := range held {
			if lines {
				h.At.Line -= shift
			}
			h.At.Path, h.At.Start = c.Path, c.Start
			emitHeld(heldShard(h.Text), h)
		}
		r = rest
		if !lines && len(held) > 0 {
			lines = true // the file's one sheet is held: nothing is left to read
		}
	}
	var keys keyList
	opts := f.Options.report()
	opts.AllowDuplicates = true // checked across chunks, by findDupsFn
	at := func(line int) place {
		if line > 0 {
			line -= shift
		}
		return place{Path: c.Path, Start: c.Start, Line: line}
	}
	if !f.Options.AllowDuplicates {
		opts.Kept = keys.add(at)
	}
	opts.Place = func(_, line int) string { return at(line).token() }
	res, err := report.Run(ctx, plan, []report.Source{{Name: c.Path, R: r, Lines: lines}}, opts)
	keys.emit(emitKey)
	if err != nil && !errors.Is(err, report.ErrNoSheets) {
		if _, ok := errors.AsType[*report.InvalidError](err); !ok {
			return err
		}
	}
	part, err := newPart(res, func(line int) place { return place{Path: c.Path, Start: c.Start, Line: max(line-shift, 0)} })
	if err != nil {
		return err
	}
	emit(part)
	n, err := in.count()
	if err != nil {
		return fmt.Errorf("%s: %w", c.Path, err)
	}
	emitCount(chunkLines{Path: c.Path, Start: c.Start, Lines: n})
	return nil
}

// newPart saves what a run added up to; at turns a line of the run's
// source into its place in the input.
func newPart(res *report.Result, at func(line int) place) (ReportPart, error) {
	state, err := res.Aggregate.MarshalBinary()
	if err != nil {
		return ReportPart{}, err
	}
	auditors, err := res.AuditorLog.MarshalBinary()
	if err != nil {
		return ReportPart{}, err
	}
	part := ReportPart{State: state, Auditors: auditors, Sheets: res.Sheets, Kept: res.Kept}
	for _, p := range res.Invalid {
		pa := problemAt{At: at(p.Line), Hint: p.Hint}
		if p.Line == 0 {
			pa.At.Line = 0
		}
		if ds := diag.As(p.Err); len(ds) > 0 {
			for _, d := range ds {
				switch {
				case d.Line == 0 || p.Line == 0: // a whole file's own lines
				case pa.At.Line > 0:
					d.Line += pa.At.Line - p.Line // the sheet's lines move with it
				default:
					d.Line = 0 // a whole file run on one line: placed by the file
				}
			}
			if pa.Diags, err = json.Marshal(ds); err != nil {
				return ReportPart{}, err
			}
		} else {
			pa.Text = p.Err.Error()
		}
		if len(part.Invalid) == maxListedBad {
			part.MoreInvalid++ // listed by none: counted
			continue
		}
		part.Invalid = append(part.Invalid, pa)
	}
	for _, w := range res.Warnings {
		if w.Where == "" {
			continue // about the part's groups: Result.Complete makes them for the whole
		}
		wa := warningAt{At: at(w.Line), Message: w.Message, Count: w.Count}
		if w.Line == 0 {
			wa.At.Line = 0
		}
		part.Warnings = append(part.Warnings, wa)
	}
	return part, nil
}

// holdSheets reads the sheets of r, one a line or the whole of r when
// lines is false, and takes out those that wait for follow-ups: it
// returns them, placed at their line of r (0 for a whole file), and the
// input without them, a blank line in place of each, so that the lines
// after keep their numbers.
func holdSheets(plan *korto.Plan, r io.Reader, lines bool) ([]heldSheet, io.Reader, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, nil, err
	}
	if !lines {
		s, err := korto.ParseAnswers(data)
		if err != nil || !report.WaitsForFollowUps(plan, s) {
			return nil, bytes.NewReader(data), nil
		}
		var one bytes.Buffer
		if err := json.Compact(&one, data); err != nil {
			return nil, bytes.NewReader(data), nil
		}
		return []heldSheet{{Text: one.Bytes()}}, strings.NewReader(""), nil
	}
	var held []heldSheet
	var rest bytes.Buffer
	rest.Grow(len(data))
	for n := 1; len(data) > 0; n++ {
		line, after, _ := bytes.Cut(data, []byte("\n"))
		data = after
		text := bytes.TrimSpace(line)
		if len(text) > 0 && json.Valid(text) {
			if s, err := korto.ParseAnswers(text); err == nil && report.WaitsForFollowUps(plan, s) {
				held = append(held, heldSheet{At: place{Line: n}, Text: bytes.Clone(text)})
				line = nil
			}
		}
		rest.Write(line)
		rest.WriteByte('\n')
	}
	return held, &rest, nil
}

// heldShard is the shard of a held sheet: by its audit ID, so that a
// visit and its follow-ups meet.
func heldShard(text []byte) int {
	var s struct {
		Audit struct {
			ID json.RawMessage `json:"id"`
		} `json:"audit"`
	}
	json.Unmarshal(text, &s) // the sheet was read once already
	var id string
	if json.Unmarshal(s.Audit.ID, &id) != nil {
		id = string(s.Audit.ID)
	}
	h := fnv.New32a()
	h.Write([]byte(strings.TrimSpace(id)))
	return int(h.Sum32() % heldShards)
}

// heldReportFn runs the held sheets of a shard together, in the order of
// the input: report.Run merges each follow-up with its visit.
type heldReportFn struct {
	Checklist Checklist     `json:"checklist"`
	Options   ReportOptions `json:"options"`
	parsed    parsed
}

func (f *heldReportFn) ProcessElement(ctx context.Context, _ int, sheets func(*heldSheet) bool, emit func(ReportPart), emitKey func(int64, auditAt)) error {
	_, plan, err := f.parsed.get(f.Checklist)
	if err != nil {
		return err
	}
	var all []heldSheet
	var h heldSheet
	for sheets(&h) {
		all = append(all, heldSheet{At: h.At, Text: bytes.Clone(h.Text)})
	}
	slices.SortFunc(all, func(a, b heldSheet) int { return comparePlace(a.At, b.At) })
	var src bytes.Buffer
	for _, h := range all {
		src.Write(h.Text)
		src.WriteByte('\n')
	}
	opts := f.Options.report()
	opts.AllowDuplicates = true
	var keys keyList
	if !f.Options.AllowDuplicates {
		opts.Kept = keys.add(func(line int) place { return all[line-1].At })
	}
	opts.Place = func(_, line int) string { return all[line-1].At.token() }
	res, err := report.Run(ctx, plan, []report.Source{{Name: "held.jsonl", R: &src, Lines: true}}, opts)
	keys.emit(emitKey)
	if err != nil && !errors.Is(err, report.ErrNoSheets) {
		if _, ok := errors.AsType[*report.InvalidError](err); !ok {
			return err
		}
	}
	part, err := newPart(res, func(line int) place { return all[line-1].At })
	if err != nil {
		return err
	}
	emit(part)
	return nil
}

// keyList gathers the identities of the audits a run counts, which it
// reports from its scoring goroutine, to emit them after the run.
type keyList struct {
	mu   sync.Mutex
	keys []int64
	at   []auditAt
}

// add returns the report.Options.Kept that gathers the audits into l,
// placed by at from their line in the run's source.
func (l *keyList) add(at func(line int) place) func(src, line int, s *korto.Sheet) {
	return func(_, line int, s *korto.Sheet) {
		l.mu.Lock()
		defer l.mu.Unlock()
		l.keys = append(l.keys, int64(report.AuditKey(s)))
		l.at = append(l.at, auditAt{At: at(line), ID: s.Audit["id"]})
	}
}

func (l *keyList) emit(emit func(int64, auditAt)) {
	for i, k := range l.keys {
		emit(k, l.at[i])
	}
}

// findDupsFn says which audits of one identity are given again: all but
// the first in the order of the input.
type findDupsFn struct{}

func (f *findDupsFn) ProcessElement(_ int64, audits func(*auditAt) bool, emit func(dupAudit)) {
	var all []auditAt
	var a auditAt
	for audits(&a) {
		all = append(all, a)
	}
	slices.SortFunc(all, func(a, b auditAt) int { return comparePlace(a.At, b.At) })
	for _, a := range all[1:] {
		emit(dupAudit{First: all[0].At, Again: a.At, ID: a.ID})
	}
}

// maxListedProblems bounds the problems listed for one sheet, as cxkit
// does.
const maxListedProblems = 100

type summarizeReportFn struct {
	Checklist Checklist     `json:"checklist"`
	Options   ReportOptions `json:"options"`
	parsed    parsed
}

func (f *summarizeReportFn) ProcessElement(ctx context.Context, _ []byte, merged, auditors func(*[]byte) bool, parts func(*ReportPart) bool, dups func(*dupAudit) bool, counts func(*chunkLines) bool, emit, emitHTML, emitNotes func(string)) error {
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
	lines, err := newLineTable(counts)
	if err != nil {
		return err
	}
	name := func(p place) string {
		if p.Line == 0 {
			return p.Path
		}
		return fmt.Sprintf("%s:%d", p.Path, lines.line(p))
	}
	res := &report.Result{Aggregate: agg, Kept: agg.Len(), AuditorLog: log}
	var invalid []problemAt
	var warned []warningAt
	var p ReportPart
	nInvalid := 0
	for parts(&p) {
		res.Sheets += p.Sheets
		invalid = append(invalid, p.Invalid...)
		nInvalid += len(p.Invalid) + p.MoreInvalid
		warned = append(warned, p.Warnings...)
	}
	slices.SortFunc(invalid, func(a, b problemAt) int { return comparePlace(a.At, b.At) })
	invalid = invalid[:min(len(invalid), maxListedBad)]
	problems, err := listProblems(invalid, lines, res)
	if err != nil {
		return err
	}
	if more := nInvalid - len(invalid); more > 0 {
		// cxkit report lists them all; a million bad lines must not
		// reach one worker, nor the terminal. The HTML page counts
		// them all.
		problems += textfmt.Plural(more, "more invalid sheet", "more invalid sheets") + " not shown\n"
		res.Invalid = append(res.Invalid, make([]report.Problem, more)...)
	}
	var ws report.WarningSet
	for _, w := range warned {
		line := 0
		if w.At.Line > 0 {
			line = lines.line(w.At)
		}
		ws.Add(report.Warning{Where: name(w.At), Message: w.Message, Count: w.Count}, lines.file(w.At.Path), line)
	}
	res.Warnings = ws.List()
	var again []dupAudit
	var d dupAudit
	for dups(&d) {
		again = append(again, d)
	}
	// A job that fails says first what cxkit report prints before its
	// error: the invalid sheets and the warnings known by then.
	fail := func(err error) error {
		return failWithNotes(ctx, f.Options.NotesOnFailure, Notes{Problems: problems, Warnings: res.Warnings}, err)
	}
	if len(again) > 0 && !f.Options.AllowDuplicates {
		slices.SortFunc(again, func(a, b dupAudit) int { return comparePlace(a.Again, b.Again) })
		e := &report.DuplicateError{Total: len(again)}
		for _, d := range again[:min(len(again), 20)] {
			e.Dups = append(e.Dups, report.Duplicate{ID: d.ID, First: name(d.First), Again: name(d.Again)})
		}
		return fail(e)
	}
	res.Complete(c, f.Options.report())
	if err := namePlaces(res.Report.CriticalFailures, func(c *korto.CriticalFailure) *string { return &c.Place }, name); err != nil {
		return err
	}
	for _, g := range append([]*korto.GroupSummary{&res.Report.Overall}, groupsOf(res.Report)...) {
		if err := namePlaces(g.Comments, func(c *korto.Comment) *string { return &c.Place }, name); err != nil {
			return err
		}
	}
	switch {
	case nInvalid > 0 && !f.Options.SkipInvalid:
		return fail(&report.InvalidError{N: nInvalid})
	case res.Kept == 0 && nInvalid > 0:
		return fail(nothingToReport("no valid answer sheets: " + textfmt.Plural(nInvalid, "sheet is", "sheets are") + " invalid; nothing to report"))
	case res.Kept == 0 && res.Where != nil:
		return fail(nothingToReport("no audit matches " + strings.Join(res.Where.Filters, " and ") + "; nothing to report"))
	case res.Kept == 0:
		return fail(nothingToReport("no answer sheets found"))
	}
	out, err := encodeJSON(res)
	if err != nil {
		return err
	}
	emit(out)
	page := ""
	if f.Options.HTML {
		var b strings.Builder
		if err := render.HTML(&b, c, res, render.Options{Lang: f.Options.Lang, MinDuration: f.Options.MinDuration}); err != nil {
			return err
		}
		page = strings.TrimSuffix(b.String(), "\n")
	}
	emitHTML(page)
	n := Notes{Warnings: res.Warnings}
	if f.Options.SkipInvalid {
		n.Problems = problems
	}
	notes, err := json.Marshal(n)
	if err != nil {
		return err
	}
	emitNotes(string(notes))
	return nil
}

// namePlaces turns the places the parts kept for the critical failures
// or the comments of audits without an id (place.token; at gives an
// item's) into the names cxkit gives them, at their line in the whole
// input, and orders items that differ only in their place by it, as one
// run over the whole input does.
func namePlaces[T comparable](items []T, at func(*T) *string, name func(place) string) error {
	for i := range items {
		pl := at(&items[i])
		if *pl == "" {
			continue
		}
		var p place
		if err := json.Unmarshal([]byte(*pl), &p); err != nil {
			return fmt.Errorf("a place %q: %w", *pl, err)
		}
		*pl = name(p)
	}
	same := func(a, b T) bool {
		*at(&a), *at(&b) = "", ""
		return a == b
	}
	for i := 0; i < len(items); {
		j := i + 1
		for j < len(items) && same(items[i], items[j]) {
			j++
		}
		slices.SortStableFunc(items[i:j], func(a, b T) int { return strings.Compare(*at(&a), *at(&b)) })
		i = j
	}
	return nil
}

// groupsOf returns the report's groups, to change in place.
func groupsOf(r *korto.Report) []*korto.GroupSummary {
	gs := make([]*korto.GroupSummary, len(r.Groups))
	for i := range r.Groups {
		gs[i] = &r.Groups[i]
	}
	return gs
}

// nothingToReport is report.ErrNoSheets in the words cxkit report says
// it, which tell why.
type nothingToReport string

func (e nothingToReport) Error() string { return string(e) }

func (e nothingToReport) Unwrap() error { return report.ErrNoSheets }

// listProblems writes the invalid sheets' problems as cxkit report
// prints them, one a line, each at its file:line, and lists them in
// res.Invalid, as report.Run does (the HTML page counts them).
func listProblems(invalid []problemAt, lines *lineTable, res *report.Result) (string, error) {
	var b strings.Builder
	for _, p := range invalid {
		line := 0
		if p.At.Line > 0 {
			line = lines.line(p.At)
		}
		problem := report.Problem{Source: p.At.Path, Line: line, Hint: p.Hint}
		if p.Diags == nil {
			problem.Err = errors.New(p.Text)
			res.Invalid = append(res.Invalid, problem)
			where := p.At.Path
			if line > 0 {
				where = fmt.Sprintf("%s:%d", where, line)
			}
			fmt.Fprintf(&b, "%s: %s\n", where, p.Text)
			continue
		}
		var ds diag.List
		if err := json.Unmarshal(p.Diags, &ds); err != nil {
			return "", err
		}
		for _, d := range ds {
			if d.Line > 0 {
				d.Line += line - p.At.Line
			}
		}
		problem.Err = ds
		res.Invalid = append(res.Invalid, problem)
		listed := ds[:min(len(ds), maxListedProblems)]
		for _, d := range listed.InFile(p.At.Path, line) {
			b.WriteString(d.Error() + "\n")
		}
		if more := len(ds) - len(listed); more > 0 {
			where := p.At.Path
			if line > 0 {
				where = fmt.Sprintf("%s:%d", where, line)
			}
			noun := "more problems"
			if more == 1 {
				noun = "more problem"
			}
			fmt.Fprintf(&b, "%s: and %d %s (only the first %d are listed)\n", where, more, noun, maxListedProblems)
		}
		if p.Hint != "" {
			b.WriteString("hint: " + p.Hint + "\n")
		}
	}
	return b.String(), nil
}
