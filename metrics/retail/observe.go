package retail

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"

	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/internal/strictjson"
)

// HourCount is what an observer on the floor counts in one hour (seed
// 003: stand in the store for two hours, watch every visitor, note who
// buys alone and who waits for a seller, and time the sellers).
type HourCount struct {
	Hour int `json:"hour"` // 0..23, the hour the count started
	// Minutes is how long the observer watched in that hour, 0..60; 0
	// means the whole hour.
	Minutes    float64 `json:"minutes,omitempty"`
	Entered    int     `json:"entered"`     // visitors who came in
	SelfServed int     `json:"self_served"` // chose and bought without a seller
	Served     int     `json:"served"`      // waited for or bought with a seller
	// ServiceMinutes is the time sellers spent with customers during
	// the minutes observed, summed over sellers: with two sellers busy
	// all hour it is 120. It may be at most MaxSellers times the
	// minutes observed.
	ServiceMinutes float64 `json:"service_minutes"`
}

// MaxSellers bounds [HourCount.ServiceMinutes]: one observer on a floor
// cannot time more than a hundred sellers busy at once, and a larger
// figure is a slip (seconds written for minutes, a stray digit) that
// would ask for an absurd number of sellers.
const MaxSellers = 100

func (h HourCount) validate() error {
	switch {
	case h.Hour < 0 || h.Hour > 23:
		return fmt.Errorf("hour %d is not 0..23", h.Hour)
	case h.Minutes < 0 || h.Minutes > 60 || math.IsNaN(h.Minutes):
		return fmt.Errorf("hour %d: %v minutes observed, want 0..60", h.Hour, h.Minutes)
	}
	var errs []error
	for _, c := range []struct {
		name string
		n    int
	}{{"entered", h.Entered}, {"self-served", h.SelfServed}, {"served", h.Served}} {
		if c.n < 0 {
			errs = append(errs, fmt.Errorf("hour %d: %s is %d: a count cannot be negative", h.Hour, c.name, c.n))
		}
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	watched := h.Minutes
	if watched == 0 {
		watched = 60
	}
	switch {
	case h.SelfServed+h.Served > h.Entered:
		return fmt.Errorf("hour %d: %d self-served + %d served is more than the %d who entered", h.Hour, h.SelfServed, h.Served, h.Entered)
	case h.ServiceMinutes < 0 || math.IsNaN(h.ServiceMinutes) || math.IsInf(h.ServiceMinutes, 0):
		return fmt.Errorf("hour %d: service minutes is %v: want minutes >= 0", h.Hour, h.ServiceMinutes)
	case h.ServiceMinutes > MaxSellers*watched:
		return fmt.Errorf("hour %d: %v service minutes in %v minutes watched is more than %d sellers busy all the time", h.Hour, h.ServiceMinutes, watched, MaxSellers)
	}
	return nil
}

// Observation accumulates hourly counts, from one or many observers and
// days; counts of the same hour add up. The zero value is ready to use.
type Observation struct {
	hours map[int]*HourCount
}

// Add records one hour's counts; a count that fails the checks of
// [HourCount] is not recorded and its error is returned, as it is for a
// nil o.
func (o *Observation) Add(h HourCount) error {
	if o == nil {
		return errors.New("retail: nil *Observation")
	}
	if err := h.validate(); err != nil {
		return fmt.Errorf("retail: %w", err)
	}
	if h.Minutes == 0 {
		h.Minutes = 60
	}
	o.add(h)
	return nil
}

// add sums h into the hour's counts. Sums are not HourCounts of one
// observer: an hour watched on two days has 120 minutes, which Add
// rightly refuses for one count, so Merge adds here, past the check.
func (o *Observation) add(h HourCount) {
	if o.hours == nil {
		o.hours = map[int]*HourCount{}
	}
	c := o.hours[h.Hour]
	if c == nil {
		c = &HourCount{Hour: h.Hour}
		o.hours[h.Hour] = c
	}
	c.Minutes += h.Minutes
	c.Entered += h.Entered
	c.SelfServed += h.SelfServed
	c.Served += h.Served
	c.ServiceMinutes += h.ServiceMinutes
}

// Merge adds every count of p; a nil p adds nothing. It returns an
// error, always nil today, so that every accumulator of the module
// merges with one signature.
func (o *Observation) Merge(p *Observation) error {
	if p == nil {
		return nil
	}
	for _, h := range p.hours {
		o.add(*h)
	}
	return nil
}

// ServiceMix is who bought how, summed over every hour observed; the
// counts mean what they mean in HourCount.
type ServiceMix struct {
	Entered    int `json:"entered"`
	SelfServed int `json:"self_served"`
	Served     int `json:"served"`
	// ServedShare is served / (served + self-served), a fraction 0..1:
	// how many buyers want a seller.
	ServedShare float64 `json:"served_share"`
	// Ratio is served / self-served (the service-standards guide's "50 to 50" is 1); nil
	// when nobody bought alone.
	Ratio *float64 `json:"served_to_self_served"`
}

// Mix returns the served / self-served split over all hours.
func (o *Observation) Mix() (ServiceMix, error) {
	var m ServiceMix
	for _, h := range o.hours {
		m.Entered += h.Entered
		m.SelfServed += h.SelfServed
		m.Served += h.Served
	}
	if m.Served+m.SelfServed == 0 {
		return m, fmt.Errorf("service mix: nobody was seen buying: %w", ErrNoData)
	}
	m.ServedShare = float64(m.Served) / float64(m.Served+m.SelfServed)
	if m.SelfServed > 0 {
		r := float64(m.Served) / float64(m.SelfServed)
		m.Ratio = &r
	}
	return m, nil
}

// Staffing is the sellers one hour needs.
type Staffing struct {
	Hour int `json:"hour"` // 0..23, as in HourCount
	// ServicePerHour is service minutes scaled to a full hour and
	// averaged over the days observed.
	ServicePerHour float64 `json:"service_minutes_per_hour"`
	// Sellers is ServicePerHour / (60 x the target occupancy), rounded
	// up: enough sellers that each is busy at most that share of the hour.
	Sellers int `json:"sellers"`
}

// CheckOccupancy returns an error unless occupancy, the share of an
// hour a seller may be busy with customers, is in (0, 1]: at 0 no number
// of sellers would do, and above 1 an hour would hold more than an hour
// of service. A command checks it as its flag is read, before the file.
func CheckOccupancy(occupancy float64) error {
	if !(occupancy > 0 && occupancy <= 1) {
		return fmt.Errorf("retail: occupancy %v must be in (0, 1]", occupancy)
	}
	return nil
}

// Sellers returns, hour by hour, the sellers needed so that no seller is
// busy with customers more than occupancy (0 < occupancy <= 1; the service-standards guide
// puts a healthy occupancy at 60-80%) of the hour. An hour observed for
// 30 minutes on each of two days counts as one full hour. An occupancy
// so small that an hour would need more sellers than an int32 holds is
// an error.
func (o *Observation) Sellers(occupancy float64) ([]Staffing, error) {
	if err := CheckOccupancy(occupancy); err != nil {
		return nil, err
	}
	if len(o.hours) == 0 {
		return nil, fmt.Errorf("sellers: %w", ErrNoData)
	}
	out := make([]Staffing, 0, len(o.hours))
	for _, h := range o.hours {
		perHour := h.ServiceMinutes * 60 / h.Minutes
		need := perHour / (60 * occupancy)
		// Guard against 2.0000000001 sellers from float noise.
		n := math.Ceil(need - 1e-9)
		if !(n <= math.MaxInt32) {
			return nil, fmt.Errorf("retail: hour %d at occupancy %v needs %g sellers: too many sellers to count", h.Hour, occupancy, n)
		}
		out = append(out, Staffing{Hour: h.Hour, ServicePerHour: perHour, Sellers: int(n)})
	}
	slices.SortFunc(out, func(a, b Staffing) int { return cmp.Compare(a.Hour, b.Hour) })
	return out, nil
}

// ParseObservation reads a JSON array of hour counts and reports every
// bad entry at once. The JSON is read strictly, as a checklist is: an
// unknown field (or one in the wrong case), a field given twice and
// anything after the array are errors placed at their line and column.
// Every problem is a *diag.Diagnostic in a [diag.List]; a bad entry is
// placed by its JSON Pointer, "/3" for the fourth.
func ParseObservation(data []byte) (*Observation, error) {
	var hs []HourCount
	if err := strictjson.Decode(data, &hs, "the observation"); err != nil {
		return nil, strictjson.Diagnostics(err)
	}
	var o Observation
	var errs diag.List
	for i, h := range hs {
		if err := h.validate(); err != nil {
			errs = append(errs, &diag.Diagnostic{Pointer: "/" + strconv.Itoa(i), Code: diag.CodeOutOfRange, Message: err.Error(), Err: err})
			continue
		}
		_ = o.Add(h)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return &o, nil
}
