package report

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/korto"
)

// heldSheet is a sheet that waits for the end of the input: a follow-up
// of a visit, or a visit in which a promise was made.
type heldSheet struct {
	p      Problem
	sheet  *korto.Sheet
	follow bool
}

// hold keeps back a sheet of a checklist with promises when it is a
// follow-up ([korto.Checklist.IsFollowUp]) or a visit that made a
// promise: the follow-up may come anywhere in the input, before or after
// its visit, so both wait for the end of the reading (see
// mergeFollowUps). Memory for this grows with the promises made, not
// with all audits. Reports whether it kept the sheet.
func (w *worker) hold(s *korto.Sheet, p Problem) bool {
	if !WaitsForFollowUps(w.plan, s) {
		return false
	}
	w.held = append(w.held, heldSheet{p: p, sheet: s, follow: w.plan.Checklist().IsFollowUp(s)})
	return true
}

// WaitsForFollowUps reports whether [Run] keeps a sheet back to the end
// of its input, to merge the follow-ups with their visits: a follow-up,
// or a visit that made a promise, of a checklist with promises. A caller
// that reads the input in pieces (a cluster) gathers these sheets from
// every piece by audit ID and runs each gathering whole, in input order,
// so that a follow-up meets its visit wherever the two are.
func WaitsForFollowUps(plan *korto.Plan, s *korto.Sheet) bool {
	c := plan.Checklist()
	if s == nil || !c.HasPromises() || s.Checklist != c.ID {
		return false
	}
	return c.IsFollowUp(s) || len(plan.Promises(s)) > 0
}

// mergeFollowUps applies the rule of korto.Checklist.MergeFollowUp to
// the held sheets of every worker, in input order: each follow-up fills
// the outcomes of the visit with its audit ID; a follow-up whose audit
// no visit holds, or that contradicts it, is an invalid sheet at its
// place. The visits, merged, are then scored and counted by w, one by
// one, in input order, so the result does not depend on the workers.
func mergeFollowUps(outs []*worker, w *worker) {
	var held []heldSheet
	for _, o := range outs {
		held = append(held, o.held...)
		o.held = nil
	}
	if len(held) == 0 {
		return
	}
	slices.SortFunc(held, func(a, b heldSheet) int {
		return cmp.Or(cmp.Compare(a.p.src, b.p.src), cmp.Compare(a.p.Line, b.p.Line))
	})
	c := w.plan.Checklist()
	visits := map[string]int{}
	for i, h := range held {
		if id := strings.TrimSpace(h.sheet.Audit["id"]); !h.follow && id != "" {
			if _, seen := visits[id]; !seen {
				visits[id] = i
			}
		}
	}
	for _, h := range held {
		if !h.follow {
			continue
		}
		id := strings.TrimSpace(h.sheet.Audit["id"])
		i, ok := visits[id]
		if !ok {
			w.done(h.p, nil, diag.List{{Pointer: "/audit/id", Severity: diag.SeverityError, Code: diag.CodeFollowUpAlone,
				Message: fmt.Sprintf("a follow-up (it answers only the outcomes of promises) for audit %q, which no visit sheet holds", id)}})
			continue
		}
		if err := c.MergeFollowUp(held[i].sheet, h.sheet); err != nil {
			w.done(h.p, nil, err)
		}
	}
	for _, h := range held {
		if h.follow {
			continue
		}
		sheet, err := w.addRead(h.sheet, nil)
		w.done(h.p, sheet, err)
	}
}
