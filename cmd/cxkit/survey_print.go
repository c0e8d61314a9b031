package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/cxkit/cxkit/internal/groups"
	"github.com/cxkit/cxkit/metrics"
	"github.com/cxkit/cxkit/metrics/surveycsv"
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

func surveyWriteText(w io.Writer, k *surveyKind, o *surveycsv.Summary) {
	r := o.Overall
	level := r.CI.Level
	fmt.Fprintf(w, "%s of column %q in %s: %s", k.title, o.Data.Column, o.File, plural(int(r.N), "answer", "answers"))
	if o.Data.Blank > 0 {
		fmt.Fprintf(w, " (%d blank skipped)", o.Data.Blank)
	}
	fmt.Fprintln(w)
	what := k.title
	if k == surveyCES {
		what = "CES mean"
	}
	ci, se := surveyInterval(k, r.CI), surveyValue(k, r.SE)
	if r.UnknownSpread {
		ci, se = "— (one answer shows no spread)", "—"
	}
	fmt.Fprintf(w, "  %s %s, %s %s (%s), se %s\n", what, surveyValue(k, r.Value), surveyCILabel(level),
		ci, surveyMethodName(r.CI.Method), se)
	fmt.Fprintf(w, "  %s\n", surveyParts(r))
	if o.Data.Weight != "" {
		fmt.Fprintf(w, "  weighted by %q (the shares are weighted, the counts are answers): effective sample size %.1f\n", o.Data.Weight, r.NEff)
	}

	if o.Data.By != "" {
		fmt.Fprintf(w, "\nby %s, best first:\n", o.Data.By)
		t := &textTable{indent: "  ", right: func(col, n int) bool {
			// Names left, numbers right, a trailing note left.
			return col > 0 && !(col == n-1 && n > 2)
		}}
		head := []string{o.Data.By, "n", k.title, surveyCILabel(level)}
		if o.Compared != nil {
			head = append(head, "change", "p", "p (Holm)", "")
		}
		t.add(append(head, "")...)
		wide, marked := 0, 0
		for _, g := range o.Groups {
			name := groups.Label(g.Name)
			if g.Err != nil {
				cells := []string{name, fmt.Sprint(g.Res.N), "—", "—"}
				if o.Compared != nil {
					cells = append(cells, "—", "—", "—", "")
				}
				t.add(append(cells, g.Err.Error())...)
				continue
			}
			ci := surveyInterval(k, g.Res.CI)
			if g.Res.UnknownSpread {
				ci = "—"
			}
			cells := []string{name, fmt.Sprint(g.Res.N), surveyValue(k, g.Res.Value), ci}
			note := ""
			if o.Compared != nil {
				if c := g.Compared; c != nil && c.Err == nil {
					mark := ""
					if c.HasHolm && c.Holm < 1-level {
						mark = "*"
						marked++
					}
					cells = append(cells, surveyDiff(k, surveyShownDiff(c.Test)), surveyP(c.Test.P), surveyP(c.Holm), mark)
				} else {
					cells = append(cells, "—", "—", "—", "")
					if c != nil {
						note = "no test: " + surveyNoTest(c.Err)
					}
				}
			}
			if g.Wide {
				if note != "" {
					note += "; "
				}
				note += "too uncertain to rank"
				wide++
			}
			t.add(append(cells, note)...)
		}
		t.write(w)
		if o.Compared != nil {
			fmt.Fprintf(w, "(* marks a change significant at the %.3g%% level after Holm's adjustment over the %s compared: p (Holm) below %.3g; p is each group's own test; %d marked)\n",
				100*(1-level), plural(o.Tested(), "group", "groups"), 1-level, marked)
		}
		if wide > 0 {
			fmt.Fprintf(w, "(%d of %d groups have an interval wider than %s: too uncertain to rank)\n",
				wide, len(o.Groups), surveyWideText(k, o.Data.Scale))
		}
	}

	if c := o.Compared; c != nil {
		fmt.Fprintf(w, "\ncompared with %s (%s %s, n %d):\n", c.File, k.title, surveyValue(k, c.Old.Value), c.Old.N)
		surveyWriteComparison(w, k, "", c, level)
		if a := o.Also; a != nil {
			// The second test: CSAT's mean rating in scale points, as
			// CES means print; CES's good share in percentage points,
			// as CSAT prints.
			unit, label := surveyCES, "mean rating: "
			if k == surveyCES {
				unit, label = surveyCSAT, fmt.Sprintf("answers %s: ", surveyGoodPoints(o.Data.Scale))
			}
			surveyWriteComparison(w, unit, label, a, level)
		}
	}
}

// surveyWriteComparison prints one test against the earlier export, its
// differences in k's units, each line after label.
func surveyWriteComparison(w io.Writer, k *surveyKind, label string, c *surveycsv.Comparison, level float64) {
	{
		if c.Err != nil {
			fmt.Fprintf(w, "  %sno test: %v\n", label, surveyNoTest(c.Err))
			return
		}
		alpha := 1 - level
		verdict := fmt.Sprintf("not significant at the %.3g%% level", 100*alpha)
		if c.Test.P < alpha {
			better := "higher"
			if c.Test.Diff < 0 {
				better = "lower"
			}
			verdict = fmt.Sprintf("significantly %s at the %.3g%% level", better, 100*alpha)
		}
		stat := "z " + fixed(c.Test.Z, 2)
		if c.Test.Method == metrics.WelchT {
			stat = fmt.Sprintf("t %s (Welch, df %s)", fixed(c.Test.T, 2), fixed(c.Test.DF, 1))
		}
		adjusted := ""
		if surveyDiff(k, c.Test.Diff) != surveyDiff(k, c.Test.RawDiff) {
			adjusted = fmt.Sprintf(" (tested %s: %s)", surveyTestName(c.Test.Method), surveyDiff(k, c.Test.Diff))
		}
		fmt.Fprintf(w, "  %sdifference %s%s, se %s, %s, p %s: %s\n", label, surveyDiff(k, c.Test.RawDiff), adjusted,
			strings.TrimSuffix(surveyValue(k, c.Test.SE), "%"), stat, surveyP(c.Test.P), verdict)
		fmt.Fprintf(w, "  %s%s of the difference [%s, %s]\n", label, surveyCILabel(level),
			strings.TrimSuffix(surveyValue(k, c.Test.CI.Lo), "%"), strings.TrimSuffix(surveyValue(k, c.Test.CI.Hi), "%"))
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
	return fmt.Sprintf("%.2f points (a fifth of the scale)", surveycsv.WideLimit(k.metric, s))
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

// surveyNoTest says why there is no test. The text puts "no test:"
// before it, so the library's closing "no test" is not said twice.
func surveyNoTest(err error) string { return strings.TrimSuffix(err.Error(), ": no test") }
