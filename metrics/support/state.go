package support

import (
	"cmp"
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"time"

	"github.com/cxkit/cxkit/internal/binstate"
)

// An Accumulator's state can be saved and restored, so that partial
// accumulators built on different machines (Beam workers, say) travel
// and merge there exactly. The state holds every count, exact sum and
// sample value, not the options: it is restored into an accumulator made
// by New with the same options, which UnmarshalBinary checks.
//
// The format is versioned binary (package binstate): a magic string
// naming the version, the options it was made with, then the cells,
// topics, backlog, outliers, agent time and agents on duty, each in key
// order and each sample sorted, so that accumulators of the same tickets
// save to the same bytes whatever order the tickets came in. A duration
// sample value takes eight bytes; the queue waits are stored as
// microsecond deltas.

var stateMagic = []byte("cxkit-support-1\n")

// ErrState is wrapped by UnmarshalBinary's errors: the bytes are not a
// state that an accumulator with these options saved.
var ErrState = errors.New("not a saved support accumulator with these options")

// MarshalBinary saves everything the accumulator has counted, for
// UnmarshalBinary to restore (and Merge to pool) elsewhere. It sorts the
// samples it holds, as a report does.
func (a *Accumulator) MarshalBinary() ([]byte, error) {
	if err := a.init(); err != nil {
		return nil, err
	}
	w := &binstate.Writer{B: slices.Clone(stateMagic)}
	a.writeLayout(w)

	keys := slices.SortedFunc(maps.Keys(a.cells), compareCellKey)
	w.Uint(uint64(len(keys)))
	for _, k := range keys {
		w.Str(k.channel)
		w.Uint(uint64(k.priority))
		w.Str(k.agent)
		writeCell(w, a.cells[k])
	}

	writeCounts(w, a.topics)

	dates := slices.SortedFunc(maps.Keys(a.backlog), compareDate)
	w.Uint(uint64(len(dates)))
	for _, d := range dates {
		w.Int(int64(d.y))
		w.Uint(uint64(d.m))
		w.Uint(uint64(d.d))
		w.Int(int64(a.backlog[d].in))
		w.Int(int64(a.backlog[d].out))
	}

	w.Uint(uint64(len(a.top)))
	for _, o := range a.top {
		w.Str(o.ID)
		w.Int(int64(o.Replies))
	}

	agents := slices.SortedFunc(maps.Keys(a.agentTim), compareAgentChannel)
	w.Uint(uint64(len(agents)))
	for _, k := range agents {
		t := a.agentTim[k]
		w.Str(k.agent)
		w.Str(k.channel)
		w.Int(int64(t.loggedIn))
		w.Int(int64(t.handling))
		w.Int(int64(t.afterWork))
	}

	// The agents on duty, by channel name (the index is the order the
	// channels were met in, which differs between workers), then hour.
	type dutyKey struct {
		channel string
		hour    int64
	}
	duty := make([]dutyKey, 0, len(a.onDuty))
	for k := range a.onDuty {
		duty = append(duty, dutyKey{a.channels[k.channel], k.hour})
	}
	slices.SortFunc(duty, func(x, y dutyKey) int {
		return cmp.Or(cmp.Compare(x.channel, y.channel), cmp.Compare(x.hour, y.hour))
	})
	w.Uint(uint64(len(duty)))
	for _, k := range duty {
		w.Str(k.channel)
		w.Int(k.hour)
		as := a.onDuty[channelHour{a.chanIdx[k.channel], k.hour}]
		slices.Sort(as)
		w.Uint(uint64(len(as)))
		for _, agent := range as {
			w.Str(agent)
		}
	}
	return w.B, nil
}

// UnmarshalBinary replaces what a has counted with a state saved by
// MarshalBinary. a must have the options of the accumulator that saved
// it: the same backlog period, time zone, calendar (compared by its
// working hours, zone and holidays, so each machine may parse its own
// copy) and outlier count. Anything else, or bytes that are not such a
// state, is an error wrapping ErrState, and a is left unchanged.
func (a *Accumulator) UnmarshalBinary(b []byte) error {
	if err := a.init(); err != nil {
		return err
	}
	fail := func(err error) error {
		return fmt.Errorf("support: accumulator state: %w: %w", err, ErrState)
	}
	r := &binstate.Reader{B: b}
	if !r.Magic(stateMagic) {
		return fail(errors.New("no cxkit support header (or a state of another version)"))
	}
	want := &binstate.Writer{}
	a.writeLayout(want)
	if !r.Magic(want.B) {
		return fail(errors.New("saved with other options: backlog period, time zone, calendar or outlier count"))
	}
	fresh := &Accumulator{opts: a.opts}
	fresh.init()

	n := r.Count(4)
	var prev cellKey
	for i := range n {
		k := cellKey{channel: r.Str(), priority: Priority(r.Uint()), agent: r.Str()}
		if r.Err == nil && k.priority > P4 {
			r.Err = fmt.Errorf("priority %d", k.priority)
		}
		if r.Err == nil && i > 0 && compareCellKey(prev, k) >= 0 {
			r.Err = errors.New("cells out of order")
		}
		prev = k
		c := readCell(r)
		if r.Err != nil {
			return fail(r.Err)
		}
		fresh.cells[k] = c
	}

	fresh.topics = readCounts(r)

	n = r.Count(5)
	var prevDate civilDate
	for i := range n {
		y, m, d := r.Int(), r.Uint(), r.Uint()
		if r.Err == nil && (y < math.MinInt32 || y > math.MaxInt32 || m < 1 || m > 12 || d < 1 || d > 31) {
			r.Err = fmt.Errorf("no date %d-%d-%d", y, m, d)
		}
		k := civilDate{int(y), time.Month(m), int(d)}
		if r.Err == nil && i > 0 && compareDate(prevDate, k) >= 0 {
			r.Err = errors.New("backlog out of order")
		}
		prevDate = k
		fresh.backlog[k] = &inOut{in: r.NonNegInt(), out: r.NonNegInt()}
	}

	n = r.Count(2)
	if r.Err == nil && n > fresh.opts.MaxOutliers {
		r.Err = fmt.Errorf("%d outliers listed, at most %d are kept", n, fresh.opts.MaxOutliers)
	}
	for range n {
		fresh.top = append(fresh.top, Outlier{ID: r.Str(), Replies: r.NonNegInt()})
	}
	if r.Err == nil && !isStrictlySorted(fresh.top, outlierOrder) {
		r.Err = errors.New("outliers out of order")
	}

	n = r.Count(5)
	var prevAgent agentChannel
	for i := range n {
		k := agentChannel{agent: r.Str(), channel: r.Str()}
		t := AgentTime{Agent: k.agent, Channel: k.channel,
			LoggedIn: time.Duration(r.NonNeg()), Handling: time.Duration(r.NonNeg()), AfterWork: time.Duration(r.NonNeg())}
		if r.Err == nil && i > 0 && compareAgentChannel(prevAgent, k) >= 0 {
			r.Err = errors.New("agent time out of order")
		}
		if r.Err == nil {
			r.Err = t.Validate()
		}
		prevAgent = k
		fresh.agentTim[k] = &agentTotals{t.LoggedIn, t.Handling, t.AfterWork}
	}

	n = r.Count(3)
	prevChannel, prevHour := "", int64(0)
	for i := range n {
		channel, hour := r.Str(), r.Int()
		if r.Err == nil && i > 0 && cmp.Or(cmp.Compare(prevChannel, channel), cmp.Compare(prevHour, hour)) >= 0 {
			r.Err = errors.New("agents on duty out of order")
		}
		prevChannel, prevHour = channel, hour
		m := r.Count(1)
		as := make([]string, 0, m)
		for range m {
			as = append(as, r.Str())
		}
		if r.Err == nil && (m == 0 || !isStrictlySorted(as, cmp.Compare)) {
			r.Err = errors.New("agents on duty out of order")
		}
		if r.Err != nil {
			return fail(r.Err)
		}
		fresh.onDuty[channelHour{fresh.channelIndex(channel), hour}] = as
	}
	r.End()
	if r.Err == nil {
		r.Err = fresh.check()
	}
	if r.Err != nil {
		return fail(r.Err)
	}
	a.cells, a.topics, a.backlog, a.top, a.agentTim = fresh.cells, fresh.topics, fresh.backlog, fresh.top, fresh.agentTim
	a.onDuty, a.channels, a.chanIdx = fresh.onDuty, fresh.channels, fresh.chanIdx
	return nil
}

// writeLayout writes the options a state must agree with.
func (a *Accumulator) writeLayout(w *binstate.Writer) {
	w.Uint(uint64(a.opts.Period))
	w.Uint(uint64(a.Options().MaxOutliers))
	writeZone(w, a.location())
	c := a.opts.Calendar
	if c == nil {
		w.Uint(0)
		return
	}
	w.Uint(1)
	writeZone(w, c.Location())
	for _, day := range c.week {
		w.Uint(uint64(len(day)))
		for _, s := range day {
			w.Int(int64(s.start))
			w.Int(int64(s.end))
		}
	}
	holidays := make([]civilDate, 0, len(c.holidays))
	for d, ok := range c.holidays {
		if ok {
			holidays = append(holidays, d)
		}
	}
	slices.SortFunc(holidays, compareDate)
	w.Uint(uint64(len(holidays)))
	for _, d := range holidays {
		w.Int(int64(d.y))
		w.Uint(uint64(d.m))
		w.Uint(uint64(d.d))
	}
}

// writeZone writes a zone as sameLocation compares it: its name and its
// offsets at the probe times.
func writeZone(w *binstate.Writer, loc *time.Location) {
	w.Str(loc.String())
	for _, off := range zoneOffsets(loc) {
		w.Int(int64(off))
	}
}

func writeCell(w *binstate.Writer, c *cell) {
	for _, n := range []int{c.tickets, c.solved, c.fcr, c.oneTouch, c.withReply, c.handovers, c.replyTickets, c.replySum} {
		w.Int(int64(n))
	}
	hist := slices.Sorted(maps.Keys(c.replyHist))
	w.Uint(uint64(len(hist)))
	for _, k := range hist {
		w.Int(int64(k))
		w.Int(int64(c.replyHist[k]))
	}
	w.Int(c.resp.n)
	w.Int(c.resp.sec)
	w.Int(c.resp.nsec)
	writeSample(w, &c.firstResponse)
	writeSample(w, &c.firstResolution)
	writeSample(w, &c.fullResolution)
	for _, n := range []int{c.reopenedTickets, c.reopens, c.live, c.queued, c.served, c.instant, c.abandoned} {
		w.Int(int64(n))
	}
	writeSample(w, &c.queueWait)
	writeTimes(w, c.waits.start)
	writeTimes(w, c.waits.end)
	w.Int(int64(c.waits.unclosed))
	w.Int(int64(c.clicked))
	w.Int(int64(c.clicks))
}

func readCell(r *binstate.Reader) *cell {
	c := &cell{}
	for _, n := range []*int{&c.tickets, &c.solved, &c.fcr, &c.oneTouch, &c.withReply, &c.handovers, &c.replyTickets, &c.replySum} {
		*n = r.NonNegInt()
	}
	n := r.Count(2)
	prev := 0
	for i := range n {
		k, v := r.NonNegInt(), r.NonNegInt()
		if r.Err == nil && ((i > 0 && k <= prev) || v == 0) {
			r.Err = errors.New("reply counts out of order")
		}
		prev = k
		if c.replyHist == nil {
			c.replyHist = map[int]int{}
		}
		c.replyHist[k] = v
	}
	c.resp = durSum{n: r.NonNeg(), sec: r.Int(), nsec: r.Int()}
	readSample(r, &c.firstResponse)
	readSample(r, &c.firstResolution)
	readSample(r, &c.fullResolution)
	for _, n := range []*int{&c.reopenedTickets, &c.reopens, &c.live, &c.queued, &c.served, &c.instant, &c.abandoned} {
		*n = r.NonNegInt()
	}
	readSample(r, &c.queueWait)
	c.waits.start = readTimes(r)
	c.waits.end = readTimes(r)
	if r.Err == nil && len(c.waits.start) != len(c.waits.end) {
		r.Err = errors.New("queue waits without an end")
	}
	c.waits.unclosed = r.NonNegInt()
	c.clicked = r.NonNegInt()
	c.clicks = r.NonNegInt()
	if r.Err == nil {
		r.Err = c.check()
	}
	return c
}

// check refuses totals that do not agree with the cells: every ticket
// is in the backlog when created and again when first solved, and has
// at most one topic.
func (a *Accumulator) check() error {
	tickets, solved, topics, in, out := 0, 0, 0, 0, 0
	add := func(sum *int, n int) bool {
		if n > math.MaxInt-*sum {
			return false
		}
		*sum += n
		return true
	}
	ok := true
	for _, c := range a.cells {
		ok = ok && add(&tickets, c.tickets) && add(&solved, c.solved)
	}
	for _, n := range a.topics {
		ok = ok && n > 0 && add(&topics, n)
	}
	for _, b := range a.backlog {
		ok = ok && add(&in, b.in) && add(&out, b.out)
	}
	for _, o := range a.top {
		ok = ok && o.Replies > 1
	}
	if !ok || topics > tickets || in != tickets || out != solved {
		return errors.New("totals that do not agree with the tickets counted")
	}
	return nil
}

// check refuses a cell that no tickets could have made: the report's
// arithmetic counts on these relations (the reply-count quantiles, for
// one, on a histogram as large as the tickets it counts).
func (c *cell) check() error {
	le := func(pairs ...int) bool {
		for i := 0; i < len(pairs); i += 2 {
			if pairs[i] > pairs[i+1] {
				return false
			}
		}
		return true
	}
	hist, sum := 0, 0
	for k, v := range c.replyHist {
		if k < 2 || v > c.replyTickets-hist || (sum > 0 && k > (math.MaxInt-sum)/v) {
			return errors.New("reply counts that do not add up")
		}
		hist += v
		sum += k * v
	}
	switch {
	case c.tickets == 0:
		return errors.New("a cell without tickets")
	case hist != c.replyTickets || sum != c.replySum || c.oneTouch+c.replyTickets != c.solved:
		return errors.New("reply counts that do not add up")
	case !le(c.solved, c.tickets, c.fcr, c.oneTouch, c.withReply, c.tickets, c.reopenedTickets, c.solved, c.reopenedTickets, c.reopens,
		c.live, c.tickets, c.queued, c.live, c.abandoned, c.queued, c.served, c.live, c.instant, c.served, c.clicked, c.tickets):
		return errors.New("counts that do not add up")
	case c.firstResponse.Len() != c.withReply || c.firstResolution.Len() != c.solved || c.fullResolution.Len() > c.solved || c.queueWait.Len() != c.served:
		return errors.New("samples of another size than their counts")
	case c.resp.n < 0 || (c.reopenedTickets == 0) != (c.reopens == 0) || (c.clicked == 0 && c.clicks != 0):
		return errors.New("counts that do not add up")
	}
	// Sorted apart, the k-th end of a wait still comes after the k-th
	// start.
	for i := range c.waits.start {
		if c.waits.end[i] <= c.waits.start[i] {
			return errors.New("queue waits that end before they start")
		}
	}
	return nil
}

// writeSample writes a sample's values in ascending order.
func writeSample(w *binstate.Writer, s *Sample) {
	s.sort()
	w.Uint(uint64(len(s.vals)))
	for _, v := range s.vals {
		w.Float(v)
	}
}

func readSample(r *binstate.Reader, s *Sample) {
	n := r.Count(8)
	if r.Err != nil {
		return
	}
	s.vals = make([]float64, 0, n)
	for range n {
		v := r.Float()
		if r.Err == nil && (math.IsNaN(v) || math.IsInf(v, 0) || (len(s.vals) > 0 && v < s.vals[len(s.vals)-1])) {
			r.Err = errors.New("a sample not finite or out of order")
		}
		s.vals = append(s.vals, v)
	}
	s.sorted = true
}

// writeTimes writes microsecond times in ascending order, as the first
// and the gaps after it, which take a byte or three each.
func writeTimes(w *binstate.Writer, ts []int64) {
	slices.Sort(ts)
	w.Uint(uint64(len(ts)))
	prev := int64(0)
	for _, t := range ts {
		w.Int(t - prev)
		prev = t
	}
}

func readTimes(r *binstate.Reader) []int64 {
	n := r.Count(1)
	if r.Err != nil || n == 0 {
		return nil
	}
	ts := make([]int64, 0, n)
	prev := int64(0)
	for i := range n {
		d := r.Int()
		if r.Err == nil && i > 0 && d < 0 {
			r.Err = errors.New("queue waits out of order")
		}
		prev += d
		ts = append(ts, prev)
	}
	return ts
}

// writeCounts writes a count per name, by name.
func writeCounts(w *binstate.Writer, m map[string]int) {
	names := slices.Sorted(maps.Keys(m))
	w.Uint(uint64(len(names)))
	for _, k := range names {
		w.Str(k)
		w.Int(int64(m[k]))
	}
}

func readCounts(r *binstate.Reader) map[string]int {
	m := map[string]int{}
	n := r.Count(2)
	prev := ""
	for i := range n {
		k, v := r.Str(), r.NonNegInt()
		if r.Err == nil && i > 0 && k <= prev {
			r.Err = errors.New("topics out of order")
		}
		prev = k
		m[k] = v
	}
	return m
}

func compareCellKey(x, y cellKey) int {
	return cmp.Or(cmp.Compare(x.channel, y.channel), cmp.Compare(x.priority, y.priority), cmp.Compare(x.agent, y.agent))
}

func compareDate(x, y civilDate) int {
	return cmp.Or(cmp.Compare(x.y, y.y), cmp.Compare(x.m, y.m), cmp.Compare(x.d, y.d))
}

func compareAgentChannel(x, y agentChannel) int {
	return cmp.Or(cmp.Compare(x.agent, y.agent), cmp.Compare(x.channel, y.channel))
}

// isStrictlySorted reports whether s is sorted with no two equal.
func isStrictlySorted[T any](s []T, compare func(a, b T) int) bool {
	for i := 1; i < len(s); i++ {
		if compare(s[i-1], s[i]) >= 0 {
			return false
		}
	}
	return true
}
