package korto

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/cxkit/cxkit/diag"
)

// The status of a promise made in an audit.
const (
	PromiseKept   = "kept"   // the outcome question is answered "yes"
	PromiseBroken = "broken" // the outcome question is answered "no"
	PromiseOpen   = "open"   // the outcome is not answered yet
)

// PromiseResult is one promise made in an audit: the promise question
// was answered "yes".
type PromiseResult struct {
	Question string `json:"question"` // the outcome question
	Promise  string `json:"promise"`  // the question that records the promise
	Status   string `json:"status"`   // PromiseKept, PromiseBroken or PromiseOpen
	// Due is the day the promise is due, the audit's date plus the
	// promise's days (YYYY-MM-DD); "" when the audit has no valid date.
	Due string `json:"due,omitempty"`
}

// Promises returns the promises made in sheet s, in checklist order of
// their outcome questions: every promise question answered "yes", with
// the status its outcome question's answer gives. The sheet's answers
// are read as they stand; check them with Bind or Score first.
func (p *Plan) Promises(s *Sheet) []PromiseResult {
	if p == nil || s == nil {
		return nil
	}
	var out []PromiseResult
	var date time.Time
	dated := false
	for q := range checklistQuestions(p.c) {
		pr := q.Promise
		if pr == nil {
			continue
		}
		if a, ok := s.Answers[pr.Of]; !ok || a.Type != AnswerString || a.String != "yes" {
			continue
		}
		r := PromiseResult{Question: q.ID, Promise: pr.Of, Status: PromiseOpen}
		if a, ok := s.Answers[q.ID]; ok && a.Type == AnswerString {
			switch a.String {
			case "yes":
				r.Status = PromiseKept
			case "no":
				r.Status = PromiseBroken
			}
		}
		if !dated {
			date, _ = ParseAuditDate(strings.TrimSpace(s.Audit["date"]))
			dated = true
		}
		if !date.IsZero() {
			r.Due = date.AddDate(0, 0, pr.DueDays).Format(time.DateOnly)
		}
		out = append(out, r)
	}
	return out
}

// HasPromises reports whether any question of the checklist is the
// outcome of a promise.
func (c *Checklist) HasPromises() bool {
	if c == nil {
		return false
	}
	for q := range checklistQuestions(c) {
		if q.Promise != nil {
			return true
		}
	}
	return false
}

// IsFollowUp reports whether sheet s is a follow-up of a visit: it
// answers at least one question, and only outcomes of promises. Such a
// sheet fills the outcomes of the visit with the same audit ID (see
// MergeFollowUp); it is not an audit of its own.
func (c *Checklist) IsFollowUp(s *Sheet) bool {
	if c == nil || s == nil || len(s.Answers) == 0 {
		return false
	}
	for id := range s.Answers {
		q := c.Question(id)
		if q == nil || q.Promise == nil {
			return false
		}
	}
	return true
}

// MergeFollowUp fills the promise outcomes of visit from follow, a
// follow-up sheet for the same audit ([Checklist.IsFollowUp]). This is
// the rule:
//
//   - both sheets answer checklist c and carry the same audit "id";
//   - every answer of follow is to the outcome of a promise;
//   - an outcome the visit left unanswered takes the follow-up's answer;
//   - an outcome the visit (or an earlier follow-up) already answered
//     the same way is left as it is, and answered otherwise is a
//     conflict: an error at the follow-up's answer (JSON Pointer
//     /answers/ID), naming both answers.
//
// The audit fields of follow (the day of the call, who checked) are not
// merged: the audit is the visit's. On an error visit is left
// unchanged. The merged sheet is checked as any sheet when bound or
// scored: an outcome of a promise that was not made is then an error.
func (c *Checklist) MergeFollowUp(visit, follow *Sheet) error {
	if c == nil || visit == nil || follow == nil {
		return fmt.Errorf("korto: MergeFollowUp: nil checklist or sheet")
	}
	id := strings.TrimSpace(visit.Audit["id"])
	if id == "" || strings.TrimSpace(follow.Audit["id"]) != id {
		return AnswerErrors{{Pointer: "/audit/id", Severity: SeverityError, Code: diag.CodeWrongChecklist,
			Message: fmt.Sprintf("follow-up of audit %q does not match the visit %q", follow.Audit["id"], visit.Audit["id"])}}
	}
	var errs AnswerErrors
	if follow.Checklist != c.ID || visit.Checklist != c.ID {
		errs = append(errs, &AnswerError{Pointer: "/checklist", Severity: SeverityError, Code: diag.CodeWrongChecklist,
			Message: fmt.Sprintf("follow-up of checklist %q for a visit of %q", follow.Checklist, visit.Checklist)})
	}
	ids := slices.Sorted(maps.Keys(follow.Answers))
	for _, qid := range ids {
		a := follow.Answers[qid]
		ptr := JSONPointer("answers", qid)
		if q := c.Question(qid); q == nil || q.Promise == nil {
			errs = append(errs, &AnswerError{Question: qid, Pointer: ptr, Severity: SeverityError, Code: diag.CodeUnknownQuestion,
				Message: "a follow-up answers only the outcomes of promises; this question is answered in the visit's own sheet"})
			continue
		}
		if old, ok := visit.Answers[qid]; ok && old != a {
			errs = append(errs, &AnswerError{Question: qid, Pointer: ptr, Severity: SeverityError, Code: diag.CodeFollowUpConflict,
				Message: fmt.Sprintf("the follow-up answers %s, but audit %q already has %s; keep one", answerText(a), id, answerText(old))})
		}
	}
	if len(errs) > 0 {
		return errs
	}
	if visit.Answers == nil {
		visit.Answers = map[string]Answer{}
	}
	for _, qid := range ids {
		visit.Answers[qid] = follow.Answers[qid]
	}
	return nil
}

// answerText writes an answer as its JSON: "yes", 4.5.
func answerText(a Answer) string {
	if a.Type == AnswerNumber {
		return FormatNumber(a.Number)
	}
	return fmt.Sprintf("%q", a.String)
}

// PromiseSummary counts the promises made in a group's audits.
type PromiseSummary struct {
	Made   int64 `json:"made"`
	Kept   int64 `json:"kept"`
	Broken int64 `json:"broken"`
	Open   int64 `json:"open"` // no outcome yet
	// Overdue counts the open promises past their due date as of
	// AggregateOptions.AsOf.
	Overdue int64 `json:"overdue"`
	// KeptRate is Kept / (Kept + Broken): of the promises whose outcome
	// is known, the share kept; nil when none is known. Open promises
	// are left out, since their outcome is not known yet (Overdue says
	// how many of them are late).
	KeptRate *float64 `json:"kept_rate"`
}

// OpenPromise is a promise still open past its due date.
type OpenPromise struct {
	Group    string `json:"group"`
	Audit    string `json:"audit"`
	Date     string `json:"date"`
	Due      string `json:"due"`
	Question string `json:"question"` // the outcome question
	Promise  string `json:"promise"`  // the question that records the promise
	Title    string `json:"title"`    // the promise question's text
}

// MaxOpenPromises is how many overdue promises a report lists; the
// report's OpenPromisesTotal counts them all.
const MaxOpenPromises = 200

type promiseEntry struct {
	audit, date, due string
	q                int // index into Aggregator.promises
}

func comparePromise(x, y promiseEntry) int {
	return cmp.Or(strings.Compare(x.due, y.due), strings.Compare(x.audit, y.audit), cmp.Compare(x.q, y.q))
}

// aggPromises is a group's running promise counts.
type aggPromises struct {
	made, kept, broken, open, overdue int64
	list                              []promiseEntry // overdue, at most MaxOpenPromises
}

func (g *aggPromises) add(a *Aggregator, pa *pendingAudit, ps []pendingPromise) {
	for _, p := range ps {
		g.made++
		switch p.status {
		case PromiseKept:
			g.kept++
		case PromiseBroken:
			g.broken++
		default:
			g.open++
			if p.due != "" && !a.opts.AsOf.IsZero() && p.due < a.opts.AsOf.Format(time.DateOnly) {
				g.overdue++
				g.list = insertBounded(g.list, promiseEntry{audit: pa.id, date: pa.date, due: p.due, q: p.index}, MaxOpenPromises, comparePromise)
			}
		}
	}
}

func (g *aggPromises) merge(o *aggPromises) {
	g.made += o.made
	g.kept += o.kept
	g.broken += o.broken
	g.open += o.open
	g.overdue += o.overdue
	for _, e := range o.list {
		g.list = insertBounded(g.list, e, MaxOpenPromises, comparePromise)
	}
}

func (g *aggPromises) summary() *PromiseSummary {
	s := &PromiseSummary{Made: g.made, Kept: g.kept, Broken: g.broken, Open: g.open, Overdue: g.overdue}
	s.KeptRate = share(g.kept, g.kept+g.broken)
	return s
}

type pendingPromise struct {
	index  int // into Aggregator.promises
	status string
	due    string
}

// checkPromises notes the promises of one audit for the groups to
// count, refusing one the checklist does not have.
func (a *Aggregator) checkPromises(ps []PromiseResult) error {
	a.pendingP = a.pendingP[:0]
	for _, p := range ps {
		i, ok := a.promiseIndex[p.Question]
		if !ok || a.promises[i].Promise.Of != p.Promise {
			return fmt.Errorf("promise %q is not a promise of the checklist", p.Question)
		}
		switch p.Status {
		case PromiseKept, PromiseBroken, PromiseOpen:
		default:
			return fmt.Errorf("promise %q has status %q; want kept, broken or open", p.Question, p.Status)
		}
		if p.Due != "" {
			if _, err := ParseAuditDate(p.Due); err != nil {
				return fmt.Errorf("promise %q: due %w", p.Question, err)
			}
		}
		a.pendingP = append(a.pendingP, pendingPromise{index: i, status: p.Status, due: p.Due})
	}
	return nil
}

// indexPromises lists the checklist's promise outcomes.
func (a *Aggregator) indexPromises() {
	a.promiseIndex = map[string]int{}
	for q := range checklistQuestions(a.c) {
		if q.Promise != nil {
			if _, dup := a.promiseIndex[q.ID]; !dup {
				a.promiseIndex[q.ID] = len(a.promises)
				a.promises = append(a.promises, q)
			}
		}
	}
}

// openPromises lists the overdue promises, groups in league order.
func (a *Aggregator) openPromises(order []string) ([]OpenPromise, int64) {
	out := []OpenPromise{}
	var total int64
	add := func(name string, g *aggGroup) {
		total += g.promises.overdue
		for _, e := range g.promises.list {
			if len(out) == MaxOpenPromises {
				return
			}
			q := a.promises[e.q]
			op := OpenPromise{Group: name, Audit: e.audit, Date: e.date, Due: e.due, Question: q.ID, Promise: q.Promise.Of}
			if pq := a.c.Question(q.Promise.Of); pq != nil {
				op.Title = pq.Text.Text
			}
			out = append(out, op)
		}
	}
	a.eachGroup(order, add)
	return out, total
}
