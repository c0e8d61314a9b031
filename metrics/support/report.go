package support

import (
	"cmp"
	"maps"
	"math"
	"slices"
	"strings"
)

// Filter selects tickets for a breakdown or a standard; an empty list
// selects everything on that dimension.
type Filter struct {
	Channels   []string   `json:"channels,omitempty"`   // compared with Ticket.Channel exactly
	Priorities []Priority `json:"priorities,omitempty"` // NoPriority selects tickets without one
	// Agents matches the last agent who replied to or was assigned a
	// ticket ("" for tickets no agent replied to or was assigned).
	Agents []string `json:"agents,omitempty"`
}

func (f *Filter) match(k cellKey) bool {
	return (len(f.Channels) == 0 || slices.Contains(f.Channels, k.channel)) &&
		(len(f.Priorities) == 0 || slices.Contains(f.Priorities, k.priority)) &&
		(len(f.Agents) == 0 || slices.Contains(f.Agents, k.agent))
}

// String describes the filter as "channel=chat,phone priority=P1", or ""
// for all tickets.
func (f Filter) String() string {
	var parts []string
	if len(f.Channels) > 0 {
		parts = append(parts, "channel="+strings.Join(f.Channels, ","))
	}
	if len(f.Priorities) > 0 {
		ps := make([]string, len(f.Priorities))
		for i, p := range f.Priorities {
			ps[i] = p.String()
		}
		parts = append(parts, "priority="+strings.Join(ps, ","))
	}
	if len(f.Agents) > 0 {
		parts = append(parts, "agent="+strings.Join(f.Agents, ","))
	}
	return strings.Join(parts, " ")
}

// KPIs are the ticket KPIs of one group of tickets. Durations are in
// seconds (business seconds with [Options.Calendar]), shares are
// fractions in [0, 1], and a KPI without data is nil. The comments name
// the KPI by which a [Standard] reads a field.
type KPIs struct {
	Tickets int `json:"tickets"` // tickets added, solved or not
	Solved  int `json:"solved"`  // tickets with at least one solved event
	// FirstResponse is the time from Created to a ticket's first reply,
	// over the tickets that have one (KPIs "first_response",
	// "first_response_median", "first_response_p90").
	FirstResponse Summary `json:"first_response"`
	// ResponseTime is the mean time a reply took: for every reply after
	// one or more customer messages since the previous reply, the time
	// since the earliest of them. It is pooled over replies, not averaged
	// per ticket: replies that took 20, 3 and 10 minutes give 11
	// (KPI "response_time").
	ResponseTime MeanDuration `json:"response_time"`
	// FCR, first contact resolution, is the share of solved tickets with
	// exactly one reply and no reopened event (KPI "fcr"; the service-standards guide asks
	// for at least 0.75).
	FCR *float64 `json:"fcr"`
	// OneTouch is the share of solved tickets with at most one reply,
	// none included (KPI "one_touch"); OneTouchCount counts them.
	OneTouch         *float64  `json:"one_touch"`
	OneTouchCount    int       `json:"one_touch_count"`
	Handovers        Handovers `json:"handovers"`
	RepliesPerTicket Replies   `json:"replies_per_ticket"`
	// BacklogRatio is Tickets / Solved over the whole input. Every
	// solved ticket is also one of Tickets, so it is never below 1; the
	// seed's backlog in/out (KPI "backlog_ratio", about 0.5) is a
	// period's [BacklogPeriod.Ratio], which can be, when the period
	// solves tickets created before it. A standard on it is judged on
	// the median period (see [Accumulator.Evaluate]).
	BacklogRatio *float64 `json:"backlog_ratio"`
	// BMI is the backlog management index over the whole input, Solved /
	// Tickets, in [0, 1]: nothing is open before the input starts (KPI
	// "bmi"). [BacklogPeriod.BMI] gives it per day or week.
	BMI        *float64   `json:"bmi"`
	Resolution Resolution `json:"resolution"`
	Queue      Queue      `json:"queue"`
	Clicks     Clicks     `json:"clicks"` // KPI "clicks_to_contact" is its Mean
}

// Clicks is the mean clicks to first contact ([Ticket.Clicks]) over the
// N tickets that recorded them; Mean is nil when N is 0.
type Clicks struct {
	N    int      `json:"n"`
	Mean *float64 `json:"mean"`
}

// MeanDuration is a pooled mean over N measured durations, in seconds;
// Mean is nil when N is 0.
type MeanDuration struct {
	N    int      `json:"n"`
	Mean *float64 `json:"mean_s"`
}

// Handovers is the mean number of handovers per solved ticket. A
// ticket's handovers are the distinct agents who replied to it or were
// assigned it, minus one (never below zero), so a ticket one agent
// handled alone has none.
type Handovers struct {
	Mean *float64 `json:"mean"` // nil when nothing was solved (KPI "handovers")
}

// Replies describes agent replies per solved ticket, one-touch tickets
// left out. Values above OutlierAbove (Tukey's upper fence, Q3 + 1.5
// IQR) are outliers; Outliers lists the worst of them by ticket (only in
// the report of all tickets, and at most [Options.MaxOutliers]).
//
// Mean, Median, P90 and OutlierAbove are reply counts, nil when N is 0;
// the quantiles interpolate, so they may be fractional. Mean is the KPI
// "replies_per_ticket" (the service-standards guide: 2 to 4).
type Replies struct {
	N            int      `json:"n"` // solved tickets with two or more replies
	Mean         *float64 `json:"mean"`
	Median       *float64 `json:"median"`
	P90          *float64 `json:"p90"`
	OutlierAbove *float64 `json:"outlier_above"`
	OutlierCount int      `json:"outlier_count"` // tickets above OutlierAbove, not capped as Outliers is
	// Outliers lists the tickets with the most replies first (ties by
	// id). It is nil from [Accumulator.KPIs] and [Accumulator.Groups].
	Outliers []Outlier `json:"outliers,omitempty"`
}

// Resolution is the time from creation to the first solved event, and to
// the last one for tickets that ended solved, with the reopen counts.
type Resolution struct {
	// First runs from Created to the first solved event, over every
	// solved ticket (KPIs "resolution_time" and "resolution_time_p90";
	// the targets of a [Matrix] are held to its mean).
	First Summary `json:"first"`
	// Full runs from Created to the last solved event, over the tickets
	// whose last solved or reopened event is a solved one.
	Full            Summary  `json:"full"`
	ReopenedTickets int      `json:"reopened_tickets"` // tickets with at least one reopened event
	Reopens         int      `json:"reopens"`          // reopened events in all
	ReopenRate      *float64 `json:"reopen_rate"`      // ReopenedTickets / solved tickets (KPI "reopen_rate")
}

// Queue describes live channels: tickets with queued, served or
// abandoned events. A ticket counts once in each count however often it
// queued.
type Queue struct {
	Live      int `json:"live"`      // tickets with a queued, served or abandoned event
	Queued    int `json:"queued"`    // live tickets that entered the queue: a queued or an abandoned event
	Served    int `json:"served"`    // tickets with a served event
	Abandoned int `json:"abandoned"` // tickets with an abandoned event, even if served at another time
	// InstantService is the share of Live tickets served with no queued
	// event before the first served one (KPI "instant_service"). Live
	// tickets never served count against it.
	InstantService *float64 `json:"instant_service"`
	// Abandonment is Abandoned / Queued (KPI "abandonment").
	Abandonment *float64 `json:"abandonment"`
	// Wait runs from the first queued to the first served event, over the
	// Served tickets, instant ones as zero (KPI "queue_wait"). It counts
	// business time when the accumulator has a calendar; Waiting does
	// not.
	Wait    Summary `json:"wait"`
	Waiting Waiting `json:"waiting"`
}

// KPIs returns the KPIs of the tickets f selects. It does not list the
// reply-count outliers by ticket; [Accumulator.Report] does.
func (a *Accumulator) KPIs(f Filter) KPIs {
	var sum cell
	for _, k := range a.sortedCells() {
		if f.match(k) {
			sum.merge(a.cells[k])
		}
	}
	return sum.kpis(a.dutyOn(f.Channels))
}

func (a *Accumulator) sortedCells() []cellKey {
	return slices.SortedFunc(maps.Keys(a.cells), compareCellKey)
}

func (c *cell) kpis(on duty) KPIs {
	k := KPIs{
		Tickets:       c.tickets,
		Solved:        c.solved,
		FirstResponse: c.firstResponse.summary(),
		ResponseTime:  MeanDuration{N: int(c.resp.n), Mean: c.resp.mean()},
		FCR:           ratio(c.fcr, c.solved),
		OneTouch:      ratio(c.oneTouch, c.solved),
		OneTouchCount: c.oneTouch,
		Handovers:     Handovers{Mean: ratio(c.handovers, c.solved)},
		BacklogRatio:  ratio(c.tickets, c.solved),
		BMI:           ratio(c.solved, c.tickets),
		Clicks:        Clicks{N: c.clicked, Mean: ratio(c.clicks, c.clicked)},
		Resolution: Resolution{
			First:           c.firstResolution.summary(),
			Full:            c.fullResolution.summary(),
			ReopenedTickets: c.reopenedTickets,
			Reopens:         c.reopens,
			ReopenRate:      ratio(c.reopenedTickets, c.solved),
		},
		Queue: Queue{
			Live: c.live, Queued: c.queued, Served: c.served, Abandoned: c.abandoned,
			InstantService: ratio(c.instant, c.live),
			Abandonment:    ratio(c.abandoned, c.queued),
			Wait:           c.queueWait.summary(),
			Waiting:        c.waits.sweep(on),
		},
	}
	r := &k.RepliesPerTicket
	r.N = c.replyTickets
	if c.replyTickets > 0 {
		r.Mean = ratio(c.replySum, c.replyTickets)
		q1, med, q3, p90 := histQuantile(c.replyHist, 0.25), histQuantile(c.replyHist, 0.5), histQuantile(c.replyHist, 0.75), histQuantile(c.replyHist, 0.9)
		r.Median, r.P90 = &med, &p90
		fence := q3 + 1.5*(q3-q1)
		r.OutlierAbove = &fence
		for v, n := range c.replyHist {
			if float64(v) > fence {
				r.OutlierCount += n
			}
		}
	}
	return k
}

// histQuantile is the type-7 quantile of a sample given as value ->
// count, without expanding it.
func histQuantile(hist map[int]int, q float64) float64 {
	vals := make([]int, 0, len(hist))
	n := 0
	for v, c := range hist {
		vals = append(vals, v)
		n += c
	}
	slices.Sort(vals)
	h := float64(n-1) * q
	lo := int(math.Floor(h))
	at := func(i int) float64 { // the i-th smallest value, 0-based
		for _, v := range vals {
			if i < hist[v] {
				return float64(v)
			}
			i -= hist[v]
		}
		return float64(vals[len(vals)-1])
	}
	x := at(lo)
	if frac := h - float64(lo); frac > 0 {
		x += frac * (at(lo+1) - x)
	}
	return x
}

// TopicShare is one topic's share of all tickets (the single-question
// rate). FAQ marks topics over the 3% the seed standard allows: answer
// them in the FAQ or help centre.
type TopicShare struct {
	Topic   string  `json:"topic"`
	Tickets int     `json:"tickets"` // tickets on the topic
	Share   float64 `json:"share"`   // Tickets / all tickets, those without a topic included
	FAQ     bool    `json:"faq"`     // Share > FAQThreshold
}

// FAQThreshold is the single-question rate above which a topic belongs
// in the FAQ (the service-standards guide: 3%).
const FAQThreshold = 0.03

// BacklogPeriod is the tickets created (In) and first solved (Out) in one
// day or week, named by its first date. Open is the backlog at its start:
// tickets of the input created before it and not solved by then. BMI is
// the backlog management index, Out / (Open + In): at 1 the period ended
// with no backlog, below 1 some was left. It is the form service desks
// use (closed in the month over the opening balance plus the month's
// arrivals); Kan's software-quality form, closed / arrived, is the
// inverse of Ratio.
//
// Periods are cut in the zone of [Options.Calendar], else
// [Options.Location], else UTC. A ticket solved, reopened and solved
// again counts in Out once, in the period of its first solved event.
type BacklogPeriod struct {
	Period string   `json:"period"` // "2006-01-02": the day, or the Monday of the ISO week
	In     int      `json:"in"`
	Out    int      `json:"out"`
	Ratio  *float64 `json:"ratio"` // In / Out, nil when Out is 0
	Open   int      `json:"open"`
	BMI    *float64 `json:"bmi"` // nil when Open + In is 0
}

// AgentRow is one agent on one channel: solved tickets (by the last agent
// who replied or was assigned), and from agent-time records the handling
// minutes per solved ticket and occupancy. An empty channel stands for
// all of the agent's channels.
//
// Rows come from the agent-time records: an agent without one has no
// row, however many tickets they solved.
type AgentRow struct {
	Agent   string `json:"agent"`
	Channel string `json:"channel"`
	// Solved counts the solved tickets whose last agent is Agent, on
	// Channel; a row with no Channel counts the agent's tickets on the
	// channels no other row of the agent names.
	Solved int `json:"solved"`
	// HandlingS is the handling time of the agent's records on Channel,
	// in seconds, as the records give it (not business time).
	HandlingS float64 `json:"handling_s"`
	// MinutesPerIssue is HandlingS in minutes / Solved; nil when Solved
	// is 0.
	MinutesPerIssue *float64 `json:"minutes_per_issue"`
	// Occupancy is (handling + after-work) / logged-in time, a fraction
	// (the service-standards guide: 0.6 to 0.8); nil without logged-in time.
	Occupancy *float64 `json:"occupancy"`
}

// Report is everything the accumulator measured.
// [Accumulator.Report] leaves none of its slices nil, so they encode as
// [] when empty.
type Report struct {
	KPIs
	// TimeBasis is "business" when durations count only the working
	// time of [Options.Calendar], else "calendar".
	TimeBasis string `json:"time_basis"`
	// Topics has a row per topic, most tickets first, then by name;
	// tickets without a topic have none.
	Topics []TopicShare `json:"topics"`
	// SingleQuestion is the largest topic share, the single-question
	// rate (KPI "single_question"); nil when no ticket has a topic.
	SingleQuestion *float64 `json:"single_question"`
	// Backlog has a row per day or week ([Options.Period]) in which a
	// ticket was created or first solved, in date order.
	Backlog []BacklogPeriod `json:"backlog"`
	// Queues has a row per channel with live tickets, by channel.
	Queues []ChannelQueue `json:"queues"`
	// ClicksByChannel has a row per channel with clicks recorded, by
	// channel.
	ClicksByChannel []ChannelClicks `json:"clicks_by_channel"`
	// Occupancy is the summed handling + after-work time of all
	// agent-time records over their summed logged-in time (KPI
	// "occupancy"); nil without agent time.
	Occupancy *float64 `json:"occupancy"`
	// MinutesPerIssue is the summed handling minutes of all agent-time
	// records over the sum of the Agents rows' Solved (KPI
	// "minutes_per_issue"); nil when that sum is 0.
	MinutesPerIssue *float64 `json:"minutes_per_issue"`
	// Agents has a row per agent and channel of the agent-time records,
	// by agent, then channel.
	Agents []AgentRow `json:"agents"`
}

// ChannelQueue is the queue of one live channel.
type ChannelQueue struct {
	Channel string `json:"channel"`
	Queue
}

// ChannelClicks is the clicks to first contact on one channel.
type ChannelClicks struct {
	Channel string `json:"channel"`
	Clicks
}

// Report returns the KPIs of all tickets with the topic, backlog, queue,
// clicks and agent breakdowns.
func (a *Accumulator) Report() *Report {
	r := &Report{KPIs: a.KPIs(Filter{}), TimeBasis: "calendar", Topics: []TopicShare{}, Backlog: []BacklogPeriod{}, Queues: []ChannelQueue{}, ClicksByChannel: []ChannelClicks{}, Agents: []AgentRow{}}
	if a.opts.Calendar != nil {
		r.TimeBasis = "business"
	}
	r.RepliesPerTicket.Outliers = []Outlier{}
	if f := r.RepliesPerTicket.OutlierAbove; f != nil {
		for _, o := range a.top {
			if float64(o.Replies) > *f {
				r.RepliesPerTicket.Outliers = append(r.RepliesPerTicket.Outliers, o)
			}
		}
	}
	for topic, n := range a.topics {
		share := float64(n) / float64(r.Tickets)
		r.Topics = append(r.Topics, TopicShare{Topic: topic, Tickets: n, Share: share, FAQ: share > FAQThreshold})
		if r.SingleQuestion == nil || share > *r.SingleQuestion {
			r.SingleQuestion = ptr(share)
		}
	}
	slices.SortFunc(r.Topics, func(x, y TopicShare) int {
		return cmp.Or(cmp.Compare(y.Tickets, x.Tickets), cmp.Compare(x.Topic, y.Topic))
	})
	for d, b := range a.backlog {
		r.Backlog = append(r.Backlog, BacklogPeriod{
			Period: civilString(d), In: b.in, Out: b.out, Ratio: ratio(b.in, b.out)})
	}
	slices.SortFunc(r.Backlog, func(x, y BacklogPeriod) int { return cmp.Compare(x.Period, y.Period) })
	open := 0
	for i := range r.Backlog {
		b := &r.Backlog[i]
		b.Open = open
		b.BMI = ratio(b.Out, b.Open+b.In)
		open += b.In - b.Out
	}
	a.channelTables(r)
	r.Agents, r.Occupancy, r.MinutesPerIssue = a.agentRows()
	return r
}

func civilString(d civilDate) string {
	return fmtDate(d.y, int(d.m), d.d)
}

func fmtDate(y, m, d int) string {
	b := []byte("0000-00-00")
	put := func(at, v, w int) {
		for i := at + w - 1; i >= at; i-- {
			b[i] = byte('0' + v%10)
			v /= 10
		}
	}
	put(0, y, 4)
	put(5, m, 2)
	put(8, d, 2)
	return string(b)
}

func (a *Accumulator) agentRows() (rows []AgentRow, occupancy, minutesPerIssue *float64) {
	rows = []AgentRow{}
	keys := slices.SortedFunc(maps.Keys(a.agentTim), compareAgentChannel)
	// An agent's record without a channel covers the channels that none
	// of the agent's other records names, so that no solved ticket is
	// counted in two rows (and the overall minutes per issue divides by
	// each ticket once).
	named := map[agentChannel]bool{}
	for _, k := range keys {
		if k.channel != "" {
			named[k] = true
		}
	}
	var logged, busy, handling float64
	solvedAll := 0
	for _, k := range keys {
		t := a.agentTim[k]
		solved := 0
		for ck, c := range a.cells {
			if ck.agent != k.agent {
				continue
			}
			if k.channel == ck.channel || k.channel == "" && !named[agentChannel{k.agent, ck.channel}] {
				solved += c.solved
			}
		}
		row := AgentRow{Agent: k.agent, Channel: k.channel, Solved: solved, HandlingS: t.handling.Seconds()}
		if solved > 0 {
			row.MinutesPerIssue = ptr(t.handling.Minutes() / float64(solved))
		}
		if t.loggedIn > 0 {
			row.Occupancy = ptr((t.handling + t.afterWork).Seconds() / t.loggedIn.Seconds())
		}
		rows = append(rows, row)
		logged += t.loggedIn.Seconds()
		busy += (t.handling + t.afterWork).Seconds()
		handling += t.handling.Seconds()
		solvedAll += solved
	}
	if logged > 0 {
		occupancy = ptr(busy / logged)
	}
	if solvedAll > 0 {
		minutesPerIssue = ptr(handling / 60 / float64(solvedAll))
	}
	return rows, occupancy, minutesPerIssue
}

// channelTables fills the report's queue and clicks tables, one row per
// channel that has live tickets or clicks.
func (a *Accumulator) channelTables(r *Report) {
	sums := map[string]*cell{}
	var channels []string
	for _, k := range a.sortedCells() {
		s := sums[k.channel]
		if s == nil {
			s = &cell{}
			sums[k.channel] = s
			channels = append(channels, k.channel)
		}
		s.mergeQueue(a.cells[k])
	}
	for _, ch := range channels {
		s := sums[ch]
		if s.live > 0 {
			r.Queues = append(r.Queues, ChannelQueue{Channel: ch, Queue: s.kpis(a.dutyOn([]string{ch})).Queue})
		}
		if s.clicked > 0 {
			r.ClicksByChannel = append(r.ClicksByChannel, ChannelClicks{Channel: ch, Clicks: Clicks{N: s.clicked, Mean: ratio(s.clicks, s.clicked)}})
		}
	}
}

// Group is the KPIs of the tickets sharing one key.
type Group struct {
	// Key is the channel, the priority ("P1".."P4", "" for none) or the
	// last agent ("" for tickets no agent replied to or was assigned).
	Key string `json:"key"`
	KPIs
}

// Dimension is what [Accumulator.Groups] splits tickets by.
type Dimension uint8

// Dimensions to group by.
const (
	ByChannel  Dimension = iota // Ticket.Channel
	ByPriority                  // Ticket.Priority
	ByAgent                     // the last agent who replied or was assigned
)

// Groups returns the KPIs per channel, priority or agent, sorted by key;
// it returns nil for a Dimension other than those three (an empty, non-nil
// slice when there are no tickets).
//
// A key is the ticket's field exactly, not a --by group of
// internal/groups (trimmed, blank as its own group, in the order first
// seen). The channel and the agent are the keys of the whole report:
// the per-channel targets and filters of the standards, the queues,
// clicks and agent rows, the agent-time records and the handovers
// (distinct agents) all match them exactly, so a group trimmed here
// alone would count " Email" under "Email" while the email standard and
// the channel's rows in the same report did not. Nor would trimming
// join "Email" and "email", which only a warning can tell apart from
// two real channels: [Scorecard.Warnings] gives the one rule's warning
// (groups.Warnings). Keys sort, so that priorities read P1 to P4 and
// the order does not depend on how the input was split over workers.
// A blank key is a ticket without the field, or one no agent replied to
// or was assigned: "(none)" in text, as the report names an audit
// without its --by field.
// [Waiting.PeakPerAgent] of a channel's group divides by the agents on
// duty on that channel; of a priority's or an agent's group, by those on
// duty on every channel.
func (a *Accumulator) Groups(d Dimension) []Group {
	if d > ByAgent {
		return nil
	}
	sums := map[string]*cell{}
	for _, k := range a.sortedCells() {
		var key string
		switch d {
		case ByChannel:
			key = k.channel
		case ByPriority:
			key = k.priority.String()
		case ByAgent:
			key = k.agent
		}
		s := sums[key]
		if s == nil {
			s = &cell{}
			sums[key] = s
		}
		s.merge(a.cells[k])
	}
	out := make([]Group, 0, len(sums))
	for key, s := range sums {
		var channels []string
		if d == ByChannel {
			channels = []string{key}
		}
		out = append(out, Group{Key: key, KPIs: s.kpis(a.dutyOn(channels))})
	}
	slices.SortFunc(out, func(x, y Group) int { return cmp.Compare(x.Key, y.Key) })
	return out
}
