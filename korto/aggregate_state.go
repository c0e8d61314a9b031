package korto

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/cxkit/cxkit/internal/binstate"
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
// accumulators and the satisfaction index are embedded as their own
// JSON state (metrics.NPS.MarshalJSON, metrics.CSIRatings.MarshalJSON
// and their kin); promises as their counts and the bounded list of the
// overdue ones, with AsOf in the layout. Version 2 added the index,
// the promises and the place of a critical failure or a comment of an
// audit without an id.

var aggStateMagic = []byte("cxkit-aggregate-2\n")

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
	w := &stateWriter{binstate.Writer{B: slices.Clone(aggStateMagic)}}
	a.writeLayout(w)
	if err := w.group(a, a.overall); err != nil {
		return nil, err
	}
	keys := slices.Sorted(maps.Keys(a.groups))
	w.Uint(uint64(len(keys)))
	for _, k := range keys {
		w.Str(k)
		if err := w.group(a, a.groups[k]); err != nil {
			return nil, err
		}
	}
	for i := range a.outcomes {
		o := &a.outcomes[i]
		w.Int(o.n)
		for _, q := range o.counts {
			for side := range 2 {
				for k := range 3 {
					w.Int(q[side][k])
				}
			}
		}
	}
	for i := range a.crosses {
		b, err := json.Marshal(a.crosses[i].t)
		if err != nil {
			return nil, err
		}
		w.Str(string(b))
	}
	return w.B, nil
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
	r := &stateReader{binstate.Reader{B: b}}
	fail := func(err error) error {
		return fmt.Errorf("korto: aggregate state: %w: %w", err, ErrAggregateState)
	}
	if !r.Magic(aggStateMagic) {
		return fail(errors.New("no cxkit aggregate header"))
	}
	want := &stateWriter{}
	a.writeLayout(want)
	if !r.Magic(want.B) {
		return fail(fmt.Errorf("saved by an aggregator of another checklist (%q %s expected) or other options", a.c.ID, a.c.Version))
	}
	overall := a.newGroup()
	r.group(a, overall)
	n := r.Count(1)
	groups := make(map[string]*aggGroup, n)
	prev := ""
	for i := range n {
		k := r.Str()
		if r.Err == nil && i > 0 && k <= prev {
			r.Err = errors.New("groups out of order")
		}
		prev = k
		g := a.newGroup()
		r.group(a, g)
		groups[k] = g
	}
	outcomes := slices.Clone(a.outcomes)
	for i := range outcomes {
		o := &outcomes[i]
		o.n = r.NonNeg()
		o.counts = make([][2][3]int64, len(a.outcomes[i].counts))
		for q := range o.counts {
			for side := range 2 {
				for k := range 3 {
					o.counts[q][side][k] = r.NonNeg()
				}
			}
		}
	}
	crosses := slices.Clone(a.crosses)
	for i := range crosses {
		b := []byte(r.Str())
		if r.Err == nil {
			crosses[i].t = metrics.EmotionNPS{}
			if err := crosses[i].t.UnmarshalJSON(b); err != nil {
				r.Err = err
			}
		}
	}
	r.End()
	if r.Err != nil {
		return fail(r.Err)
	}
	a.overall, a.groups, a.outcomes, a.crosses = overall, groups, outcomes, crosses
	return nil
}

// writeLayout writes what a state must agree with: the checklist's ID
// and version, the sizes the sums are indexed by, and the options.
func (a *Aggregator) writeLayout(w *stateWriter) {
	w.Str(a.c.ID)
	w.Str(a.c.Version)
	for _, n := range []int{len(a.levels), a.maxReached, len(a.c.Bands), len(a.questions), len(a.qOrder), len(a.survey), len(a.sections), len(a.texts), len(a.outcomes), len(a.crosses)} {
		w.Uint(uint64(n))
	}
	w.Str(a.opts.GroupBy)
	w.Int(int64(effectiveTop(a.opts.TopProblems)))
	w.Int(int64(a.opts.MinN))
	w.Str(a.opts.Period)
	// Promises are overdue as of AsOf, which matters only when there
	// are promises.
	w.Uint(uint64(len(a.promises)))
	if len(a.promises) > 0 && !a.opts.AsOf.IsZero() {
		w.Str(a.opts.AsOf.Format(time.DateOnly))
	} else {
		w.Str("")
	}
	w.Uint(uint64(b2u(a.csi != nil)))
}

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

// stateWriter and stateReader add the aggregator's own records to the
// shared state format.
type stateWriter struct{ binstate.Writer }

func (w *stateWriter) moments(m *moments) {
	w.Int(m.n)
	w.Uint(m.sum.hi)
	w.Uint(m.sum.lo)
	w.Uint(m.sumSq.top)
	w.Uint(m.sumSq.mid)
	w.Uint(m.sumSq.lo)
}

func (w *stateWriter) group(a *Aggregator, g *aggGroup) error {
	w.Int(g.audits)
	w.Int(g.knockedOut)
	w.moments(&g.score)
	w.moments(&g.raw)
	for i := range g.levels {
		l := &g.levels[i]
		w.moments(&l.score)
		w.Int(l.passed)
		w.Int(l.gated)
	}
	for _, n := range g.reached {
		w.Int(n)
	}
	for _, n := range g.bands {
		w.Int(n)
	}
	for _, q := range g.questions {
		w.Int(q.applicable)
		w.Int(q.failed)
		w.Uint(q.sum.hi)
		w.Uint(q.sum.lo)
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
		case s.ces != nil:
			v = s.ces
		default: // a csi question: the index holds its ratings
			w.Str("")
			continue
		}
		b, err := json.Marshal(v)
		if err != nil {
			return err
		}
		w.Str(string(b))
	}
	for i := range g.sections {
		w.moments(&g.sections[i])
	}
	w.Int(g.critTotal)
	w.Uint(uint64(len(g.crit)))
	for _, e := range g.crit {
		w.Str(e.audit)
		w.Str(e.date)
		w.Uint(uint64(e.pos))
		w.Str(e.place)
	}
	w.Int(g.commentsTotal)
	w.Uint(uint64(len(g.comments)))
	for _, e := range g.comments {
		w.Str(e.audit)
		w.Str(e.date)
		w.Str(e.text)
		w.Uint(uint64(e.index))
		w.Str(e.place)
	}
	keys := slices.Sorted(maps.Keys(g.periods))
	w.Uint(uint64(len(keys)))
	for _, k := range keys {
		w.Str(k)
		w.moments(g.periods[k])
	}
	if g.csi != nil {
		b, err := json.Marshal(g.csi)
		if err != nil {
			return err
		}
		w.Str(string(b))
	}
	if len(a.promises) > 0 {
		p := &g.promises
		for _, n := range []int64{p.made, p.kept, p.broken, p.open, p.overdue} {
			w.Int(n)
		}
		w.Uint(uint64(len(p.list)))
		for _, e := range p.list {
			w.Str(e.audit)
			w.Str(e.date)
			w.Str(e.due)
			w.Uint(uint64(e.q))
		}
	}
	return nil
}

type stateReader struct{ binstate.Reader }

func (r *stateReader) moments(m *moments) {
	m.n = r.NonNeg()
	m.sum = uint128{r.Uint(), r.Uint()}
	m.sumSq = uint192{r.Uint(), r.Uint(), r.Uint()}
}

func (r *stateReader) group(a *Aggregator, g *aggGroup) {
	g.audits = r.NonNeg()
	g.knockedOut = r.NonNeg()
	r.moments(&g.score)
	r.moments(&g.raw)
	for i := range g.levels {
		l := &g.levels[i]
		r.moments(&l.score)
		l.passed = r.NonNeg()
		l.gated = r.NonNeg()
	}
	for i := range g.reached {
		g.reached[i] = r.NonNeg()
	}
	for i := range g.bands {
		g.bands[i] = r.NonNeg()
	}
	for i := range g.questions {
		q := &g.questions[i]
		q.applicable = r.NonNeg()
		q.failed = r.NonNeg()
		q.sum = uint128{r.Uint(), r.Uint()}
	}
	for i := range g.survey {
		b := []byte(r.Str())
		if r.Err != nil {
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
		case s.ces == nil: // a csi question, saved as ""
			if len(b) > 0 {
				err = errors.New("a state for a question without one")
			}
		default:
			err = s.ces.UnmarshalJSON(b)
			if err == nil && s.ces.Scale() != a.survey[i].scale {
				err = fmt.Errorf("CES on %v, want %v: %w", s.ces.Scale(), a.survey[i].scale, metrics.ErrState)
			}
		}
		if err != nil {
			r.Err = fmt.Errorf("survey question %q: %w", a.survey[i].q.ID, err)
			return
		}
	}
	for i := range g.sections {
		r.moments(&g.sections[i])
	}
	g.critTotal = r.NonNeg()
	n := r.Count(4)
	if n > MaxCriticalFailures {
		r.Err = fmt.Errorf("%d critical failures listed, at most %d are kept", n, MaxCriticalFailures)
	}
	for range n {
		e := critEntry{audit: r.Str(), date: r.Str(), pos: r.Index(len(a.qOrder)), place: r.Str()}
		g.crit = append(g.crit, e)
	}
	g.commentsTotal = r.NonNeg()
	n = r.Count(5)
	if n > MaxComments {
		r.Err = fmt.Errorf("%d comments listed, at most %d are kept", n, MaxComments)
	}
	for range n {
		e := commentEntry{audit: r.Str(), date: r.Str(), text: r.Str(), index: r.Index(len(a.texts)), place: r.Str()}
		g.comments = append(g.comments, e)
	}
	n = r.Count(7)
	for range n {
		k := r.Str()
		m := new(moments)
		r.moments(m)
		if r.Err != nil {
			return
		}
		if g.periods == nil {
			g.periods = make(map[string]*moments)
		}
		g.periods[k] = m
	}
	if r.Err == nil && (!slices.IsSortedFunc(g.crit, compareCrit) || !slices.IsSortedFunc(g.comments, compareComment)) {
		r.Err = errors.New("critical failures or comments out of order")
	}
	if g.csi != nil {
		b := []byte(r.Str())
		if r.Err != nil {
			return
		}
		var saved metrics.CSIRatings
		if err := saved.UnmarshalJSON(b); err != nil {
			r.Err = fmt.Errorf("satisfaction index: %w", err)
			return
		}
		// Merging into the group's empty ratings checks that they rate
		// the checklist's attributes on its scale.
		if err := g.csi.Merge(&saved); err != nil {
			r.Err = fmt.Errorf("satisfaction index: %w", err)
			return
		}
	}
	if len(a.promises) > 0 {
		p := &g.promises
		p.made, p.kept, p.broken, p.open, p.overdue = r.NonNeg(), r.NonNeg(), r.NonNeg(), r.NonNeg(), r.NonNeg()
		if r.Err == nil && (p.kept > p.made || p.broken > p.made-p.kept || p.open != p.made-p.kept-p.broken || p.overdue > p.open) {
			r.Err = errors.New("promise counts that do not add up")
		}
		n := r.Count(4)
		if r.Err == nil && (n > MaxOpenPromises || int64(n) > p.overdue) {
			r.Err = fmt.Errorf("%d overdue promises listed of %d, at most %d are kept", n, p.overdue, MaxOpenPromises)
		}
		for range n {
			e := promiseEntry{audit: r.Str(), date: r.Str(), due: r.Str(), q: r.Index(len(a.promises))}
			p.list = append(p.list, e)
		}
		if r.Err == nil && !slices.IsSortedFunc(p.list, comparePromise) {
			r.Err = errors.New("overdue promises out of order")
		}
	}
}
