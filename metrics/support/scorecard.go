package support

import (
	"fmt"
	"maps"

	"github.com/cxkit/cxkit/internal/groups"
)

// Scorecard is everything a support analysis yields in one document:
// the [Report] of all tickets, an optional breakdown, the post-service
// survey, and every standard checked with the tally of the verdicts.
// Its JSON (Report's fields at the top level) is what `cxkit support
// --json` prints.
type Scorecard struct {
	*Report
	// By names the breakdown of Groups: channel, priority or agent; ""
	// without one.
	By     string  `json:"by,omitempty"`
	Groups []Group `json:"groups,omitempty"`
	// Warnings are what may mislead in the Groups: keys that are one
	// name typed two ways ("Email" and "email", "anna" and "anna "), in
	// the words of every --by (internal/groups). Not in the JSON, as
	// for the survey commands: the command prints them on stderr.
	Warnings []string `json:"-"`
	// Survey is the post-service survey KPIs with their sample sizes, as
	// [Survey.Values] gives them; nil without a survey.
	Survey          map[string]any `json:"survey,omitempty"`
	Standards       []Row          `json:"standards"`
	StandardsName   string         `json:"standards_name"`
	StandardsPassed int            `json:"standards_passed"`
	StandardsFailed int            `json:"standards_failed"`
	StandardsNoData int            `json:"standards_no_data"`
	// SkippedLines counts the bad input lines left out, as
	// [ScorecardOptions] gives it: only the reader of the inputs knows.
	SkippedLines int `json:"skipped_lines"`
	// Period is the backlog series' bucket: day or week.
	Period string `json:"period"`
}

// ScorecardOptions say what [Accumulator.Scorecard] checks and adds to
// the report. The zero value checks [DefaultStandards] without a
// breakdown or survey.
type ScorecardOptions struct {
	// Standards are checked against the KPIs; nil means
	// DefaultStandards.
	Standards *StandardSet
	// By breaks the KPIs down by a [Dimension] named as
	// [Dimension.String] names it; "" for no breakdown.
	By string
	// Survey, when not nil, supplies the survey KPIs of the standards
	// and the Scorecard's Survey.
	Survey *Survey
	// Inputs are survey KPIs known otherwise (from a survey tool, a
	// usability test); a Survey's values take precedence over them.
	Inputs Inputs
	// SkippedLines is the number of bad input lines left out, which
	// the accumulator never sees; it is copied to the Scorecard.
	SkippedLines int
}

// Scorecard checks the standards of opts against what a has measured
// and returns the whole report: the one call behind `cxkit support`.
// The standards and inputs are validated first, as by
// [Accumulator.Evaluate], and an unknown By is an error.
func (a *Accumulator) Scorecard(opts ScorecardOptions) (*Scorecard, error) {
	if err := a.init(); err != nil {
		return nil, err
	}
	set := opts.Standards
	if set == nil {
		set = DefaultStandards()
	}
	var dim Dimension
	if opts.By != "" {
		var err error
		if dim, err = ParseDimension(opts.By); err != nil {
			return nil, err
		}
	}
	in := opts.Inputs
	var survey map[string]any
	if opts.Survey != nil {
		values, out := opts.Survey.Values()
		if len(in.Survey) > 0 {
			merged := maps.Clone(in.Survey)
			maps.Copy(merged, values)
			values = merged
		}
		in.Survey, survey = values, out
	}
	rows, err := a.Evaluate(set, in)
	if err != nil {
		return nil, err
	}
	sc := &Scorecard{Report: a.Report(), Survey: survey, Standards: rows, StandardsName: set.Name,
		SkippedLines: opts.SkippedLines, Period: a.opts.Period.String()}
	if opts.By != "" {
		sc.By, sc.Groups = dim.String(), a.Groups(dim)
		keys := make([]string, len(sc.Groups))
		for i, g := range sc.Groups {
			keys[i] = g.Key
		}
		sc.Warnings = groups.Warnings(keys)
	}
	for _, r := range rows {
		switch {
		case r.Passed == nil:
			sc.StandardsNoData++
		case *r.Passed:
			sc.StandardsPassed++
		default:
			sc.StandardsFailed++
		}
	}
	return sc, nil
}

var dimensionNames = [...]string{ByChannel: "channel", ByPriority: "priority", ByAgent: "agent"}

// String names the dimension as [ParseDimension] reads it: channel,
// priority or agent.
func (d Dimension) String() string {
	if int(d) < len(dimensionNames) {
		return dimensionNames[d]
	}
	return fmt.Sprintf("Dimension(%d)", d)
}

// ParseDimension reads a dimension's name as String writes it:
// channel, priority or agent.
func ParseDimension(s string) (Dimension, error) {
	for d, name := range dimensionNames {
		if s == name {
			return Dimension(d), nil
		}
	}
	return 0, fmt.Errorf("support: unknown breakdown %q: want channel, priority or agent", s)
}

// String names the period as the backlog series is labelled: day or
// week.
func (p Period) String() string {
	switch p {
	case Day:
		return "day"
	case Week:
		return "week"
	}
	return fmt.Sprintf("Period(%d)", p)
}

// ParsePeriod reads a period's name as String writes it: day or week.
func ParsePeriod(s string) (Period, error) {
	switch s {
	case "day":
		return Day, nil
	case "week":
		return Week, nil
	}
	return 0, fmt.Errorf("support: unknown period %q: want day or week", s)
}
