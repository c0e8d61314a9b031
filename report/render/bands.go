package render

import (
	"fmt"
	"io"

	"github.com/cxkit/cxkit/internal/termtext"
	"github.com/cxkit/cxkit/internal/textfmt"
	"github.com/cxkit/cxkit/korto"
)

// bandTable lays out how many scored audits fell in each band of the
// checklist: a header row, then all audits and every group in league
// order. Cells are "count (share)"; the text and HTML reports share it.
// It returns nil when the checklist names no bands.
func (v *view) bandTable() [][]string {
	o := &v.Rep.Overall
	if o.BelowBands == nil || len(o.Bands) == 0 {
		return nil
	}
	head := []string{v.L.Group, v.L.N, fmt.Sprintf(v.L.BelowBand, textfmt.Pct(o.Bands[0].From))}
	for k, b := range o.Bands {
		head = append(head, v.bandName(k, b)+" ("+fmt.Sprintf(v.L.BandFrom, textfmt.Pct(b.From))+")")
	}
	rows := [][]string{head}
	row := func(name string, g *korto.GroupSummary) {
		if g.BelowBands == nil {
			return
		}
		r := []string{name, fmt.Sprint(g.Score.N), bandCell(*g.BelowBands, g.Score.N)}
		for _, b := range g.Bands {
			r = append(r, bandCell(b.N, g.Score.N))
		}
		rows = append(rows, r)
	}
	row(v.L.AllAudits, o)
	for i := range v.Rep.Groups {
		row(v.groupName(v.Rep.Groups[i].Group), &v.Rep.Groups[i])
	}
	return rows
}

// bandName is band k's name in the view's language.
func (v *view) bandName(k int, b korto.BandCount) string {
	if k < len(v.c.Bands) && v.c.Bands[k] != nil {
		return v.c.Bands[k].Name.In(v.Lang)
	}
	return b.Name
}

func bandCell(n, of int64) string {
	if of == 0 {
		return "—"
	}
	return fmt.Sprintf("%d (%s)", n, textfmt.Pct(float64(n)/float64(of)))
}

// writeBands prints the audits per band, when the checklist has bands.
func (v *view) writeBands(w io.Writer) {
	rows := v.bandTable()
	if rows == nil {
		return
	}
	fmt.Fprintf(w, "\n%s\n", v.L.Bands)
	t := textfmt.Table{Indent: "  ", Right: func(col, _ int) bool { return col > 0 }}
	for _, r := range rows {
		r[0] = termtext.Safe(r[0])
		t.Add(r...)
	}
	t.Write(w)
}
