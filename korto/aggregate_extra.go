package korto

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/cxkit/cxkit/internal/groups"
)

// What a report holds besides sums: section scores, the audits with a
// failed critical question, text answers and waves by period. Lists are
// bounded per group (the first MaxCriticalFailures failures, the latest
// MaxComments comments), so memory still grows with groups and not with
// audits, and every list is ordered by its content alone, so that merged
// parts give the same report as one pass.

// MaxCriticalFailures is how many critical failures a [Report] lists;
// Report.CriticalFailuresTotal counts them all.
const MaxCriticalFailures = 200

// MaxComments is how many text answers a group's summary lists, the
// latest by date; GroupSummary.CommentsTotal counts them all.
const MaxComments = 20

// Periods an [Aggregator] can split the audits into by their "date"
// field: [AggregateOptions].Period.
const (
	PeriodMonth   = "month"   // 2026-03
	PeriodQuarter = "quarter" // 2026-Q1
	PeriodWeek    = "week"    // ISO week, 2026-W09
)

// CriticalFailure is one critical question failed in one audit.
type CriticalFailure struct {
	Group    string `json:"group"` // the audit's group; "" without grouping
	Audit    string `json:"audit"` // the audit's id
	Date     string `json:"date"`
	Question string `json:"question"` // the question's ID
	Title    string `json:"title"`    // the question's text
	// Place is where the sheet of an audit without an id was read
	// (Sheet.Place), so that text and HTML can name an audit the JSON,
	// whose fields reports.md fixes, lists with an empty "audit"; ""
	// for an audit with an id, or a sheet added without a place.
	Place string `json:"-"`
}

// Comment is one answer to a text question.
type Comment struct {
	Audit    string `json:"audit"` // the audit's id, as the sheet has it
	Date     string `json:"date"`
	Question string `json:"question"`
	Text     string `json:"text"`
	// Place is where the sheet of an audit without an id was read, as
	// in [CriticalFailure].Place: reports.md fixes the JSON's fields,
	// so only text, HTML and Excel show it.
	Place string `json:"-"`
}

// SectionSummary is the mean score of one section over the audits of a
// group in which the section had a score.
type SectionSummary struct {
	ID    string   `json:"id"`
	Title string   `json:"title"`
	Level int      `json:"level"`
	N     int64    `json:"n"`
	Mean  *float64 `json:"mean"`
}

// PeriodSummary is one wave of a group: the audits whose date falls in
// Period. Change is the mean minus the previous period's, P Welch's
// two-sided p of that change; both nil for the first period and when
// either side has fewer than 2 audits.
type PeriodSummary struct {
	Period string   `json:"period"`
	N      int64    `json:"n"`
	Mean   *float64 `json:"mean"`
	CILow  *float64 `json:"ci_low"`
	CIHigh *float64 `json:"ci_high"`
	Change *float64 `json:"change"`
	P      *float64 `json:"p"`
}

// aggSection is one section of the checklist, in checklist order.
type aggSection struct {
	s     *Section
	level int
}

// aggText is one text question, in checklist order.
type aggText struct{ id string }

type pendingSection struct {
	index int
	score float64
}

type pendingText struct {
	index int // into Aggregator.texts
	text  string
}

// critEntry is a critical failure with its question's place in the
// checklist, for the order.
type critEntry struct {
	audit, date string
	pos         int    // into Aggregator.qOrder
	place       string // the sheet's place, for an audit without an id
}

// compareCrit orders as reports.md lists critical failures; the place
// last, so that audits without an id list in one order for any number
// of workers.
func compareCrit(x, y critEntry) int {
	return cmp.Or(cmp.Compare(x.date, y.date), cmp.Compare(x.audit, y.audit), cmp.Compare(x.pos, y.pos), cmp.Compare(x.place, y.place))
}

// commentEntry is a text answer with its question's place.
type commentEntry struct {
	audit, date, text string
	index             int    // into Aggregator.texts
	place             string // the sheet's place, for an audit without an id
}

// compareComment orders the latest first, then by audit, question and
// text, so that equal dates still have one order; the place last, as in
// compareCrit.
func compareComment(x, y commentEntry) int {
	return cmp.Or(cmp.Compare(y.date, x.date), cmp.Compare(x.audit, y.audit), cmp.Compare(x.index, y.index), cmp.Compare(x.text, y.text),
		cmp.Compare(x.place, y.place))
}

// insertBounded inserts x into the sorted list, keeping at most limit
// entries.
func insertBounded[T any](list []T, x T, limit int, compare func(a, b T) int) []T {
	i, _ := slices.BinarySearchFunc(list, x, compare)
	for i < len(list) && compare(list[i], x) == 0 {
		i++ // after equals: the order of equal entries does not show
	}
	if i >= limit {
		return list
	}
	list = slices.Insert(list, i, x)
	if len(list) > limit {
		list = list[:limit]
	}
	return list
}

// indexTexts lists the text questions of levels and survey.
func (a *Aggregator) indexTexts() {
	add := func(q *Question) {
		if q != nil && q.Kind.EffectiveType() == KindText {
			a.textIndex[q.ID] = len(a.texts)
			a.texts = append(a.texts, aggText{q.ID})
		}
	}
	var walk func([]Item)
	walk = func(items []Item) {
		for _, it := range items {
			if it.Section != nil {
				walk(it.Section.Items)
			} else {
				add(it.Question)
			}
		}
	}
	for _, l := range a.levels {
		walk(l.Items)
	}
	if a.c.Survey != nil {
		for _, q := range a.c.Survey.Questions {
			add(q)
		}
	}
}

// checkAudit reads what the report needs of the audit fields: id, date
// and the period. A date that is not an ISO date is an error when the
// aggregator splits by period or derives the month from it.
func (a *Aggregator) checkAudit(audit map[string]string) error {
	pa := &a.pendingA
	pa.id = audit["id"]
	pa.date = strings.TrimSpace(audit["date"])
	pa.period = ""
	needDate := a.opts.Period != "" || isPeriodField(a.opts.GroupBy) && groups.Name(audit[a.opts.GroupBy]) == ""
	if !needDate {
		pa.group = auditGroup(audit, a.opts.GroupBy)
		return nil
	}
	var t time.Time
	if pa.date != "" {
		var err error
		if t, err = ParseAuditDate(pa.date); err != nil {
			return err
		}
	}
	if a.opts.Period != "" {
		if pa.date == "" {
			return fmt.Errorf("no date: splitting by %s needs the audit field \"date\" (YYYY-MM-DD)", a.opts.Period)
		}
		pa.period = PeriodOf(t, a.opts.Period)
	}
	pa.group = auditGroup(audit, a.opts.GroupBy)
	if isPeriodField(a.opts.GroupBy) && groups.Name(audit[a.opts.GroupBy]) == "" && pa.date != "" {
		pa.group = PeriodOf(t, a.opts.GroupBy)
	}
	return nil
}

// isPeriodField reports whether grouping by field groups by time, which
// is listed in date order and never ranked.
func isPeriodField(field string) bool {
	switch field {
	case PeriodMonth, PeriodQuarter, PeriodWeek:
		return true
	}
	return false
}

// ParseAuditDate reads an audit's "date": an ISO date, YYYY-MM-DD,
// optionally followed by a time ("2026-03-02T10:15:00+03:00"). Other
// ways of writing dates (02.03.2026) are errors, not guesses: the day
// and the month could be either way round.
func ParseAuditDate(s string) (time.Time, error) {
	d := s
	if len(d) > 10 && (d[10] == 'T' || d[10] == ' ') {
		d = d[:10]
	}
	t, err := time.Parse(time.DateOnly, d)
	if err != nil || len(d) != 10 {
		return time.Time{}, fmt.Errorf("date %q is not an ISO date (YYYY-MM-DD)", s)
	}
	return t, nil
}

// PeriodOf names the period of kind (PeriodMonth, PeriodQuarter,
// PeriodWeek) that holds t: "2026-03", "2026-Q1", "2026-W09". The names
// sort in date order.
func PeriodOf(t time.Time, kind string) string {
	switch kind {
	case PeriodQuarter:
		return fmt.Sprintf("%04d-Q%d", t.Year(), (int(t.Month())+2)/3)
	case PeriodWeek:
		y, w := t.ISOWeek()
		return fmt.Sprintf("%04d-W%02d", y, w)
	}
	return fmt.Sprintf("%04d-%02d", t.Year(), int(t.Month()))
}

// checkPeriod validates a period kind given in the options.
func checkPeriod(kind string) error {
	switch kind {
	case "", PeriodMonth, PeriodQuarter, PeriodWeek:
		return nil
	}
	return fmt.Errorf("period %q: want %s, %s or %s", kind, PeriodMonth, PeriodQuarter, PeriodWeek)
}

// addExtra counts the checked audit's sections, critical failures, text
// answers and period into g.
func (g *aggGroup) addExtra(a *Aggregator) {
	pa := &a.pendingA
	for _, ps := range a.pendingSec {
		g.sections[ps.index].add(ps.score)
	}
	for _, pos := range a.pendingCrit {
		g.critTotal++
		g.crit = insertBounded(g.crit, critEntry{audit: pa.id, date: pa.date, pos: pos, place: pa.place}, MaxCriticalFailures, compareCrit)
	}
	for _, pt := range a.pendingText {
		g.commentsTotal++
		g.comments = insertBounded(g.comments, commentEntry{audit: pa.id, date: pa.date, text: pt.text, index: pt.index, place: pa.place}, MaxComments, compareComment)
	}
	if pa.period != "" && pa.hasScore {
		if g.periods == nil {
			g.periods = make(map[string]*moments)
		}
		m := g.periods[pa.period]
		if m == nil {
			m = new(moments)
			g.periods[pa.period] = m
		}
		m.add(pa.score)
	}
}

func (g *aggGroup) mergeExtra(o *aggGroup) {
	for i := range g.sections {
		g.sections[i].merge(&o.sections[i])
	}
	g.critTotal += o.critTotal
	for _, e := range o.crit {
		g.crit = insertBounded(g.crit, e, MaxCriticalFailures, compareCrit)
	}
	g.commentsTotal += o.commentsTotal
	for _, e := range o.comments {
		g.comments = insertBounded(g.comments, e, MaxComments, compareComment)
	}
	for k, om := range o.periods {
		if g.periods == nil {
			g.periods = make(map[string]*moments)
		}
		m := g.periods[k]
		if m == nil {
			m = new(moments)
			g.periods[k] = m
		}
		m.merge(om)
	}
}

// summarizeExtra fills the sections, comments and periods of s.
func (a *Aggregator) summarizeExtra(s *GroupSummary, g *aggGroup) {
	s.Sections = make([]SectionSummary, len(a.sections))
	for i, sec := range a.sections {
		m := &g.sections[i]
		ss := SectionSummary{ID: sec.s.ID, Title: sec.s.Title.Text, Level: sec.level, N: m.n}
		if mean, ok := m.mean(); ok {
			ss.Mean = &mean
		}
		s.Sections[i] = ss
	}
	s.Comments = make([]Comment, len(g.comments))
	for i, e := range g.comments {
		s.Comments[i] = Comment{Audit: e.audit, Date: e.date, Question: a.texts[e.index].id, Text: e.text, Place: e.place}
	}
	s.CommentsTotal = g.commentsTotal
	if a.opts.Period == "" {
		return
	}
	keys := slices.Sorted(maps.Keys(g.periods))
	s.Periods = make([]PeriodSummary, len(keys))
	var prev *moments
	for i, k := range keys {
		m := g.periods[k]
		st := newStat(m)
		ps := PeriodSummary{Period: k, N: m.n, Mean: st.Mean, CILow: st.CILow, CIHigh: st.CIHigh}
		if prev != nil && m.n >= 2 && prev.n >= 2 {
			// The change is known whenever both waves have n >= 2
			// (reports.md); its p only when both show some spread.
			mp, _ := prev.mean()
			ps.Change = new(*st.Mean - mp)
			if t, ok := welchMoments(m, prev); ok {
				ps.P = &t.P
			}
		}
		s.Periods[i] = ps
		prev = m
	}
}

// criticalFailures lists the failures of the groups in the order given,
// at most MaxCriticalFailures of them, and counts them all.
func (a *Aggregator) criticalFailures(order []string) ([]CriticalFailure, int64) {
	out := []CriticalFailure{}
	var total int64
	add := func(name string, g *aggGroup) {
		total += g.critTotal
		for _, e := range g.crit {
			if len(out) == MaxCriticalFailures {
				return
			}
			q := a.questionAt(e.pos)
			cf := CriticalFailure{Group: name, Audit: e.audit, Date: e.date, Place: e.place}
			if q != nil {
				cf.Question, cf.Title = q.ID, q.Text.Text
			}
			out = append(out, cf)
		}
	}
	a.eachGroup(order, add)
	return out, total
}

// eachGroup calls f for every group in order (the league table's), or
// for the overall summary alone when the report does not group.
func (a *Aggregator) eachGroup(order []string, f func(name string, g *aggGroup)) {
	if a.opts.GroupBy == "" {
		f("", a.overall)
		return
	}
	for _, name := range order {
		f(name, a.groups[name])
	}
}

// questionAt returns the question at position pos of qOrder.
func (a *Aggregator) questionAt(pos int) *Question {
	if idx := a.qOrder[pos].index; idx >= 0 {
		return a.questions[idx].q
	}
	return nil
}
