package report

import (
	"cmp"
	"errors"
	"slices"
	"strconv"
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

// An AuditorLog gathers the auditors' visits: per auditor the number of
// visits, the length of every timed one and the visits shorter than
// its minimum duration. Run keeps one per worker and merges them; its
// state can be saved (MarshalBinary) so that logs of other files or
// machines merge into one exactly.
//
// An exact median needs every length, so the log grows with the timed
// visits: eight bytes each (a time.Duration), plus the id of each short
// one. The zero AuditorLog is an empty log that flags no visit.
type AuditorLog struct {
	minDuration time.Duration
	auditors    map[string]*auditorVisits
}

type auditorVisits struct {
	visits  int64
	lengths []time.Duration // of the timed visits, as met; sorted by Auditors and MarshalBinary
	short   []shortVisit
}

type shortVisit struct {
	id     string
	length time.Duration
}

func compareShort(x, y shortVisit) int {
	return cmp.Or(cmp.Compare(x.id, y.id), cmp.Compare(x.length, y.length))
}

// NewAuditorLog returns an empty log that flags the visits shorter than
// minDuration; 0 (or less) flags none.
func NewAuditorLog(minDuration time.Duration) *AuditorLog {
	return &AuditorLog{minDuration: max(minDuration, 0)}
}

// MinDuration is the length below which the log flags a visit.
func (l *AuditorLog) MinDuration() time.Duration { return l.minDuration }

// Add notes a kept audit by its fields: "auditor" names the auditor
// (korto.NoGroup when missing), "started" and "ended" time the visit
// when both are there and readable (see Auditor), "id" names it when
// it is short.
func (l *AuditorLog) Add(audit map[string]string) {
	name := audit["auditor"]
	if name == "" {
		name = korto.NoGroup
	}
	a := l.auditor(name)
	a.visits++
	d, ok := visitLength(audit["started"], audit["ended"])
	if !ok {
		return
	}
	a.lengths = append(a.lengths, d)
	if d < l.minDuration {
		a.short = append(a.short, shortVisit{id: audit["id"], length: d})
	}
}

func (l *AuditorLog) auditor(name string) *auditorVisits {
	if l.auditors == nil {
		l.auditors = map[string]*auditorVisits{}
	}
	a := l.auditors[name]
	if a == nil {
		a = &auditorVisits{}
		l.auditors[name] = a
	}
	return a
}

// Merge adds o's visits to l. Both must flag the same visits: logs with
// different minimum durations do not merge.
func (l *AuditorLog) Merge(o *AuditorLog) error {
	if o.minDuration != l.minDuration {
		return errMinDuration(l.minDuration, o.minDuration)
	}
	for name, b := range o.auditors {
		a := l.auditor(name)
		a.visits += b.visits
		a.lengths = append(a.lengths, b.lengths...)
		a.short = append(a.short, b.short...)
	}
	return nil
}

// Auditors returns the auditors by name, or nil when no visit is timed
// (the forms did not record the times).
func (l *AuditorLog) Auditors() []Auditor {
	timed := false
	for _, a := range l.auditors {
		timed = timed || len(a.lengths) > 0
	}
	if !timed {
		return nil
	}
	out := make([]Auditor, 0, len(l.auditors))
	for name, a := range l.auditors {
		au := Auditor{Auditor: name, Visits: int(a.visits), Timed: len(a.lengths)}
		if n := len(a.lengths); n > 0 {
			slices.Sort(a.lengths)
			m := a.lengths[n/2].Minutes()
			if n%2 == 0 { // the mean of the two middle ones
				m = (a.lengths[n/2-1].Minutes() + a.lengths[n/2].Minutes()) / 2
			}
			au.MedianMinutes = &m
		}
		slices.SortFunc(a.short, compareShort)
		for _, s := range a.short {
			au.Short = append(au.Short, ShortVisit{ID: s.id, Minutes: s.length.Minutes()})
		}
		out = append(out, au)
	}
	slices.SortFunc(out, func(x, y Auditor) int { return cmp.Compare(x.Auditor, y.Auditor) })
	return out
}

// ParseMinDuration reads a minimum visit length (Options.MinDuration)
// as Go writes a duration ("20m", "1h30m") or as a number of minutes
// ("20"), as cxkit report's --min-duration takes it.
func ParseMinDuration(s string) (time.Duration, error) {
	d, err := time.ParseDuration(s)
	if err != nil {
		x, nerr := strconv.ParseFloat(s, 64)
		if nerr != nil || x < 0 || x > 1e6 {
			return 0, errors.New("want a duration such as 20m or 1h, or minutes such as 20")
		}
		d = time.Duration(x * float64(time.Minute))
	}
	if d < 0 {
		return 0, errors.New("a duration cannot be negative")
	}
	return d, nil
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
	if v == "" {
		return time.Time{}, false // most sheets have no times: fail without five errors
	}
	for _, layout := range visitTimeLayouts {
		if t, err := time.Parse(layout, v); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}
