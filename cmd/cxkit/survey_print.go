package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/cxkit/cxkit/metrics"
)

// surveyValue formats a headline value the way each metric is read.
func surveyValue(k *surveyKind, v float64) string {
	switch k {
	case surveyCSAT:
		return fixed(v, 1) + "%"
	case surveyEmotion, surveyCES:
		return fixed(v, 2)
	}
	return fixed(v, 1)
}

// surveyDiff formats a difference with its sign and unit.
func surveyDiff(k *surveyKind, v float64) string {
	signed := func(prec int) string {
		s := fixed(v, prec)
		if !strings.HasPrefix(s, "-") {
			s = "+" + s
		}
		return s
	}
	switch k {
	case surveyNPS:
		return signed(1) + " points"
	case surveyCSAT:
		return signed(1) + " percentage points"
	}
	return signed(2)
}

func surveyInterval(k *surveyKind, i metrics.Interval) string {
	return "[" + surveyValue(k, i.Lo) + ", " + surveyValue(k, i.Hi) + "]"
}

func surveyMethodName(m metrics.Method) string {
	switch m {
	case metrics.AdjustedWald:
		return "adjusted Wald"
	case metrics.Wald:
		return "Wald"
	case metrics.Wilson:
		return "Wilson"
	case metrics.StudentT:
		return "Student t"
	}
	return string(m)
}

func surveyP(p float64) string {
	if p < 0.0001 {
		return "< 0.0001"
	}
	return fmt.Sprintf("%.4f", p)
}

func (o *surveyOutput) writeText(w io.Writer, k *surveyKind) {
	r := o.overall
	level := r.ci.Level
	fmt.Fprintf(w, "%s of column %q in %s: %s", k.title, o.column, o.file, plural(int(r.n), "answer", "answers"))
	if o.data.blank > 0 {
		fmt.Fprintf(w, " (%d blank skipped)", o.data.blank)
	}
	fmt.Fprintln(w)
	what := k.title
	if k == surveyCES {
		what = "CES mean"
	}
	ci, se := surveyInterval(k, r.ci), surveyValue(k, r.se)
	if r.unknownSpread {
		ci, se = "— (one answer shows no spread)", "—"
	}
	fmt.Fprintf(w, "  %s %s, %s %s (%s), se %s\n", what, surveyValue(k, r.value), surveyCILabel(level),
		ci, surveyMethodName(r.ci.Method), se)
	fmt.Fprintf(w, "  %s\n", r.parts)
	if o.data.weights {
		fmt.Fprintf(w, "  weighted by %q (the shares are weighted, the counts are answers): effective sample size %.1f\n", o.weight, r.fields["n_eff"])
	}

	if o.by != "" {
		fmt.Fprintf(w, "\nby %s, best first:\n", o.by)
		t := &textTable{indent: "  ", right: func(col, n int) bool {
			// Names left, numbers right, a trailing note left.
			return col > 0 && !(col == n-1 && n > 2)
		}}
		head := []string{o.by, "n", k.title, surveyCILabel(level)}
		if o.cmp != nil {
			head = append(head, "change", "p", "p (Holm)", "")
		}
		t.add(append(head, "")...)
		wide, marked := 0, 0
		for _, g := range o.groups {
			name := g.name
			if name == "" {
				name = "(blank)"
			}
			if g.err != nil {
				cells := []string{name, fmt.Sprint(g.res.n), "—", "—"}
				if o.cmp != nil {
					cells = append(cells, "—", "—", "—", "")
				}
				t.add(append(cells, g.err.Error())...)
				continue
			}
			ci := surveyInterval(k, g.res.ci)
			if g.res.unknownSpread {
				ci = "—"
			}
			cells := []string{name, fmt.Sprint(g.res.n), surveyValue(k, g.res.value), ci}
			note := ""
			if o.cmp != nil {
				if c := g.old; c != nil && c.err == nil {
					mark := ""
					if c.hasHolm && c.holm < 1-level {
						mark = "*"
						marked++
					}
					cells = append(cells, surveyDiff(k, surveyShownDiff(c.c)), surveyP(c.c.P), surveyP(c.holm), mark)
				} else {
					cells = append(cells, "—", "—", "—", "")
					if c != nil {
						note = "no test: " + surveyNoTest(c.err)
					}
				}
			}
			if g.wide {
				if note != "" {
					note += "; "
				}
				note += "too uncertain to rank"
				wide++
			}
			t.add(append(cells, note)...)
		}
		t.write(w)
		if o.cmp != nil {
			fmt.Fprintf(w, "(* marks a change significant at the %.3g%% level after Holm's adjustment over the %s compared: p (Holm) below %.3g; p is each group's own test; %d marked)\n",
				100*(1-level), plural(o.tested(), "group", "groups"), 1-level, marked)
		}
		if wide > 0 {
			fmt.Fprintf(w, "(%d of %d groups have an interval wider than %s: too uncertain to rank)\n",
				wide, len(o.groups), surveyWideText(k, o.overall.raw2scale()))
		}
	}

	if c := o.cmp; c != nil {
		fmt.Fprintf(w, "\ncompared with %s (%s %s, n %d):\n", c.file, k.title, surveyValue(k, c.old.value), c.old.n)
		if c.err != nil {
			fmt.Fprintf(w, "  no test: %v\n", surveyNoTest(c.err))
			return
		}
		alpha := 1 - level
		verdict := fmt.Sprintf("not significant at the %.3g%% level", 100*alpha)
		if c.c.P < alpha {
			better := "higher"
			if c.c.Diff < 0 {
				better = "lower"
			}
			verdict = fmt.Sprintf("significantly %s at the %.3g%% level", better, 100*alpha)
		}
		stat := "z " + fixed(c.c.Z, 2)
		if c.c.Method == metrics.WelchT {
			stat = fmt.Sprintf("t %s (Welch, df %s)", fixed(c.c.T, 2), fixed(c.c.DF, 1))
		}
		adjusted := ""
		if surveyDiff(k, c.c.Diff) != surveyDiff(k, c.c.RawDiff) {
			adjusted = fmt.Sprintf(" (tested %s: %s)", surveyTestName(c.c.Method), surveyDiff(k, c.c.Diff))
		}
		fmt.Fprintf(w, "  difference %s%s, se %s, %s, p %s: %s\n", surveyDiff(k, c.c.RawDiff), adjusted,
			strings.TrimSuffix(surveyValue(k, c.c.SE), "%"), stat, surveyP(c.c.P), verdict)
		fmt.Fprintf(w, "  %s of the difference [%s, %s]\n", surveyCILabel(level),
			strings.TrimSuffix(surveyValue(k, c.c.CI.Lo), "%"), strings.TrimSuffix(surveyValue(k, c.c.CI.Hi), "%"))
	}
}

// surveyWideText says how wide an interval may be before a group is
// flagged as too uncertain to rank.
func surveyWideText(k *surveyKind, s metrics.Scale) string {
	switch k {
	case surveyNPS:
		return "20 points"
	case surveyCSAT:
		return "20 percentage points"
	case surveyEmotion:
		return "0.20"
	}
	return fmt.Sprintf("%.2f points (a fifth of the scale)", k.wide(s))
}

// raw2scale returns the scale of a CSAT or CES result (zero otherwise),
// for the width flag.
func (r surveyResult) raw2scale() metrics.Scale {
	switch v := r.raw.(type) {
	case metrics.CSATResult:
		return v.Scale
	case metrics.CESResult:
		return v.Scale
	}
	return metrics.Scale{}
}

// surveyComparisonJSON is a compare object: the fields of
// metrics.Comparison (diff, se, p, ci_low, ci_high, level, method, z or
// t and df, raw_diff for NPS and the index), the earlier file and its
// result as previous, and p_holm with --by. With no test, error says
// why.
func surveyComparisonJSON(c *surveyComparison) map[string]any {
	if c.err != nil {
		return map[string]any{"file": c.file, "previous": c.old.fields, "error": surveyNoTest(c.err)}
	}
	m := c.c.Fields()
	m["file"], m["previous"] = c.file, c.old.fields
	if c.hasHolm {
		m["p_holm"] = c.holm
	}
	return m
}

// surveyShownDiff is the change a reader sees: the plain difference of
// the two values (the tested, adjusted one is printed beside it).
func surveyShownDiff(c metrics.Comparison) float64 { return c.RawDiff }

// surveyTestName names a comparison's test for the text output.
func surveyTestName(m metrics.Method) string {
	switch m {
	case metrics.AdjustedWald:
		return "adjusted"
	case metrics.AgrestiCaffo:
		return "Agresti–Caffo"
	}
	return surveyMethodName(m)
}

// surveyNoTest says why there is no test, without the package prefix.
func surveyNoTest(err error) string { return err.Error() }

// tested counts the groups with a test against the earlier export.
func (o *surveyOutput) tested() int {
	n := 0
	for _, g := range o.groups {
		if g.old != nil && g.old.hasHolm {
			n++
		}
	}
	return n
}

func (o *surveyOutput) json() map[string]any {
	out := map[string]any{}
	for k, v := range o.overall.fields {
		out[k] = v
	}
	out["file"] = o.file
	out["column"] = o.column
	out["rows"] = o.data.rows
	out["blank"] = o.data.blank
	if o.weight != "" {
		out["weight_column"] = o.weight
	}
	if o.by != "" {
		out["by"] = o.by
		groups := []map[string]any{}
		for _, g := range o.groups {
			row := map[string]any{"group": g.name}
			if g.err != nil {
				row["n"] = g.res.n
				row["error"] = g.err.Error()
			} else {
				for k, v := range g.res.fields {
					row[k] = v
				}
				row["too_few_to_rank"] = g.wide
			}
			if g.old != nil {
				row["compare"] = surveyComparisonJSON(g.old)
			}
			groups = append(groups, row)
		}
		out["groups"] = groups
	}
	if o.cmp != nil {
		out["compare"] = surveyComparisonJSON(o.cmp)
	}
	return out
}
