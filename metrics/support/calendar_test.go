package support_test

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/internal/strictjson"
	"github.com/cxkit/cxkit/metrics/support"
)

func mustCal(t *testing.T, cfg support.CalendarConfig) *support.Calendar {
	t.Helper()
	c, err := support.NewCalendar(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestCalendarBetween(t *testing.T) {
	utc := support.Weekdays9to5(nil)
	berlin := mustCal(t, support.CalendarConfig{TimeZone: "Europe/Berlin", Week: map[string][]string{
		"mon": {"09:00-17:00"}, "tue": {"09:00-17:00"}, "wed": {"09:00-17:00"}, "thu": {"09:00-17:00"},
		"fri": {"09:00-17:00"}, "sat": {"22:00-06:00"}, "sun": {"22:00-06:00"},
	}, Holidays: []string{"2026-12-25"}})
	split := mustCal(t, support.CalendarConfig{Week: map[string][]string{"mon": {"09:00-13:00", "14:00-18:00"}}})
	night := mustCal(t, support.CalendarConfig{TimeZone: "America/New_York", Week: map[string][]string{"sat": {"22:00-06:00"}}})
	full := mustCal(t, support.CalendarConfig{Week: map[string][]string{"mon": {"00:00-24:00"}, "tue": {"00:00-24:00"}}})
	be, _ := time.LoadLocation("Europe/Berlin")
	ny, _ := time.LoadLocation("America/New_York")
	u := func(s string) time.Time { x, _ := time.ParseInLocation("2006-01-02 15:04", s, time.UTC); return x }
	b := func(s string) time.Time { x, _ := time.ParseInLocation("2006-01-02 15:04", s, be); return x }
	n := func(s string) time.Time { x, _ := time.ParseInLocation("2006-01-02 15:04", s, ny); return x }
	for _, c := range []struct {
		name string
		cal  *support.Calendar
		a, b time.Time
		want time.Duration
	}{
		{"08:30 message answered 09:15", utc, u("2026-11-02 08:30"), u("2026-11-02 09:15"), 15 * time.Minute},
		{"inside one day", utc, u("2026-11-02 10:00"), u("2026-11-02 12:30"), 150 * time.Minute},
		{"evening to next morning", utc, u("2026-11-02 16:00"), u("2026-11-03 10:00"), 2 * time.Hour},
		{"Friday to Monday", utc, u("2026-11-06 16:00"), u("2026-11-09 12:00"), 4 * time.Hour},
		{"all weekend", utc, u("2026-11-07 00:00"), u("2026-11-09 00:00"), 0},
		{"one week", utc, u("2026-11-02 00:00"), u("2026-11-09 00:00"), 40 * time.Hour},
		{"reversed", utc, u("2026-11-02 12:00"), u("2026-11-02 10:00"), 0},
		{"lunch break", split, u("2026-11-02 12:00"), u("2026-11-02 15:00"), 2 * time.Hour},
		{"holiday Friday", berlin, b("2026-12-24 16:00"), b("2026-12-25 16:00"), time.Hour},
		{"time zone: 09:00 Berlin is 08:00 UTC", berlin, u("2026-11-02 07:00"), u("2026-11-02 09:00"), time.Hour},
		// 2026-03-29: Berlin clocks go 02:00 -> 03:00; the Saturday night
		// shift 22:00-06:00 lasts seven real hours.
		{"overnight shift across spring DST", berlin, b("2026-03-28 12:00"), b("2026-03-29 12:00"), 7 * time.Hour},
		// 2026-10-25: 03:00 -> 02:00; the Saturday night shift lasts nine.
		{"overnight shift across autumn DST", berlin, b("2026-10-24 12:00"), b("2026-10-25 12:00"), 9 * time.Hour},
		{"overnight shift entered midway", berlin, b("2026-11-08 02:00"), b("2026-11-08 12:00"), 4 * time.Hour},
		// 2026-11-01: New York goes 02:00 EDT -> 01:00 EST.
		{"New York fall back", night, n("2026-10-31 21:00"), n("2026-11-01 07:00"), 9 * time.Hour},
		{"24-hour days", full, u("2026-11-02 12:00"), u("2026-11-04 12:00"), 36 * time.Hour},
	} {
		if got := c.cal.Between(c.a, c.b); got != c.want {
			t.Errorf("%s: Between = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestCalendarAdd(t *testing.T) {
	utc := support.Weekdays9to5(nil)
	berlin := mustCal(t, support.CalendarConfig{TimeZone: "Europe/Berlin", Week: map[string][]string{
		"sat": {"22:00-06:00"}, "mon": {"09:00-17:00"},
	}, Holidays: []string{"2026-11-09"}})
	u := func(s string) time.Time { x, _ := time.ParseInLocation("2006-01-02 15:04", s, time.UTC); return x }
	be, _ := time.LoadLocation("Europe/Berlin")
	b := func(s string) time.Time { x, _ := time.ParseInLocation("2006-01-02 15:04", s, be); return x }
	for _, c := range []struct {
		name string
		cal  *support.Calendar
		t    time.Time
		d    time.Duration
		want time.Time
	}{
		{"4 business hours from Friday 16:00", utc, u("2026-11-06 16:00"), 4 * time.Hour, u("2026-11-09 12:00")},
		{"within the day", utc, u("2026-11-02 10:00"), 2 * time.Hour, u("2026-11-02 12:00")},
		{"ends exactly at closing", utc, u("2026-11-02 10:00"), 7 * time.Hour, u("2026-11-02 17:00")},
		{"from before opening", utc, u("2026-11-02 06:00"), time.Hour, u("2026-11-02 10:00")},
		{"zero moves to the next working minute", utc, u("2026-11-07 12:00"), 0, u("2026-11-09 09:00")},
		{"two working days", utc, u("2026-11-02 09:00"), 16 * time.Hour, u("2026-11-03 17:00")},
		{"night shift across spring DST", berlin, b("2026-03-28 21:00"), 5 * time.Hour, b("2026-03-29 04:00")},
		{"holiday Monday skipped", berlin, b("2026-11-08 12:00"), time.Hour, b("2026-11-14 23:00")},
	} {
		got, err := c.cal.Add(c.t, c.d)
		if err != nil || !got.Equal(c.want) {
			t.Errorf("%s: Add = %v, %v; want %v", c.name, got, err, c.want)
		}
		// Add and Between agree: the working time up to the deadline is d.
		if got, _ := c.cal.Add(c.t, c.d); c.cal.Between(c.t, got) != c.d {
			t.Errorf("%s: Between(t, Add(t, d)) = %v, want %v", c.name, c.cal.Between(c.t, got), c.d)
		}
	}
	if _, err := utc.Add(u("2026-11-02 10:00"), -time.Hour); err == nil {
		t.Error("negative duration: want an error")
	}
}

func TestCalendarErrors(t *testing.T) {
	_, err := support.ParseCalendar([]byte(`{"time_zone": "Mars/Olympus", "week": {"mon": ["9-17"], "funday": ["09:00-17:00"], "tue": ["09:00-13:00", "12:00-18:00"], "wed": ["24:00-08:00", "10:00-25:00"]}, "holidays": ["1 May"]}`))
	if err == nil {
		t.Fatal("want errors")
	}
	for _, want := range []string{"/time_zone: unknown time zone \"Mars/Olympus\"", `/week/mon/0: "9-17"`, "/week/funday: unknown day", "/week/tue: shifts overlap", "24:00", "25:00", `/holidays/0: "1 May"`} {
		if !strings.Contains(support.Shown(err), want) {
			t.Errorf("error does not mention %q:\n%v", want, support.Shown(err))
		}
	}
	if l := diag.As(err); len(l) != 7 || l[0].Code != diag.CodeBadCalendar {
		t.Errorf("want 7 diagnostics, each %s: %v", diag.CodeBadCalendar, support.Shown(err))
	}
	if _, err := support.ParseCalendar([]byte(`{"week": {}}`)); err == nil || !strings.Contains(err.Error(), "no working hours") {
		t.Errorf("empty week: %v", err)
	}
	if _, err := support.ParseCalendar([]byte(`{"week": {"mon": ["09:00-17:00"]}, "zone": "UTC"}`)); err == nil {
		t.Error("unknown field: want an error")
	}
	// Every Monday a holiday: Add gives up instead of looping.
	var hol []string
	for d := time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC); d.Year() < 2038; d = d.AddDate(0, 0, 7) {
		hol = append(hol, d.Format(time.DateOnly))
	}
	c := mustCal(t, support.CalendarConfig{Week: map[string][]string{"mon": {"09:00-17:00"}}, Holidays: hol})
	if _, err := c.Add(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), time.Hour); err == nil {
		t.Error("no working time for years: want an error")
	}
}

// Add and Between are inverse on any calendar: the working time from t
// to Add(t, d) is d, and Between never exceeds the wall-clock time.
func FuzzCalendar(f *testing.F) {
	f.Add("09:00-17:00", "22:00-06:00", int64(1774735200), int64(5*3600))
	f.Add("00:00-24:00", "10:00-10:30", int64(1792368000), int64(90*60))
	f.Add("08:00-08:01", "23:59-00:01", int64(1774738800), int64(7200))
	f.Fuzz(func(t *testing.T, weekday, weekend string, start, dur int64) {
		c, err := support.NewCalendar(support.CalendarConfig{TimeZone: "Europe/Berlin", Week: map[string][]string{
			"mon": {weekday}, "wed": {weekday}, "fri": {weekday}, "sat": {weekend},
		}})
		if err != nil {
			return
		}
		from := time.Unix(start%(1<<34), 0)
		d := time.Duration(dur%(30*24*3600)) * time.Second
		if d < 0 {
			d = -d
		}
		to, err := c.Add(from, d)
		if err != nil {
			t.Fatal(err)
		}
		if got := c.Between(from, to); got != d {
			t.Fatalf("Between(%v, Add(%v)) = %v", from, d, got)
		}
		if to.Sub(from) < d {
			t.Fatalf("deadline %v is less than %v after %v", to, d, from)
		}
	})
}

// An overnight shift may run into the next day's first shift; the hours
// both cover are worked once, so business time never exceeds wall time.
func TestCalendarShiftsOverlappingAcrossDays(t *testing.T) {
	cal := mustCal(t, support.CalendarConfig{Week: map[string][]string{
		"mon": {"22:00-06:00"}, "tue": {"05:00-13:00"},
	}})
	berlin := mustCal(t, support.CalendarConfig{TimeZone: "Europe/Berlin", Week: map[string][]string{
		"sat": {"22:00-06:00"}, "sun": {"00:00-24:00"},
	}})
	u := func(s string) time.Time { x, _ := time.ParseInLocation("2006-01-02 15:04", s, time.UTC); return x }
	be, _ := time.LoadLocation("Europe/Berlin")
	b := func(s string) time.Time { x, _ := time.ParseInLocation("2006-01-02 15:04", s, be); return x }
	for _, c := range []struct {
		name string
		cal  *support.Calendar
		a, b time.Time
		want time.Duration
	}{
		{"the overlapping hour", cal, u("2026-11-03 05:00"), u("2026-11-03 06:00"), time.Hour},
		{"both shifts whole", cal, u("2026-11-02 12:00"), u("2026-11-03 18:00"), 15 * time.Hour},
		// 2026-10-25, autumn DST: Sunday 00:00-24:00 is 25 hours and
		// the Saturday night shift adds only its two hours before midnight.
		{"night shift into a full Sunday", berlin, b("2026-10-24 12:00"), b("2026-10-26 12:00"), 27 * time.Hour},
	} {
		if got := c.cal.Between(c.a, c.b); got != c.want {
			t.Errorf("%s: Between = %v, want %v", c.name, got, c.want)
		}
		if c.b.Sub(c.a) == c.want {
			continue
		}
		got, err := c.cal.Add(c.a, c.want)
		if err != nil {
			t.Errorf("%s: Add: %v", c.name, err)
		}
		if back := c.cal.Between(c.a, got); back != c.want {
			t.Errorf("%s: Between(a, Add(a, %v)) = %v", c.name, c.want, back)
		}
	}
	// Add walks the same shifts: two hours from Tuesday 05:00 end at 07:00.
	got, err := cal.Add(u("2026-11-03 05:00"), 2*time.Hour)
	if want := u("2026-11-03 07:00"); err != nil || !got.Equal(want) {
		t.Errorf("Add(Tue 05:00, 2h) = %v, %v; want %v", got, err, want)
	}
}

// TestParseCalendarStrict: the calendar is decoded as strictly as a
// checklist, and a decoding error carries its position. The wrong case,
// the second "week" and the data after the calendar were accepted
// before; the unknown field was reported without a position.
func TestParseCalendarStrict(t *testing.T) {
	tests := []struct {
		name, in string
		want     decodeProblem
	}{
		{"unknown field", "{\"week\": {\"mon\": [\"09:00-17:00\"]},\n \"timezone\": \"UTC\"}", decodeProblem{
			Err:  `2:2: unknown field "timezone" in the calendar; did you mean "time_zone"?`,
			Kind: strictjson.UnknownName, Offset: 36, Line: 2, Column: 2, Pointer: "/timezone",
		}},
		{"name in the wrong case", `{"Week": {"mon": ["09:00-17:00"]}}`, decodeProblem{
			Err:  `1:2: unknown field "Week" in the calendar; did you mean "week"?`,
			Kind: strictjson.UnknownName, Offset: 1, Line: 1, Column: 2, Pointer: "/Week",
		}},
		{"field given twice", `{"week": {"mon": ["09:00-17:00"]}, "week": {"tue": ["09:00-17:00"]}}`, decodeProblem{
			Err:  `1:36: field "week" is given twice in the calendar`,
			Kind: strictjson.DuplicateName, Offset: 35, Line: 1, Column: 36, Pointer: "/week",
		}},
		{"weekday given twice", `{"week": {"mon": ["09:00-12:00"], "mon": ["13:00-17:00"]}}`, decodeProblem{
			Err:  `1:35: field "mon" is given twice in /week`,
			Kind: strictjson.DuplicateName, Offset: 34, Line: 1, Column: 35, Pointer: "/week/mon",
		}},
		{"data after the calendar", `{"week": {"mon": ["09:00-17:00"]}} {"week": {}}`, decodeProblem{
			Err:  `1:36: JSON syntax: invalid character '{' after top-level value`,
			Kind: strictjson.Syntax, Offset: 35, Line: 1, Column: 36,
		}},
		{"wrong type", `{"week": {"mon": "09:00-17:00"}}`, decodeProblem{
			Err:  `1:18: /week/mon: want an array, not a string`,
			Kind: strictjson.WrongType, Offset: 17, Line: 1, Column: 18, Pointer: "/week/mon",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := support.ParseCalendar([]byte(tt.in))
			if c != nil {
				t.Error("a calendar came back with the error")
			}
			if d := cmp.Diff(tt.want, asDecodeProblem(t, err)); d != "" {
				t.Errorf("ParseCalendar(%q) (-want +got):\n%s", tt.in, d)
			}
		})
	}
}

// "Local" is the host's zone: results would change from machine to
// machine, so a calendar must name its zone.
func TestCalendarRefusesLocalZone(t *testing.T) {
	_, err := support.NewCalendar(support.CalendarConfig{TimeZone: "Local"})
	if err == nil || !strings.Contains(err.Error(), "depends on the machine") {
		t.Errorf("err %v, want Local refused", err)
	}
	if _, err := support.LoadZone("Europe/Moscow"); err != nil {
		t.Errorf("Europe/Moscow: %v", err)
	}
}
