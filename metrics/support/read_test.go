package support_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/metrics/support"
)

func TestReadTicket(t *testing.T) {
	in := `{"id": "T3", "channel": "chat", "priority": "high", "topic": "delivery",
 "created": "2026-11-02T13:00:00+03:00", "events": []}` // not one line: an error
	in = strings.ReplaceAll(in, "\n", "") + "\n\n" +
		`{"id": "T4", "channel": "email", "priority": "P1", "created": "2026-11-02T13:00:00Z", "events": [{"at": "2026-11-02T13:05:00Z", "type": "reply", "agent": "anna"}]}`
	rd := support.NewReader(strings.NewReader(in))
	var got []support.Ticket
	for {
		x, err := rd.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, x.Clone())
	}
	msk := time.FixedZone("", 3*3600)
	want := []support.Ticket{
		{ID: "T3", Channel: "chat", Priority: support.P2, Topic: "delivery", Created: time.Date(2026, 11, 2, 13, 0, 0, 0, msk), Events: []support.Event{}},
		{ID: "T4", Channel: "email", Priority: support.P1, Created: time.Date(2026, 11, 2, 13, 0, 0, 0, time.UTC),
			Events: []support.Event{{At: time.Date(2026, 11, 2, 13, 5, 0, 0, time.UTC), Type: support.Reply, Agent: "anna"}}},
	}
	opt := cmp.Comparer(func(a, b time.Time) bool { return a.Equal(b) })
	if d := cmp.Diff(want, got, opt, cmpopts.EquateEmpty()); d != "" {
		t.Errorf("tickets (-want +got):\n%s", d)
	}
	if rd.Line() != 3 {
		t.Errorf("line = %d, want 3", rd.Line())
	}
}

// Every bad line is reported with its line number, the ticket and the
// event index; the good lines around them are still read.
func TestReadErrors(t *testing.T) {
	lines := []string{
		`{"id": "ok1", "channel": "chat", "created": "2026-11-02T10:00:00Z", "events": [{"at": "2026-11-02T10:01:00Z", "type": "reply", "agent": "a"}]}`,
		`{"id": "order", "channel": "chat", "created": "2026-11-02T10:00:00Z", "events": [{"at": "2026-11-02T10:05:00Z", "type": "message"}, {"at": "2026-11-02T10:01:00Z", "type": "reply", "agent": "a"}]}`,
		`{"id": "type", "channel": "chat", "created": "2026-11-02T10:00:00Z", "events": [{"at": "2026-11-02T10:05:00Z", "type": "message"}, {"at": "2026-11-02T10:06:00Z", "type": "call"}]}`,
		`{"id": "noagent", "channel": "chat", "created": "2026-11-02T10:00:00Z", "events": [{"at": "2026-11-02T10:05:00Z", "type": "reply"}]}`,
		`{"id": "early", "channel": "chat", "created": "2026-11-02T10:00:00Z", "events": [{"at": "2026-11-02T09:59:59Z", "type": "message"}]}`,
		`{"id": "badtime", "channel": "chat", "created": "2026-11-02T10:00:00Z", "events": [{"at": "2026-11-02 10:05", "type": "message"}]}`,
		`{"id": "prio", "channel": "chat", "priority": "whenever", "created": "2026-11-02T10:00:00Z"}`,
		`{"id": "nocreated", "channel": "chat"}`,
		`{"id": "broken", "channel": "chat", "created": `,
		`{"id": 7}`,
		`not json`,
		`{"id": "ok2", "channel": "email", "created": "2026-11-02T10:00:00Z"}`,
	}
	var ids []string
	err := support.ReadAll(strings.NewReader(strings.Join(lines, "\n")), func(x *support.Ticket) error {
		ids = append(ids, x.ID)
		return nil
	})
	if d := cmp.Diff([]string{"ok1", "ok2"}, ids); d != "" {
		t.Errorf("good tickets (-want +got):\n%s", d)
	}
	var errs support.Errors
	if !errors.As(err, &errs) {
		t.Fatalf("err = %v, want Errors", err)
	}
	type row struct {
		Line    int
		Subject string
		Pointer string
		Code    string
		Says    string
	}
	var got []row
	for _, e := range errs {
		got = append(got, row{e.Line, e.Subject, e.Pointer, e.Code, e.Message})
	}
	want := []row{
		{2, `ticket "order"`, "/events/1", diag.CodeBadTicket, "time order"},
		{3, `ticket "type"`, "/events/1", diag.CodeBadTicket, `unknown event type "call"`},
		{4, `ticket "noagent"`, "/events/0", diag.CodeBadTicket, "reply without an agent"},
		{5, `ticket "early"`, "/events/0", diag.CodeBadTicket, "before the ticket was created"},
		{6, `ticket "badtime"`, "/events/0", diag.CodeBadTicket, "not an RFC 3339 time"},
		{7, `ticket "prio"`, "", diag.CodeBadTicket, `unknown priority "whenever"`},
		{8, `ticket "nocreated"`, "", diag.CodeBadTicket, `missing "created"`},
		{9, `ticket "broken"`, "", diag.CodeSyntax, "invalid JSON"}, // the id is read before the break
		{10, "", "", diag.CodeWrongType, `field "id"`},
		{11, "", "", diag.CodeSyntax, "invalid JSON"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d errors, want %d:\n%v", len(got), len(want), err)
	}
	for i := range want {
		g, w := got[i], want[i]
		if !strings.Contains(g.Says, w.Says) {
			t.Errorf("error %d says %q, want it to say %q", i, g.Says, w.Says)
		}
		got[i].Says = w.Says
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("errors (-want +got):\n%s", d)
	}
	if !strings.HasPrefix(errs[0].Error(), `2: /events/1: ticket "order": `) {
		t.Errorf("message = %q", errs[0].Error())
	}
	if got := errs.InFile("t.jsonl", 0)[0].Error(); !strings.HasPrefix(got, `t.jsonl:2: /events/1: ticket "order": `) {
		t.Errorf("in a file, message = %q", got)
	}
}

// A bad line names its ticket even when the JSON breaks after the id.
func TestReadErrorNamesTicket(t *testing.T) {
	err := support.ReadAll(strings.NewReader(`{"id": "T9", "channel": 5}`), func(*support.Ticket) error { return nil })
	var te *support.TicketError
	if !errors.As(err, &te) || te.Subject != `ticket "T9"` || te.Line != 1 {
		t.Errorf("err = %#v", err)
	}
}

// Lines longer than the read buffer are read whole.
func TestReadLongLine(t *testing.T) {
	x := tk(t, "long", "chat", "0s")
	for i := range 5000 {
		x.Events = append(x.Events, support.Event{At: t0.Add(time.Duration(i) * time.Second), Type: support.Message})
	}
	b, _ := json.Marshal(x)
	n := 0
	err := support.ReadAll(bytes.NewReader(append(b, '\n')), func(y *support.Ticket) error {
		n = len(y.Events)
		return nil
	})
	if err != nil || n != 5000 {
		t.Errorf("n = %d, err = %v", n, err)
	}
}

// A ticket written with MarshalJSON reads back the same.
func TestTicketRoundTrip(t *testing.T) {
	f, err := os.Open("../../examples/support/tickets.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var orig []support.Ticket
	if err := support.ReadAll(f, func(x *support.Ticket) error { orig = append(orig, x.Clone()); return nil }); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	for _, x := range orig {
		b, err := json.Marshal(x)
		if err != nil {
			t.Fatal(err)
		}
		buf.Write(append(b, '\n'))
	}
	var back []support.Ticket
	if err := support.ReadAll(&buf, func(x *support.Ticket) error { back = append(back, x.Clone()); return nil }); err != nil {
		t.Fatal(err)
	}
	opt := cmp.Comparer(func(a, b time.Time) bool { return a.Equal(b) })
	if d := cmp.Diff(orig, back, opt); d != "" {
		t.Errorf("round trip (-orig +back):\n%s", d)
	}
}

// Reusing the event slice between lines must not leak an agent from one
// ticket into the next.
func TestReaderReuse(t *testing.T) {
	in := `{"id": "a", "created": "2026-11-02T10:00:00Z", "events": [{"at": "2026-11-02T10:00:00Z", "type": "reply", "agent": "anna"}]}
{"id": "b", "created": "2026-11-02T10:00:00Z", "events": [{"at": "2026-11-02T10:00:00Z", "type": "reply"}]}`
	err := support.ReadAll(strings.NewReader(in), func(*support.Ticket) error { return nil })
	var te *support.TicketError
	if !errors.As(err, &te) || te.Subject != `ticket "b"` || !strings.Contains(te.Error(), "without an agent") {
		t.Errorf("err = %v, want ticket b's reply without an agent", err)
	}
}

func FuzzReadTickets(f *testing.F) {
	f.Add(`{"id": "T3", "channel": "chat", "priority": "high", "topic": "delivery", "created": "2026-11-02T13:00:00+03:00", "events": [{"at": "2026-11-02T13:00:00+03:00", "type": "message"}, {"at": "2026-11-02T13:00:00+03:00", "type": "assign", "agent": "anna"}, {"at": "2026-11-02T13:02:00+03:00", "type": "reply", "agent": "anna"}, {"at": "2026-11-02T13:20:00+03:00", "type": "solved"}, {"at": "2026-11-02T14:00:00+03:00", "type": "reopened"}]}`)
	f.Add("{\"id\": \"x\", \"created\": \"2026-11-02T13:00:00Z\"}\n\nnot json\n{\"id\": 1}")
	f.Add(`{"id": "q", "created": "2026-11-02T13:00:00Z", "events": [{"at": "2026-11-02T13:00:00Z", "type": "queued"}, {"at": "2026-11-02T13:01:00Z", "type": "abandoned"}]}`)
	cal := support.Weekdays9to5(nil)
	f.Fuzz(func(t *testing.T, in string) {
		a := support.NewAccumulator(support.Options{})
		b := support.NewAccumulator(support.Options{Calendar: cal})
		n := 0
		ids := map[string]bool{}
		err := support.ReadAll(strings.NewReader(in), func(x *support.Ticket) error {
			n++
			if ids[x.ID] {
				t.Fatalf("reader passed id %q twice", x.ID)
			}
			ids[x.ID] = true
			if err := x.Validate(); err != nil {
				t.Fatalf("reader passed an invalid ticket: %v", err)
			}
			if err := a.Add(x); err != nil {
				return err
			}
			return b.Add(x)
		})
		var errs support.Errors
		if err != nil && !errors.As(err, &errs) {
			t.Fatalf("error %v is not a list of ticket errors", err)
		}
		for _, e := range errs {
			if e.Line < 1 || e.Code == "" || e.Error() == "" {
				t.Fatalf("bad error %#v", e)
			}
		}
		r := a.Report()
		if r.Tickets != n {
			t.Fatalf("tickets = %d, read %d", r.Tickets, n)
		}
		if _, err := json.Marshal(r); err != nil { // no NaN or Inf anywhere
			t.Fatal(err)
		}
		if _, err := json.Marshal(b.Report()); err != nil {
			t.Fatal(err)
		}
		_ = fmt.Sprint(r.FCR)
	})
}

// A byte order mark at the start of the input (Windows tools write one)
// is not part of the first ticket; CRLF line ends are fine too. A BOM
// further on is still an error.
func TestReadByteOrderMark(t *testing.T) {
	in := "\ufeff" + `{"id": "A", "channel": "chat", "created": "2026-11-02T10:00:00Z", "events": []}` + "\r\n" +
		`{"id": "B", "channel": "chat", "created": "2026-11-02T10:00:00Z", "events": []}` + "\r\n"
	var ids []string
	err := support.ReadAll(strings.NewReader(in), func(x *support.Ticket) error { ids = append(ids, x.ID); return nil })
	if d := cmp.Diff([]string{"A", "B"}, ids); d != "" || err != nil {
		t.Errorf("err %v; ids (-want +got):\n%s", err, d)
	}
	in = `{"id": "A", "channel": "chat", "created": "2026-11-02T10:00:00Z", "events": []}` + "\n\ufeff" +
		`{"id": "B", "channel": "chat", "created": "2026-11-02T10:00:00Z", "events": []}` + "\n"
	err = support.ReadAll(strings.NewReader(in), func(*support.Ticket) error { return nil })
	if l := diag.As(err); len(l) != 1 || l[0].Line != 2 {
		t.Errorf("BOM on line 2: err %v, want an error at line 2", err)
	}
	var agents []string
	err = support.ReadAgentTime(strings.NewReader("\ufeff"+`{"agent": "anna", "logged_in": "8h", "handling": "5h", "after_work": "1h"}`+"\r\n"),
		func(a support.AgentTime) error { agents = append(agents, a.Agent); return nil })
	if d := cmp.Diff([]string{"anna"}, agents); d != "" || err != nil {
		t.Errorf("agent time: err %v; agents (-want +got):\n%s", err, d)
	}
}

// zeros is /dev/zero: no newline, no end.
type zeros struct{ read int64 }

func (z *zeros) Read(p []byte) (int, error) {
	clear(p)
	z.read += int64(len(p))
	return len(p), nil
}

// A file without newlines ends the reader with an error at the line
// limit instead of being read into memory whole.
func TestReaderLineLimit(t *testing.T) {
	z := &zeros{}
	_, err := support.NewReader(z).Next()
	var te *support.TicketError
	if !errors.As(err, &te) || te.Line != 1 || !strings.Contains(err.Error(), "longer than 16 MiB") {
		t.Errorf("err %v, want a TicketError for line 1 over the limit", err)
	}
	if z.read > 2*support.MaxLineSize {
		t.Errorf("read %d bytes, past the limit", z.read)
	}
}

// ReadAll, which goes on after bad lines, ends at a line over the limit.
func TestReadAllLineLimit(t *testing.T) {
	err := support.ReadAll(&zeros{}, func(*support.Ticket) error { return nil })
	var es support.Errors
	if !errors.As(err, &es) || len(es) != 1 {
		t.Errorf("err %v, want one line over the limit", err)
	}
}

// A ticket whose events lie centuries after its creation is refused:
// its durations would saturate at 106,751 days, silently wrong.
func TestReadRefusesCenturies(t *testing.T) {
	line := `{"id": "ages", "channel": "chat", "created": "1026-11-02T10:00:00Z", "events": [{"at": "1026-11-02T10:00:00Z", "type": "message"}, {"at": "2026-11-02T10:01:00Z", "type": "reply", "agent": "anna"}]}`
	err := support.ReadAll(strings.NewReader(line), func(*support.Ticket) error { return nil })
	var errs support.Errors
	if !errors.As(err, &errs) || len(errs) != 1 || errs[0].Pointer != "/events/1" || !strings.Contains(errs[0].Error(), "more than 100 years after") {
		t.Fatalf("err = %v, want one error on event 1 saying it is more than 100 years after", err)
	}
}
