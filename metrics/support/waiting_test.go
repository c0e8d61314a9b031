package support_test

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cxkit/cxkit/metrics/support"
)

// waitingTickets are live tickets whose queue is easy to draw (minutes
// after 10:00 UTC):
//
//	chat  W1 |0-------10|                  anna replies at 11
//	chat  W2      |5--------15|            abandoned
//	chat  W3           |10-------20|       anna replies at 21
//	chat  W4                          50-> never served: unclosed
//	phone P1                 |90--100|     gleb replies at 101 (11:41)
//	phone P2                     |180------210|  served, nobody named
//
// W1 leaves at 10 as W3 arrives, so chat peaks at 2, not 3. Chat waits
// 30 customer-minutes over 20 minutes: mean 1.5 (Little's law). Only
// anna acts on chat between 10:00 and 11:00, so 2 per agent. All
// channels: 70 customer-minutes over 210, mean 1/3; P1 waits while gleb
// is on duty (1 per agent) and P2 from 13:00 to 13:30 with no agent on
// duty: 1800 s unstaffed.
func waitingTickets(t testing.TB) []*support.Ticket {
	return []*support.Ticket{
		tk(t, "W1", "chat", "0s", "queued@0s", "served@10m", "reply:anna@11m"),
		tk(t, "W2", "chat", "5m", "queued@5m", "abandoned@15m"),
		tk(t, "W3", "chat", "10m", "queued@10m", "served@20m", "reply:anna@21m"),
		tk(t, "W4", "chat", "50m", "queued@50m"),
		tk(t, "P1", "phone", "90m", "queued@90m", "served@100m", "reply:gleb@101m"),
		tk(t, "P2", "phone", "180m", "queued@180m", "served@210m"),
	}
}

func TestWaiting(t *testing.T) {
	a := accumulate(t, support.Options{}, waitingTickets(t)...)
	got := map[string]support.Waiting{"all": a.Report().Queue.Waiting}
	for _, g := range a.Groups(support.ByChannel) {
		got[g.Key] = g.Queue.Waiting
	}
	want := map[string]support.Waiting{
		"all":   {N: 5, Peak: 2, Mean: ptr(70.0 / 210), PeakPerAgent: ptr(2), UnstaffedS: 1800, Unclosed: 1},
		"chat":  {N: 3, Peak: 2, Mean: ptr(1.5), PeakPerAgent: ptr(2), Unclosed: 1},
		"phone": {N: 2, Peak: 1, Mean: ptr(40.0 / 120), PeakPerAgent: ptr(1), UnstaffedS: 1800},
	}
	if d := cmp.Diff(want, got, cmp.Comparer(func(x, y float64) bool { return near(x, y) })); d != "" {
		t.Errorf("waiting (-want +got):\n%s", d)
	}
}

// A ticket may queue again after being served (a transfer): each wait
// counts, and a queued event while already waiting changes nothing.
func TestWaitingRequeue(t *testing.T) {
	a := accumulate(t, support.Options{},
		tk(t, "R", "phone", "0s", "queued@0s", "queued@1m", "served@2m", "reply:anna@3m", "queued@4m", "served@8m"),
		tk(t, "S", "phone", "0s", "queued@5m", "served@6m"),
	)
	w := a.Report().Queue.Waiting
	got := fmt.Sprint(w.N, w.Peak, val(w.Mean), val(w.PeakPerAgent))
	if want := "3 2 0.875 2"; got != want { // (2 + 4 + 1) min over 8 min
		t.Errorf("waiting = %s, want %s", got, want)
	}
}

// The two queue standards of the seed: at most 2 waiting per agent on
// duty and 15 in all.
func TestWaitingStandards(t *testing.T) {
	ts := waitingTickets(t)
	for i := range 15 { // 15 more chat customers waiting 10:30-10:40: 15 at once
		ts = append(ts, tk(t, fmt.Sprint("X", i), "chat", "30m", "queued@30m", "served@40m"))
	}
	a := accumulate(t, support.Options{}, ts...)
	rows, err := a.Evaluate(&support.StandardSet{Standards: []support.Standard{
		{KPI: "queue_peak", Op: support.LessEqual, Target: 15},
		{KPI: "queue_peak_per_agent", Op: support.LessEqual, Target: 2},
		{KPI: "queue.waiting.peak", Filter: support.Filter{Channels: []string{"phone"}}, Op: support.LessEqual, Target: 15},
		{KPI: "queue_mean", Filter: support.Filter{Channels: []string{"email"}}, Op: support.LessEqual, Target: 1},
	}}, support.Inputs{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range rows {
		s := fmt.Sprint(r.KPI, " ", val(r.Value))
		if r.Passed != nil {
			s += fmt.Sprint(" ", *r.Passed)
		}
		got = append(got, s)
	}
	want := []string{"queue_peak 15 true", "queue_peak_per_agent 15 false", "queue.waiting.peak 1 true", "queue_mean <nil>"}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("rows (-want +got):\n%s", d)
	}
}

// Split inputs merge to the waits of one pass.
func TestWaitingMerge(t *testing.T) {
	ts := waitingTickets(t)
	whole := accumulate(t, support.Options{}, ts...)
	a := accumulate(t, support.Options{}, ts[0], ts[4])
	b := accumulate(t, support.Options{}, ts[1], ts[2], ts[3], ts[5])
	must0(t, b.Merge(a))
	if d := cmp.Diff(whole.Report().Queue, b.Report().Queue); d != "" {
		t.Errorf("merged queue differs (-whole +merged):\n%s", d)
	}
}

// Who is on duty does not depend on the tickets a report looks at: an
// agent busy with a live P3 chat is on duty for the P1 chat queue too,
// but not for the phone queue; an agent answering email is on duty for
// no queue.
func TestWaitingDutyByChannel(t *testing.T) {
	w1, w2 := tk(t, "W1", "chat", "0s", "queued@0s", "served@10m"), tk(t, "W2", "chat", "0s", "queued@0s", "served@10m")
	w1.Priority, w2.Priority = support.P1, support.P1
	busy := tk(t, "B", "chat", "0s", "served@0s", "reply:anna@5m")
	busy.Priority = support.P3
	ph := tk(t, "P", "phone", "0s", "queued@0s", "served@10m")
	mail := tk(t, "E", "email", "0s", "reply:gleb@5m")
	a := accumulate(t, support.Options{}, w1, w2, busy, ph, mail)
	got := []any{
		val(a.KPIs(support.Filter{Priorities: []support.Priority{support.P1}}).Queue.Waiting.PeakPerAgent),
		val(a.KPIs(support.Filter{Channels: []string{"phone"}}).Queue.Waiting.PeakPerAgent),
		a.KPIs(support.Filter{Channels: []string{"phone"}}).Queue.Waiting.UnstaffedS,
		val(a.KPIs(support.Filter{}).Queue.Waiting.PeakPerAgent),
	}
	if d := cmp.Diff([]any{2.0, nil, 600.0, 3.0}, got); d != "" {
		t.Errorf("per agent (-want +got):\n%s", d)
	}
}
