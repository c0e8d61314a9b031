package support_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/cxkit/cxkit/metrics/support"
	"github.com/cxkit/cxkit/metrics/support/ticketgen"
)

// stateOptions are the option sets a saved state is tried with: calendar
// time by day in UTC, business hours by week in the calendar's zone, and
// calendar time cut in another zone with few outliers listed.
func stateOptions(t testing.TB) []support.Options {
	cal, err := support.ParseCalendar(must(os.ReadFile("../../examples/support/calendar.json")))
	if err != nil {
		t.Fatal(err)
	}
	msk, err := support.LoadZone("Europe/Moscow")
	if err != nil {
		t.Fatal(err)
	}
	return []support.Options{{}, {Calendar: cal, Period: support.Week}, {Location: msk, MaxOutliers: 3}}
}

// stateTickets are the example tickets and 2,000 generated ones.
func stateTickets(t testing.TB) []support.Ticket {
	ts := exampleTickets(t)
	g := ticketgen.New(11, time.Date(2026, 3, 1, 7, 0, 0, 0, time.UTC))
	for range 2000 {
		ts = append(ts, g.Next())
	}
	return ts
}

// everything is what a report shows of an accumulator: the report, each
// breakdown and the standards table.
func everything(t testing.TB, a *support.Accumulator) []byte {
	t.Helper()
	rows, err := a.Evaluate(support.DefaultStandards(), support.Inputs{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal([]any{a.Report(), a.Groups(support.ByChannel), a.Groups(support.ByPriority), a.Groups(support.ByAgent), rows})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func marshal(t testing.TB, a *support.Accumulator) []byte {
	t.Helper()
	b, err := a.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// A saved state restores to an accumulator that reports the same, to
// the bit, and saves to the same bytes; an empty accumulator too.
func TestStateRoundTrip(t *testing.T) {
	ts := stateTickets(t)
	g := ticketgen.New(11, time.Date(2026, 3, 1, 7, 0, 0, 0, time.UTC))
	for _, opts := range stateOptions(t) {
		for _, n := range []int{0, 1, len(ts)} {
			a := must(support.New(opts))
			for i := range ts[:n] {
				must0(t, a.Add(&ts[i]))
			}
			if n > 0 {
				for _, at := range g.AgentTime() {
					must0(t, a.AddAgentTime(at))
				}
			}
			state := marshal(t, a)
			b := must(support.New(opts))
			must0(t, b.UnmarshalBinary(state))
			if d := cmp.Diff(string(everything(t, a)), string(everything(t, b))); d != "" {
				t.Errorf("%d tickets: restored accumulator reports otherwise (-saved +restored):\n%s", n, d)
			}
			if again := marshal(t, b); !bytes.Equal(state, again) {
				t.Errorf("%d tickets: restored accumulator saves %d bytes, not the %d it was restored from", n, len(again), len(state))
			}
		}
	}
}

// Accumulators of parts of the input, saved, restored elsewhere and
// merged in any order, report what one pass over the whole does, and
// save to the same bytes as it: the state does not depend on the order
// the tickets came in.
func TestStateMergeEqualsOnePass(t *testing.T) {
	ts := stateTickets(t)
	for _, opts := range stateOptions(t) {
		whole := must(support.New(opts))
		parts := make([]*support.Accumulator, 4)
		for i := range parts {
			parts[i] = must(support.New(opts))
		}
		for i := range ts {
			must0(t, whole.Add(&ts[i]))
			must0(t, parts[(i*7+i/13)%len(parts)].Add(&ts[i]))
		}
		merged := must(support.New(opts))
		for _, i := range []int{3, 1, 0, 2} {
			// Each part goes through its saved state, as between machines,
			// restored into an accumulator of its own options and calendar.
			p := must(support.New(opts))
			must0(t, p.UnmarshalBinary(marshal(t, parts[i])))
			must0(t, merged.Merge(p))
		}
		if d := cmp.Diff(string(everything(t, whole)), string(everything(t, merged))); d != "" {
			t.Errorf("merged parts report otherwise than one pass (-whole +merged):\n%s", d)
		}
		if !bytes.Equal(marshal(t, whole), marshal(t, merged)) {
			t.Error("merged parts save other bytes than one pass")
		}
	}
}

// A state restores only into an accumulator with the options that saved
// it; a calendar parsed again from the same file is the same calendar.
func TestStateOptionsMismatch(t *testing.T) {
	opts := stateOptions(t)
	ts := exampleTickets(t)
	for i, saved := range opts {
		a := must(support.New(saved))
		for j := range ts {
			must0(t, a.Add(&ts[j]))
		}
		state := marshal(t, a)
		for j, into := range opts {
			b := must(support.New(into))
			err := b.UnmarshalBinary(state)
			if (err == nil) != (i == j) {
				t.Errorf("state of options %d into options %d: error %v", i, j, err)
			}
			if err != nil && !errors.Is(err, support.ErrState) {
				t.Errorf("error %v does not wrap ErrState", err)
			}
		}
	}
	cal := must(support.ParseCalendar(must(os.ReadFile("../../examples/support/calendar.json"))))
	a := must(support.New(support.Options{Calendar: cal, Period: support.Week}))
	state := marshal(t, a)
	other := must(support.ParseCalendar(must(os.ReadFile("../../examples/support/calendar.json"))))
	must0(t, must(support.New(support.Options{Calendar: other, Period: support.Week})).UnmarshalBinary(state))
	if err := must(support.New(support.Options{Calendar: support.Weekdays9to5(nil), Period: support.Week})).UnmarshalBinary(state); err == nil {
		t.Error("state of one calendar restored into another: want an error")
	}
	if err := must(support.New(support.Options{Location: time.FixedZone("Europe/Moscow", 4*3600), MaxOutliers: 3})).UnmarshalBinary(marshal(t, must(support.New(opts[2])))); err == nil {
		t.Error("a zone of the same name and another offset: want an error")
	}
}

// Every truncation and every single-byte change of a state is either
// refused with ErrState, leaving the accumulator as it was, or restores
// an accumulator that reports and saves without panicking.
func TestStateCorrupt(t *testing.T) {
	ts := exampleTickets(t)
	a := must(support.New(support.Options{}))
	for i := range ts[:12] {
		must0(t, a.Add(&ts[i]))
	}
	state := marshal(t, a)
	try := func(b []byte) {
		t.Helper()
		x := must(support.New(support.Options{}))
		must0(t, x.UnmarshalBinary(state))
		if err := x.UnmarshalBinary(b); err != nil {
			if !errors.Is(err, support.ErrState) {
				t.Fatalf("error %v does not wrap ErrState", err)
			}
			if !bytes.Equal(marshal(t, x), state) {
				t.Fatal("a refused state changed the accumulator")
			}
			return
		}
		everything(t, x)
		marshal(t, x)
	}
	for n := range len(state) {
		try(state[:n])
	}
	for i := range state {
		b := bytes.Clone(state)
		b[i] ^= 0x41
		try(b)
	}
	try(append(bytes.Clone(state), 0))
}

// FuzzAccumulatorState: any bytes either are refused with ErrState or
// restore an accumulator that reports, and saves to bytes that restore
// to the same report.
func FuzzAccumulatorState(f *testing.F) {
	ts := exampleTickets(f)
	a := must(support.New(support.Options{}))
	for i := range ts[:30] {
		must0(f, a.Add(&ts[i]))
	}
	f.Add(marshal(f, a))
	f.Add(marshal(f, must(support.New(support.Options{}))))
	f.Fuzz(func(t *testing.T, b []byte) {
		x := must(support.New(support.Options{}))
		if err := x.UnmarshalBinary(b); err != nil {
			if !errors.Is(err, support.ErrState) {
				t.Fatalf("error %v does not wrap ErrState", err)
			}
			return
		}
		rep := everything(t, x)
		y := must(support.New(support.Options{}))
		if err := y.UnmarshalBinary(marshal(t, x)); err != nil {
			t.Fatalf("a restored state saves to bytes that do not restore: %v", err)
		}
		if !bytes.Equal(rep, everything(t, y)) {
			t.Fatal("saved again, the state reports otherwise")
		}
	})
}
