package report

import (
	"cmp"
	"slices"
	"time"

	"github.com/cxkit/cxkit/korto"
)

// Auditor is what the audits say of the auditor who made them, where
// the form recorded when each visit started and ended (the "started"
// and "ended" audit fields that `cxkit import` fills from a form's
// start and end): to audit the auditors.
type Auditor struct {
	// Auditor is the audit field "auditor"; korto.NoGroup for audits
	// without one.
	Auditor string `json:"auditor"`
	Visits  int    `json:"visits"` // audits kept
	Timed   int    `json:"timed"`  // of which with a start and an end
	// MedianMinutes is the median length of the timed visits, in
	// minutes; nil when none is timed.
	MedianMinutes *float64 `json:"median_minutes"`
	// Short lists the visits shorter than Options.MinDuration, by id.
	Short []ShortVisit `json:"short,omitempty"`
}

// ShortVisit is a visit that took less time than Options.MinDuration.
type ShortVisit struct {
	ID      string  `json:"id"`
	Minutes float64 `json:"minutes"`
}

// auditorLog gathers the auditors' visits in one worker.
type auditorLog map[string]*auditorAcc

type auditorAcc struct {
	visits  int
	minutes []float64
	short   []ShortVisit
}

// add notes a kept sheet.
func (l auditorLog) add(sheet *korto.Sheet, minDuration time.Duration) {
	name := sheet.Audit["auditor"]
	if name == "" {
		name = korto.NoGroup
	}
	a := l[name]
	if a == nil {
		a = &auditorAcc{}
		l[name] = a
	}
	a.visits++
	d, ok := visitLength(sheet.Audit["started"], sheet.Audit["ended"])
	if !ok {
		return
	}
	a.minutes = append(a.minutes, d.Minutes())
	if minDuration > 0 && d < minDuration {
		a.short = append(a.short, ShortVisit{ID: sheet.Audit["id"], Minutes: d.Minutes()})
	}
}

// merge adds o's visits to l.
func (l auditorLog) merge(o auditorLog) {
	for name, b := range o {
		a := l[name]
		if a == nil {
			l[name] = b
			continue
		}
		a.visits += b.visits
		a.minutes = append(a.minutes, b.minutes...)
		a.short = append(a.short, b.short...)
	}
}

// list returns the auditors by name, or nil when no visit is timed (the
// forms did not record the times).
func (l auditorLog) list() []Auditor {
	timed := false
	for _, a := range l {
		timed = timed || len(a.minutes) > 0
	}
	if !timed {
		return nil
	}
	out := make([]Auditor, 0, len(l))
	for name, a := range l {
		au := Auditor{Auditor: name, Visits: a.visits, Timed: len(a.minutes)}
		if len(a.minutes) > 0 {
			slices.Sort(a.minutes)
			n := len(a.minutes)
			m := a.minutes[n/2]
			if n%2 == 0 { // the mean of the two middle ones
				m = (a.minutes[n/2-1] + a.minutes[n/2]) / 2
			}
			au.MedianMinutes = &m
		}
		au.Short = slices.SortedFunc(slices.Values(a.short), func(x, y ShortVisit) int {
			return cmp.Or(cmp.Compare(x.ID, y.ID), cmp.Compare(x.Minutes, y.Minutes))
		})
		out = append(out, au)
	}
	slices.SortFunc(out, func(x, y Auditor) int { return cmp.Compare(x.Auditor, y.Auditor) })
	return out
}

// visitLength is how long a visit took from its start and end times, as
// forms record them (RFC 3339, with or without a zone or seconds); ok
// is false when either is missing or unreadable, or the end is before
// the start.
func visitLength(started, ended string) (time.Duration, bool) {
	s, ok1 := parseVisitTime(started)
	e, ok2 := parseVisitTime(ended)
	if !ok1 || !ok2 || e.Before(s) {
		return 0, false
	}
	return e.Sub(s), true
}

var visitTimeLayouts = []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02T15:04", "2006-01-02 15:04"}

func parseVisitTime(v string) (time.Time, bool) {
	for _, layout := range visitTimeLayouts {
		if t, err := time.Parse(layout, v); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}
