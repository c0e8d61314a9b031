package support

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// Level is a three-point rating of impact or urgency.
type Level uint8

// Impact and urgency levels. The zero Level is none of them, and
// [Matrix.Priority] rejects it.
const (
	Low Level = iota + 1
	Medium
	High
)

// String returns "low", "medium" or "high", or "Level(n)" for a value
// outside them.
func (l Level) String() string {
	switch l {
	case Low:
		return "low"
	case Medium:
		return "medium"
	case High:
		return "high"
	}
	return fmt.Sprintf("Level(%d)", l)
}

// ParseLevel reads "low", "medium" or "high" (any case).
func ParseLevel(s string) (Level, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "low":
		return Low, nil
	case "medium":
		return Medium, nil
	case "high":
		return High, nil
	}
	return 0, fmt.Errorf("unknown level %q (want low, medium or high)", s)
}

// Matrix assigns a priority from impact (how many customers or how much
// business an issue hurts) and urgency (how soon it hurts), and sets a
// resolution target per priority: the tiered model the service-standards guide cites from
// Stanford University's IT service levels.
//
// The zero Matrix has no cells and no targets, so Priority and Deadline
// fail on it; start from [DefaultMatrix] and change what differs.
type Matrix struct {
	// Cells[impact-1][urgency-1] is the priority.
	Cells [3][3]Priority
	// Targets are resolution times per priority, measured on the team's
	// calendar when it has one. A priority without a target has no
	// deadline and no standard.
	Targets map[Priority]time.Duration
}

// DefaultMatrix is the common 3x3 matrix: high impact and high urgency is
// P1; one step down on either is P2; the diagonal through the middle
// (high-low, medium-medium, low-high) is P3; the three cells below it
// are P4. Its targets (4 hours, 1, 3 and 5 working days of
// 8 hours) are a starting point for a team to replace with its own.
func DefaultMatrix() Matrix {
	return Matrix{
		Cells: [3][3]Priority{
			// urgency: low, medium, high
			{P4, P4, P3}, // impact low
			{P4, P3, P2}, // impact medium
			{P3, P2, P1}, // impact high
		},
		Targets: map[Priority]time.Duration{
			P1: 4 * time.Hour,
			P2: 8 * time.Hour,
			P3: 3 * 8 * time.Hour,
			P4: 5 * 8 * time.Hour,
		},
	}
}

// Priority returns the priority of an issue with the given impact and
// urgency, or an error when either is not Low, Medium or High, or when
// the matrix has no priority in that cell (the zero Matrix has none).
func (m Matrix) Priority(impact, urgency Level) (Priority, error) {
	var errs []error
	for _, l := range []struct {
		name string
		v    Level
	}{{"impact", impact}, {"urgency", urgency}} {
		if l.v < Low || l.v > High {
			errs = append(errs, fmt.Errorf("support: %s %d is not low, medium or high", l.name, l.v))
		}
	}
	if len(errs) > 0 {
		return 0, errors.Join(errs...)
	}
	p := m.Cells[impact-1][urgency-1]
	if p == NoPriority || p > P4 {
		return 0, fmt.Errorf("support: the matrix has no priority for %v impact and %v urgency (start from DefaultMatrix)", impact, urgency)
	}
	return p, nil
}

// Deadline returns when a ticket of priority p created at t must be
// resolved: the target counted in working time on cal, or in calendar
// time when cal is nil.
func (m Matrix) Deadline(p Priority, t time.Time, cal *Calendar) (time.Time, error) {
	d, ok := m.Targets[p]
	switch {
	case !ok && p == NoPriority:
		return time.Time{}, errors.New("support: a ticket without a priority has no resolution target")
	case !ok:
		return time.Time{}, fmt.Errorf("support: no resolution target for priority %v", p)
	}
	if cal == nil {
		return t.Add(d), nil
	}
	return cal.Add(t, d)
}

// Standards returns one resolution-time standard per priority with a
// target: the mean time to the first solved event must not exceed it.
func (m Matrix) Standards() []Standard {
	var out []Standard
	for _, p := range AllPriorities() {
		d, ok := m.Targets[p]
		if !ok {
			continue
		}
		out = append(out, Standard{
			Name:   fmt.Sprintf("%v resolved within %v", p, d),
			KPI:    "resolution_time",
			Filter: Filter{Priorities: []Priority{p}},
			Op:     LessEqual,
			Target: Target(d.Seconds()),
			Source: "priority matrix",
		})
	}
	return out
}
