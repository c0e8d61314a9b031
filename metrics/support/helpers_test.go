package support_test

import (
	"strings"
	"testing"
	"time"

	"github.com/cxkit/cxkit/metrics/support"
)

var t0 = time.Date(2026, 11, 2, 10, 0, 0, 0, time.UTC) // a Monday

// tk builds a ticket created at t0+created from events written as
// "type[:agent]@offset", e.g. "reply:anna@2m" (offsets from t0).
func tk(t testing.TB, id, channel string, created string, events ...string) *support.Ticket {
	t.Helper()
	off := func(s string) time.Time {
		d, err := time.ParseDuration(s)
		if err != nil {
			t.Fatalf("bad offset %q", s)
		}
		return t0.Add(d)
	}
	tick := &support.Ticket{ID: id, Channel: channel, Created: off(created)}
	for _, e := range events {
		what, at, ok := strings.Cut(e, "@")
		if !ok {
			t.Fatalf("bad event %q", e)
		}
		typ, agent, _ := strings.Cut(what, ":")
		et, err := support.ParseEventType(typ)
		if err != nil {
			t.Fatal(err)
		}
		tick.Events = append(tick.Events, support.Event{At: off(at), Type: et, Agent: agent})
	}
	return tick
}

// accumulate adds tickets to a fresh accumulator, failing on any error.
func accumulate(t testing.TB, opts support.Options, tickets ...*support.Ticket) *support.Accumulator {
	t.Helper()
	a := support.NewAccumulator(opts)
	for _, x := range tickets {
		if err := a.Add(x); err != nil {
			t.Fatal(err)
		}
	}
	return a
}

func val(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

const eps = 1e-9

func near(a, b float64) bool {
	d := a - b
	return d < eps && d > -eps
}
