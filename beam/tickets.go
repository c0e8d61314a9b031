package cxbeam

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strings"
	"sync"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/internal/textfmt"
	"github.com/cxkit/cxkit/metrics/support"
)

// The support pipeline's reading: every chunk of the ticket files is
// read by the library's reader without its id check; each good ticket
// goes out keyed by its id, and the group of an id keeps the ticket at
// the first place and says the others are repeats, as the reader of one
// file would.

func init() {
	register.DoFn5x1[context.Context, chunk, func(string, ticketAt), func(badLine), func(chunkLines), error](&readTicketsFn{})
	register.Emitter2[string, ticketAt]()
	register.Emitter1[badLine]()
	register.DoFn5x1[string, func(*ticketAt) bool, func(*chunkLines) bool, func([]byte), func(badLine), error](&firstTicketFn{})
	register.Iter1[ticketAt]()
	register.Iter1[badLine]()
	register.Emitter1[[]byte]()
	register.Combiner3[*SupportAccumulator, []byte, []byte](&addTicketsFn{})
	beam.RegisterType(reflect.TypeFor[ticketAt]())
	beam.RegisterType(reflect.TypeFor[badLine]())
	register.DoFn3x1[badLine, func(*chunkLines) bool, func(badLine), error](&liveBadLineFn{})
	register.Combiner2[firstBadLines, badLine](&firstBadLinesFn{})
	register.Iter1[firstBadLines]()
	beam.RegisterType(reflect.TypeFor[firstBadLines]())
}

// ticketAt is a good ticket and where it is; Ticket is its JSON
// (support.Ticket marshalled), for addTicketsFn.
type ticketAt struct {
	At     place
	Ticket []byte
}

// badLine is a line that is not counted: a bad line, with its
// diagnostic as JSON (Diag), or the repeat of an id (Dup) first given at
// First.
type badLine struct {
	At    place
	Diag  []byte
	Dup   bool
	First place
	ID    string
}

type readTicketsFn struct{}

func (f *readTicketsFn) ProcessElement(ctx context.Context, c chunk, emit func(string, ticketAt), emitBad func(badLine), emitCount func(chunkLines)) error {
	in, err := openChunk(ctx, c)
	if err != nil {
		return err
	}
	defer in.Close()
	var r io.Reader = in
	shift := 0
	if c.Start > 0 {
		// The reader drops a byte order mark from its first line only:
		// a chunk's first line is its second, after a blank one.
		r, shift = io.MultiReader(strings.NewReader("\n"), in), 1
	}
	rd := support.NewReader(r)
	rd.KeepDuplicates()
	stopped := 0
	for {
		t, err := rd.Next()
		if err == io.EOF {
			break
		}
		if d, ok := errors.AsType[*diag.Diagnostic](err); ok {
			at := place{Path: c.Path, Start: c.Start, Line: d.Line - shift}
			js, err := json.Marshal(d)
			if err != nil {
				return err
			}
			emitBad(badLine{At: at, Diag: js})
			if d.Code == diag.CodeLimit {
				stopped = at.Line // the reader reads no further
			}
			continue
		}
		if err != nil {
			return fmt.Errorf("%s: %w", c.Path, err)
		}
		js, err := json.Marshal(t)
		if err != nil {
			return err
		}
		emit(t.ID, ticketAt{At: place{Path: c.Path, Start: c.Start, Line: rd.Line() - shift}, Ticket: js})
	}
	n, err := in.count()
	if err != nil {
		return fmt.Errorf("%s: %w", c.Path, err)
	}
	emitCount(chunkLines{Path: c.Path, Start: c.Start, Lines: n, Stopped: stopped})
	return nil
}

// firstTicketFn keeps the first ticket of an id, in the order of the
// files and lines, and says each later one is a repeat; tickets past a
// line that stopped the reading of their file are not read at all.
type firstTicketFn struct {
	once  sync.Once
	lines *lineTable
	err   error
}

func (f *firstTicketFn) ProcessElement(id string, tickets func(*ticketAt) bool, counts func(*chunkLines) bool, emit func([]byte), emitDup func(badLine)) error {
	f.once.Do(func() { f.lines, f.err = newLineTable(counts) })
	if f.err != nil {
		return f.err
	}
	var all []ticketAt
	var t ticketAt
	for tickets(&t) {
		if !f.lines.dropped(t.At) {
			all = append(all, t)
		}
	}
	if len(all) == 0 {
		return nil
	}
	first := slices.MinFunc(all, func(a, b ticketAt) int { return comparePlace(a.At, b.At) })
	emit(first.Ticket)
	for _, t := range all {
		if t.At != first.At {
			emitDup(badLine{At: t.At, Dup: true, First: first.At, ID: id})
		}
	}
	return nil
}

// maxListedBad bounds the bad ticket lines and the invalid sheets a
// job carries to its last step and lists (cxkit support and cxkit
// report list them all): a million bad lines must not reach one
// worker, nor the terminal. Past it the list ends with the count of
// the rest; the job's error counts them all.
const maxListedBad = 1000

// liveBadLineFn passes on the bad lines that cxkit reads: not those past
// a line that stopped the reading of their file.
type liveBadLineFn struct {
	once  sync.Once
	lines *lineTable
	err   error
}

func (f *liveBadLineFn) ProcessElement(b badLine, counts func(*chunkLines) bool, emit func(badLine)) error {
	f.once.Do(func() { f.lines, f.err = newLineTable(counts) })
	if f.err != nil {
		return f.err
	}
	if !f.lines.dropped(b.At) {
		emit(b)
	}
	return nil
}

// firstBadLines is the first maxListedBad bad lines of the input, in
// its order, and how many there are in all.
type firstBadLines struct {
	Lines []badLine
	Total int
}

// firstBadLinesFn keeps the first bad lines of the input, in bounded
// memory however many there are.
type firstBadLinesFn struct{}

func (firstBadLinesFn) CreateAccumulator() firstBadLines { return firstBadLines{} }

func (firstBadLinesFn) AddInput(a firstBadLines, b badLine) firstBadLines {
	return firstBadLinesFn{}.MergeAccumulators(a, firstBadLines{Lines: []badLine{b}, Total: 1})
}

func (firstBadLinesFn) MergeAccumulators(a, b firstBadLines) firstBadLines {
	lines := append(slices.Clone(a.Lines), b.Lines...)
	slices.SortFunc(lines, func(x, y badLine) int { return comparePlace(x.At, y.At) })
	return firstBadLines{Lines: lines[:min(len(lines), maxListedBad)], Total: a.Total + b.Total}
}

// badTickets returns the first bad lines and repeats, placed in their
// files, in order, and how many there are in all.
func badTickets(lines *lineTable, bad func(*firstBadLines) bool) (diag.List, int, error) {
	var first firstBadLines
	if !bad(&first) {
		return nil, 0, nil
	}
	var out diag.List
	for _, b := range first.Lines {
		d := &diag.Diagnostic{}
		if b.Dup {
			e := &support.DuplicateIDError{First: lines.line(b.First)}
			if b.First.Path != b.At.Path {
				e.FirstFile = b.First.Path
			}
			d = &diag.Diagnostic{Code: diag.CodeDuplicateTicket, Subject: "ticket " + diag.Quote(b.ID), Message: e.Error(), Err: e}
		} else if err := json.Unmarshal(b.Diag, d); err != nil {
			return nil, 0, err
		}
		d.File, d.Line = b.At.Path, lines.line(b.At)
		out = append(out, d)
	}
	return out, first.Total, nil
}

// failBadLines is the job's error for bad lines without SkipBad: the
// first ones, each at its place, then cxkit support's last line, which
// counts them all.
func failBadLines(errs diag.List, total int) error {
	files := map[string]bool{}
	for _, d := range errs {
		files[d.File] = true
	}
	errs = withRest(errs, total)
	name := ""
	if len(files) == 1 {
		name = errs[0].File
	}
	return badLinesError(name, errs, total)
}

// withRest ends the first bad lines errs with the count of the rest,
// when there are more than those in all.
func withRest(errs diag.List, total int) diag.List {
	if more := total - len(errs); more > 0 {
		return append(slices.Clip(errs), &diag.Diagnostic{Code: diag.CodeLimit,
			Message: textfmt.Plural(more, "more bad line", "more bad lines") + " not shown"})
	}
	return errs
}

// badLinesError is cxkit support's error for a file with bad lines:
// the lines, then what it means; name is the file, "" for several.
func badLinesError(name string, errs diag.List, total int) error {
	msg := textfmt.Plural(total, "bad line", "bad lines") + "; nothing computed (--skip-bad computes from the good lines)"
	if name != "" {
		msg = name + ": " + msg
	}
	return &problemsError{problems: errs, last: errors.New(msg)}
}

// addTicketsFn adds up tickets (the JSON of support.Ticket) into a
// support accumulator; the accumulators merge as SupportFn's.
type addTicketsFn struct {
	SupportFn
}

// AddInput adds one ticket.
func (f *addTicketsFn) AddInput(a *SupportAccumulator, ticket []byte) (*SupportAccumulator, error) {
	if err := a.load(f.newAccumulator); err != nil {
		return nil, err
	}
	var t support.Ticket
	if err := json.Unmarshal(ticket, &t); err != nil {
		return nil, err
	}
	return a, a.acc.Add(&t)
}
