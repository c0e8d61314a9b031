package retail_test

import (
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cxkit/cxkit/metrics/retail"
)

// Service minutes beyond what a floor of sellers could give in the
// minutes watched are a typo (seconds for minutes, a stray digit), and
// would ask for absurd, even negative, seller counts.
func TestHourCountServiceMinutesBound(t *testing.T) {
	for _, tt := range []struct {
		name string
		h    retail.HourCount
		want string // "" for valid
	}{
		{"two sellers busy all hour", retail.HourCount{Hour: 10, Entered: 5, Served: 2, ServiceMinutes: 120}, ""},
		{"a hundred sellers busy all hour", retail.HourCount{Hour: 10, ServiceMinutes: 6000}, ""},
		{"a hundred sellers in half an hour", retail.HourCount{Hour: 10, Minutes: 30, ServiceMinutes: 3000}, ""},
		{"more than a hundred sellers", retail.HourCount{Hour: 10, ServiceMinutes: 6001},
			"retail: hour 10: 6001 service minutes in 60 minutes watched is more than 100 sellers busy all the time"},
		{"huge", retail.HourCount{Hour: 1, Minutes: 1, Entered: 1, Served: 1, ServiceMinutes: 1e308},
			"retail: hour 1: 1e+308 service minutes in 1 minutes watched is more than 100 sellers busy all the time"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var o retail.Observation
			got := ""
			if err := o.Add(tt.h); err != nil {
				got = err.Error()
			}
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("Add (-want +got):\n%s", d)
			}
		})
	}
}

// Sellers never returns a count that does not fit an int: it errs.
func TestSellersNeverOverflows(t *testing.T) {
	var o retail.Observation
	if err := o.Add(retail.HourCount{Hour: 1, Minutes: 1, Entered: 1, Served: 1, ServiceMinutes: 1}); err != nil {
		t.Fatal(err)
	}
	got, err := o.Sellers(1e-300)
	if err == nil || !strings.Contains(err.Error(), "too many sellers") {
		t.Fatalf("Sellers(1e-300) = %v, %v; want a too-many-sellers error", got, err)
	}
	got, err = o.Sellers(0.7)
	if err != nil {
		t.Fatal(err)
	}
	// 1 minute of service in 1 watched: 60 an hour, 2 sellers at 70%.
	if d := cmp.Diff([]retail.Staffing{{Hour: 1, ServicePerHour: 60, Sellers: 2}}, got); d != "" {
		t.Errorf("sellers (-want +got):\n%s", d)
	}
}

// Messages name the field in words instead of printing a Go struct.
func TestMessagesNameTheField(t *testing.T) {
	for _, tt := range []struct {
		name string
		err  error
		want string
	}{
		{"sales transactions", retail.Sales{Transactions: -2}.Validate(), "retail: transactions is -2: a count cannot be negative"},
		{"sales visitors", retail.Sales{Visitors: -1, Units: -3}.Validate(), "retail: visitors is -1: a count cannot be negative\nretail: units is -3: a count cannot be negative"},
		{"sales more receipts", retail.Sales{Visitors: 3, Transactions: 5}.Validate(), "retail: 5 transactions from 3 visitors: more receipts than people through the door"},
		{"hour entered", (&retail.Observation{}).Add(retail.HourCount{Hour: 9, Entered: -1}), "retail: hour 9: entered is -1: a count cannot be negative"},
		{"hour served", (&retail.Observation{}).Add(retail.HourCount{Hour: 9, Served: -4}), "retail: hour 9: served is -4: a count cannot be negative"},
		{"hour self-served", (&retail.Observation{}).Add(retail.HourCount{Hour: 9, SelfServed: -1}), "retail: hour 9: self-served is -1: a count cannot be negative"},
		{"hour service minutes", (&retail.Observation{}).Add(retail.HourCount{Hour: 9, ServiceMinutes: -5}), "retail: hour 9: service minutes is -5: want minutes >= 0"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := ""
			if tt.err != nil {
				got = tt.err.Error()
			}
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("message (-want +got):\n%s", d)
			}
		})
	}
}

// A nil accumulator is an error, not a panic.
func TestNilReceivers(t *testing.T) {
	if err := (*retail.Dwell)(nil).Add(1); err == nil {
		t.Error("nil Dwell: want an error")
	}
	if err := (*retail.Observation)(nil).Add(retail.HourCount{Hour: 1}); err == nil {
		t.Error("nil Observation: want an error")
	}
}

// CheckOccupancy is the one range check of occupancy, which Sellers and
// Visits.Result share with the command's flag.
func TestCheckOccupancy(t *testing.T) {
	for x, ok := range map[float64]bool{0.8: true, 1: true, 1e-9: true, 0: false, -0.5: false, 1.0000001: false, math.NaN(): false, math.Inf(1): false} {
		if err := retail.CheckOccupancy(x); (err == nil) != ok {
			t.Errorf("CheckOccupancy(%v) = %v", x, err)
		}
		if _, err := (&retail.Observation{}).Sellers(x); !ok && err == nil {
			t.Errorf("Sellers(%v) took it", x)
		}
	}
}
