package support

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"time"
)

// Period is the bucket of the backlog in/out series.
type Period uint8

// Backlog periods.
const (
	Day  Period = iota // calendar day
	Week               // ISO week, Monday to Sunday
)

// Options tune an [Accumulator]. The zero Options measure calendar
// time, cut the backlog by day in UTC and list 20 outliers.
type Options struct {
	// Calendar, when set, measures every duration in business hours;
	// nil measures calendar (wall-clock) time. The number of customers
	// waiting at once ([Waiting]) is always swept in wall-clock time.
	// A calendar without working hours (the zero Calendar) would make
	// every duration zero, so the accumulator refuses it.
	Calendar *Calendar
	// Period buckets the backlog series ([Report.Backlog]): Day or
	// Week; the accumulator refuses any other value.
	Period Period
	// Location is the time zone that decides which day or week a ticket
	// falls in, when there is no Calendar (whose own zone wins); nil
	// means UTC. It affects nothing else.
	Location *time.Location
	// MaxOutliers caps how many reply-count outliers are listed by ID
	// (the count of outliers is always exact); 0 or less means 20.
	MaxOutliers int
}

// cellKey splits tickets by everything a report or a standard may filter
// on, so any breakdown is a merge of cells and every ticket is counted
// once in memory.
type cellKey struct {
	channel  string
	priority Priority
	agent    string // the last agent who replied or was assigned
}

// cell holds the counts and samples of one group of tickets.
type cell struct {
	tickets, solved, fcr, oneTouch int
	withReply                      int
	handovers                      int // sum over solved tickets
	replyTickets, replySum         int // solved tickets that are not one-touch
	replyHist                      map[int]int
	resp                           durSum
	firstResponse                  Sample
	firstResolution                Sample
	fullResolution                 Sample
	reopenedTickets, reopens       int
	live, queued, served           int
	instant, abandoned             int
	queueWait                      Sample
	waits                          waits
	clicked, clicks                int // tickets with clicks recorded, their sum
}

func (c *cell) merge(o *cell) {
	c.tickets += o.tickets
	c.solved += o.solved
	c.fcr += o.fcr
	c.oneTouch += o.oneTouch
	c.withReply += o.withReply
	c.handovers += o.handovers
	c.replyTickets += o.replyTickets
	c.replySum += o.replySum
	for k, v := range o.replyHist {
		if c.replyHist == nil {
			c.replyHist = map[int]int{}
		}
		c.replyHist[k] += v
	}
	c.resp.merge(o.resp)
	c.firstResponse.Merge(&o.firstResponse)
	c.firstResolution.Merge(&o.firstResolution)
	c.fullResolution.Merge(&o.fullResolution)
	c.reopenedTickets += o.reopenedTickets
	c.reopens += o.reopens
	c.mergeQueue(o)
}

// mergeQueue merges only what the queue and clicks KPIs need, for the
// per-channel tables of a report without copying every sample.
func (c *cell) mergeQueue(o *cell) {
	c.live += o.live
	c.queued += o.queued
	c.served += o.served
	c.instant += o.instant
	c.abandoned += o.abandoned
	c.queueWait.Merge(&o.queueWait)
	c.waits.merge(&o.waits)
	c.clicked += o.clicked
	c.clicks += o.clicks
}

// Accumulator computes support KPIs from tickets added one at a time.
// It is not safe for concurrent use; give each goroutine its own and
// [Accumulator.Merge] them.
//
// The zero Accumulator is ready to use, with the zero [Options]
// (calendar time, daily backlog in UTC, 20 outliers listed), as if made
// by NewAccumulator(Options{}).
type Accumulator struct {
	opts Options
	// ready is set once the maps are made and opts checked; optsErr is
	// what the check found, returned by every method that adds.
	ready    bool
	optsErr  error
	cells    map[cellKey]*cell
	topics   map[string]int
	backlog  map[civilDate]*inOut
	top      []Outlier // most replies first, at most opts.MaxOutliers
	agentTim map[agentChannel]*agentTotals
	agents   []string    // scratch for distinct agents
	spans    []time.Time // scratch: start and end of each wait
	duty     []hourAgent // scratch: the ticket's agents by hour
	// onDuty lists the agents active per channel and clock hour. The
	// key holds the channel's index in channels, not its name, so the
	// lookup for every agent event hashes two integers.
	onDuty   map[channelHour][]string
	channels []string
	chanIdx  map[string]int32
}

type channelHour struct {
	channel int32 // index in Accumulator.channels
	hour    int64 // Unix hour number
}

// channelIndex interns a channel name.
func (a *Accumulator) channelIndex(name string) int32 {
	i, ok := a.chanIdx[name]
	if !ok {
		i = int32(len(a.channels))
		a.channels = append(a.channels, name)
		a.chanIdx[name] = i
	}
	return i
}

func (a *Accumulator) addOnDuty(k channelHour, agent string) {
	if as := a.onDuty[k]; !slices.Contains(as, agent) {
		a.onDuty[k] = append(as, agent)
	}
}

type hourAgent struct {
	hour  int64 // Unix hour number
	agent string
}

type inOut struct{ in, out int }

// New returns an empty accumulator, or an error for options it cannot
// work with (a Period other than Day or Week, a Calendar without working
// hours): a mistake in the options is told where they are given, not at
// every Add.
func New(opts Options) (*Accumulator, error) {
	a := &Accumulator{opts: opts}
	if err := a.init(); err != nil {
		return nil, err
	}
	return a, nil
}

// NewAccumulator returns an empty accumulator. Options it cannot work
// with (a Period other than Day or Week, a Calendar without working
// hours) are reported by the first Add, AddAgentTime or Merge, and by
// every one after it.
//
// Deprecated: use [New], which reports bad options when it is called.
func NewAccumulator(opts Options) *Accumulator {
	a := &Accumulator{opts: opts}
	a.init()
	return a
}

// init makes the maps and checks the options, once, so that the zero
// Accumulator works: every method that adds calls it first.
func (a *Accumulator) init() error {
	if a == nil {
		return errors.New("support: nil *Accumulator (make one with NewAccumulator, or declare an Accumulator)")
	}
	if a.ready {
		return a.optsErr
	}
	a.ready = true
	if a.opts.MaxOutliers <= 0 {
		a.opts.MaxOutliers = 20
	}
	a.cells = map[cellKey]*cell{}
	a.topics = map[string]int{}
	a.backlog = map[civilDate]*inOut{}
	a.agentTim = map[agentChannel]*agentTotals{}
	a.onDuty = map[channelHour][]string{}
	a.chanIdx = map[string]int32{}
	a.optsErr = a.opts.check()
	return a.optsErr
}

// check reports the options an accumulator cannot work with.
func (o *Options) check() error {
	var errs []error
	if o.Period > Week {
		errs = append(errs, fmt.Errorf("support: Options.Period %d is neither Day nor Week", o.Period))
	}
	if o.Calendar != nil && o.Calendar.empty() {
		errs = append(errs, errors.New("support: Options.Calendar has no working hours (make one with NewCalendar, ParseCalendar or Weekdays9to5)"))
	}
	return errors.Join(errs...)
}

// Options returns the options the accumulator was made with, with
// MaxOutliers set to the number it lists.
func (a *Accumulator) Options() Options {
	o := a.opts
	if o.MaxOutliers <= 0 {
		o.MaxOutliers = 20
	}
	return o
}

func (a *Accumulator) between(from, to time.Time) time.Duration {
	if a.opts.Calendar != nil {
		return a.opts.Calendar.Between(from, to)
	}
	return to.Sub(from)
}

func (a *Accumulator) seconds(from, to time.Time) float64 { return a.between(from, to).Seconds() }

func (a *Accumulator) location() *time.Location {
	switch {
	case a.opts.Calendar != nil:
		return a.opts.Calendar.Location()
	case a.opts.Location != nil:
		return a.opts.Location
	}
	return time.UTC
}

func (a *Accumulator) period(t time.Time) civilDate {
	t = t.In(a.location())
	d := dateOf(t)
	if a.opts.Period == Week {
		back := (int(t.Weekday()) + 6) % 7 // days since Monday
		d = dateOf(time.Date(d.y, d.m, d.d-back, 0, 0, 0, 0, time.UTC))
	}
	return d
}

// Add validates t and adds it. A ticket that fails [Ticket.Validate] is
// not counted and its error is returned; so is a nil t.
func (a *Accumulator) Add(t *Ticket) error {
	if err := a.init(); err != nil {
		return err
	}
	if t == nil {
		return errors.New("support: nil ticket")
	}
	if err := t.Validate(); err != nil {
		return err
	}
	var (
		replies, reopens                  int
		firstReply, firstSolved, lastDone time.Time
		finalSolved                       bool
		pending                           time.Time // earliest unanswered message
		resp                              durSum
		queuedAt, servedAt                time.Time
		abandoned, live                   bool
		lastAgent                         string
		waitFrom                          time.Time // start of the wait under way
	)
	a.agents, a.spans, a.duty = a.agents[:0], a.spans[:0], a.duty[:0]
	addAgent := func(name string) {
		lastAgent = name
		if !slices.Contains(a.agents, name) {
			a.agents = append(a.agents, name)
		}
	}
	for _, e := range t.Events {
		if e.Agent != "" {
			a.noteDuty(e.At, e.Agent)
		}
		switch e.Type {
		case Message:
			if pending.IsZero() {
				pending = e.At
			}
		case Reply:
			replies++
			if firstReply.IsZero() {
				firstReply = e.At
			}
			if !pending.IsZero() {
				resp.add(a.between(pending, e.At))
				pending = time.Time{}
			}
			addAgent(e.Agent)
		case Assign:
			addAgent(e.Agent)
		case Queued:
			live = true
			if queuedAt.IsZero() {
				queuedAt = e.At
			}
			if waitFrom.IsZero() {
				waitFrom = e.At
			}
		case Served:
			live = true
			if servedAt.IsZero() {
				servedAt = e.At
			}
			if !waitFrom.IsZero() {
				a.spans = append(a.spans, waitFrom, e.At)
				waitFrom = time.Time{}
			}
		case Abandoned:
			live = true
			abandoned = true
			if !waitFrom.IsZero() {
				a.spans = append(a.spans, waitFrom, e.At)
				waitFrom = time.Time{}
			}
		case Solved:
			if firstSolved.IsZero() {
				firstSolved = e.At
			}
			lastDone, finalSolved = e.At, true
		case Reopened:
			// Only a solved ticket can be reopened: a reopen before any
			// solve is a helpdesk's status noise, and counting it would
			// let the reopen rate (over solved tickets) pass 100%.
			if !firstSolved.IsZero() {
				reopens++
			}
			finalSolved = false
		}
	}

	c := a.cells[cellKey{t.Channel, t.Priority, lastAgent}]
	if c == nil {
		c = &cell{}
		a.cells[cellKey{t.Channel, t.Priority, lastAgent}] = c
	}
	c.tickets++
	c.resp.merge(resp)
	if !firstReply.IsZero() {
		c.withReply++
		c.firstResponse.Add(a.seconds(t.Created, firstReply))
	}
	if reopens > 0 {
		c.reopenedTickets++
		c.reopens += reopens
	}
	solved := !firstSolved.IsZero()
	if solved {
		c.solved++
		if replies == 1 && reopens == 0 {
			c.fcr++
		}
		if replies <= 1 {
			c.oneTouch++
		} else {
			c.replyTickets++
			c.replySum += replies
			if c.replyHist == nil {
				c.replyHist = map[int]int{}
			}
			c.replyHist[replies]++
			a.offerOutlier(Outlier{ID: t.ID, Replies: replies})
		}
		c.handovers += max(len(a.agents)-1, 0)
		c.firstResolution.Add(a.seconds(t.Created, firstSolved))
		if finalSolved {
			c.fullResolution.Add(a.seconds(t.Created, lastDone))
		}
	}
	for i := 0; i < len(a.spans); i += 2 {
		c.waits.add(a.spans[i], a.spans[i+1])
	}
	if !waitFrom.IsZero() {
		c.waits.unclosed++
	}
	if live && len(a.duty) > 0 { // only agents working a live queue serve it
		ch := a.channelIndex(t.Channel)
		for _, d := range a.duty {
			a.addOnDuty(channelHour{ch, d.hour}, d.agent)
		}
	}
	if live {
		c.live++
		if !queuedAt.IsZero() || abandoned {
			c.queued++
		}
		if abandoned {
			c.abandoned++
		}
		if !servedAt.IsZero() {
			c.served++
			if queuedAt.IsZero() || !queuedAt.Before(servedAt) {
				c.instant++
				c.queueWait.Add(0)
			} else {
				c.queueWait.Add(a.seconds(queuedAt, servedAt))
			}
		}
	}
	if t.Clicks != nil {
		c.clicked++
		c.clicks += *t.Clicks
	}
	if t.Topic != "" {
		a.topics[t.Topic]++
	}
	a.bucket(t.Created).in++
	if solved {
		a.bucket(firstSolved).out++
	}
	return nil
}

// noteDuty records that agent acted at t, once per ticket and hour.
func (a *Accumulator) noteDuty(t time.Time, agent string) {
	d := hourAgent{hourOf(t.UnixMicro()), agent}
	if !slices.Contains(a.duty, d) {
		a.duty = append(a.duty, d)
	}
}

// dutyOn gathers the agents on duty on the given channels (all when
// there are none).
func (a *Accumulator) dutyOn(channels []string) duty {
	d := duty{}
	for k, as := range a.onDuty {
		if len(channels) == 0 || slices.Contains(channels, a.channels[k.channel]) {
			for _, agent := range as {
				d.add(k.hour, agent)
			}
		}
	}
	return d
}

func (a *Accumulator) bucket(t time.Time) *inOut {
	k := a.period(t)
	b := a.backlog[k]
	if b == nil {
		b = &inOut{}
		a.backlog[k] = b
	}
	return b
}

// Outlier is a solved ticket with many agent replies.
type Outlier struct {
	ID      string `json:"id"`      // the ticket's id
	Replies int    `json:"replies"` // its agent replies, above [Replies.OutlierAbove]
}

func outlierOrder(a, b Outlier) int {
	if c := cmp.Compare(b.Replies, a.Replies); c != 0 {
		return c
	}
	return cmp.Compare(a.ID, b.ID)
}

// offerOutlier keeps the tickets with the most replies; which ones are
// outliers is known only at the end, and they are always among these.
func (a *Accumulator) offerOutlier(o Outlier) {
	n := a.opts.MaxOutliers
	if len(a.top) == n && outlierOrder(o, a.top[n-1]) >= 0 {
		return
	}
	i, _ := slices.BinarySearchFunc(a.top, o, outlierOrder)
	a.top = slices.Insert(a.top, i, o)
	if len(a.top) > n {
		a.top = a.top[:n]
	}
}

// sameLocation reports whether x and y are the same time zone: the same
// value, or two loads of one zone (time.LoadLocation returns a new value
// each call), told by name and by their offsets at the turn of every
// half-year from 1970 to 2050, so two fixed zones that share a name but
// not an offset differ.
func sameLocation(x, y *time.Location) bool {
	return x == y || (x.String() == y.String() && slices.Equal(zoneOffsets(x), zoneOffsets(y)))
}

// zoneOffsets returns loc's offsets from UTC, in seconds, at the turn of
// every half-year from 1970 to 2050: what tells two zones apart, for
// sameLocation and for a saved state's options.
func zoneOffsets(loc *time.Location) []int {
	offs := make([]int, 0, 2*81)
	for year := 1970; year <= 2050; year++ {
		for _, month := range []time.Month{time.January, time.July} {
			_, off := time.Date(year, month, 1, 0, 0, 0, 0, time.UTC).In(loc).Zone()
			offs = append(offs, off)
		}
	}
	return offs
}

// Merge adds everything o has accumulated; merging split inputs gives
// the same report as one pass over the whole. Both must measure time the
// same way: the same *Calendar (or none), the same backlog period and
// the same time zone for it. Calendars are compared as pointers, so
// accumulators to be merged should share one *Calendar; a zone may be
// loaded by each. A nil o adds nothing. Merge does not check
// that a ticket was added to only one of them.
func (a *Accumulator) Merge(o *Accumulator) error {
	if err := a.init(); err != nil {
		return err
	}
	if o == nil {
		return nil
	}
	switch {
	case a.opts.Calendar != o.opts.Calendar:
		return errors.New("support: cannot merge accumulators with different business-hours calendars")
	case a.opts.Period != o.opts.Period:
		return errors.New("support: cannot merge accumulators with different backlog periods")
	case !sameLocation(a.location(), o.location()):
		return fmt.Errorf("support: cannot merge accumulators that cut backlog periods in different time zones (%s and %s)", a.location(), o.location())
	}
	for k, oc := range o.cells {
		c := a.cells[k]
		if c == nil {
			c = &cell{}
			a.cells[k] = c
		}
		c.merge(oc)
	}
	for k, v := range o.topics {
		a.topics[k] += v
	}
	for k, v := range o.backlog {
		b := a.backlog[k]
		if b == nil {
			b = &inOut{}
			a.backlog[k] = b
		}
		b.in += v.in
		b.out += v.out
	}
	for k, as := range o.onDuty {
		k.channel = a.channelIndex(o.channels[k.channel])
		for _, agent := range as {
			a.addOnDuty(k, agent)
		}
	}
	for _, x := range o.top {
		a.offerOutlier(x)
	}
	for k, v := range o.agentTim {
		t := a.agentTim[k]
		if t == nil {
			t = &agentTotals{}
			a.agentTim[k] = t
		}
		t.add(*v)
	}
	return nil
}
