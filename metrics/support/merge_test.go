package support_test

import (
	"os"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/cxkit/cxkit/metrics/support"
	"github.com/cxkit/cxkit/metrics/support/ticketgen"
)

func exampleTickets(t testing.TB) []support.Ticket {
	t.Helper()
	f, err := os.Open("../../examples/support/tickets.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []support.Ticket
	if err := support.ReadAll(f, func(x *support.Ticket) error { out = append(out, x.Clone()); return nil }); err != nil {
		t.Fatal(err)
	}
	return out
}

// Splitting the input, accumulating the parts apart (as goroutines or
// machines would) and merging gives the report of the whole, to the bit,
// in calendar time and in business hours, whatever the merge order.
func TestMergeEqualsWhole(t *testing.T) {
	ts := exampleTickets(t)
	cal, err := support.ParseCalendar(must(os.ReadFile("../../examples/support/calendar.json")))
	if err != nil {
		t.Fatal(err)
	}
	at := support.AgentTime{Agent: "anna", Channel: "chat", LoggedIn: 8 * time.Hour, Handling: 5 * time.Hour, AfterWork: time.Hour}
	for _, opts := range []support.Options{{MaxOutliers: 3}, {Calendar: cal, Period: support.Week}} {
		whole := support.NewAccumulator(opts)
		parts := []*support.Accumulator{support.NewAccumulator(opts), support.NewAccumulator(opts), support.NewAccumulator(opts)}
		for i := range ts {
			if err := whole.Add(&ts[i]); err != nil {
				t.Fatal(err)
			}
			// Uneven, interleaved split.
			if err := parts[(i*i)%3].Add(&ts[i]); err != nil {
				t.Fatal(err)
			}
		}
		must0(t, whole.AddAgentTime(at))
		must0(t, parts[1].AddAgentTime(at))
		merged := support.NewAccumulator(opts)
		for _, p := range []int{2, 0, 1} {
			must0(t, merged.Merge(parts[p]))
		}
		if d := cmp.Diff(whole.Report(), merged.Report()); d != "" {
			t.Errorf("merged report differs from the whole (-whole +merged):\n%s", d)
		}
		for _, dim := range []support.Dimension{support.ByChannel, support.ByPriority, support.ByAgent} {
			if d := cmp.Diff(whole.Groups(dim), merged.Groups(dim)); d != "" {
				t.Errorf("groups %v differ (-whole +merged):\n%s", dim, d)
			}
		}
	}
}

func TestMergeMismatch(t *testing.T) {
	a := support.NewAccumulator(support.Options{})
	b := support.NewAccumulator(support.Options{Calendar: support.Weekdays9to5(nil)})
	c := support.NewAccumulator(support.Options{Period: support.Week})
	if a.Merge(b) == nil || a.Merge(c) == nil {
		t.Error("merging calendar and business time, or days and weeks: want an error")
	}
}

// Two loads of one time zone are one zone: time.LoadLocation returns a
// new value each call, and Merge compared the pointers. Zones that share
// a name but not an offset still differ.
func TestMergeSameZoneLoadedTwice(t *testing.T) {
	acc := func(loc *time.Location) *support.Accumulator {
		return support.NewAccumulator(support.Options{Location: loc})
	}
	if err := acc(time.FixedZone("MSK", 3*3600)).Merge(acc(time.FixedZone("MSK", 3*3600))); err != nil {
		t.Errorf("the same zone made twice: %v", err)
	}
	if err := acc(time.FixedZone("MSK", 3*3600)).Merge(acc(time.FixedZone("MSK", 4*3600))); err == nil {
		t.Error("MSK+3 and MSK+4: want an error")
	}
	if err := acc(nil).Merge(acc(time.FixedZone("MSK", 3*3600))); err == nil {
		t.Error("UTC and MSK: want an error")
	}
}

// The generator is deterministic, so the committed example is its output.
func TestExampleIsGenerated(t *testing.T) {
	ts := exampleTickets(t)
	msk, _ := time.LoadLocation("Europe/Moscow")
	g := ticketgen.New(3, time.Date(2026, 11, 2, 8, 0, 0, 0, msk))
	for i := range ts {
		want := g.Next()
		if d := cmp.Diff(want, ts[i], cmp.Comparer(func(a, b time.Time) bool { return a.Equal(b) })); d != "" {
			t.Fatalf("ticket %d differs from the generator; rerun go run gen.go in examples/support (-gen +file):\n%s", i, d)
		}
	}
	// Every channel and event type occurs.
	seen := map[string]bool{}
	for _, x := range ts {
		seen[x.Channel] = true
		for _, e := range x.Events {
			seen[e.Type.String()] = true
		}
	}
	for _, want := range []string{"chat", "email", "phone", "social", "message", "reply", "note", "assign", "queued", "served", "abandoned", "solved", "reopened"} {
		if !seen[want] {
			t.Errorf("example set has no %q", want)
		}
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func must0(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
