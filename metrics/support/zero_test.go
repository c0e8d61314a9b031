package support_test

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/cxkit/cxkit/metrics/support"
)

// The zero Accumulator works like NewAccumulator(Options{}): same
// report, outliers listed, merging both ways.
func TestZeroAccumulator(t *testing.T) {
	ts := []*support.Ticket{
		tk(t, "a", "chat", "0s", "message@0s", "reply:anna@1m", "solved@5m"),
		tk(t, "b", "chat", "0s", "message@0s", "reply:anna@1m", "reply:anna@2m", "solved@5m"),
		tk(t, "c", "email", "0s", "message@0s", "reply:boris@1m", "reply:anna@2m", "reply:anna@3m", "reply:anna@4m",
			"reply:anna@5m", "reply:anna@6m", "reply:anna@7m", "reply:anna@8m", "reply:anna@9m", "reply:anna@10m", "solved@11m"),
		tk(t, "d", "email", "0s", "message@0s", "reply:gleb@1m", "reply:gleb@2m", "solved@5m"),
		tk(t, "e", "email", "0s", "message@0s", "reply:gleb@1m", "reply:gleb@2m", "solved@5m"),
	}
	want := accumulate(t, support.Options{}, ts...)
	must0(t, want.AddAgentTime(support.AgentTime{Agent: "anna", LoggedIn: time.Hour, Handling: 30 * time.Minute}))

	var zero support.Accumulator
	for _, x := range ts {
		if err := zero.Add(x); err != nil {
			t.Fatal(err)
		}
	}
	must0(t, zero.AddAgentTime(support.AgentTime{Agent: "anna", LoggedIn: time.Hour, Handling: 30 * time.Minute}))
	if d := cmp.Diff(want.Report(), zero.Report()); d != "" {
		t.Errorf("zero accumulator's report (-want +got):\n%s", d)
	}
	if len(zero.Report().RepliesPerTicket.Outliers) == 0 {
		t.Error("the zero accumulator lists no outliers")
	}

	var into support.Accumulator
	must0(t, into.Merge(want))
	if d := cmp.Diff(want.Report(), into.Report()); d != "" {
		t.Errorf("merged into a zero accumulator (-want +got):\n%s", d)
	}
	var empty support.Accumulator
	must0(t, want.Merge(&empty))
	if got := (&support.Accumulator{}).Report(); got.Tickets != 0 {
		t.Errorf("an unused zero accumulator reports %d tickets", got.Tickets)
	}
}

// Options Add cannot work with are refused by Add, not panicked on or
// silently treated as something else.
func TestAccumulatorBadOptions(t *testing.T) {
	x := tk(t, "a", "chat", "0s", "message@0s", "reply:anna@1m", "solved@5m")
	for _, tt := range []struct {
		name string
		opts support.Options
		want string
	}{
		{"period out of range", support.Options{Period: 9}, "Options.Period 9 is neither Day nor Week"},
		{"zero calendar", support.Options{Calendar: &support.Calendar{}}, "Options.Calendar has no working hours"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a := support.NewAccumulator(tt.opts)
			for _, err := range []error{a.Add(x), a.AddAgentTime(support.AgentTime{Agent: "anna", LoggedIn: time.Hour}), a.Merge(support.NewAccumulator(tt.opts))} {
				if err == nil || !strings.Contains(err.Error(), tt.want) {
					t.Errorf("got %v; want an error saying %q", err, tt.want)
				}
			}
			if r := a.Report(); r.Tickets != 0 {
				t.Errorf("a refused ticket was counted: %d tickets", r.Tickets)
			}
		})
	}
}

func TestGroupsUnknownDimension(t *testing.T) {
	a := accumulate(t, support.Options{}, tk(t, "a", "chat", "0s", "reply:anna@1m"))
	if g := a.Groups(support.Dimension(9)); g != nil {
		t.Errorf("Groups(9) = %+v; want nil", g)
	}
	if g := a.Groups(support.ByChannel); len(g) != 1 {
		t.Errorf("Groups(ByChannel) = %+v", g)
	}
}

// The zero Calendar has no working hours: nothing is working time, and
// no deadline can be met; it never panics.
func TestZeroCalendar(t *testing.T) {
	var c support.Calendar
	if got := c.Between(t0, t0.Add(time.Hour)); got != 0 {
		t.Errorf("Between = %v; want 0", got)
	}
	if _, err := c.Add(t0, time.Hour); err == nil || !strings.Contains(err.Error(), "no working hours") {
		t.Errorf("Add: %v; want a no-working-hours error", err)
	}
	if got := c.Location(); got != time.UTC {
		t.Errorf("Location = %v; want UTC", got)
	}
}

// The zero Matrix has no cells: asking it for a priority is an error,
// not NoPriority.
func TestZeroMatrix(t *testing.T) {
	var m support.Matrix
	if p, err := m.Priority(support.High, support.High); err == nil {
		t.Errorf("Priority = %v, nil; want an error", p)
	} else if !strings.Contains(err.Error(), "DefaultMatrix") {
		t.Errorf("error %q does not point to DefaultMatrix", err)
	}
	if p, err := support.DefaultMatrix().Priority(support.High, support.High); err != nil || p != support.P1 {
		t.Errorf("DefaultMatrix: %v, %v", p, err)
	}
}

// Options reports what the accumulator works with, zero value or not.
func TestZeroAccumulatorOptions(t *testing.T) {
	var zero support.Accumulator
	if d := cmp.Diff(support.NewAccumulator(support.Options{}).Options(), zero.Options(), cmp.Comparer(func(x, y *support.Calendar) bool { return x == y })); d != "" {
		t.Errorf("Options() (-new +zero):\n%s", d)
	}
}

// Matrix messages speak of levels and priorities in words, not Go values.
func TestMatrixMessages(t *testing.T) {
	m := support.DefaultMatrix()
	_, err1 := m.Priority(0, support.High)
	_, err2 := m.Deadline(support.NoPriority, t0, nil)
	got := []string{err1.Error(), err2.Error()}
	want := []string{
		"support: impact 0 is not low, medium or high",
		"support: a ticket without a priority has no resolution target",
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("messages (-want +got):\n%s", d)
	}
}
