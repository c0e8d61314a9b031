package render

import (
	"fmt"
	"io"

	"github.com/cxkit/cxkit/internal/termtext"
	"github.com/cxkit/cxkit/internal/textfmt"
	"github.com/cxkit/cxkit/korto"
)

// promiseWords are the fixed words of the promises block, in one
// language.
type promiseWords struct {
	Promises, PromisesAsOf, PromisesNote                         string
	PromisesMade, PromisesKept, PromisesBroken, PromisesOpen     string
	PromisesOverdue, PromisesKeptRate, PromisesLate, PromisesDue string
	PromisesNoneLate                                             string
}

var promiseWordsEn = promiseWords{
	Promises: "Promises", PromisesAsOf: "as of %s",
	PromisesNote: "Kept rate = kept / (kept + broken); open promises have no outcome yet and are left out of it.",
	PromisesMade: "made", PromisesKept: "kept", PromisesBroken: "broken", PromisesOpen: "open",
	PromisesOverdue: "overdue", PromisesKeptRate: "kept rate", PromisesLate: "Promises open past their due date",
	PromisesDue: "due", PromisesNoneLate: "none",
}

var promiseWordsRu = promiseWords{
	Promises: "Обещания", PromisesAsOf: "на %s",
	PromisesNote: "Доля выполненных = выполнено / (выполнено + не выполнено); открытые обещания ещё без итога и в долю не входят.",
	PromisesMade: "дано", PromisesKept: "выполнено", PromisesBroken: "не выполнено", PromisesOpen: "открыто",
	PromisesOverdue: "просрочено", PromisesKeptRate: "доля выполненных", PromisesLate: "Открытые обещания после срока",
	PromisesDue: "срок", PromisesNoneLate: "нет",
}

func (v *view) promiseWords() *promiseWords {
	if v.L.Lang == "ru" {
		return &promiseWordsRu
	}
	return &promiseWordsEn
}

// promiseTable lays out the promises per group: a header row, then all
// audits and every group in league order. nil when the checklist has no
// promises. The text and HTML reports share it.
func (v *view) promiseTable() [][]string {
	o := &v.Rep.Overall
	if o.Promises == nil {
		return nil
	}
	X := v.promiseWords()
	rows := [][]string{{v.L.Group, X.PromisesMade, X.PromisesKept, X.PromisesBroken, X.PromisesOpen, X.PromisesOverdue, X.PromisesKeptRate}}
	row := func(name string, p *korto.PromiseSummary) {
		if p == nil {
			return
		}
		rows = append(rows, []string{name, fmt.Sprint(p.Made), fmt.Sprint(p.Kept), fmt.Sprint(p.Broken),
			fmt.Sprint(p.Open), fmt.Sprint(p.Overdue), textfmt.PctOrDash(p.KeptRate)})
	}
	row(v.L.AllAudits, o.Promises)
	for _, g := range v.Rep.Groups {
		row(v.groupName(g.Group), g.Promises)
	}
	return rows
}

// writePromises prints the promises kept per group and those still open
// past their due date, when the checklist has promises.
func (v *view) writePromises(w io.Writer) {
	rows := v.promiseTable()
	if rows == nil {
		return
	}
	X := v.promiseWords()
	fmt.Fprintf(w, "\n%s\n", v.promisesHead())
	t := textfmt.Table{Indent: "  ", Right: func(col, _ int) bool { return col > 0 }}
	for _, r := range rows {
		r[0] = termtext.Safe(r[0])
		t.Add(r...)
	}
	t.Write(w)
	fmt.Fprintf(w, "  %s\n", X.PromisesNote)
	var total int64
	if v.Rep.OpenPromisesTotal != nil {
		total = *v.Rep.OpenPromisesTotal
	}
	fmt.Fprintf(w, "\n%s (%d)\n", X.PromisesLate, total)
	if total == 0 {
		fmt.Fprintf(w, "  %s\n", X.PromisesNoneLate)
		return
	}
	t = textfmt.Table{Indent: "  "}
	for _, cells := range v.latePromiseRows() {
		for i := range cells {
			cells[i] = termtext.Safe(cells[i])
		}
		t.Add(cells...)
	}
	t.Write(w)
}

// promisesHead is the block's heading, with the date it is judged on.
func (v *view) promisesHead() string {
	X := v.promiseWords()
	if v.Rep.AsOf == "" {
		return X.Promises
	}
	return X.Promises + " (" + fmt.Sprintf(X.PromisesAsOf, v.Rep.AsOf) + ")"
}

// latePromiseRows lays out the promises open past their due date, one
// row each: the group (when the report is grouped), the audit, its date,
// the due date and the promise. The text and HTML reports share it.
func (v *view) latePromiseRows() [][]string {
	X := v.promiseWords()
	var rows [][]string
	for _, p := range v.Rep.OpenPromises {
		cells := []string{}
		if v.Rep.GroupBy != "" {
			cells = append(cells, v.groupName(p.Group))
		}
		cells = append(cells, p.Audit, p.Date, X.PromisesDue+" "+p.Due, p.Promise+" — "+v.questionTitle(p.Promise, p.Title))
		rows = append(rows, cells)
	}
	return rows
}

// htmlPromises is the promises block of the HTML report.
type htmlPromises struct {
	Title, Note, LateTitle, None string
	Head                         []string
	Rows                         [][]string
	Late                         []htmlLatePromise
}

// htmlLatePromise is one late promise: short cells kept on one line,
// then the promise's text, which may wrap.
type htmlLatePromise struct {
	Cells []string
	Text  string
}

// htmlPromises lays out the promises block; nil when the checklist has
// no promises.
func (v *view) htmlPromises() *htmlPromises {
	rows := v.promiseTable()
	if rows == nil {
		return nil
	}
	X := v.promiseWords()
	var total int64
	if v.Rep.OpenPromisesTotal != nil {
		total = *v.Rep.OpenPromisesTotal
	}
	h := &htmlPromises{
		Title: v.promisesHead(), Note: X.PromisesNote, None: X.PromisesNoneLate,
		LateTitle: fmt.Sprintf("%s (%d)", X.PromisesLate, total),
		Head:      rows[0], Rows: rows[1:],
	}
	for _, r := range v.latePromiseRows() {
		h.Late = append(h.Late, htmlLatePromise{Cells: r[:len(r)-1], Text: r[len(r)-1]})
	}
	return h
}
