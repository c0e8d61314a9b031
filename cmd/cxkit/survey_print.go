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
	fmt.Fprintf(w, "  %s %s, %s %s (%s), se %s\n", what, surveyValue(k, r.value), surveyCILabel(level),
		surveyInterval(k, r.ci), surveyMethodName(r.ci.Method), surveyValue(k, r.se))
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
			head = append(head, "change", "p")
		}
		t.add(append(head, "")...)
		wide := 0
		for _, g := range o.groups {
			name := g.name
			if name == "" {
				name = "(blank)"
			}
			if g.err != nil {
				t.add(name, fmt.Sprint(g.res.n), "—", "—", g.err.Error())
				continue
			}
			cells := []string{name, fmt.Sprint(g.res.n), surveyValue(k, g.res.value), surveyInterval(k, g.res.ci)}
			if o.cmp != nil {
				if g.old != nil && g.old.err == nil {
					cells = append(cells, surveyDiff(k, g.old.c.Diff), surveyP(g.old.c.P))
				} else {
					cells = append(cells, "—", "—")
				}
			}
			note := ""
			if g.wide {
				note = "too uncertain to rank"
				wide++
			}
			t.add(append(cells, note)...)
		}
		t.write(w)
		if wide > 0 {
			fmt.Fprintf(w, "(%d of %d groups have an interval wider than %s: too uncertain to rank)\n",
				wide, len(o.groups), surveyWideText(k, o.overall.raw2scale()))
		}
	}

	if c := o.cmp; c != nil {
		fmt.Fprintf(w, "\ncompared with %s (%s %s, n %d):\n", c.file, k.title, surveyValue(k, c.old.value), c.old.n)
		if c.err != nil {
			fmt.Fprintf(w, "  no test: %v\n", c.err)
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
		fmt.Fprintf(w, "  difference %s, se %s, z %s, p %s: %s\n", surveyDiff(k, c.c.Diff),
			strings.TrimSuffix(surveyValue(k, c.c.SE), "%"), fixed(c.c.Z, 2), surveyP(c.c.P), verdict)
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

func surveyComparisonJSON(c *surveyComparison) map[string]any {
	if c.err != nil {
		return map[string]any{"file": c.file, "previous": c.old.fields, "error": c.err.Error()}
	}
	return map[string]any{
		"file": c.file, "previous": c.old.fields,
		"diff": c.c.Diff, "se": c.c.SE, "z": c.c.Z, "p": c.c.P,
		"ci_low": c.c.CI.Lo, "ci_high": c.c.CI.Hi, "level": c.c.CI.Level,
	}
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
