package metrics

import (
	"fmt"
	"strconv"
	"strings"
)

// Direction says which end of a scale is the good one.
type Direction int8

// The zero Direction is invalid on purpose: a scale must say which end
// is good, never leave it to be guessed.
const (
	High Direction = iota + 1 // higher points are better (CSAT, CES 2.0)
	Low                       // lower points are better (effort on 1..10)
)

// String returns "high", "low", or "Direction(n)" for an invalid value.
func (d Direction) String() string {
	switch d {
	case High:
		return "high"
	case Low:
		return "low"
	}
	return "Direction(" + strconv.Itoa(int(d)) + ")"
}

// ParseDirection parses "high" or "low".
func ParseDirection(s string) (Direction, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "high":
		return High, nil
	case "low":
		return Low, nil
	}
	return 0, fmt.Errorf("direction %q: want high or low: %w", s, ErrScale)
}

// MarshalText implements encoding.TextMarshaler.
func (d Direction) MarshalText() ([]byte, error) {
	if d != High && d != Low {
		return nil, fmt.Errorf("direction %d: %w", d, ErrScale)
	}
	return []byte(d.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (d *Direction) UnmarshalText(b []byte) error {
	v, err := ParseDirection(string(b))
	if err == nil {
		*d = v
	}
	return err
}

// Scale is a rating scale of whole points Lo..Hi and the end that is good.
// A valid scale has Lo < Hi, at most MaxScalePoints points, bounds
// within ±2^53 (exact in float64), and Good set to High or Low: the zero
// Scale is invalid (see Validate). In JSON, Good is "high" or "low".
type Scale struct {
	Lo   int       `json:"lo"` // lowest point, inclusive
	Hi   int       `json:"hi"` // highest point, inclusive
	Good Direction `json:"good"`
}

// MaxScalePoints bounds the number of points on a scale, so a typo such
// as 1..1000000 is an error rather than a huge allocation.
const MaxScalePoints = 101

// maxExactInt bounds a scale's points: means and intervals are computed
// in float64, which holds every whole number up to 2^53 exactly, and
// further out Hi - Lo could overflow an int.
const maxExactInt = 1 << 53

// Named scales. None is a default anyone falls into: callers pick one.
var (
	// CES2 is the Customer Effort Score 2.0 (CEB/Gartner): agreement with
	// "The company made it easy for me to handle my issue" on 1..7.
	CES2 = Scale{Lo: 1, Hi: 7, Good: High}
	// Effort10 is the effort question of the service-standards guide: "how much effort did
	// it take, from 1 to 10"; lower is easier, the target is a mean <= 3.
	Effort10 = Scale{Lo: 1, Hi: 10, Good: Low}
	// CSAT5 is the usual satisfaction scale 1..5.
	CSAT5 = Scale{Lo: 1, Hi: 5, Good: High}
	// ACSI10 is the 1..10 scale of the American Customer Satisfaction
	// Index questions.
	ACSI10 = Scale{Lo: 1, Hi: 10, Good: High}
)

// Validate reports whether the scale is usable.
func (s Scale) Validate() error {
	if s.Good != High && s.Good != Low {
		return fmt.Errorf("scale %d..%d does not say which end is good (High or Low): %w", s.Lo, s.Hi, ErrScale)
	}
	if s.Hi <= s.Lo {
		return fmt.Errorf("scale %d..%d: Hi must be above Lo: %w", s.Lo, s.Hi, ErrScale)
	}
	if s.Lo < -maxExactInt || s.Hi > maxExactInt {
		return fmt.Errorf("scale %d..%d: bounds must lie within ±2^53, where every whole number is exact in float64: %w", s.Lo, s.Hi, ErrScale)
	}
	if s.Hi-s.Lo+1 > MaxScalePoints {
		return fmt.Errorf("scale %d..%d has more than %d points: %w", s.Lo, s.Hi, MaxScalePoints, ErrScale)
	}
	return nil
}

// String formats the scale as "1..7 (high is good)".
func (s Scale) String() string {
	return fmt.Sprintf("%d..%d (%v is good)", s.Lo, s.Hi, s.Good)
}

// ParseScale parses bounds such as "1..7" and a direction ("high" or
// "low") into a validated Scale.
func ParseScale(bounds, good string) (Scale, error) {
	lo, hi, ok := strings.Cut(strings.TrimSpace(bounds), "..")
	if !ok {
		return Scale{}, fmt.Errorf("scale %q: want lo..hi, e.g. 1..7: %w", bounds, ErrScale)
	}
	l, err1 := strconv.Atoi(strings.TrimSpace(lo))
	h, err2 := strconv.Atoi(strings.TrimSpace(hi))
	if err1 != nil || err2 != nil {
		return Scale{}, fmt.Errorf("scale %q: bounds must be whole numbers: %w", bounds, ErrScale)
	}
	d, err := ParseDirection(good)
	if err != nil {
		return Scale{}, err
	}
	s := Scale{Lo: l, Hi: h, Good: d}
	return s, s.Validate()
}

func (s Scale) points() int { return s.Hi - s.Lo + 1 }

// goodness maps a point to 0..points-1 with the best point last.
func (s Scale) goodness(x int) int {
	if s.Good == Low {
		return s.Hi - x
	}
	return x - s.Lo
}
