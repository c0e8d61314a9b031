package main

import (
	"fmt"
	"io"

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

func (v *reportView) promiseWords() *promiseWords {
	if v.L.Lang == "ru" {
		return &promiseWordsRu
	}
	return &promiseWordsEn
}

// promiseTable lays out the promises per group: a header row, then all
// audits and every group in league order. nil when the checklist has no
// promises. The text and HTML reports share it.
func (v *reportView) promiseTable() [][]string {
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
			fmt.Sprint(p.Open), fmt.Sprint(p.Overdue), pctOrDash(p.KeptRate)})
	}
	row(v.L.AllAudits, o.Promises)
	for _, g := range v.Rep.Groups {
		row(v.groupName(g.Group), g.Promises)
	}
	return rows
}

// writePromises prints the promises kept per group and those still open
// past their due date, when the checklist has promises.
func (v *reportView) writePromises(w io.Writer) {
	rows := v.promiseTable()
	if rows == nil {
		return
	}
	X := v.promiseWords()
	head := X.Promises
	if v.Rep.AsOf != "" {
		head += " (" + fmt.Sprintf(X.PromisesAsOf, v.Rep.AsOf) + ")"
	}
	fmt.Fprintf(w, "\n%s\n", head)
	t := textTable{indent: "  ", right: func(col, _ int) bool { return col > 0 }}
	for _, r := range rows {
		r[0] = termSafe(r[0])
		t.add(r...)
	}
	t.write(w)
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
	t = textTable{indent: "  "}
	for _, p := range v.Rep.OpenPromises {
		cells := []string{}
		if v.Rep.GroupBy != "" {
			cells = append(cells, termSafe(v.groupName(p.Group)))
		}
		cells = append(cells, termSafe(p.Audit), termSafe(p.Date), X.PromisesDue+" "+p.Due, p.Promise+" — "+v.questionTitle(p.Promise, p.Title))
		t.add(cells...)
	}
	t.write(w)
}
