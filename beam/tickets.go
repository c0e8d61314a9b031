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

// badTickets returns the bad lines and repeats, placed in their files,
// in order; those past a line that stopped the reading of a file are
// left out, as cxkit does not read them.
func badTickets(lines *lineTable, bad func(*badLine) bool) (diag.List, error) {
	type placed struct {
		at place
		d  *diag.Diagnostic
	}
	var all []placed
	var b badLine
	for bad(&b) {
		if lines.dropped(b.At) {
			continue
		}
		d := &diag.Diagnostic{}
		if b.Dup {
			e := &support.DuplicateIDError{First: lines.line(b.First)}
			if b.First.Path != b.At.Path {
				e.FirstFile = b.First.Path
			}
			d = &diag.Diagnostic{Code: diag.CodeDuplicateTicket, Subject: "ticket " + diag.Quote(b.ID), Message: e.Error(), Err: e}
		} else if err := json.Unmarshal(b.Diag, d); err != nil {
			return nil, err
		}
		d.File, d.Line = b.At.Path, lines.line(b.At)
		all = append(all, placed{b.At, d})
	}
	slices.SortFunc(all, func(a, b placed) int { return comparePlace(a.at, b.at) })
	var out diag.List
	for _, p := range all {
		out = append(out, p.d)
	}
	return out, nil
}

// failBadLines is the job's error for bad lines without SkipBad: every
// one, as cxkit support prints them, and what it means.
func failBadLines(errs diag.List) error {
	files := map[string]bool{}
	for _, d := range errs {
		files[d.File] = true
	}
	var b strings.Builder
	if err := diag.Render(&b, errs, nil); err != nil {
		return err
	}
	if len(files) == 1 {
		b.WriteString(errs[0].File + ": ")
	}
	if len(errs) == 1 {
		b.WriteString("1 bad line")
	} else {
		fmt.Fprintf(&b, "%d bad lines", len(errs))
	}
	b.WriteString("; nothing computed (SkipBad computes from the good lines)")
	return &badLinesError{text: b.String(), errs: errs}
}

// badLinesError lists bad lines, one a line; errors.As finds them.
type badLinesError struct {
	text string
	errs diag.List
}

func (e *badLinesError) Error() string { return e.text }
func (e *badLinesError) Unwrap() error { return e.errs }

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
