package support

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/cxkit/cxkit/diag"
)

// Ticket is one customer issue as a help desk records it. Applications
// fill it from their own desk; [Reader] fills it from JSON Lines.
type Ticket struct {
	// ID names the ticket in errors and in [Replies.Outliers]; it is
	// required, and a [Reader] rejects a second ticket with the same ID.
	ID string
	// Channel is where the customer came from: chat, phone, email,
	// social, or any name a desk uses. Filters and groups compare it
	// exactly, and the default standards name chat, phone, email and
	// social in lower case, so a desk's "Chat" matches none of them.
	Channel  string
	Priority Priority // NoPriority when the desk has none
	// Topic is what the customer asked about, for the single-question
	// rate ([TopicShare]). A ticket without one still counts in the
	// denominator of every topic's share.
	Topic string
	// Created starts the clock of first response and resolution, and
	// puts the ticket in a backlog period's In. It is required.
	Created time.Time
	Events  []Event // in time order, none before Created
	// Clicks, when the desk records it (a web widget can), is how many
	// clicks the customer needed from a search page or a new tab to the
	// first message: the service-standards guide's "clicks to first contact". Nil when not
	// recorded; phone and email tickets rarely have it.
	Clicks *int
}

// Event is one thing that happened to a ticket.
type Event struct {
	At   time.Time // required
	Type EventType
	// Agent is who acted. It is required on Reply and Assign, the two
	// events that count an agent for handovers and put the ticket under
	// them in per-agent figures. On a live ticket any event's agent is
	// also marked on duty in that clock hour, for
	// [Waiting.PeakPerAgent].
	Agent string
}

// EventType says what an event was.
type EventType uint8

// The event types of the ticket format.
const (
	Message   EventType = iota + 1 // customer message
	Reply                          // public agent reply
	Note                           // private agent note: never a reply
	Assign                         // the ticket was given to Agent
	Queued                         // the customer entered a live queue
	Served                         // an agent took the customer from the queue
	Abandoned                      // the customer left the queue unserved
	Solved                         // the ticket was solved; the first one ends resolution time
	Reopened                       // the ticket was reopened: never FCR; only a later solved gives a full resolution
)

var eventNames = [...]string{
	Message: "message", Reply: "reply", Note: "note", Assign: "assign",
	Queued: "queued", Served: "served", Abandoned: "abandoned",
	Solved: "solved", Reopened: "reopened",
}

// String returns the event type's name in the ticket format ("reply"),
// or "EventType(n)" for a value outside it.
func (t EventType) String() string {
	if int(t) < len(eventNames) && eventNames[t] != "" {
		return eventNames[t]
	}
	return fmt.Sprintf("EventType(%d)", t)
}

// ParseEventType returns the event type named s, in any case: exports
// that write "Reply" or "SOLVED" mean "reply" and "solved". The type's
// String and MarshalText stay lower case.
func ParseEventType(s string) (EventType, error) {
	for t, n := range eventNames {
		if n != "" && strings.EqualFold(n, s) {
			return EventType(t), nil
		}
	}
	return 0, fmt.Errorf("unknown event type %q (want one of %s)", s, strings.Join(eventNames[1:], ", "))
}

// MarshalText writes the event type's name.
func (t EventType) MarshalText() ([]byte, error) {
	if int(t) >= len(eventNames) || eventNames[t] == "" {
		return nil, fmt.Errorf("support: invalid event type %d", t)
	}
	return []byte(eventNames[t]), nil
}

// UnmarshalText reads an event type's name, in any case, as
// [ParseEventType] does.
func (t *EventType) UnmarshalText(b []byte) error {
	switch string(b) { // no allocation on the hot path of Reader
	case "message":
		*t = Message
	case "reply":
		*t = Reply
	case "note":
		*t = Note
	case "assign":
		*t = Assign
	case "queued":
		*t = Queued
	case "served":
		*t = Served
	case "abandoned":
		*t = Abandoned
	case "solved":
		*t = Solved
	case "reopened":
		*t = Reopened
	default:
		v, err := ParseEventType(string(b))
		if err != nil {
			return fmt.Errorf("unknown event type %q", b)
		}
		*t = v
	}
	return nil
}

// Priority ranks tickets from P1 (most urgent) to P4. The zero value
// means the ticket has no priority.
type Priority uint8

// The four priorities of the default impact x urgency matrix.
const (
	NoPriority Priority = iota // the ticket has none ("" in JSON and as a group key)
	P1                         // urgent, critical
	P2                         // high
	P3                         // normal, medium
	P4                         // low
)

// AllPriorities returns P1..P4 in order, a new slice on each call (as
// AllKPIs does), so no caller can change what the package reads.
func AllPriorities() []Priority { return []Priority{P1, P2, P3, P4} }

// String returns "P1".."P4", "" for [NoPriority], or "Priority(n)" for
// a value out of range.
func (p Priority) String() string {
	switch p {
	case NoPriority:
		return ""
	case P1, P2, P3, P4:
		return fmt.Sprintf("P%d", p)
	}
	return fmt.Sprintf("Priority(%d)", p)
}

// ParsePriority maps the priority names help desks use onto P1..P4,
// ignoring case and surrounding space: "P1", "urgent" and "critical"
// are P1; "P2" and "high" are P2; "P3", "normal" and "medium" are P3;
// "P4" and "low" are P4. The bare digits 1 to 4 are read as P1 to P4.
// The empty string is [NoPriority]; anything else is an error.
func ParsePriority(s string) (Priority, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "":
		return NoPriority, nil
	case "p1", "1", "urgent", "critical":
		return P1, nil
	case "p2", "2", "high":
		return P2, nil
	case "p3", "3", "normal", "medium":
		return P3, nil
	case "p4", "4", "low":
		return P4, nil
	}
	return 0, fmt.Errorf("unknown priority %q (want P1..P4, urgent, high, normal or low)", s)
}

// MarshalText writes P1..P4 (empty for no priority).
func (p Priority) MarshalText() ([]byte, error) {
	if p > P4 {
		return nil, fmt.Errorf("support: invalid priority %d", p)
	}
	return []byte(p.String()), nil
}

// UnmarshalText reads any name [ParsePriority] accepts.
func (p *Priority) UnmarshalText(b []byte) error {
	switch string(b) { // the common spellings without an allocation
	case "":
		*p = NoPriority
		return nil
	case "P1", "urgent":
		*p = P1
		return nil
	case "P2", "high":
		*p = P2
		return nil
	case "P3", "normal":
		*p = P3
		return nil
	case "P4", "low":
		*p = P4
		return nil
	}
	v, err := ParsePriority(string(b))
	if err != nil {
		return err
	}
	*p = v
	return nil
}

// TicketError is a problem with one ticket, or with one line of
// agent-time records ([ReadAgentTime]) or survey answers.
//
// Deprecated: use [diag.Diagnostic], which this is: the JSON Lines line
// is in Line, the ticket's id in Subject (as `ticket "T3"`), the event
// in Pointer (as "/events/2") and the error behind the message in Err,
// so errors.Is still finds [ErrDuplicateID].
type TicketError = diag.Diagnostic

// Errors is every problem found in an input.
//
// Deprecated: use [diag.List], which this is.
type Errors = diag.List

// ticketError places err, found in the ticket id (when it could be
// read) at its event (-1 for the ticket itself), with code. The line is
// the reader's to set.
func ticketError(code, id string, event int, err error) *diag.Diagnostic {
	d := &diag.Diagnostic{Code: code, Message: err.Error(), Err: err}
	if id != "" {
		d.Subject = "ticket " + diag.Quote(id)
	}
	if event >= 0 {
		d.Pointer = "/events/" + strconv.Itoa(event)
	}
	return d
}

// maxTicketSpan is the longest a ticket may run from its creation to its
// last event: a century, well inside what a time.Duration holds.
const maxTicketSpan = 100 * 365 * 24 * time.Hour

// Validate checks what the KPIs rely on: an ID and a creation time, a
// priority no higher than P4, clicks not negative, and events of known
// types with a time each, in time order and not before creation, with an
// agent on every reply and assignment. It returns a *diag.Diagnostic
// for the first problem, with the code diag.CodeBadTicket, the event's
// JSON Pointer when the problem is in one, and no line.
func (t *Ticket) Validate() error {
	bad := func(i int, format string, a ...any) error {
		return ticketError(diag.CodeBadTicket, t.ID, i, fmt.Errorf(format, a...))
	}
	if t.ID == "" {
		return bad(-1, "missing id")
	}
	if t.Created.IsZero() {
		// Decoding cannot tell a missing "created" from the zero time
		// written out (0001-01-01T00:00:00Z): the message names both.
		return bad(-1, "missing created time (or the zero time 0001-01-01T00:00:00Z)")
	}
	if t.Priority > P4 {
		return bad(-1, "invalid priority %d", t.Priority)
	}
	if t.Clicks != nil && *t.Clicks < 0 {
		return bad(-1, "clicks %d is negative", *t.Clicks)
	}
	prev := t.Created
	for i, e := range t.Events {
		switch {
		case e.Type == 0 || int(e.Type) >= len(eventNames):
			return bad(i, "unknown event type %d", e.Type)
		case e.At.IsZero():
			return bad(i, "%s event without a time", e.Type)
		case e.At.Before(t.Created):
			return bad(i, "%s at %s is before the ticket was created (%s)", e.Type, e.At.Format(time.RFC3339), t.Created.Format(time.RFC3339))
		case e.At.Before(prev):
			return bad(i, "%s at %s is before the previous event (%s): events must be in time order", e.Type, e.At.Format(time.RFC3339), prev.Format(time.RFC3339))
		case e.At.Sub(t.Created) > maxTicketSpan:
			// Past about 292 years a time.Duration saturates, and every
			// duration of the ticket would be silently wrong; no ticket
			// lives a century, so this is a typo in a year.
			return bad(i, "%s at %s is more than 100 years after the ticket was created (%s): is a year mistyped?", e.Type, e.At.Format(time.RFC3339), t.Created.Format(time.RFC3339))
		case (e.Type == Reply || e.Type == Assign) && e.Agent == "":
			return bad(i, "%s without an agent", e.Type)
		}
		prev = e.At
	}
	return nil
}

// wireTicket is the JSON Lines form of a ticket.
type wireTicket struct {
	ID       string      `json:"id"`
	Channel  string      `json:"channel"`
	Priority string      `json:"priority,omitempty"`
	Topic    string      `json:"topic,omitempty"`
	Created  string      `json:"created"`
	Events   []wireEvent `json:"events"`
	Clicks   *int        `json:"clicks,omitempty"`
}

type wireEvent struct {
	At    string `json:"at"`
	Type  string `json:"type"`
	Agent string `json:"agent,omitempty"`
}

// MarshalJSON writes the ticket in the JSON Lines format [Reader] reads.
func (t Ticket) MarshalJSON() ([]byte, error) {
	w := wireTicket{ID: t.ID, Channel: t.Channel, Priority: t.Priority.String(), Topic: t.Topic,
		Created: t.Created.Format(time.RFC3339Nano), Events: make([]wireEvent, len(t.Events)), Clicks: t.Clicks}
	for i, e := range t.Events {
		w.Events[i] = wireEvent{At: e.At.Format(time.RFC3339Nano), Type: e.Type.String(), Agent: e.Agent}
	}
	return json.Marshal(w)
}
