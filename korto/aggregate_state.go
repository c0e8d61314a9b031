package korto

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/cxkit/cxkit/metrics"
)

// An Aggregator's state can be saved and restored, so that partial
// aggregates built on different machines (Beam workers, say) travel and
// merge there exactly. The state holds the counts and exact sums of
// every group and the drivers' and crosses' counts, not the checklist: it is restored into an aggregator made
// by NewAggregator from the same checklist with the same options, which
// UnmarshalBinary checks.
//
// The format is versioned binary: a magic string, then unsigned varints
// and length-prefixed strings (encoding/binary), group by group in key
// order, so that equal aggregates save to equal bytes. Survey
// accumulators are embedded as their own JSON state
// (metrics.NPS.MarshalJSON and its kin).

var aggStateMagic = []byte("cxkit-aggregate-1\n")

// ErrAggregateState is wrapped by UnmarshalBinary's errors: the bytes
// are not a state an aggregator of this checklist and these options
// saved.
var ErrAggregateState = errors.New("not a saved aggregate of this checklist")

// MarshalBinary saves everything the aggregator has counted, for
// UnmarshalBinary to restore (and Merge to pool) elsewhere.
func (a *Aggregator) MarshalBinary() ([]byte, error) {
	if !a.usable() {
		return nil, errAggZero
	}
	if a.csi != nil || len(a.promises) > 0 {
		return nil, errors.New("korto: MarshalBinary: the state of a satisfaction index (csi questions) or of promises cannot be saved yet")
	}
	w := &stateWriter{b: slices.Clone(aggStateMagic)}
	a.writeLayout(w)
	if err := w.group(a.overall); err != nil {
		return nil, err
	}
	keys := make([]string, 0, len(a.groups))
	for k := range a.groups {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	w.uint(uint64(len(keys)))
	for _, k := range keys {
		w.str(k)
		if err := w.group(a.groups[k]); err != nil {
			return nil, err
		}
	}
	for i := range a.outcomes {
		o := &a.outcomes[i]
		w.int(o.n)
		for _, q := range o.counts {
			for side := range 2 {
				for k := range 3 {
					w.int(q[side][k])
				}
			}
		}
	}
	for i := range a.crosses {
		b, err := json.Marshal(a.crosses[i].t)
		if err != nil {
			return nil, err
		}
		w.str(string(b))
	}
	return w.b, nil
}

// UnmarshalBinary replaces what a has counted with a state saved by
// MarshalBinary. a must come from NewAggregator with the checklist and
// options of the aggregator that saved it; anything else, or bytes that
// are not such a state, is an error wrapping ErrAggregateState, and a is
// left unchanged.
func (a *Aggregator) UnmarshalBinary(b []byte) error {
	if !a.usable() {
		return errAggZero
	}
	if a.csi != nil || len(a.promises) > 0 {
		return fmt.Errorf("korto: aggregate state: a satisfaction index (csi questions) or promises cannot be restored yet: %w", ErrAggregateState)
	}
	r := &stateReader{b: b}
	fail := func(err error) error {
		return fmt.Errorf("korto: aggregate state: %w: %w", err, ErrAggregateState)
	}
	if !r.magic(aggStateMagic) {
		return fail(errors.New("no cxkit aggregate header"))
	}
	want := &stateWriter{}
	a.writeLayout(want)
	if !r.magic(want.b) {
		return fail(fmt.Errorf("saved by an aggregator of another checklist (%q %s expected) or other options", a.c.ID, a.c.Version))
	}
	overall := a.newGroup()
	r.group(a, overall)
	n := r.count(1)
	groups := make(map[string]*aggGroup, n)
	prev := ""
	for i := range n {
		k := r.str()
		if r.err == nil && i > 0 && k <= prev {
			r.err = errors.New("groups out of order")
		}
		prev = k
		g := a.newGroup()
		r.group(a, g)
		groups[k] = g
	}
	outcomes := slices.Clone(a.outcomes)
	for i := range outcomes {
		o := &outcomes[i]
		o.n = r.nonNeg()
		o.counts = make([][2][3]int64, len(a.outcomes[i].counts))
		for q := range o.counts {
			for side := range 2 {
				for k := range 3 {
					o.counts[q][side][k] = r.nonNeg()
				}
			}
		}
	}
	crosses := slices.Clone(a.crosses)
	for i := range crosses {
		b := []byte(r.str())
		if r.err == nil {
			crosses[i].t = metrics.EmotionNPS{}
			if err := crosses[i].t.UnmarshalJSON(b); err != nil {
				r.err = err
			}
		}
	}
	if r.err == nil && len(r.b) > 0 {
		r.err = fmt.Errorf("%d bytes after the state", len(r.b))
	}
	if r.err != nil {
		return fail(r.err)
	}
	a.overall, a.groups, a.outcomes, a.crosses = overall, groups, outcomes, crosses
	return nil
}

// writeLayout writes what a state must agree with: the checklist's ID
// and version, the sizes the sums are indexed by, and the options.
func (a *Aggregator) writeLayout(w *stateWriter) {
	w.str(a.c.ID)
	w.str(a.c.Version)
	for _, n := range []int{len(a.levels), a.maxReached, len(a.c.Bands), len(a.questions), len(a.qOrder), len(a.survey), len(a.sections), len(a.texts), len(a.outcomes), len(a.crosses)} {
		w.uint(uint64(n))
	}
	w.str(a.opts.GroupBy)
	w.int(int64(effectiveTop(a.opts.TopProblems)))
	w.int(int64(a.opts.MinN))
	w.str(a.opts.Period)
}

type stateWriter struct{ b []byte }

func (w *stateWriter) uint(x uint64) { w.b = binary.AppendUvarint(w.b, x) }
func (w *stateWriter) int(x int64)   { w.b = binary.AppendVarint(w.b, x) }
func (w *stateWriter) str(s string) {
	w.uint(uint64(len(s)))
	w.b = append(w.b, s...)
}

func (w *stateWriter) moments(m *moments) {
	w.int(m.n)
	w.uint(m.sum.hi)
	w.uint(m.sum.lo)
	w.uint(m.sumSq.top)
	w.uint(m.sumSq.mid)
	w.uint(m.sumSq.lo)
}

func (w *stateWriter) group(g *aggGroup) error {
	w.int(g.audits)
	w.int(g.knockedOut)
	w.moments(&g.score)
	w.moments(&g.raw)
	for i := range g.levels {
		l := &g.levels[i]
		w.moments(&l.score)
		w.int(l.passed)
		w.int(l.gated)
	}
	for _, n := range g.reached {
		w.int(n)
	}
	for _, n := range g.bands {
		w.int(n)
	}
	for _, q := range g.questions {
		w.int(q.applicable)
		w.int(q.failed)
		w.uint(q.sum.hi)
		w.uint(q.sum.lo)
	}
	for _, s := range g.survey {
		var v any
		switch {
		case s.nps != nil:
			v = s.nps
		case s.emo != nil:
			v = s.emo
		case s.csat != nil:
			v = s.csat
		default:
			v = s.ces
		}
		b, err := json.Marshal(v)
		if err != nil {
			return err
		}
		w.str(string(b))
	}
	for i := range g.sections {
		w.moments(&g.sections[i])
	}
	w.int(g.critTotal)
	w.uint(uint64(len(g.crit)))
	for _, e := range g.crit {
		w.str(e.audit)
		w.str(e.date)
		w.uint(uint64(e.pos))
	}
	w.int(g.commentsTotal)
	w.uint(uint64(len(g.comments)))
	for _, e := range g.comments {
		w.str(e.audit)
		w.str(e.date)
		w.str(e.text)
		w.uint(uint64(e.index))
	}
	keys := make([]string, 0, len(g.periods))
	for k := range g.periods {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	w.uint(uint64(len(keys)))
	for _, k := range keys {
		w.str(k)
		w.moments(g.periods[k])
	}
	return nil
}

// stateReader reads a state; the first problem sticks in err and every
// read after it returns zeros.
type stateReader struct {
	b   []byte
	err error
}

func (r *stateReader) magic(m []byte) bool {
	if r.err != nil || len(r.b) < len(m) || string(r.b[:len(m)]) != string(m) {
		return false
	}
	r.b = r.b[len(m):]
	return true
}

func (r *stateReader) uint() uint64 {
	if r.err != nil {
		return 0
	}
	x, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.err = errors.New("truncated or bad number")
		return 0
	}
	r.b = r.b[n:]
	return x
}

func (r *stateReader) int() int64 {
	if r.err != nil {
		return 0
	}
	x, n := binary.Varint(r.b)
	if n <= 0 {
		r.err = errors.New("truncated or bad number")
		return 0
	}
	r.b = r.b[n:]
	return x
}

// count reads a length, checking that the rest of the state can hold
// that many entries of at least min bytes each, so that a corrupted
// length cannot make the reader allocate more than the input justifies.
func (r *stateReader) count(min int) int {
	n := r.uint()
	if r.err == nil && n > uint64(len(r.b)/min) {
		r.err = errors.New("a length longer than the state")
		return 0
	}
	return int(n)
}

func (r *stateReader) str() string {
	n := r.count(1)
	if r.err != nil {
		return ""
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}

// nonNeg reads a count, which no aggregator saves below zero.
func (r *stateReader) nonNeg() int64 {
	x := r.int()
	if x < 0 && r.err == nil {
		r.err = errors.New("a negative count")
	}
	return x
}

func (r *stateReader) moments(m *moments) {
	m.n = r.nonNeg()
	m.sum = uint128{r.uint(), r.uint()}
	m.sumSq = uint192{r.uint(), r.uint(), r.uint()}
}

// index reads an index into a list of n entries.
func (r *stateReader) index(n int) int {
	x := r.uint()
	if r.err == nil && x >= uint64(n) {
		r.err = fmt.Errorf("index %d out of %d", x, n)
	}
	return int(x)
}

func (r *stateReader) group(a *Aggregator, g *aggGroup) {
	g.audits = r.nonNeg()
	g.knockedOut = r.nonNeg()
	r.moments(&g.score)
	r.moments(&g.raw)
	for i := range g.levels {
		l := &g.levels[i]
		r.moments(&l.score)
		l.passed = r.nonNeg()
		l.gated = r.nonNeg()
	}
	for i := range g.reached {
		g.reached[i] = r.nonNeg()
	}
	for i := range g.bands {
		g.bands[i] = r.nonNeg()
	}
	for i := range g.questions {
		q := &g.questions[i]
		q.applicable = r.nonNeg()
		q.failed = r.nonNeg()
		q.sum = uint128{r.uint(), r.uint()}
	}
	for i := range g.survey {
		b := []byte(r.str())
		if r.err != nil {
			return
		}
		var err error
		switch s := g.survey[i]; {
		case s.nps != nil:
			err = s.nps.UnmarshalJSON(b)
		case s.emo != nil:
			err = s.emo.UnmarshalJSON(b)
		case s.csat != nil:
			err = s.csat.UnmarshalJSON(b)
			if err == nil && s.csat.Scale() != a.survey[i].scale {
				err = fmt.Errorf("CSAT on %v, want %v: %w", s.csat.Scale(), a.survey[i].scale, metrics.ErrState)
			}
		default:
			err = s.ces.UnmarshalJSON(b)
			if err == nil && s.ces.Scale() != a.survey[i].scale {
				err = fmt.Errorf("CES on %v, want %v: %w", s.ces.Scale(), a.survey[i].scale, metrics.ErrState)
			}
		}
		if err != nil {
			r.err = fmt.Errorf("survey question %q: %w", a.survey[i].q.ID, err)
			return
		}
	}
	for i := range g.sections {
		r.moments(&g.sections[i])
	}
	g.critTotal = r.nonNeg()
	n := r.count(3)
	if n > MaxCriticalFailures {
		r.err = fmt.Errorf("%d critical failures listed, at most %d are kept", n, MaxCriticalFailures)
	}
	for range n {
		e := critEntry{audit: r.str(), date: r.str(), pos: r.index(len(a.qOrder))}
		g.crit = append(g.crit, e)
	}
	g.commentsTotal = r.nonNeg()
	n = r.count(4)
	if n > MaxComments {
		r.err = fmt.Errorf("%d comments listed, at most %d are kept", n, MaxComments)
	}
	for range n {
		e := commentEntry{audit: r.str(), date: r.str(), text: r.str(), index: r.index(len(a.texts))}
		g.comments = append(g.comments, e)
	}
	n = r.count(7)
	for range n {
		k := r.str()
		m := new(moments)
		r.moments(m)
		if r.err != nil {
			return
		}
		if g.periods == nil {
			g.periods = make(map[string]*moments)
		}
		g.periods[k] = m
	}
	if r.err == nil && (!slices.IsSortedFunc(g.crit, compareCrit) || !slices.IsSortedFunc(g.comments, compareComment)) {
		r.err = errors.New("critical failures or comments out of order")
	}
}
