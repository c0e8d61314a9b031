package support_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/cxkit/cxkit/metrics/support"
)

// The example ticket of the metrics spec ("Tickets as input").
func TestSpecTicket(t *testing.T) {
	a := accumulate(t, support.Options{}, tk(t, "T3", "chat", "0s",
		"message@0s", "assign:anna@0s", "reply:anna@2m", "solved@20m", "reopened@1h"))
	r := a.Report()
	got := map[string]any{
		"tickets": r.Tickets, "solved": r.Solved,
		"first_response": val(r.FirstResponse.Mean), "response_time": val(r.ResponseTime.Mean),
		"fcr": val(r.FCR), "one_touch": val(r.OneTouch), "handovers": val(r.Handovers.Mean),
		"replies_per_ticket": val(r.RepliesPerTicket.Mean), "backlog_ratio": val(r.BacklogRatio),
		"reopened": r.Resolution.ReopenedTickets, "full_resolution_n": r.Resolution.Full.N,
	}
	want := map[string]any{
		"tickets": 1, "solved": 1,
		"first_response": 120.0, "response_time": 120.0,
		"fcr":       0.0, // reopened, so not resolved on first contact
		"one_touch": 1.0, "handovers": 0.0,
		"replies_per_ticket": nil, // the only solved ticket is one-touch
		"backlog_ratio":      1.0,
		"reopened":           1, "full_resolution_n": 0, // it ended reopened
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("spec ticket (-want +got):\n%s", d)
	}
}

// The service-standards guide: "a ticket solved with 3 replies that took 20, 3 and 10
// minutes has a response time of 11 minutes". Each reply is timed from
// the earliest customer message it answers; a reply with no message
// since the previous reply (a follow-up) is not a response.
func TestResponseTimeSeed003(t *testing.T) {
	a := accumulate(t, support.Options{}, tk(t, "R", "email", "0s",
		"message@0s", "reply:anna@20m", // 20 min
		"message@30m", "reply:anna@33m", // 3 min
		"reply:anna@35m",                               // follow-up, not a response
		"message@40m", "message@45m", "reply:anna@50m", // 10 min, from the first of the two messages
		"solved@51m"))
	r := a.Report()
	if got := *r.ResponseTime.Mean; got != 11*60 {
		t.Errorf("response time = %v s, want 660 (11 min)", got)
	}
	if r.ResponseTime.N != 3 {
		t.Errorf("responses = %d, want 3", r.ResponseTime.N)
	}
}

// Response time pools replies across tickets: a ticket with one 10-minute
// reply and one with three 2-minute replies give (10+2+2+2)/4 = 4 min,
// not the mean of ticket means (6 min).
func TestResponseTimePooled(t *testing.T) {
	a := accumulate(t, support.Options{},
		tk(t, "A", "email", "0s", "message@0s", "reply:x@10m"),
		tk(t, "B", "email", "0s", "message@0s", "reply:x@2m", "message@3m", "reply:x@5m", "message@6m", "reply:x@8m"))
	if got := *a.Report().ResponseTime.Mean; got != 240 {
		t.Errorf("pooled response time = %v s, want 240", got)
	}
}

// First response: mean, median and p90 over the tickets with a reply;
// the quantiles interpolate (Hyndman-Fan type 7).
func TestFirstResponse(t *testing.T) {
	var ts []*support.Ticket
	for i, m := range []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10} {
		ts = append(ts, tk(t, fmt.Sprint("T", i), "chat", "0s", "message@0s", fmt.Sprintf("reply:a@%dm", m)))
	}
	ts = append(ts, tk(t, "none", "chat", "0s", "message@0s")) // no reply: no first response
	r := accumulate(t, support.Options{}, ts...).Report()
	got := []any{r.FirstResponse.N, val(r.FirstResponse.Mean), val(r.FirstResponse.Median), val(r.FirstResponse.P90)}
	want := []any{10, 330.0, 330.0, 546.0} // mean 5.5 min, median 5.5 min, p90 9.1 min
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("first response (-want +got):\n%s", d)
	}
}

// FCR 8 of 13 = 61.538...%: the worked number of the vendor example the
// issue quotes. Here 8 tickets are solved with one reply; of the other 5,
// two needed a second reply, one was reopened, one had no reply, and one
// is one reply but reopened and solved again.
func TestFCR8of13(t *testing.T) {
	var ts []*support.Ticket
	for i := range 8 {
		ts = append(ts, tk(t, fmt.Sprint("F", i), "chat", "0s", "message@0s", "reply:a@1m", "solved@2m"))
	}
	ts = append(ts,
		tk(t, "two1", "chat", "0s", "message@0s", "reply:a@1m", "message@2m", "reply:a@3m", "solved@4m"),
		tk(t, "two2", "chat", "0s", "message@0s", "reply:a@1m", "reply:a@3m", "solved@4m"),
		tk(t, "reopen", "chat", "0s", "message@0s", "reply:a@1m", "solved@2m", "reopened@3m"),
		tk(t, "noreply", "email", "0s", "message@0s", "solved@2m"),
		tk(t, "again", "chat", "0s", "message@0s", "reply:a@1m", "solved@2m", "reopened@3m", "solved@4m"),
		tk(t, "open", "chat", "0s", "message@0s", "reply:a@1m"), // not solved: outside FCR
	)
	r := accumulate(t, support.Options{}, ts...).Report()
	if r.Solved != 13 {
		t.Fatalf("solved = %d, want 13", r.Solved)
	}
	if want := 8.0 / 13; !near(*r.FCR, want) {
		t.Errorf("FCR = %v, want %v (61.538%%)", *r.FCR, want)
	}
	// One-touch: at most one reply, reopens allowed: 8 + reopen + noreply + again.
	if want := 11.0 / 13; !near(*r.OneTouch, want) {
		t.Errorf("one-touch = %v, want %v", *r.OneTouch, want)
	}
	// Backlog ratio: 14 created / 13 solved.
	if want := 14.0 / 13; !near(*r.BacklogRatio, want) {
		t.Errorf("backlog ratio = %v, want %v", *r.BacklogRatio, want)
	}
}

// Handovers: distinct agents that replied or were assigned, minus one;
// notes do not count; the mean is over solved tickets only.
func TestHandovers(t *testing.T) {
	r := accumulate(t, support.Options{},
		tk(t, "one", "chat", "0s", "assign:anna@0s", "reply:anna@1m", "solved@2m"),                                     // 0
		tk(t, "two", "chat", "0s", "assign:anna@0s", "assign:boris@1m", "reply:boris@2m", "solved@3m"),                 // 1
		tk(t, "three", "chat", "0s", "reply:anna@1m", "assign:boris@2m", "reply:chen@3m", "note:dina@4m", "solved@5m"), // 2
		tk(t, "none", "email", "0s", "message@0s", "solved@1m"),                                                        // 0
		tk(t, "open", "chat", "0s", "assign:a@0s", "assign:b@1m", "assign:c@2m"),                                       // not solved
	).Report()
	if got := *r.Handovers.Mean; got != 3.0/4 {
		t.Errorf("handovers mean = %v, want 0.75", got)
	}
}

// Replies per ticket leave one-touch tickets out and list the upper
// outliers (the service-standards guide, after Kayako's Diane Potter: look at the outliers,
// not the mean).
func TestRepliesPerTicket(t *testing.T) {
	replies := func(id string, n int) *support.Ticket {
		ev := []string{"message@0s"}
		for i := range n {
			ev = append(ev, fmt.Sprintf("reply:a@%dm", i+1))
		}
		ev = append(ev, fmt.Sprintf("solved@%dm", n+1))
		return tk(t, id, "email", "0s", ev...)
	}
	ts := []*support.Ticket{replies("z", 0), replies("one", 1)} // one-touch: left out
	for i, n := range []int{2, 2, 3, 3, 3, 4, 4, 12} {
		ts = append(ts, replies(fmt.Sprint("t", i), n))
	}
	r := accumulate(t, support.Options{}, ts...).Report().RepliesPerTicket
	// Counts 2 2 3 3 3 4 4 12: mean 33/8; Q1 = 2.75, Q3 = 4, fence 5.875.
	got := []any{r.N, val(r.Mean), val(r.Median), val(r.OutlierAbove), r.OutlierCount, r.Outliers}
	want := []any{8, 33.0 / 8, 3.0, 5.875, 1, []support.Outlier{{ID: "t7", Replies: 12}}}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("replies per ticket (-want +got):\n%s", d)
	}
}

// Abandonment 150 of 1,200 = 12.5%, the worked number the issue quotes
// from vendor material; queue wait and instant service from the same
// tickets.
func TestQueue(t *testing.T) {
	a := support.NewAccumulator(support.Options{})
	add := func(x *support.Ticket) {
		if err := a.Add(x); err != nil {
			t.Fatal(err)
		}
	}
	for i := range 1200 {
		id := fmt.Sprint("Q", i)
		switch {
		case i < 150:
			add(tk(t, id, "phone", "0s", "queued@0s", "abandoned@3m"))
		case i < 600:
			add(tk(t, id, "phone", "0s", "queued@0s", "served@0s", "reply:a@1m")) // no wait
		default:
			add(tk(t, id, "phone", "0s", "queued@0s", "served@2m", "reply:a@3m"))
		}
	}
	add(tk(t, "direct", "chat", "0s", "served@0s", "reply:a@1m")) // served, never queued
	q := a.Report().Queue
	got := []any{q.Live, q.Queued, q.Served, q.Abandoned, val(q.Abandonment), val(q.InstantService), q.Wait.N, val(q.Wait.Median)}
	want := []any{1201, 1200, 1051, 150, 0.125, 451.0 / 1201, 1051, 120.0}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("queue (-want +got):\n%s", d)
	}
}

// Resolution: first solved and, for tickets that ended solved, the last
// solved event; reopens counted.
func TestResolution(t *testing.T) {
	r := accumulate(t, support.Options{},
		tk(t, "a", "email", "0s", "reply:x@1h", "solved@2h"),
		tk(t, "b", "email", "0s", "reply:x@1h", "solved@4h", "reopened@5h", "solved@10h"),
		tk(t, "c", "email", "0s", "reply:x@1h", "solved@6h", "reopened@7h"),
	).Report().Resolution
	got := []any{r.First.N, val(r.First.Mean), r.Full.N, val(r.Full.Mean), r.ReopenedTickets, r.Reopens, val(r.ReopenRate)}
	want := []any{3, 4 * 3600.0, 2, 6 * 3600.0, 2, 2, 2.0 / 3}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("resolution (-want +got):\n%s", d)
	}
}

// A reopen before any solve reopens nothing: counting it let the
// reopen rate, over solved tickets, pass 100%.
func TestReopenBeforeSolve(t *testing.T) {
	r := accumulate(t, support.Options{},
		tk(t, "a", "email", "0s", "reply:x@1h", "reopened@2h"),
		tk(t, "b", "email", "0s", "reply:x@1h", "reopened@2h", "solved@3h"),
		tk(t, "c", "email", "0s", "reply:x@1h", "solved@4h", "reopened@5h", "solved@6h"),
	).Report().Resolution
	got := []any{r.ReopenedTickets, r.Reopens, val(r.ReopenRate)}
	want := []any{1, 1, 1.0 / 2}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("reopens (-want +got):\n%s", d)
	}
}

// Occupancy 45 of 60 minutes = 75% (the issue's worked number), and
// minutes per issue from handling time over solved tickets.
func TestOccupancy(t *testing.T) {
	a := accumulate(t, support.Options{},
		tk(t, "1", "chat", "0s", "reply:anna@1m", "solved@2m"),
		tk(t, "2", "chat", "0s", "reply:anna@1m", "solved@2m"),
		tk(t, "3", "chat", "0s", "reply:anna@1m", "solved@2m"))
	if err := a.AddAgentTime(support.AgentTime{Agent: "anna", Channel: "chat", LoggedIn: time.Hour, Handling: 36 * time.Minute, AfterWork: 9 * time.Minute}); err != nil {
		t.Fatal(err)
	}
	r := a.Report()
	if *r.Occupancy != 0.75 {
		t.Errorf("occupancy = %v, want 0.75", *r.Occupancy)
	}
	want := []support.AgentRow{{Agent: "anna", Channel: "chat", Solved: 3, HandlingS: 36 * 60, MinutesPerIssue: ptr(12), Occupancy: ptr(0.75)}}
	if d := cmp.Diff(want, r.Agents); d != "" {
		t.Errorf("agents (-want +got):\n%s", d)
	}
	if err := a.AddAgentTime(support.AgentTime{Agent: "b", LoggedIn: time.Hour, Handling: 50 * time.Minute, AfterWork: 20 * time.Minute}); err == nil {
		t.Error("busy time above logged-in time: want an error")
	}
}

// An agent-time record without a channel covers the agent's other
// channels, not the one a second record names: each solved ticket
// counts in one row, and the overall minutes per issue divides by each
// once (it counted the chat ticket twice: 120 minutes / 3).
func TestAgentRowsDoNotOverlap(t *testing.T) {
	a := accumulate(t, support.Options{},
		tk(t, "1", "chat", "0s", "reply:anna@1m", "solved@2m"),
		tk(t, "2", "email", "0s", "reply:anna@1m", "solved@2m"))
	for _, at := range []support.AgentTime{
		{Agent: "anna", LoggedIn: 2 * time.Hour, Handling: time.Hour},
		{Agent: "anna", Channel: "chat", LoggedIn: 2 * time.Hour, Handling: time.Hour},
	} {
		if err := a.AddAgentTime(at); err != nil {
			t.Fatal(err)
		}
	}
	r := a.Report()
	want := []support.AgentRow{
		{Agent: "anna", Channel: "", Solved: 1, HandlingS: 3600, MinutesPerIssue: ptr(60), Occupancy: ptr(0.5)},
		{Agent: "anna", Channel: "chat", Solved: 1, HandlingS: 3600, MinutesPerIssue: ptr(60), Occupancy: ptr(0.5)},
	}
	if d := cmp.Diff(want, r.Agents); d != "" {
		t.Errorf("agents (-want +got):\n%s", d)
	}
	if r.MinutesPerIssue == nil || *r.MinutesPerIssue != 60 {
		t.Errorf("minutes per issue = %v, want 60", val(r.MinutesPerIssue))
	}
}

func ptr(x float64) *float64 { return &x }

// Single-question rate: each topic's share of all tickets; over 3% is a
// FAQ candidate (the service-standards guide).
func TestTopics(t *testing.T) {
	a := support.NewAccumulator(support.Options{})
	for i := range 100 {
		x := tk(t, fmt.Sprint(i), "email", "0s")
		switch {
		case i < 4:
			x.Topic = "delivery" // 4%
		case i < 7:
			x.Topic = "returns" // 3%: at the limit, not over
		case i < 8:
			x.Topic = "gift card"
		}
		if err := a.Add(x); err != nil {
			t.Fatal(err)
		}
	}
	r := a.Report()
	want := []support.TopicShare{
		{Topic: "delivery", Tickets: 4, Share: 0.04, FAQ: true},
		{Topic: "returns", Tickets: 3, Share: 0.03},
		{Topic: "gift card", Tickets: 1, Share: 0.01},
	}
	if d := cmp.Diff(want, r.Topics); d != "" {
		t.Errorf("topics (-want +got):\n%s", d)
	}
	if *r.SingleQuestion != 0.04 {
		t.Errorf("single question = %v, want 0.04", *r.SingleQuestion)
	}
}

// Backlog in/out per day and per ISO week (Monday first), in the
// calendar's zone.
func TestBacklogPeriods(t *testing.T) {
	ts := []*support.Ticket{
		tk(t, "mon", "email", "0s", "solved@1h"),          // Mon 2 Nov in, out
		tk(t, "tue", "email", "24h", "solved@72h"),        // Tue in, Thu out
		tk(t, "sun", "email", "144h"),                     // Sun 8 Nov in
		tk(t, "mon2", "email", "168h", "solved@169h"),     // Mon 9 Nov in, out
		tk(t, "late", "email", "13h59m", "solved@14h30m"), // Mon 23:59 UTC: Tue 02:59 in Moscow
	}
	got := map[string]string{}
	for _, p := range []support.Period{support.Day, support.Week} {
		r := accumulate(t, support.Options{Period: p}, ts...).Report()
		s := ""
		for _, b := range r.Backlog {
			s += fmt.Sprintf("%s %d/%d ", b.Period, b.In, b.Out)
		}
		got[fmt.Sprint(p)] = s
	}
	cal, err := support.NewCalendar(support.CalendarConfig{TimeZone: "Europe/Moscow", Week: map[string][]string{"mon": {"00:00-24:00"}}})
	if err != nil {
		t.Fatal(err)
	}
	r := accumulate(t, support.Options{Calendar: cal}, ts...).Report()
	s := ""
	for _, b := range r.Backlog {
		s += fmt.Sprintf("%s %d/%d ", b.Period, b.In, b.Out)
	}
	got["moscow"] = s
	msk, _ := time.LoadLocation("Europe/Moscow")
	r = accumulate(t, support.Options{Location: msk}, ts...).Report()
	s = ""
	for _, b := range r.Backlog {
		s += fmt.Sprintf("%s %d/%d ", b.Period, b.In, b.Out)
	}
	got["location"] = s
	want := map[string]string{
		"day":      "2026-11-02 2/1 2026-11-03 1/1 2026-11-05 0/1 2026-11-08 1/0 2026-11-09 1/1 ",
		"week":     "2026-11-02 4/3 2026-11-09 1/1 ",
		"moscow":   "2026-11-02 1/1 2026-11-03 2/1 2026-11-05 0/1 2026-11-08 1/0 2026-11-09 1/1 ",
		"location": "2026-11-02 1/1 2026-11-03 2/1 2026-11-05 0/1 2026-11-08 1/0 2026-11-09 1/1 ",
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("backlog (-want +got):\n%s", d)
	}
}

// No solved tickets: the KPIs that need them are nil, never NaN.
func TestNoData(t *testing.T) {
	r := accumulate(t, support.Options{}, tk(t, "open", "chat", "0s", "message@0s")).Report()
	for name, p := range map[string]*float64{
		"fcr": r.FCR, "one_touch": r.OneTouch, "handovers": r.Handovers.Mean,
		"replies": r.RepliesPerTicket.Mean, "backlog_ratio": r.BacklogRatio,
		"first_response": r.FirstResponse.Mean, "response_time": r.ResponseTime.Mean,
	} {
		if p != nil {
			t.Errorf("%s = %v, want nil", name, *p)
		}
	}
}

// Business hours change every duration: a message at 08:30 answered at
// 09:15 took 15 working minutes on a 09:00-17:00 day.
func TestKPIsInBusinessHours(t *testing.T) {
	x := tk(t, "b", "email", "-1h30m", "message@-1h30m", "reply:a@-45m", "solved@8h") // created 08:30 Mon
	cal := support.Weekdays9to5(nil)
	r := accumulate(t, support.Options{Calendar: cal}, x).Report()
	if got := *r.FirstResponse.Mean; got != 15*60 {
		t.Errorf("business first response = %v s, want 900", got)
	}
	if got := *r.Resolution.First.Mean; got != 8*3600 {
		t.Errorf("business resolution = %v s, want 8h (a full working day)", got)
	}
	if r.TimeBasis != "business" {
		t.Errorf("time basis = %q", r.TimeBasis)
	}
	r = accumulate(t, support.Options{}, x).Report()
	if got := *r.FirstResponse.Mean; got != 45*60 {
		t.Errorf("calendar first response = %v s, want 2700", got)
	}
}
