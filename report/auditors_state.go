package report

import (
	"bytes"
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"time"

	"github.com/cxkit/cxkit/internal/binstate"
)

// An AuditorLog's state can be saved and restored, so that the logs of
// runs over different files (Beam workers, say) travel and merge there
// exactly, medians included.
//
// The format is versioned binary (package binstate): a magic string
// naming the version, the minimum duration, then the auditors by name,
// each with its count of visits, its timed visits' lengths sorted and
// written as the first and the gaps after it, in units of the lengths'
// greatest common divisor (forms record whole seconds or minutes, so a
// gap takes a byte or two), and its short visits by id. Equal logs save
// to equal bytes whatever order the visits came in.

const auditorStatePrefix = "cxkit-auditors-"

var auditorStateMagic = []byte(auditorStatePrefix + "1\n")

// ErrAuditorState is wrapped by AuditorLog.UnmarshalBinary's errors:
// the bytes are not a state that an AuditorLog saved.
var ErrAuditorState = errors.New("not a saved auditor log")

func errMinDuration(want, got time.Duration) error {
	return fmt.Errorf("report: auditor logs that flag visits shorter than %v and %v do not merge", want, got)
}

// MarshalBinary saves the log, for UnmarshalBinary to restore (and
// Merge to pool) elsewhere. It sorts the lengths it holds, as Auditors
// does.
func (l *AuditorLog) MarshalBinary() ([]byte, error) {
	w := &binstate.Writer{B: slices.Clone(auditorStateMagic)}
	w.Int(int64(l.minDuration))
	names := slices.Sorted(maps.Keys(l.auditors))
	w.Uint(uint64(len(names)))
	for _, name := range names {
		a := l.auditors[name]
		w.Str(name)
		w.Uint(uint64(a.visits))
		slices.Sort(a.lengths)
		w.Uint(uint64(len(a.lengths)))
		unit := lengthUnit(a.lengths)
		if len(a.lengths) > 0 {
			w.Uint(uint64(unit))
		}
		prev := time.Duration(0)
		for _, d := range a.lengths {
			w.Uint(uint64((d - prev) / unit))
			prev = d
		}
		slices.SortFunc(a.short, compareShort)
		w.Uint(uint64(len(a.short)))
		for _, s := range a.short {
			w.Str(s.id)
			w.Uint(uint64(s.length / unit))
		}
	}
	return w.B, nil
}

// lengthUnit is the greatest common divisor of the lengths, or 1 when
// they are all zero (or none).
func lengthUnit(ds []time.Duration) time.Duration {
	g := time.Duration(0)
	for _, d := range ds {
		for d != 0 {
			g, d = d, g%d
		}
	}
	return max(g, 1)
}

// UnmarshalBinary replaces what l has gathered with a state saved by
// MarshalBinary. l must flag the visits the saving log flagged (made by
// NewAuditorLog with the same minimum duration; the zero log flags
// none). Anything else, or bytes that are not such a state (another
// version's, or counts no visits could have made), is an error wrapping
// ErrAuditorState, and l is left unchanged.
func (l *AuditorLog) UnmarshalBinary(b []byte) error {
	fail := func(err error) error {
		return fmt.Errorf("report: auditor state: %w: %w", err, ErrAuditorState)
	}
	r := &binstate.Reader{B: b}
	if !r.Magic(auditorStateMagic) {
		if v, ok := bytes.CutPrefix(b, []byte(auditorStatePrefix)); ok {
			v, _, _ = bytes.Cut(v[:min(len(v), 20)], []byte("\n"))
			return fail(fmt.Errorf("saved by another version of cxkit (version %q; this one reads version 1)", v))
		}
		return fail(errors.New("no cxkit auditor log header"))
	}
	fresh := &AuditorLog{minDuration: time.Duration(r.Int())}
	if r.Err == nil && fresh.minDuration != l.minDuration {
		return fail(fmt.Errorf("saved by a log that flags visits shorter than %v, not %v", fresh.minDuration, l.minDuration))
	}
	n := r.Count(4)
	if n > 0 {
		fresh.auditors = make(map[string]*auditorVisits, n)
	}
	prev := ""
	for i := range n {
		name := r.Str()
		if r.Err == nil && i > 0 && name <= prev {
			r.Err = errors.New("auditors out of order")
		}
		prev = name
		a := readAuditor(r, fresh.minDuration)
		if r.Err != nil {
			return fail(fmt.Errorf("auditor %q: %w", name, r.Err))
		}
		fresh.auditors[name] = a
	}
	r.End()
	if r.Err != nil {
		return fail(r.Err)
	}
	*l = *fresh
	return nil
}

// readAuditor reads one auditor's record and refuses what no visits
// could have made: no visits, more timed visits than visits, lengths
// out of order or in a unit that is not theirs, short visits that are
// not exactly the timed ones below the minimum duration.
func readAuditor(r *binstate.Reader, minDuration time.Duration) *auditorVisits {
	a := &auditorVisits{visits: int64(r.Uint())}
	if r.Err == nil && (a.visits <= 0 || uint64(a.visits) > math.MaxInt) {
		r.Err = errors.New("no visits, or more than this machine counts")
		return nil
	}
	n := r.Count(1)
	if r.Err == nil && int64(n) > a.visits {
		r.Err = fmt.Errorf("%d timed visits of %d", n, a.visits)
	}
	unit := time.Duration(1)
	if n > 0 {
		u := r.Uint()
		if r.Err == nil && (u == 0 || u > math.MaxInt64) {
			r.Err = errors.New("a unit of length out of range")
		}
		unit = time.Duration(u)
	}
	if r.Err != nil {
		return nil
	}
	a.lengths = make([]time.Duration, 0, n)
	sum, g := uint64(0), uint64(0)
	for range n {
		d := r.Uint()
		if r.Err == nil && d > uint64(math.MaxInt64/unit)-sum {
			r.Err = errors.New("a visit length out of range")
		}
		sum += d
		for x := sum; x != 0; {
			g, x = x, g%x
		}
		a.lengths = append(a.lengths, time.Duration(sum)*unit)
	}
	if r.Err == nil && n > 0 && g != 1 && !(g == 0 && unit == 1) {
		r.Err = errors.New("visit lengths in a unit that is not their greatest common divisor")
	}
	m := r.Count(2)
	if r.Err == nil && m > n {
		r.Err = fmt.Errorf("%d short visits of %d timed", m, n)
	}
	if r.Err != nil {
		return nil
	}
	shortLengths := make([]time.Duration, 0, m)
	for range m {
		s := shortVisit{id: r.Str()}
		d := r.Uint()
		if r.Err == nil && d > uint64(math.MaxInt64/unit) {
			r.Err = errors.New("a visit length out of range")
		}
		s.length = time.Duration(d) * unit
		if r.Err == nil && len(a.short) > 0 && compareShort(a.short[len(a.short)-1], s) > 0 {
			r.Err = errors.New("short visits out of order")
		}
		a.short = append(a.short, s)
		shortLengths = append(shortLengths, s.length)
	}
	if r.Err != nil {
		return nil
	}
	// The short visits are the timed ones under the minimum, no more,
	// no fewer.
	slices.Sort(shortLengths)
	under, _ := slices.BinarySearch(a.lengths, minDuration)
	if !slices.Equal(shortLengths, a.lengths[:under]) {
		r.Err = errors.New("short visits that are not the timed visits under the minimum duration")
		return nil
	}
	return a
}
