package surveycsv

import (
	"fmt"
	"slices"
	"strings"

	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/internal/groups"
	"github.com/cxkit/cxkit/internal/jsonout"
	"github.com/cxkit/cxkit/metrics"
)

// Summary is a file's metric with its groups ranked and, after Compare,
// its test against an earlier export: what cxkit nps (csat, ces,
// emotion) prints. Its JSON is the command's --json output.
type Summary struct {
	File    string // the file's name in the JSON ("file")
	Data    *Data
	Overall Result
	Groups  []RankedGroup // best first
	// Compared is the test against an earlier export, after Compare.
	Compared *Comparison
	// Also is the second test metrics.md names for the metric, after
	// Compare: the mean rating of CSAT (Welch), the good share of CES
	// (Agresti–Caffo); nil for NPS and the emotional index. AlsoKey
	// is its JSON key, "compare_mean" or "compare_good".
	Also    *Comparison
	AlsoKey string
	// Warnings are what may mislead in the groups: names that are one
	// place typed two ways (groups.Warnings). They are not in the JSON:
	// cxkit prints them on standard error.
	Warnings []string
}

// RankedGroup is a group's result, or why it has none.
type RankedGroup struct {
	Name string
	Res  Result
	Err  error // e.g. every weight zero; Res.N still counts the answers
	// Wide: the interval is wider than WideLimit, too uncertain to rank.
	Wide bool
	// Compared is the group's test against the same group of the
	// earlier export, when it has one there; Also its second test,
	// as Summary.Also.
	Compared, Also *Comparison
}

// Comparison is a result tested against an earlier one.
type Comparison struct {
	File string
	Old  Result
	Test metrics.Comparison
	Err  error
	// Holm is the Holm-adjusted p over the groups tested in one Compare
	// (groups only); HasHolm says it was computed.
	Holm    float64
	HasHolm bool
	// Group marks a group's comparison, whose JSON carries p_holm
	// (null when untested); Level is the level asked for, which an
	// untested comparison still reports.
	Group bool
	Level float64
	// Method is the test the comparison runs, or would have run: an
	// untested one reports that test's statistics as null.
	Method metrics.Method
	// Plain is the plain difference of the two values compared, when
	// both have one: an untested comparison still reports it as diff,
	// so identical inputs differ by exactly 0 even without a test.
	Plain *float64
}

// WideLimit is the interval width above which a group is flagged as too
// uncertain to rank, in the metric's own units: 20 points of NPS or
// CSAT, 0.20 of the emotional index, a fifth of a CES scale's span.
func WideLimit(m Metric, s metrics.Scale) float64 {
	switch m {
	case Emotion:
		return 0.20
	case CES:
		return 0.2 * float64(s.Hi-s.Lo)
	}
	return 20
}

// Summarize computes d's metric at the options' level and method and
// ranks its groups by value, best first (ties and groups without a
// result by name).
func Summarize(d *Data, o metrics.Options) (*Summary, error) {
	res, err := d.All.ResultWith(o)
	if err != nil {
		return nil, fmt.Errorf("%s: column %s: %w", d.File, diag.Quote(d.Column), err)
	}
	s := &Summary{File: d.File, Data: d, Overall: res}
	names := make([]string, len(d.Groups))
	for i, g := range d.Groups {
		names[i] = g.Name
	}
	s.Warnings = groups.Warnings(names)
	for _, g := range d.Groups {
		r, err := g.Acc.ResultWith(o)
		rg := RankedGroup{Name: g.Name, Res: r, Err: err}
		if err == nil {
			rg.Wide = r.CI.Width() > WideLimit(d.Metric, d.Scale)
		} else {
			rg.Res.N = g.Acc.N() // no result, but the answers are there
		}
		s.Groups = append(s.Groups, rg)
	}
	slices.SortStableFunc(s.Groups, func(a, b RankedGroup) int {
		switch {
		case (a.Err == nil) != (b.Err == nil):
			if a.Err == nil {
				return -1
			}
			return 1
		case a.Err == nil && a.Res.Value != b.Res.Value:
			if better(d, a.Res.Value, b.Res.Value) {
				return -1
			}
			return 1
		}
		return strings.Compare(a.Name, b.Name)
	})
	return s, nil
}

// better reports whether value a ranks above b: higher is better,
// except for a CES mean on a scale where low is good.
func better(d *Data, a, b float64) bool {
	if d.Metric == CES && d.Scale.Good == metrics.Low {
		return a < b
	}
	return a > b
}

// Compare tests the summary, and each of its groups, against old, an
// earlier export of the same metric read with the same options.
func (s *Summary) Compare(old *Data, o metrics.Options) error {
	res, err := old.All.ResultWith(o)
	if err != nil {
		return fmt.Errorf("%s: column %s: %w", old.File, diag.Quote(s.Data.Column), err)
	}
	level := o.Level
	if level == 0 {
		level = 0.95
	}
	s.AlsoKey = s.Data.Metric.alsoKey()
	mainMethod, alsoMethod := s.Data.Metric.methods(o.Method)
	pair := func(cur, prev Result, group bool) (main, also *Comparison) {
		main = &Comparison{File: old.File, Old: prev, Group: group, Level: level, Method: mainMethod}
		main.Test, main.Err = cur.compare(prev)
		main.Plain = new(cur.Value - prev.Value)
		if s.AlsoKey != "" {
			also = &Comparison{File: old.File, Old: prev, Group: group, Level: level, Method: alsoMethod}
			also.Test, also.Err = cur.compareAlso(prev)
			also.Plain = new(cur.alsoValue() - prev.alsoValue())
		}
		return main, also
	}
	s.Compared, s.Also = pair(s.Overall, res, false)
	olds := map[string]*Accumulator{}
	for _, g := range old.Groups {
		olds[g.Name] = g.Acc
	}
	// Every group with a result gets a compare object, as metrics.md's
	// fields ask; one without a test says why, with null numbers.
	for i := range s.Groups {
		g := &s.Groups[i]
		if g.Err != nil {
			continue // no result here: the row already says why
		}
		var why error
		acc, ok := olds[g.Name]
		if ok {
			r, err := acc.ResultWith(o)
			if err == nil {
				g.Compared, g.Also = pair(g.Res, r, true)
				continue
			}
			why = fmt.Errorf("group %s in %s: %w", diag.Quote(g.Name), old.File, err)
		} else {
			why = fmt.Errorf("no answers of group %s in %s to compare with", diag.Quote(g.Name), old.File)
		}
		g.Compared = &Comparison{File: old.File, Group: true, Level: level, Method: mainMethod, Err: why}
		if s.AlsoKey != "" {
			g.Also = &Comparison{File: old.File, Group: true, Level: level, Method: alsoMethod, Err: why}
		}
	}
	// Many groups tested at once: Holm's adjustment over those that had
	// a test keeps the chance of any false "significant" at 1 - level;
	// each family of tests (the main one, the second) on its own.
	for _, of := range []func(*RankedGroup) *Comparison{
		func(g *RankedGroup) *Comparison { return g.Compared },
		func(g *RankedGroup) *Comparison { return g.Also },
	} {
		var ps []float64
		var tested []*Comparison
		for i := range s.Groups {
			if c := of(&s.Groups[i]); c != nil && c.Err == nil {
				ps = append(ps, c.Test.P)
				tested = append(tested, c)
			}
		}
		for i, h := range metrics.Holm(ps) {
			tested[i].Holm, tested[i].HasHolm = h, true
		}
	}
	return nil
}

// Tested counts the groups with a test against the earlier export.
func (s *Summary) Tested() int {
	n := 0
	for _, g := range s.Groups {
		if g.Compared != nil && g.Compared.HasHolm {
			n++
		}
	}
	return n
}

// JSON returns the summary as the object cxkit's --json prints.
func (s *Summary) JSON() map[string]any {
	out := map[string]any{}
	for k, v := range s.Overall.fields {
		out[k] = v
	}
	out["file"] = s.File
	out["column"] = s.Data.Column
	out["rows"] = s.Data.Rows
	out["blank"] = s.Data.Blank
	if s.Data.Weight != "" {
		out["weight_column"] = s.Data.Weight
	}
	if s.Data.By != "" {
		out["by"] = s.Data.By
		groups := []map[string]any{}
		for _, g := range s.Groups {
			row := map[string]any{"group": g.Name}
			if g.Err != nil {
				row["n"] = g.Res.N
				row["error"] = g.Err.Error()
			} else {
				for k, v := range g.Res.fields {
					row[k] = v
				}
				row["too_few_to_rank"] = g.Wide
			}
			if g.Compared != nil {
				row["compare"] = g.Compared.json()
			}
			if g.Also != nil {
				row[s.AlsoKey] = g.Also.json()
			}
			groups = append(groups, row)
		}
		out["groups"] = groups
	}
	if s.Compared != nil {
		out["compare"] = s.Compared.json()
	}
	if s.Also != nil {
		out[s.AlsoKey] = s.Also.json()
	}
	return out
}

// MarshalJSON encodes JSON(), leaving <, > and & in names and columns
// for the caller's encoder to escape or not, as cxkit prints them.
func (s *Summary) MarshalJSON() ([]byte, error) { return jsonout.Value(s.JSON()) }

// json is a compare object: the fields of metrics.Comparison (diff,
// se, p, ci_low, ci_high, level, method, z or t and df, raw_diff for NPS
// and the index), the earlier file and its result as previous, and
// p_holm for a group. With no test, error says why.
//
// An untested comparison keeps the contract's fields, null: se, p,
// ci_low and ci_high, the statistic of the test it would have run (z,
// or t and df) and p_holm for a group, with its level and method, so
// that a reader finds p null rather than missing; diff (and raw_diff
// for NPS and the emotional index) is the plain
// difference when both sides have a value (the difference a test would
// have been of: untested are means and plain Wald, whose diff is the
// plain one), else null; previous is null when the earlier export has
// no such group.
func (c *Comparison) json() map[string]any {
	if c.Err != nil {
		var diff any
		if c.Plain != nil {
			diff = *c.Plain
		}
		m := map[string]any{"file": c.File, "previous": c.Old.fields, "error": c.Err.Error(),
			"diff": diff, "se": nil, "p": nil, "ci_low": nil, "ci_high": nil, "level": c.Level}
		if c.Group {
			m["p_holm"] = nil
		}
		if c.Method != "" {
			m["method"] = string(c.Method)
		}
		switch c.Method {
		case metrics.WelchT:
			m["t"], m["df"] = nil, nil
		case metrics.AdjustedWald, metrics.Wald:
			m["z"], m["raw_diff"] = nil, diff
		case metrics.AgrestiCaffo:
			m["z"] = nil
		}
		return m
	}
	m := c.Test.Fields()
	m["file"], m["previous"] = c.File, c.Old.fields
	if c.HasHolm {
		m["p_holm"] = c.Holm
	}
	return m
}
