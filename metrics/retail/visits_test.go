package retail

import (
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func at(h, m int) time.Duration { return time.Duration(h)*time.Hour + time.Duration(m)*time.Minute }

// TestVisits works a small sheet by hand. Day 1, 12:00-13:59: four
// visitors, two with a seller (20 and 40 seller minutes), one alone,
// one not seen; receipts of 2 units for 3000 and 1 unit for 1000. Day 2:
// one visitor at 12:30 with a seller for 30 minutes, buying 3 units for
// 2000. So 5 visitors, 3 receipts (conversion 0.6), 6000 / 3 = 2000 a
// receipt, 6 / 3 = 2 units; served 3 of 4 seen (0.75, ratio 3). Hour
// 12 is watched on both days: (20 + 30) / 2 = 25 minutes an hour, one
// seller at 80%; hour 13 only on day 1: 40 minutes, one seller at 80%
// (40 / 48) and two at 60% (40 / 36).
func TestVisits(t *testing.T) {
	d1 := time.Date(2026, 11, 14, 0, 0, 0, 0, time.UTC)
	d2 := d1.AddDate(0, 0, 1)
	visits := []Visit{
		{Day: d1, In: at(12, 5), Out: at(12, 15), Service: WithSeller, Units: 2, Amount: 3000, SellerMinutes: 20},
		{Day: d1, In: at(12, 40), Out: at(12, 44), Service: SelfServe, Units: 1, Amount: 1000},
		{Day: d1, In: at(13, 10), Out: at(13, 50), Service: WithSeller, SellerMinutes: 40},
		{Day: d1, In: at(13, 20)},
		{Day: d2, In: at(12, 30), Out: at(13, 0), Service: WithSeller, Units: 3, Amount: 2000, SellerMinutes: 30},
	}
	var a, b Visits
	for i, v := range visits {
		acc := &a
		if i%2 == 1 {
			acc = &b
		}
		if err := acc.Add(v); err != nil {
			t.Fatal(err)
		}
	}
	a.Merge(&b) // halves merge into the whole
	got, err := a.Result(0.8)
	if err != nil {
		t.Fatal(err)
	}
	f := func(x float64) *float64 { return &x }
	three := 3.0
	want := Report{
		Sales:         Sales{Visitors: 5, Transactions: 3, Units: 6, Revenue: 6000},
		Conversion:    f(0.6),
		AverageTicket: f(2000),
		UPT:           f(2),
		// Dwell 10, 4, 40, 30 minutes: mean 21, median 20, p90 (type 7)
		// 30 + 0.7 · 10 = 37 minutes.
		Dwell: &DwellResult{N: 4, Mean: 21 * 60, Median: 20 * 60, P90: 37 * 60},
		Mix:   &ServiceMix{Entered: 5, SelfServed: 1, Served: 3, ServedShare: 0.75, Ratio: &three},
		Days: []DayTraffic{
			{Date: "2026-11-14", Visitors: 4, Receipts: 2, Revenue: 4000, Conversion: 0.5, FirstHour: 12, LastHour: 13},
			{Date: "2026-11-15", Visitors: 1, Receipts: 1, Revenue: 2000, Conversion: 1, FirstHour: 12, LastHour: 12},
		},
		Hours: []HourTraffic{
			{Hour: 12, Days: 2, Visitors: 3, PerDay: 1.5, SelfServed: 1, Served: 2, ServicePerHour: 25, Sellers: 1},
			{Hour: 13, Days: 1, Visitors: 2, PerDay: 2, Served: 1, ServicePerHour: 40, Sellers: 1},
		},
		Occupancy: 0.8,
	}
	if diff := cmp.Diff(want, got, cmpopts.EquateApprox(0, 1e-9)); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
	at60, _ := a.Result(0.6)
	if n := at60.Hours[1].Sellers; n != 2 {
		t.Errorf("hour 13 at 60%% occupancy: %d sellers, want 2 (40 / 36 minutes)", n)
	}
}

func TestVisitErrors(t *testing.T) {
	day := time.Date(2026, 11, 14, 0, 0, 0, 0, time.UTC)
	for _, v := range []Visit{
		{Day: day, In: at(12, 0), Out: at(11, 0)},
		{Day: day, In: at(25, 0)},
		{Day: day, In: at(12, 0), Units: 2},
		{Day: day, In: at(12, 0), Amount: 100},
		{Day: day, In: at(12, 0), Units: -1},
		{Day: day, In: at(12, 0), SellerMinutes: -5},
		{Day: day, In: at(12, 0), Service: 7},
	} {
		var s Visits
		if err := s.Add(v); err == nil {
			t.Errorf("%+v: no error", v)
		}
		if _, err := s.Result(0.8); !errors.Is(err, ErrNoData) {
			t.Errorf("%+v was recorded: %v", v, err)
		}
	}
}
