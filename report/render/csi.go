package render

import (
	"fmt"
	"io"

	"github.com/cxkit/cxkit/internal/textfmt"
	"github.com/cxkit/cxkit/korto"
)

// The report's satisfaction index: the csi questions of the survey, the
// index over all audits with each attribute's mean, and the index of
// each group.

type csiWords struct {
	Title, Note string
	Head        []string // attribute, weight, n, mean, 95% CI
}

var csiWordsEn = csiWords{
	Title: "Satisfaction index (CSI)",
	Note:  "CSI = 100 · Σ weight · (mean − lo) / ((hi − lo) · Σ weight): 0 when every attribute gets the lowest rating, 100 when every one gets the highest.",
	Head:  []string{"attribute", "weight", "n", "mean", "95% CI"},
}

var csiWordsRu = csiWords{
	Title: "Индекс удовлетворённости (CSI)",
	Note:  "CSI = 100 · Σ вес · (среднее − lo) / ((hi − lo) · Σ вес): 0, когда все параметры получили низшую оценку, 100 — когда высшую.",
	Head:  []string{"параметр", "вес", "n", "среднее", "95% ДИ"},
}

func (v *view) csiWords() *csiWords {
	if v.L.Lang == "ru" {
		return &csiWordsRu
	}
	return &csiWordsEn
}

// csiValue formats an index: "64.9 (n=16)", or "—".
func csiValue(s *korto.CSISummary) string {
	if s == nil || s.CSI == nil {
		return fmt.Sprintf("— (n=%d)", nOf(s))
	}
	return fmt.Sprintf("%s (n=%d)", textfmt.Fixed(*s.CSI, 1), s.N)
}

func nOf(s *korto.CSISummary) int64 {
	if s == nil {
		return 0
	}
	return s.N
}

// csiAttrRow is one attribute's line: text, weight, n, mean, interval.
func (v *view) csiAttrRow(a korto.CSIAttributeSummary) []string {
	mean, ci := "—", "—"
	if a.Mean != nil {
		mean = textfmt.Fixed(*a.Mean, 2)
	}
	if a.CILow != nil && a.CIHigh != nil {
		ci = textfmt.Fixed(*a.CILow, 2) + "–" + textfmt.Fixed(*a.CIHigh, 2)
	}
	return []string{a.ID + " — " + v.questionTitle(a.ID, a.Title), korto.FormatNumber(a.Weight), fmt.Sprint(a.N), mean, ci}
}

// writeCSI prints the index, when the checklist has one.
func (v *view) writeCSI(w io.Writer) {
	o := v.Rep.Overall.CSI
	if o == nil {
		return
	}
	W := v.csiWords()
	fmt.Fprintf(w, "\n%s, %s..%s: %s\n", W.Title, korto.FormatNumber(o.Lo), korto.FormatNumber(o.Hi), csiValue(o))
	t := textfmt.Table{Indent: "  ", Right: textfmt.RightCols(false, true, true, true, true)}
	t.Add(W.Head...)
	for _, a := range o.Attributes {
		t.Add(v.csiAttrRow(a)...)
	}
	t.Write(w)
	if len(v.Rep.Groups) > 0 {
		t = textfmt.Table{Indent: "  ", Right: textfmt.RightCols(false, true)}
		for _, g := range v.Rep.Groups {
			t.Add(v.groupName(g.Group), csiValue(g.CSI))
		}
		t.Write(w)
	}
	fmt.Fprintf(w, "  %s\n", W.Note)
}

// htmlCSI is the index as the HTML template shows it.
type htmlCSI struct {
	W      *csiWords
	Title  string
	Attrs  [][]string
	Groups [][2]string
}

func (v *view) htmlCSI() *htmlCSI {
	o := v.Rep.Overall.CSI
	if o == nil {
		return nil
	}
	W := v.csiWords()
	h := &htmlCSI{W: W, Title: fmt.Sprintf("%s, %s..%s: %s", W.Title, korto.FormatNumber(o.Lo), korto.FormatNumber(o.Hi), csiValue(o))}
	for _, a := range o.Attributes {
		h.Attrs = append(h.Attrs, v.csiAttrRow(a))
	}
	for _, g := range v.Rep.Groups {
		h.Groups = append(h.Groups, [2]string{v.groupName(g.Group), csiValue(g.CSI)})
	}
	return h
}
