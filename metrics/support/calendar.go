package support

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // time zones by IANA name on machines without zoneinfo

	"github.com/go-json-experiment/json/jsontext"
	"github.com/invopop/jsonschema"

	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/internal/strictjson"
)

// Calendar is a team's business hours: a weekly schedule in a named time
// zone, minus holidays. Durations measured on a calendar count only the
// time inside working hours, so a message at 08:30 answered at 09:15 on
// a 09:00-17:00 day took 15 business minutes.
//
// A shift whose end is not after its start runs overnight: "22:00-06:00"
// on Monday covers Monday 22:00 to Tuesday 06:00. Shifts are wall-clock
// times, so on the night clocks change a 22:00-06:00 shift is seven or
// nine hours long, as the people working it experience it. A holiday
// removes the shifts that start on that date.
//
// The zero Calendar has no working hours, in UTC: Between gives zero and
// Add an error, and an [Accumulator] refuses it. Make a calendar with
// [NewCalendar], [ParseCalendar] or [Weekdays9to5].
type Calendar struct {
	loc      *time.Location
	week     [7][]shift // by time.Weekday
	holidays map[civilDate]bool
}

// shift is a working interval in minutes after local midnight; end may
// exceed 24*60 for overnight shifts.
type shift struct{ start, end int }

type civilDate struct {
	y int
	m time.Month
	d int
}

func dateOf(t time.Time) civilDate {
	y, m, d := t.Date()
	return civilDate{y, m, d}
}

// CalendarConfig is the JSON form of a [Calendar]:
//
//	{"time_zone": "Europe/Moscow",
//	 "week": {"mon": ["09:00-18:00"], "tue": ["09:00-13:00", "14:00-18:00"]},
//	 "holidays": ["2026-01-01", "2026-01-02"]}
//
// Days left out of week are days off. "24:00" may end a shift.
type CalendarConfig struct {
	// Schema is the file's "$schema", which editors use to check it
	// against [CalendarSchema]; it is read so that a file naming its
	// schema decodes, and used for nothing else.
	Schema string `json:"$schema,omitempty"`
	// TimeZone is an IANA name such as "Europe/Moscow"; "" is UTC.
	TimeZone string `json:"time_zone,omitempty" jsonschema:"description=IANA time zone name such as Europe/Moscow; UTC when empty"`
	// Week maps a weekday ("mon" to "sun", in any case) to its shifts,
	// "HH:MM-HH:MM" each.
	Week map[string][]string `json:"week" jsonschema:"description=working hours per weekday (mon..sun) as HH:MM-HH:MM shifts; a shift ending before it starts runs overnight"`
	// Holidays are dates ("2026-01-01") whose shifts do not happen.
	Holidays []string `json:"holidays,omitempty" jsonschema:"description=dates (YYYY-MM-DD) with no working hours"`
}

var weekdayNames = map[string]time.Weekday{
	"sun": time.Sunday, "mon": time.Monday, "tue": time.Tuesday, "wed": time.Wednesday,
	"thu": time.Thursday, "fri": time.Friday, "sat": time.Saturday,
}

// LoadZone returns the IANA time zone name, such as Europe/Moscow. It
// refuses "Local", which time.LoadLocation takes as the host's zone: the
// same tickets would give other results on another machine.
func LoadZone(name string) (*time.Location, error) {
	if name == "Local" || name == "" {
		return nil, fmt.Errorf("time zone %q depends on the machine: name the zone, such as Europe/Moscow", name)
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, fmt.Errorf("unknown time zone %q (want an IANA name such as Europe/Moscow)", name)
	}
	return loc, nil
}

// NewCalendar builds a calendar from its configuration, reporting every
// mistake at once.
func NewCalendar(cfg CalendarConfig) (*Calendar, error) {
	var errs diag.List
	bad := func(ptr jsontext.Pointer, err error) {
		errs = append(errs, &diag.Diagnostic{Pointer: string(ptr), Code: diag.CodeBadCalendar, Message: err.Error(), Err: err})
	}
	c := &Calendar{loc: time.UTC, holidays: map[civilDate]bool{}}
	if cfg.TimeZone != "" {
		loc, err := LoadZone(cfg.TimeZone)
		if err != nil {
			bad("/time_zone", err)
		} else {
			c.loc = loc
		}
	}
	days := slices.Sorted(maps.Keys(cfg.Week))
	for _, d := range days {
		wd, ok := weekdayNames[strings.ToLower(d)]
		if !ok {
			bad(jsontext.Pointer("/week").AppendToken(d), fmt.Errorf("unknown day %q (want mon, tue, wed, thu, fri, sat or sun)", d))
			continue
		}
		for i, s := range cfg.Week[d] {
			sh, err := parseShift(s)
			if err != nil {
				bad(jsontext.Pointer("/week").AppendToken(d).AppendToken(strconv.Itoa(i)), err)
				continue
			}
			c.week[wd] = append(c.week[wd], sh)
		}
		slices.SortFunc(c.week[wd], func(a, b shift) int { return a.start - b.start })
		for i := 1; i < len(c.week[wd]); i++ {
			if c.week[wd][i].start < c.week[wd][i-1].end {
				bad(jsontext.Pointer("/week").AppendToken(d), errors.New("shifts overlap"))
				break
			}
		}
	}
	for i, h := range cfg.Holidays {
		t, err := time.Parse(time.DateOnly, h)
		if err != nil {
			bad(jsontext.Pointer("/holidays").AppendToken(strconv.Itoa(i)), fmt.Errorf("%q is not a date like 2026-01-01", h))
			continue
		}
		c.holidays[dateOf(t)] = true
	}
	if len(errs) == 0 && c.empty() {
		bad("/week", errors.New("no working hours at all"))
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return c, nil
}

// ParseCalendar reads a calendar's JSON form ([CalendarConfig]) and
// builds it with [NewCalendar].
//
// The JSON is read as strictly as a checklist: a field the form does
// not have (or one in the wrong case), a field or weekday given twice
// and anything after the calendar are errors, each placed at its line
// and column with the JSON Pointer of the value at fault, as
// "2:2: unknown field "timezone" in the calendar; did you mean
// "time_zone"?". Every problem is a *diag.Diagnostic in a [diag.List];
// a decoding error has a [*DecodeError] behind it, for errors.As.
func ParseCalendar(data []byte) (*Calendar, error) {
	var cfg CalendarConfig
	if err := strictjson.Decode(data, &cfg, "the calendar"); err != nil {
		return nil, strictjson.Diagnostics(err)
	}
	return NewCalendar(cfg)
}

// Weekdays9to5 returns the common Monday to Friday, 09:00-17:00 calendar
// in loc (UTC when nil), without holidays.
func Weekdays9to5(loc *time.Location) *Calendar {
	if loc == nil {
		loc = time.UTC
	}
	c := &Calendar{loc: loc, holidays: map[civilDate]bool{}}
	for d := time.Monday; d <= time.Friday; d++ {
		c.week[d] = []shift{{9 * 60, 17 * 60}}
	}
	return c
}

// Location returns the calendar's time zone (UTC for the zero Calendar).
func (c *Calendar) Location() *time.Location {
	if c.loc == nil {
		return time.UTC
	}
	return c.loc
}

func (c *Calendar) empty() bool {
	for _, d := range c.week {
		if len(d) > 0 {
			return false
		}
	}
	return true
}

func parseShift(s string) (shift, error) {
	from, to, ok := strings.Cut(strings.ReplaceAll(s, " ", ""), "-")
	if !ok {
		return shift{}, fmt.Errorf("%q is not a shift like 09:00-17:00", s)
	}
	a, err1 := parseClock(from)
	b, err2 := parseClock(to)
	if err := errors.Join(err1, err2); err != nil {
		return shift{}, fmt.Errorf("%q: %v", s, err)
	}
	if a == 24*60 {
		return shift{}, fmt.Errorf("%q: a shift cannot start at 24:00", s)
	}
	if b <= a {
		b += 24 * 60 // overnight
	}
	return shift{a, b}, nil
}

func parseClock(s string) (int, error) {
	var h, m int
	if n, err := fmt.Sscanf(s, "%d:%d", &h, &m); n != 2 || err != nil || len(s) != 5 {
		return 0, fmt.Errorf("%q is not a time like 09:00", s)
	}
	if h < 0 || m < 0 || m > 59 || h > 24 || (h == 24 && m != 0) {
		return 0, fmt.Errorf("%q is not a time of day", s)
	}
	return h*60 + m, nil
}

// at returns the instant of minute min after midnight of date d, in the
// calendar's zone. Minutes past 24:00 fall on the next days; a wall time
// skipped by a DST jump resolves as the time package does.
func (c *Calendar) at(d civilDate, min int) time.Time {
	return time.Date(d.y, d.m, d.d+min/(24*60), (min%(24*60))/60, min%60, 0, 0, c.Location())
}

// Between returns the working time from a to b (zero if b is not after a).
// Time covered by two shifts (an overnight shift running into the next
// day's early one) counts once: working time never exceeds b - a.
func (c *Calendar) Between(a, b time.Time) time.Duration {
	if !b.After(a) {
		return 0
	}
	var total time.Duration
	// Shifts are visited in order of their start, so everything before
	// done has been counted already.
	done := a
	// Start a day early: an overnight shift from the day before may
	// still be running at a.
	la := a.In(c.Location())
	day := civilDate{la.Year(), la.Month(), la.Day() - 1}
	for {
		start := c.at(day, 0)
		if !start.Before(b) {
			break
		}
		day = dateOf(start) // normalise
		if !c.holidays[day] {
			for _, s := range c.week[start.Weekday()] {
				from, to := c.at(day, s.start), c.at(day, s.end)
				if from.Before(done) {
					from = done
				}
				if to.After(b) {
					to = b
				}
				if to.After(from) {
					total += to.Sub(from)
					done = to
				}
			}
		}
		day.d++
	}
	return total
}

// maxIdleDays bounds the search for working time in Add, so a calendar
// whose every working day is a holiday fails instead of looping.
const maxIdleDays = 3660

// Add returns the instant when d of working time has passed after t:
// the deadline of a target measured in business hours. A 4-hour target
// started Friday 16:00 on a Monday-Friday 09:00-17:00 calendar falls on
// Monday 12:00. Add(t, 0) is t moved to the next working minute.
func (c *Calendar) Add(t time.Time, d time.Duration) (time.Time, error) {
	if d < 0 {
		return time.Time{}, fmt.Errorf("calendar: negative duration %v", d)
	}
	if c.empty() {
		return time.Time{}, errors.New("calendar: no working hours at all")
	}
	lt := t.In(c.Location())
	day := civilDate{lt.Year(), lt.Month(), lt.Day() - 1}
	done := t
	idle := 0
	for idle < maxIdleDays {
		start := c.at(day, 0)
		day = dateOf(start)
		worked := false
		if !c.holidays[day] {
			for _, s := range c.week[start.Weekday()] {
				from, to := c.at(day, s.start), c.at(day, s.end)
				if from.Before(done) {
					from = done // counted already, as in Between
				}
				if !to.After(from) {
					continue
				}
				worked = true
				if left := to.Sub(from); d <= left {
					return from.Add(d).In(t.Location()), nil
				}
				d -= to.Sub(from)
				done = to
			}
		}
		if worked {
			idle = 0
		} else {
			idle++
		}
		day.d++
	}
	return time.Time{}, errors.New("calendar: no working time within ten years")
}

// JSONSchemaExtend constrains the weekday names and the shift format so
// editors can check them.
func (CalendarConfig) JSONSchemaExtend(s *jsonschema.Schema) {
	if w, ok := s.Properties.Get("week"); ok {
		w.PropertyNames = &jsonschema.Schema{Enum: []any{"mon", "tue", "wed", "thu", "fri", "sat", "sun"}}
		w.AdditionalProperties.Items.Pattern = `^([01][0-9]|2[0-3]):[0-5][0-9]-([01][0-9]|2[0-3]):[0-5][0-9]$|^([01][0-9]|2[0-3]):[0-5][0-9]-24:00$`
	}
	if h, ok := s.Properties.Get("holidays"); ok {
		h.Items.Format = "date"
	}
}

// CalendarSchema returns the JSON Schema of a calendar file.
func CalendarSchema() *jsonschema.Schema {
	r := &jsonschema.Reflector{DoNotReference: true}
	s := r.Reflect(&CalendarConfig{})
	s.ID = "https://cxkit.dev/schema/support-calendar.json"
	s.Title = "cxkit business-hours calendar"
	return s
}
