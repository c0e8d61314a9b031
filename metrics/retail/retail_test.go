package retail_test

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/cxkit/cxkit/metrics/retail"
)

func TestSales(t *testing.T) {
	day1 := retail.Sales{Visitors: 400, Transactions: 90, Units: 207, Revenue: 186300}
	day2 := retail.Sales{Visitors: 600, Transactions: 110, Units: 233, Revenue: 213700}
	s := day1.Add(day2)
	upt, err1 := s.UPT()
	avg, err2 := s.AverageTicket()
	conv, err3 := s.Conversion()
	if err := errors.Join(err1, err2, err3); err != nil {
		t.Fatal(err)
	}
	// 440 units / 200 receipts; 400,000 / 200; 200 / 1,000 visitors.
	if d := cmp.Diff([]float64{2.2, 2000, 0.2}, []float64{upt, avg, conv}); d != "" {
		t.Errorf("sales KPIs (-want +got):\n%s", d)
	}
	if _, err := (retail.Sales{}).UPT(); !errors.Is(err, retail.ErrNoData) {
		t.Errorf("no receipts: err = %v", err)
	}
	if _, err := (retail.Sales{Transactions: 3}).Conversion(); !errors.Is(err, retail.ErrNoData) {
		t.Errorf("no traffic: err = %v", err)
	}
	for _, bad := range []retail.Sales{{Units: -1}, {Transactions: 5, Visitors: 4}, {Transactions: 1, Revenue: -3}} {
		if _, err := bad.UPT(); err == nil || errors.Is(err, retail.ErrNoData) {
			t.Errorf("%+v: err = %v, want a validation error", bad, err)
		}
	}
}

func TestDwell(t *testing.T) {
	var a, b retail.Dwell
	for i, m := range []int{2, 4, 6, 8, 10, 12, 14, 16, 18, 20} {
		d := &a
		if i%2 == 1 {
			d = &b
		}
		if err := d.Add(time.Duration(m) * time.Minute); err != nil {
			t.Fatal(err)
		}
	}
	a.Merge(&b)
	r, err := a.Result()
	if err != nil {
		t.Fatal(err)
	}
	// Mean 11 min, median 11 min, p90 18.2 min (type 7).
	if d := cmp.Diff(retail.DwellResult{N: 10, Mean: 660, Median: 660, P90: 1092}, r); d != "" {
		t.Errorf("dwell (-want +got):\n%s", d)
	}
	var empty retail.Dwell
	if _, err := empty.Result(); !errors.Is(err, retail.ErrNoData) {
		t.Errorf("empty: %v", err)
	}
	if err := empty.Add(-time.Second); err == nil {
		t.Error("negative dwell: want an error")
	}
}

func TestObservation(t *testing.T) {
	o, err := retail.ParseObservation(mustRead(t, "../../examples/support/retail/observation.json"))
	if err != nil {
		t.Fatal(err)
	}
	mix, err := o.Mix()
	if err != nil {
		t.Fatal(err)
	}
	// 27 of 58 buyers wanted a seller; 27 / 31 served to self-served.
	if mix.Served != 27 || mix.SelfServed != 31 || mix.ServedShare != 27.0/58 || *mix.Ratio != 27.0/31 {
		t.Errorf("mix = %+v", mix)
	}
	// 104 and 151 service minutes at 80% occupancy: 104/48 -> 3 sellers,
	// 151/48 -> 4.
	got, err := o.Sellers(0.8)
	if err != nil {
		t.Fatal(err)
	}
	want := []retail.Staffing{{Hour: 12, ServicePerHour: 104, Sellers: 3}, {Hour: 13, ServicePerHour: 151, Sellers: 4}}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("sellers (-want +got):\n%s", d)
	}
	// A half-hour count on each of two days is one hour: 30 + 42
	// minutes of service -> 72 per hour -> 2 sellers at 60%.
	var p retail.Observation
	for _, h := range []retail.HourCount{{Hour: 18, Minutes: 30, Entered: 10, Served: 4, ServiceMinutes: 30}, {Hour: 18, Minutes: 30, Entered: 8, Served: 5, ServiceMinutes: 42}} {
		if err := p.Add(h); err != nil {
			t.Fatal(err)
		}
	}
	got, _ = p.Sellers(0.6)
	if d := cmp.Diff([]retail.Staffing{{Hour: 18, ServicePerHour: 72, Sellers: 2}}, got); d != "" {
		t.Errorf("half hours (-want +got):\n%s", d)
	}
	if _, err := p.Sellers(0); err == nil {
		t.Error("occupancy 0: want an error")
	}
	_, err = retail.ParseObservation([]byte(`[{"hour": 25, "entered": 1}, {"hour": 9, "entered": 2, "served": 2, "self_served": 1}, {"hour": 10, "minutes": 90}]`))
	for _, want := range []string{"/0: hour 25", "/1: hour 9: 1 self-served + 2 served", "/2: hour 10: 90 minutes"} {
		if err == nil || !strings.Contains(retail.Shown(err), want) {
			t.Errorf("error lacks %q: %v", want, retail.Shown(err))
		}
	}
}

func mustRead(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Merging two observers' full hours adds up to 120 minutes of watching:
// more than one count may hold, but a sum of counts, and it must survive
// the merge whole.
func TestObservationMergeSameHour(t *testing.T) {
	day := func(entered, served, self int, service float64) *retail.Observation {
		var o retail.Observation
		if err := o.Add(retail.HourCount{Hour: 10, Entered: entered, Served: served, SelfServed: self, ServiceMinutes: service}); err != nil {
			t.Fatal(err)
		}
		return &o
	}
	twoDays := day(10, 4, 4, 30)
	twoDays.Merge(day(12, 6, 2, 60)) // hour 10 now holds 120 minutes
	var merged retail.Observation
	merged.Merge(twoDays) // as a central office merges a store's tally
	mix, err := merged.Mix()
	if err != nil {
		t.Fatal(err)
	}
	// 22 entered, 10 served, 6 self-served.
	if mix.Entered != 22 || mix.Served != 10 || mix.SelfServed != 6 {
		t.Errorf("mix = %+v, want 22 entered, 10 served, 6 self-served", mix)
	}
	// 90 service minutes over 120 observed minutes is 45 an hour: one
	// seller at 75% occupancy.
	got, err := merged.Sellers(0.75)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff([]retail.Staffing{{Hour: 10, ServicePerHour: 45, Sellers: 1}}, got); d != "" {
		t.Errorf("sellers (-want +got):\n%s", d)
	}
}

// An observation file is read as strictly as a checklist: a misspelt or
// repeated field would otherwise be dropped or silently replaced.
func TestParseObservationStrict(t *testing.T) {
	for in, want := range map[string]string{
		`[{"hour": 10, "enterd": 5}]`:                `1:15: unknown field "enterd"`,
		`[{"hour": 10, "Entered": 5}]`:               `unknown field "Entered"`,
		`[{"hour": 10, "entered": 5, "entered": 6}]`: `field "entered" is given twice`,
		"[{\"hour\": 10}]\n[]":                       `2:1: JSON syntax`,
	} {
		_, err := retail.ParseObservation([]byte(in))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseObservation(%q) = %v, want an error with %q", in, err, want)
		}
	}
}
