package support

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"time"

	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/internal/jsonl"
)

// Reader reads tickets from JSON Lines, one ticket a line:
//
//	{"id": "T3", "channel": "chat", "priority": "high", "topic": "delivery",
//	 "created": "2026-11-02T13:00:00+03:00",
//	 "events": [{"at": "2026-11-02T13:02:00+03:00", "type": "reply", "agent": "anna"}]}
//
// Times are RFC 3339. An optional "clicks" (a whole number >= 0) is the
// clicks to first contact when the desk records them. Blank lines are
// ignored; every other line is either a ticket or an error. A ticket
// whose id an earlier good line already had is an error naming both
// lines ([DuplicateIDError]); the first one stands. Reading streams: only
// the current line is held, plus a compact set of the ids seen (about 20
// to 40 bytes a ticket).
//
// The zero Reader has no input, and its Next returns an error; make one
// with [NewReader].
type Reader struct {
	lines *jsonl.Reader
	line  int // r.lines.Line() after the last Next, cached for decode
	fast  fastTicket
	w     wireTicket
	t     Ticket
	ids   idSet
	// keepDups turns the id check off (KeepDuplicates).
	keepDups bool
	// clicks receives "clicks" without an allocation; noClicks in it
	// after decoding means the field was absent.
	clicks int
	err    error // sticky I/O error
}

// fastTicket decodes a good line straight into typed fields; a line it
// rejects is decoded again as strings (wireTicket) to say exactly which
// field of which event is wrong.
type fastTicket struct {
	ID       string      `json:"id"`
	Channel  string      `json:"channel"`
	Priority Priority    `json:"priority"`
	Topic    string      `json:"topic"`
	Created  time.Time   `json:"created"`
	Events   []fastEvent `json:"events"`
	Clicks   *int        `json:"clicks"`
}

const noClicks = math.MinInt

type fastEvent struct {
	At    time.Time `json:"at"`
	Type  EventType `json:"type"`
	Agent string    `json:"agent"`
}

// NewReader returns a Reader reading from r. With a nil r, Next
// returns an error. The zero Reader has no input either: use NewReader.
func NewReader(r io.Reader) *Reader {
	if r == nil {
		return &Reader{}
	}
	return &Reader{lines: jsonl.NewReader(r, MaxLineSize), ids: newIDSet()}
}

var errNoInput = errors.New("support: reader without input (make it with NewReader and a non-nil io.Reader)")

// KeepDuplicates turns off the check of ticket ids: Next returns a
// ticket whose id an earlier line had like any other, and keeps no set
// of ids. It is for a caller that checks ids itself over many inputs
// (a pipeline that groups the tickets of many files by id), and says
// the repeats with [DuplicateIDError] as Next would.
func (r *Reader) KeepDuplicates() {
	r.keepDups = true
	r.ids = idSet{}
}

// Line returns the number of the line the last ticket or error came from.
func (r *Reader) Line() int {
	if r.lines == nil {
		return 0
	}
	return r.lines.Line()
}

// Next returns the next ticket. The ticket and its events are valid only
// until the next call; copy them (see [Ticket.Clone]) to keep them.
// A bad line gives a *diag.Diagnostic naming the line, the ticket (when
// its id could be read) and the event's JSON Pointer; reading may go on
// after it with the next call. At the end of the input Next returns io.EOF.
func (r *Reader) Next() (*Ticket, error) {
	if r.lines == nil {
		return nil, errNoInput
	}
	if r.err != nil {
		return nil, r.err
	}
	line, err := r.lines.Next()
	r.line = r.lines.Line()
	if d, ok := err.(*diag.Diagnostic); ok {
		// A line over MaxLineSize: the rest of the input is not
		// read, so that loops going on after ticket errors end.
		r.err = io.EOF
		d.Message += ": not a ticket (or not JSON Lines)"
		return nil, d
	}
	if err != nil {
		r.err = err
		return nil, err
	}
	if err := r.decode(line); err != nil {
		return nil, err
	}
	if r.keepDups {
		return &r.t, nil
	}
	if first := r.ids.add(r.t.ID, r.line); first != 0 {
		d := ticketError(diag.CodeDuplicateTicket, r.t.ID, -1, &DuplicateIDError{First: first})
		d.Line = r.line
		return nil, d
	}
	return &r.t, nil
}

// MaxLineSize is the longest line the support readers (tickets, agent
// time, survey answers) take, in bytes: a real ticket is a few KiB, and
// a file without newlines (/dev/zero, a binary file) must not be read
// into memory whole. A longer line is a diagnostic (diag.CodeLimit),
// and the rest of the input is not read.
const MaxLineSize = 16 << 20

func (r *Reader) decode(line []byte) error {
	events := r.fast.Events
	clear(events[:cap(events)])
	r.clicks = noClicks
	r.fast = fastTicket{Events: events[:0], Clicks: &r.clicks}
	if err := json.Unmarshal(line, &r.fast); err == nil && !r.fast.Created.IsZero() && r.fast.Clicks != nil {
		t := &r.t
		*t = Ticket{ID: r.fast.ID, Channel: r.fast.Channel, Priority: r.fast.Priority, Topic: r.fast.Topic,
			Created: r.fast.Created, Events: t.Events[:0]}
		if r.clicks != noClicks {
			t.Clicks = &r.clicks
		}
		for _, e := range r.fast.Events {
			t.Events = append(t.Events, Event(e))
		}
		if err := t.Validate(); err != nil {
			te := err.(*diag.Diagnostic)
			te.Line = r.line
			return te
		}
		return nil
	}
	return r.decodeSlow(line)
}

func (r *Reader) decodeSlow(line []byte) error {
	events := r.w.Events
	clear(events[:cap(events)])
	r.w = wireTicket{Events: events[:0]}
	if err := json.Unmarshal(line, &r.w); err != nil {
		id := r.w.ID
		if id == "" {
			id = peekID(line)
		}
		te := ticketError(jsonCode(err), id, -1, jsonError(err))
		te.Line = r.line
		return te
	}
	t := &r.t
	*t = Ticket{ID: r.w.ID, Channel: r.w.Channel, Topic: r.w.Topic, Events: t.Events[:0], Clicks: r.w.Clicks}
	fail := func(i int, err error) error {
		te := ticketError(diag.CodeBadTicket, t.ID, i, err)
		te.Line = r.line
		return te
	}
	var err error
	if t.Priority, err = ParsePriority(r.w.Priority); err != nil {
		return fail(-1, err)
	}
	if r.w.Created == "" {
		return fail(-1, errors.New(`missing "created" time`))
	}
	if t.Created, err = parseTime("created", r.w.Created); err != nil {
		return fail(-1, err)
	}
	for i, we := range r.w.Events {
		var e Event
		if e.Type, err = ParseEventType(we.Type); err != nil {
			return fail(i, err)
		}
		if we.At == "" {
			return fail(i, errors.New(`missing "at" time`))
		}
		if e.At, err = parseTime("at", we.At); err != nil {
			return fail(i, err)
		}
		e.Agent = we.Agent
		t.Events = append(t.Events, e)
	}
	if err := t.Validate(); err != nil {
		te := err.(*diag.Diagnostic)
		te.Line = r.line
		return te
	}
	return nil
}

func parseTime(field, s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is not an RFC 3339 time (%s), e.g. 2026-11-02T13:00:00+03:00", s, field)
	}
	return t, nil
}

// jsonCode is the diagnostic code of an error of encoding/json.
func jsonCode(err error) string {
	if _, ok := errors.AsType[*json.UnmarshalTypeError](err); ok {
		return diag.CodeWrongType
	}
	return diag.CodeSyntax
}

// jsonError rewords encoding/json's errors for people reading a ticket
// export.
func jsonError(err error) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return fmt.Errorf("invalid JSON at byte %d: %v", se.Offset, se)
	case errors.As(err, &te):
		return fmt.Errorf("field %q: JSON %s where %s was expected", te.Field, te.Value, te.Type)
	}
	return err
}

// peekID finds the id of a ticket whose line does not decode as a whole,
// so the error can name it; it gives "" when even that fails.
func peekID(line []byte) string {
	dec := json.NewDecoder(bytes.NewReader(line))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return ""
	}
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			return ""
		}
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return ""
		}
		if key == "id" {
			var id string
			if json.Unmarshal(v, &id) == nil {
				return id
			}
			return ""
		}
	}
	return ""
}

// eachLine calls fn with each line of the JSON Lines input r that is
// not blank: the loop of the readers of agent time and
// survey answers. The problem fn returns for a line is placed at the
// line; every one comes back at the end as [Errors], with a line over
// MaxLineSize, after which the rest is not read. fn's own error, or a
// read error, stops reading and is returned as it is.
func eachLine(r io.Reader, fn func(b []byte) (*diag.Diagnostic, error)) error {
	lines := jsonl.NewReader(r, MaxLineSize)
	var errs Errors
	for {
		b, err := lines.Next()
		if err == io.EOF {
			break
		}
		if d, ok := err.(*diag.Diagnostic); ok {
			errs = append(errs, d)
			break
		}
		if err != nil {
			return err
		}
		bad, err := fn(b)
		if err != nil {
			return err
		}
		if bad != nil {
			bad.Line = lines.Line()
			errs = append(errs, bad)
		}
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}

// checkReadArgs refuses a nil input or callback before reading starts.
func checkReadArgs(r io.Reader, nilFn bool) error {
	switch {
	case r == nil:
		return errNoInput
	case nilFn:
		return errors.New("support: nil callback: nothing would receive what is read")
	}
	return nil
}

// Clone returns a deep copy of t, safe to keep after [Reader.Next].
func (t *Ticket) Clone() Ticket {
	c := *t
	c.Events = append([]Event(nil), t.Events...)
	if t.Clicks != nil {
		n := *t.Clicks
		c.Clicks = &n
	}
	return c
}

// Skipped returns copies of the bad lines errs as a run that computes
// from the good lines reports them: each a warning, its message
// starting "skipped: ". cxkit support --skip-bad prints them so, and so
// does the Beam pipeline.
func Skipped(errs diag.List) diag.List {
	out := make(diag.List, 0, len(errs))
	for _, d := range errs {
		if d == nil {
			continue
		}
		c := *d
		c.Severity = diag.SeverityWarning
		c.Message = "skipped: " + c.Message
		out = append(out, &c)
	}
	return out
}

// ReadAll reads every ticket from r and calls fn for each valid one. It
// goes on after bad lines and returns them all as a [diag.List]; fn's own
// error stops reading at once and is returned as is. A nil r or fn is
// an error.
func ReadAll(r io.Reader, fn func(*Ticket) error) error {
	if err := checkReadArgs(r, fn == nil); err != nil {
		return err
	}
	rd := NewReader(r)
	var errs diag.List
	for {
		t, err := rd.Next()
		if err == io.EOF {
			break
		}
		var te *diag.Diagnostic
		if errors.As(err, &te) {
			errs = append(errs, te)
			continue
		}
		if err != nil {
			return err
		}
		if err := fn(t); err != nil {
			return err
		}
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}
