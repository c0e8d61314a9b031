// Package retail computes the store KPIs of the service-standards guide: units per
// transaction, average ticket, traffic and conversion, dwell time, and
// from a floor observation the share of shoppers who want a seller and
// the sellers each hour needs.
//
// Sales add up with Add; Dwell and Observation accumulate with Add and
// combine with Merge, so days, stores and observers pool before a KPI is
// computed. Bad input is an error, never a silent NaN.
//
// Read turns a file into a FileReport in one call: a visit sheet (CSV,
// one visitor a row, read by ReadSheet with every bad cell reported at
// once) or the observer's hourly tally (JSON, ParseObservation).
package retail

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"time"

	"golang.org/x/exp/stats"

	"github.com/cxkit/cxkit/metrics"
)

// ErrNoData is returned for a KPI whose denominator is zero. It is
// metrics.ErrNoData, so one errors.Is test serves every metric.
var ErrNoData = metrics.ErrNoData

// Sales are a period's till and door counts.
type Sales struct {
	Visitors     int     `json:"visitors"`     // traffic: people through the door; 0 if not counted
	Transactions int     `json:"transactions"` // receipts
	Units        int     `json:"units"`        // items sold
	Revenue      float64 `json:"revenue"`      // in the store's currency
}

// Validate rejects negative counts, a negative or non-finite revenue, and
// more receipts than visitors (when traffic was counted).
func (s Sales) Validate() error {
	var errs []error
	for _, c := range []struct {
		name string
		n    int
	}{{"visitors", s.Visitors}, {"transactions", s.Transactions}, {"units", s.Units}} {
		if c.n < 0 {
			errs = append(errs, fmt.Errorf("retail: %s is %d: a count cannot be negative", c.name, c.n))
		}
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	switch {
	case math.IsNaN(s.Revenue) || math.IsInf(s.Revenue, 0) || s.Revenue < 0:
		return fmt.Errorf("retail: revenue %v must be a finite amount >= 0", s.Revenue)
	case s.Visitors > 0 && s.Transactions > s.Visitors:
		return fmt.Errorf("retail: %d transactions from %d visitors: more receipts than people through the door", s.Transactions, s.Visitors)
	}
	return nil
}

// Add returns the sum of two periods' counts.
func (s Sales) Add(o Sales) Sales {
	return Sales{s.Visitors + o.Visitors, s.Transactions + o.Transactions, s.Units + o.Units, s.Revenue + o.Revenue}
}

// UPT is units per transaction.
func (s Sales) UPT() (float64, error) {
	if err := s.Validate(); err != nil {
		return 0, err
	}
	if s.Transactions == 0 {
		return 0, fmt.Errorf("units per transaction: %w", ErrNoData)
	}
	return float64(s.Units) / float64(s.Transactions), nil
}

// AverageTicket is revenue per transaction.
func (s Sales) AverageTicket() (float64, error) {
	if err := s.Validate(); err != nil {
		return 0, err
	}
	if s.Transactions == 0 {
		return 0, fmt.Errorf("average ticket: %w", ErrNoData)
	}
	return s.Revenue / float64(s.Transactions), nil
}

// Conversion is the share of visitors who bought, transactions /
// traffic, as a fraction 0..1. Without a traffic count it is ErrNoData.
func (s Sales) Conversion() (float64, error) {
	if err := s.Validate(); err != nil {
		return 0, err
	}
	if s.Visitors == 0 {
		return 0, fmt.Errorf("conversion: traffic not counted: %w", ErrNoData)
	}
	return float64(s.Transactions) / float64(s.Visitors), nil
}

// Dwell collects how long visitors stayed in the store. It keeps every
// duration, since the median and the 90th percentile need them all. The
// zero value is ready to use.
type Dwell struct{ secs []float64 }

// Add records one visit; a negative duration is an error, and so is a
// nil d.
func (d *Dwell) Add(x time.Duration) error {
	if d == nil {
		return errors.New("retail: nil *Dwell")
	}
	if x < 0 {
		return fmt.Errorf("retail: negative dwell time %v", x)
	}
	d.secs = append(d.secs, x.Seconds())
	return nil
}

// Merge adds every visit of o; a nil o adds nothing. It returns an
// error, always nil today, so that every accumulator of the module
// merges with one signature.
func (d *Dwell) Merge(o *Dwell) error {
	if o != nil {
		d.secs = append(d.secs, o.secs...)
	}
	return nil
}

// DwellResult summarises dwell times in seconds; quantiles are
// Hyndman-Fan type 7 (R, NumPy, Excel PERCENTILE.INC), linear between
// the two nearest visits, and rounded to the nanosecond.
type DwellResult struct {
	N      int     `json:"n"` // visits
	Mean   float64 `json:"mean_s"`
	Median float64 `json:"median_s"`
	P90    float64 `json:"p90_s"` // 90th percentile
}

// Result returns the mean, median and 90th percentile.
func (d *Dwell) Result() (DwellResult, error) {
	if len(d.secs) == 0 {
		return DwellResult{}, fmt.Errorf("dwell time: %w", ErrNoData)
	}
	slices.Sort(d.secs)
	sum := 0.0
	for _, x := range d.secs {
		sum += x
	}
	q := stats.Quantiles(d.secs, 0.5, 0.9)
	round := func(x float64) float64 { return math.Round(x*1e9) / 1e9 }
	return DwellResult{N: len(d.secs), Mean: sum / float64(len(d.secs)), Median: round(q[0]), P90: round(q[1])}, nil
}
