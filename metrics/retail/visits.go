package retail

import (
	"cmp"
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"time"
)

// Service says how a visitor was seen to shop (the service-standards guide: who chooses and
// buys alone, who waits for a seller and buys with one).
type Service int8

const (
	// Unseen: the observer did not see how the visitor shopped.
	Unseen Service = iota
	// SelfServe: chose alone, without a seller.
	SelfServe
	// WithSeller: waited for or shopped with a seller.
	WithSeller
)

// Visit is one row of a floor observation sheet: one visitor, watched
// from the door to the door, with the receipt if they bought.
type Visit struct {
	// Day is the date of the visit; only its year, month and day count.
	Day time.Time
	// In is when the visitor came in, as time since midnight; its hour
	// is the hour the visit counts in.
	In time.Duration
	// Out is when the visitor left, since midnight; 0 when not timed.
	// It may not be before In: a visit past midnight is two rows.
	Out     time.Duration
	Service Service
	// Units and Amount are the receipt: items bought and what they cost;
	// both 0 for a visitor who bought nothing.
	Units  int
	Amount float64
	// SellerMinutes is the time a seller spent with the visitor.
	SellerMinutes float64
}

// Validate reports what is wrong with v, every problem at once.
func (v Visit) Validate() error {
	var errs []error
	if v.In < 0 || v.In >= 24*time.Hour {
		errs = append(errs, fmt.Errorf("time in %v is not within a day", v.In))
	}
	if v.Out != 0 && (v.Out < v.In || v.Out >= 24*time.Hour) {
		errs = append(errs, fmt.Errorf("time out %s is before time in %s: a visit past midnight is two rows", clock(v.Out), clock(v.In)))
	}
	if v.Service < Unseen || v.Service > WithSeller {
		errs = append(errs, fmt.Errorf("service %d is not Unseen, SelfServe or WithSeller", v.Service))
	}
	if v.Units < 0 {
		errs = append(errs, fmt.Errorf("units %d: a count cannot be negative", v.Units))
	}
	if !(v.Amount >= 0) || math.IsInf(v.Amount, 0) {
		errs = append(errs, fmt.Errorf("amount %v must be a finite amount >= 0", v.Amount))
	}
	if v.Units > 0 && v.Amount == 0 || v.Units == 0 && v.Amount > 0 {
		errs = append(errs, fmt.Errorf("%d units for %v: a receipt has both units and an amount, a visitor who bought nothing neither", v.Units, v.Amount))
	}
	if !(v.SellerMinutes >= 0) || v.SellerMinutes > 24*60 {
		errs = append(errs, fmt.Errorf("seller minutes %v: want minutes 0..1440", v.SellerMinutes))
	}
	return errors.Join(errs...)
}

func clock(d time.Duration) string {
	return fmt.Sprintf("%02d:%02d", int(d.Hours()), int(d.Minutes())%60)
}

// Visits accumulates observation sheets: stores, days and observers
// pool with Add and Merge before the KPIs are computed. The zero value
// is ready to use.
type Visits struct {
	days  map[string]*dayTally // by date, "2006-01-02"
	dwell Dwell
}

type dayTally struct {
	sales Sales
	hours map[int]*HourCount
}

// Add records one visit; a visit that fails Validate is not recorded and
// its error is returned.
func (s *Visits) Add(v Visit) error {
	if s == nil {
		return errors.New("retail: nil *Visits")
	}
	if err := v.Validate(); err != nil {
		return fmt.Errorf("retail: %w", err)
	}
	if s.days == nil {
		s.days = map[string]*dayTally{}
	}
	key := v.Day.Format(time.DateOnly)
	d := s.days[key]
	if d == nil {
		d = &dayTally{hours: map[int]*HourCount{}}
		s.days[key] = d
	}
	bought := 0
	if v.Units > 0 {
		bought = 1
	}
	d.sales = d.sales.Add(Sales{Visitors: 1, Transactions: bought, Units: v.Units, Revenue: v.Amount})
	hour := int(v.In / time.Hour)
	h := d.hours[hour]
	if h == nil {
		h = &HourCount{Hour: hour, Minutes: 60}
		d.hours[hour] = h
	}
	h.Entered++
	switch v.Service {
	case SelfServe:
		h.SelfServed++
	case WithSeller:
		h.Served++
	}
	h.ServiceMinutes += v.SellerMinutes
	if v.Out != 0 {
		_ = s.dwell.Add(v.Out - v.In) // Validate keeps Out >= In
	}
	return nil
}

// Merge adds every visit of o; a nil o adds nothing. It returns an
// error, always nil today, so that every accumulator of the module
// merges with one signature.
func (s *Visits) Merge(o *Visits) error {
	if o == nil {
		return nil
	}
	if s.days == nil && len(o.days) > 0 {
		s.days = map[string]*dayTally{}
	}
	for key, od := range o.days {
		d := s.days[key]
		if d == nil {
			d = &dayTally{hours: map[int]*HourCount{}}
			s.days[key] = d
		}
		d.sales = d.sales.Add(od.sales)
		for hour, oh := range od.hours {
			h := d.hours[hour]
			if h == nil {
				h = &HourCount{Hour: hour, Minutes: 60}
				d.hours[hour] = h
			}
			h.Entered += oh.Entered
			h.SelfServed += oh.SelfServed
			h.Served += oh.Served
			h.ServiceMinutes += oh.ServiceMinutes
		}
	}
	return s.dwell.Merge(&o.dwell)
}

// Report is every retail KPI of an observation sheet. A KPI without
// data (no receipt, nobody timed, nobody seen buying) is nil.
type Report struct {
	Sales         Sales         `json:"sales"`
	Conversion    *float64      `json:"conversion"`     // receipts / visitors, 0..1
	AverageTicket *float64      `json:"average_ticket"` // amount per receipt
	UPT           *float64      `json:"units_per_transaction"`
	Dwell         *DwellResult  `json:"dwell"`
	Mix           *ServiceMix   `json:"service_mix"`
	Days          []DayTraffic  `json:"days"`
	Hours         []HourTraffic `json:"hours"`
	// Occupancy is the share of an hour a seller may be busy with
	// customers that Hours[i].Sellers is computed for.
	Occupancy float64 `json:"occupancy"`
}

// DayTraffic is one day's door and till counts.
type DayTraffic struct {
	Date       string  `json:"date"` // 2006-01-02
	Visitors   int     `json:"visitors"`
	Receipts   int     `json:"receipts"`
	Revenue    float64 `json:"revenue"`
	Conversion float64 `json:"conversion"`
	FirstHour  int     `json:"first_hour"` // the hours the sheet covers
	LastHour   int     `json:"last_hour"`
}

// HourTraffic is one hour of the day pooled over the days observed.
type HourTraffic struct {
	Hour int `json:"hour"`
	// Days counts the days whose sheet covers the hour: from the hour
	// of its first visitor to the hour of its last, so an hour nobody
	// came in still counts as watched.
	Days       int     `json:"days"`
	Visitors   int     `json:"visitors"`
	PerDay     float64 `json:"visitors_per_day"`
	SelfServed int     `json:"self_served"`
	Served     int     `json:"served"`
	// ServicePerHour is seller minutes per hour, averaged over Days.
	ServicePerHour float64 `json:"service_minutes_per_hour"`
	Sellers        int     `json:"sellers"`
}

// Result computes the KPIs; occupancy (0 < occupancy <= 1; the service-standards guide
// puts a healthy one at 60-80%) sizes the sellers each hour needs, as
// Observation.Sellers does. No visits at all is ErrNoData.
func (s *Visits) Result(occupancy float64) (Report, error) {
	if err := CheckOccupancy(occupancy); err != nil {
		return Report{}, err
	}
	if len(s.days) == 0 {
		return Report{}, fmt.Errorf("visits: %w", ErrNoData)
	}
	r := Report{Occupancy: occupancy}
	var obs Observation
	days := map[int]int{}
	for _, key := range slices.Sorted(maps.Keys(s.days)) {
		d := s.days[key]
		r.Sales = r.Sales.Add(d.sales)
		first, last := 23, 0
		for h := range d.hours {
			first, last = min(first, h), max(last, h)
		}
		dt := DayTraffic{Date: key, Visitors: d.sales.Visitors, Receipts: d.sales.Transactions, Revenue: d.sales.Revenue, FirstHour: first, LastHour: last}
		dt.Conversion, _ = d.sales.Conversion()
		r.Days = append(r.Days, dt)
		for h := first; h <= last; h++ {
			days[h]++
			c := HourCount{Hour: h, Minutes: 60}
			if got := d.hours[h]; got != nil {
				c = *got
			}
			obs.add(c)
		}
	}
	if v, err := r.Sales.Conversion(); err == nil {
		r.Conversion = &v
	}
	if v, err := r.Sales.AverageTicket(); err == nil {
		r.AverageTicket = &v
	}
	if v, err := r.Sales.UPT(); err == nil {
		r.UPT = &v
	}
	if d, err := s.dwell.Result(); err == nil {
		r.Dwell = &d
	}
	if m, err := obs.Mix(); err == nil {
		r.Mix = &m
	}
	staff, err := obs.Sellers(occupancy)
	if err != nil {
		return Report{}, err
	}
	for _, st := range staff {
		h := obs.hours[st.Hour]
		r.Hours = append(r.Hours, HourTraffic{
			Hour: st.Hour, Days: days[st.Hour], Visitors: h.Entered,
			PerDay:     float64(h.Entered) / float64(days[st.Hour]),
			SelfServed: h.SelfServed, Served: h.Served,
			ServicePerHour: st.ServicePerHour, Sellers: st.Sellers,
		})
	}
	slices.SortFunc(r.Hours, func(a, b HourTraffic) int { return cmp.Compare(a.Hour, b.Hour) })
	return r, nil
}

// Result gives the KPIs an hourly tally holds: the service mix and,
// hour by hour, traffic and the sellers needed at occupancy. Sales,
// dwell time and days are the visit sheet's (Visits.Result).
func (o *Observation) Result(occupancy float64) (Report, error) {
	staff, err := o.Sellers(occupancy)
	if err != nil {
		return Report{}, err
	}
	r := Report{Occupancy: occupancy}
	if m, err := o.Mix(); err == nil {
		r.Mix = &m
	}
	for _, st := range staff {
		h := o.hours[st.Hour]
		r.Hours = append(r.Hours, HourTraffic{
			Hour: st.Hour, Days: int(math.Ceil(h.Minutes/60 - 1e-9)), Visitors: h.Entered,
			PerDay:     float64(h.Entered) * 60 / h.Minutes,
			SelfServed: h.SelfServed, Served: h.Served,
			ServicePerHour: st.ServicePerHour, Sellers: st.Sellers,
		})
	}
	return r, nil
}
