package korto

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/cxkit/cxkit/internal/groups"
	"github.com/cxkit/cxkit/metrics"
)

// NoGroup is the group of audits that lack the field an [Aggregator]
// groups by (or have it empty).
const NoGroup = "(none)"

// DefaultTopProblems is the length of the top-problems list when
// [AggregateOptions].TopProblems is 0.
const DefaultTopProblems = 10

// AggregateOptions configures an [Aggregator].
type AggregateOptions struct {
	// GroupBy names the audit field (Result.Audit key: "location",
	// "chain", "auditor", "month", ...) whose values form the groups of
	// the league table. "" puts every audit in one group, the overall.
	// Values are compared with the spaces around them trimmed, so that
	// "Store 1 " and "Store 1" are one group, named "Store 1": a stray
	// space typed into a form would otherwise make a second row that
	// looks the same. Audits without the field, or with it empty or
	// blank, form group [NoGroup]; but "month", when an audit has no
	// such field, is taken from the audit's "date" (YYYY-MM-DD...) as
	// YYYY-MM.
	GroupBy string
	// TopProblems is how many questions the top-problems lists hold:
	// 0 means DefaultTopProblems, a negative number means every question
	// that failed at least once.
	TopProblems int
	// MinN is the smallest number of scored audits that gets a group a
	// rank in the league table: 0 means DefaultMinN.
	MinN int
	// Period splits each group's audits into waves by their "date":
	// PeriodMonth, PeriodQuarter, PeriodWeek, or "" for none. An audit
	// whose date is missing or not an ISO date is then an error.
	Period string
	// AsOf is the day against which promises are overdue: an open
	// promise whose due day is before AsOf is listed in
	// Report.OpenPromises. The zero time lists none. Only its date
	// counts.
	AsOf time.Time
}

// An Aggregator summarizes many scored audits of one checklist: means
// with confidence intervals, level pass shares, the distribution of
// reached levels, per-question failure rates, a league table of groups,
// and the survey metrics.
//
// It streams: it keeps counts and sums per group and question, never the
// audits, so its memory grows with groups x questions and not with the
// number of audits. Sums are kept in exact fixed point (see
// aggregate_sum.go), so Merge is exact: aggregating parts of the input in
// parallel and merging the parts gives the same Report, bit for bit, as
// one pass over all of it, whatever the split.
//
// An Aggregator is not safe for concurrent use; give each goroutine its
// own (from the same checklist and options) and Merge them.
//
// The zero Aggregator has no checklist and is not usable: Add, AddScored
// and Merge return an error that says to make one with [NewAggregator],
// Len returns 0 and Report an empty report.
type Aggregator struct {
	c    *Checklist
	opts AggregateOptions

	levels     []*Level       // by level number
	levelIndex map[int]int    // level number -> index into levels
	questions  []aggQuestion  // scored questions, in checklist order
	qOrder     []aggSlot      // every question of the levels, in checklist order
	qPos       map[string]int // question ID -> position in qOrder
	survey     []aggSurveyQ   // survey questions that feed a metric
	sections   []aggSection   // every section of the levels, in checklist order
	secIndex   map[string]int // section ID -> index into sections
	texts      []aggText      // text questions, in checklist order
	textIndex  map[string]int // text question ID -> index into texts
	sIndex     map[string]int // survey question ID -> index into survey, -1 for others
	maxReached int
	// promises are the outcome questions of promises, in checklist
	// order; promiseIndex maps their IDs to their index.
	promises     []*Question
	promiseIndex map[string]int

	overall *aggGroup
	groups  map[string]*aggGroup

	// What check found in the result being added, for the groups to
	// count without looking anything up again.
	cursor   int // position in qOrder where the next question should be
	stamp    uint32
	seenQ    []uint32 // per qOrder position: the stamp of the last Add that met it
	seenL    []uint32 // per level
	pendingA pendingAudit
	pending  []pendingValue
	pendingL []pendingLevel
	pendingS []pendingSurvey

	pendingSec  []pendingSection
	pendingCrit []int // qOrder positions of the failed critical questions
	pendingText []pendingText
	pendingP    []pendingPromise

	plan *planMap // how the last plan given to AddScored maps onto the aggregator

	// Drivers and emotion x NPS, over all audits (aggregate_drivers.go).
	csi        *aggCSI // the satisfaction index; nil without csi questions
	outcomes   []aggOutcome
	crosses    []aggCross
	outcomeCat []int
}

// aggSlot is one question of the levels: its ID, and its index into
// Aggregator.questions, or -1 for an unscored question.
type aggSlot struct {
	id    string
	index int
}

// The pending* types hold one checked audit, whichever way it came.
type pendingAudit struct {
	hasScore bool
	score    float64
	hasRaw   bool
	raw      float64 // the score before a knockout
	knocked  bool
	reached  int

	id, date, period string // audit fields; period "" when not split
	group            string // the audit's group
	place            string // Sheet.Place, kept only without an id
}

type pendingLevel struct {
	index         int // into Aggregator.levels
	hasScore      bool
	score         float64
	passed, gated bool
}

type pendingValue struct {
	index  int // into Aggregator.questions
	value  float64
	failed bool
}

type pendingSurvey struct {
	index  int // into Aggregator.survey
	hasNum bool
	num    float64
	label  string
}

// aggQuestion is what the aggregator knows of one scored question.
type aggQuestion struct {
	q       *Question
	level   int
	section string // innermost section ID, "" for a question directly in a level
}

// aggGroup holds the running counts and sums of one group.
type aggGroup struct {
	audits     int64
	knockedOut int64
	score      moments
	raw        moments // scores before knockouts
	levels     []aggLevel
	reached    []int64 // audits per reached level 0..maxReached
	bands      []int64 // scored audits per band: [0] below the lowest, [k+1] in Checklist.Bands[k]
	questions  []aggQuestionSums
	survey     []surveyAcc
	csi        *metrics.CSIRatings // nil without csi questions

	sections      []moments // per Aggregator.sections
	crit          []critEntry
	critTotal     int64
	comments      []commentEntry
	commentsTotal int64
	periods       map[string]*moments // scores by period name
	promises      aggPromises
}

type aggLevel struct {
	score         moments
	passed, gated int64
}

type aggQuestionSums struct {
	applicable, failed int64
	sum                uint128 // fixed-point values of the applicable answers
}

// NewAggregator returns an empty aggregator for audits scored against c.
func NewAggregator(c *Checklist, opts AggregateOptions) (*Aggregator, error) {
	if c == nil {
		return nil, errors.New("korto: NewAggregator: nil checklist")
	}
	if err := checkPeriod(opts.Period); err != nil {
		return nil, fmt.Errorf("korto: NewAggregator: %w", err)
	}
	a := &Aggregator{
		c:          c,
		opts:       opts,
		levelIndex: make(map[int]int, len(c.Levels)),
		qPos:       make(map[string]int),
		sIndex:     make(map[string]int),
		groups:     make(map[string]*aggGroup),
		secIndex:   make(map[string]int),
		textIndex:  make(map[string]int),
	}
	// Levels go bottom up, as the scorer lists them; questions keep the
	// checklist's order within each level.
	a.levels = slices.Clone(c.Levels)
	if slices.Contains(a.levels, nil) {
		return nil, errors.New("korto: NewAggregator: the checklist has a nil level")
	}
	slices.SortStableFunc(a.levels, func(x, y *Level) int { return cmp.Compare(x.Number, y.Number) })
	for i, l := range a.levels {
		if _, dup := a.levelIndex[l.Number]; dup {
			return nil, fmt.Errorf("korto: NewAggregator: level %d appears twice", l.Number)
		}
		a.levelIndex[l.Number] = i
		a.maxReached = max(a.maxReached, l.Number)
		a.indexItems(l.Items, l.Number, "")
	}
	if c.Survey != nil {
		for _, q := range c.Survey.Questions {
			if q == nil {
				continue
			}
			sq, ok, err := newSurveyQ(q)
			if err != nil {
				return nil, fmt.Errorf("korto: NewAggregator: %w", err)
			}
			if !ok {
				a.sIndex[q.ID] = -1
				continue
			}
			a.sIndex[q.ID] = len(a.survey)
			a.survey = append(a.survey, sq)
		}
	}
	a.indexTexts()
	a.indexPromises()
	a.indexOutcomes()
	if err := a.indexCSI(); err != nil {
		return nil, fmt.Errorf("korto: NewAggregator: %w", err)
	}
	a.overall = a.newGroup()
	a.seenQ = make([]uint32, len(a.qOrder))
	a.seenL = make([]uint32, len(a.levels))
	return a, nil
}

func (a *Aggregator) indexItems(items []Item, level int, section string) {
	for _, it := range items {
		switch {
		case it.Section != nil:
			a.secIndex[it.Section.ID] = len(a.sections)
			a.sections = append(a.sections, aggSection{it.Section, level})
			a.indexItems(it.Section.Items, level, it.Section.ID)
		case it.Question != nil:
			q := it.Question
			a.qPos[q.ID] = len(a.qOrder)
			if q.Unscored || q.Kind.EffectiveType().SurveyOnly() {
				a.qOrder = append(a.qOrder, aggSlot{q.ID, -1})
				continue
			}
			a.qOrder = append(a.qOrder, aggSlot{q.ID, len(a.questions)})
			a.questions = append(a.questions, aggQuestion{q: q, level: level, section: section})
		}
	}
}

func (a *Aggregator) newGroup() *aggGroup {
	g := &aggGroup{
		levels:    make([]aggLevel, len(a.levels)),
		reached:   make([]int64, a.maxReached+1),
		bands:     make([]int64, len(a.c.Bands)+1),
		questions: make([]aggQuestionSums, len(a.questions)),
		survey:    make([]surveyAcc, len(a.survey)),
		sections:  make([]moments, len(a.sections)),
	}
	for i, sq := range a.survey {
		g.survey[i] = sq.newAcc()
	}
	g.csi = a.newCSI()
	return g
}

// Checklist returns the checklist the aggregator was made for.
func (a *Aggregator) Checklist() *Checklist { return a.c }

// errAggZero is what the methods of the zero Aggregator return.
var errAggZero = errors.New("korto: the Aggregator has no checklist: make one with NewAggregator")

// usable reports whether a was made by NewAggregator.
func (a *Aggregator) usable() bool { return a != nil && a.c != nil && a.overall != nil }

// Len returns the number of audits added so far, merged ones included.
func (a *Aggregator) Len() int64 {
	if !a.usable() {
		return 0
	}
	return a.overall.audits
}

// Add adds one scored audit. A result that does not fit the checklist (a
// different checklist ID, an unknown level or question, a level of the
// checklist left out, a score outside [0,1], an out-of-range survey
// answer) is an error naming the audit and the offending part, and
// leaves the aggregator unchanged.
func (a *Aggregator) Add(r Result) error {
	if !a.usable() {
		return errAggZero
	}
	if err := a.check(&r); err != nil {
		if id := r.Audit["id"]; id != "" {
			return fmt.Errorf("korto: audit %q: %w", id, err)
		}
		return fmt.Errorf("korto: audit: %w", err)
	}
	a.commit()
	return nil
}

// commit counts the checked audit in a.pending* in the overall summary
// and in its group.
func (a *Aggregator) commit() {
	a.overall.add(a)
	a.addOutcomes()
	if a.opts.GroupBy != "" {
		key := a.pendingA.group
		g := a.groups[key]
		if g == nil {
			g = a.newGroup()
			a.groups[key] = g
		}
		g.add(a)
	}
}

// startCheck clears what the previous audit left in a.pending*.
func (a *Aggregator) startCheck() {
	a.cursor = 0
	a.pending, a.pendingL, a.pendingS = a.pending[:0], a.pendingL[:0], a.pendingS[:0]
	a.pendingSec, a.pendingCrit, a.pendingText = a.pendingSec[:0], a.pendingCrit[:0], a.pendingText[:0]
	a.pendingP = a.pendingP[:0]
	a.stamp++
	if a.stamp == 0 { // wrapped: forget the old stamps
		clear(a.seenQ)
		clear(a.seenL)
		a.stamp = 1
	}
}

// auditGroup returns the group of an audit: the value of its field, or
// for "month" without such a field the year and month of its "date"
// ("2026-11-20" -> "2026-11"); NoGroup when there is neither.
func auditGroup(audit map[string]string, field string) string {
	if v := groups.Name(audit[field]); v != "" {
		return v
	}
	if field == "month" {
		if d := strings.TrimSpace(audit["date"]); len(d) >= 7 && d[4] == '-' && auditDigits(d[:4]) && auditDigits(d[5:7]) {
			return d[:7]
		}
	}
	return NoGroup
}

func auditDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// check validates everything Add will count, so that Add either counts
// the whole result or nothing, and notes it in a.pending*.
func (a *Aggregator) check(r *Result) error {
	a.startCheck()
	if r.Checklist != a.c.ID {
		return fmt.Errorf("result of checklist %q, aggregating %q", r.Checklist, a.c.ID)
	}
	if !isShare(r.Score) {
		return fmt.Errorf("score %v outside [0,1]", *r.Score)
	}
	if !isShare(r.RawScore) {
		return fmt.Errorf("raw score %v outside [0,1]", *r.RawScore)
	}
	if r.Reached < 0 || r.Reached > a.maxReached {
		return fmt.Errorf("reached level %d outside 0..%d", r.Reached, a.maxReached)
	}
	a.pendingA = pendingAudit{hasScore: r.Score != nil, knocked: r.KnockedOut, reached: r.Reached}
	if err := a.checkAudit(r.Audit); err != nil {
		return err
	}
	if r.Score != nil {
		a.pendingA.score = *r.Score
	}
	// A result without a raw score had no knockout to undo.
	switch {
	case r.RawScore != nil:
		a.pendingA.hasRaw, a.pendingA.raw = true, *r.RawScore
	case r.Score != nil && !r.KnockedOut:
		a.pendingA.hasRaw, a.pendingA.raw = true, *r.Score
	}
	for i := range r.Levels {
		lr := &r.Levels[i]
		li, ok := a.levelIndex[lr.Level]
		if !ok {
			return fmt.Errorf("unknown level %d", lr.Level)
		}
		if a.seenL[li] == a.stamp {
			return fmt.Errorf("level %d listed twice", lr.Level)
		}
		a.seenL[li] = a.stamp
		if !isShare(lr.Score) {
			return fmt.Errorf("level %d score %v outside [0,1]", lr.Level, *lr.Score)
		}
		pl := pendingLevel{index: li, hasScore: lr.Score != nil, passed: lr.Passed, gated: lr.Gated}
		if lr.Score != nil {
			pl.score = *lr.Score
		}
		a.pendingL = append(a.pendingL, pl)
		if err := a.checkQuestions(lr.Questions, lr.Sections); err != nil {
			return err
		}
	}
	// A level left out would count as not passed in every PassedShare.
	if len(a.pendingL) < len(a.levels) {
		return a.missingLevels()
	}
	for _, id := range r.CriticalFailed {
		pos, ok := a.qPos[id]
		if !ok || a.qOrder[pos].index < 0 || !a.questionAt(pos).Critical {
			return fmt.Errorf("critical failure %q is not a critical scored question", id)
		}
		a.pendingCrit = append(a.pendingCrit, pos)
	}
	for _, s := range r.Survey {
		if ti, ok := a.textIndex[s.ID]; ok {
			if strings.TrimSpace(s.Label) != "" && s.Label != "na" {
				a.pendingText = append(a.pendingText, pendingText{ti, s.Label})
			}
			continue
		}
		i, ok := a.sIndex[s.ID]
		if !ok {
			return fmt.Errorf("unknown survey question %q", s.ID)
		}
		if i < 0 {
			continue
		}
		ps := pendingSurvey{index: i, hasNum: s.Number != nil, label: s.Label}
		if s.Number != nil {
			ps.num = *s.Number
		}
		if err := a.survey[i].check(ps); err != nil {
			return fmt.Errorf("survey question %q: %w", s.ID, err)
		}
		a.pendingS = append(a.pendingS, ps)
	}
	return a.checkPromises(r.Promises)
}

// missingLevels names the levels of the checklist that the result being
// checked does not list.
func (a *Aggregator) missingLevels() error {
	var missing, all []string
	for li, l := range a.levels {
		n := strconv.Itoa(l.Number)
		all = append(all, n)
		if a.seenL[li] != a.stamp {
			missing = append(missing, n)
		}
	}
	what := "level " + missing[0] + " is"
	if len(missing) > 1 {
		what = "levels " + strings.Join(missing, ", ") + " are"
	}
	return fmt.Errorf("%s missing from the result: a result lists every level of the checklist (%s), as Plan.Score makes it",
		what, strings.Join(all, ", "))
}

func (a *Aggregator) checkQuestions(qs []QuestionResult, ss []SectionResult) error {
	for i := range qs {
		qr := &qs[i]
		// Results list questions in checklist order, so the next slot
		// is nearly always the one; the map is for the other results.
		pos := a.cursor
		if pos >= len(a.qOrder) || a.qOrder[pos].id != qr.ID {
			var ok bool
			if pos, ok = a.qPos[qr.ID]; !ok {
				return fmt.Errorf("unknown question %q", qr.ID)
			}
		}
		a.cursor = pos + 1
		if a.seenQ[pos] == a.stamp {
			return fmt.Errorf("question %q listed twice", qr.ID)
		}
		a.seenQ[pos] = a.stamp
		if !qr.Applicable {
			continue
		}
		if qr.Value == nil {
			return fmt.Errorf("question %q: applicable but has no value", qr.ID)
		}
		if !isShare(qr.Value) {
			return fmt.Errorf("question %q value %v outside [0,1]", qr.ID, *qr.Value)
		}
		if idx := a.qOrder[pos].index; idx >= 0 {
			a.pending = append(a.pending, pendingValue{idx, *qr.Value, *qr.Value == 0 || qr.Failed})
		}
	}
	for i := range ss {
		if !isShare(ss[i].Score) {
			return fmt.Errorf("section %q score %v outside [0,1]", ss[i].ID, *ss[i].Score)
		}
		if si, ok := a.secIndex[ss[i].ID]; ok && ss[i].Score != nil {
			a.pendingSec = append(a.pendingSec, pendingSection{si, *ss[i].Score})
		} else if !ok {
			return fmt.Errorf("unknown section %q", ss[i].ID)
		}
		if err := a.checkQuestions(ss[i].Questions, ss[i].Sections); err != nil {
			return err
		}
	}
	return nil
}

// isShare reports whether an optional score is absent or in [0,1] (NaN
// is not).
func isShare(x *float64) bool { return x == nil || (*x >= 0 && *x <= 1) }

// add counts the audit that was just checked, from a.pending*.
func (g *aggGroup) add(a *Aggregator) {
	pa := &a.pendingA
	g.audits++
	if pa.knocked {
		g.knockedOut++
	}
	if pa.hasScore {
		g.score.add(pa.score)
		if k := a.c.BandOf(pa.score) + 1; k < len(g.bands) { // Bands grown since NewAggregator: not counted
			g.bands[k]++
		}
	}
	if pa.hasRaw {
		g.raw.add(pa.raw)
	}
	g.reached[pa.reached]++
	for _, pl := range a.pendingL {
		l := &g.levels[pl.index]
		if pl.hasScore {
			l.score.add(pl.score)
		}
		if pl.passed {
			l.passed++
		}
		if pl.gated {
			l.gated++
		}
	}
	for _, p := range a.pending {
		s := &g.questions[p.index]
		s.applicable++
		if p.failed {
			s.failed++
		}
		s.sum.add64(toFixed(p.value))
	}
	for _, p := range a.pendingS {
		g.survey[p.index].add(&a.survey[p.index], p)
	}
	a.addCSI(g)
	g.addExtra(a)
	g.promises.add(a, pa, a.pendingP)
}

// Merge adds everything b has counted to a. Both must aggregate the same
// checklist with the same options. b is left unchanged; a nil b adds
// nothing, and b may not be a itself.
func (a *Aggregator) Merge(b *Aggregator) error {
	if !a.usable() {
		return errAggZero
	}
	if b == nil {
		return nil
	}
	if a == b {
		return errors.New("korto: Merge: an aggregator cannot be merged into itself: that would count every audit twice")
	}
	if !b.usable() {
		return fmt.Errorf("korto: Merge: the aggregator to merge has no checklist: make it with NewAggregator")
	}
	if a.c != b.c && !a.sameLayout(b) {
		return fmt.Errorf("korto: Merge: aggregates of different checklists (%q %s and %q %s)",
			a.c.ID, a.c.Version, b.c.ID, b.c.Version)
	}
	if err := compareAggOptions(a.opts, b.opts); err != nil {
		return fmt.Errorf("korto: Merge: aggregates with different options: %w", err)
	}
	a.overall.merge(b.overall)
	a.mergeOutcomes(b)
	for key, bg := range b.groups {
		g := a.groups[key]
		if g == nil {
			g = a.newGroup()
			a.groups[key] = g
		}
		g.merge(bg)
	}
	return nil
}

// compareAggOptions says how two aggregators' options differ, in the
// words of the report rather than as Go structs; nil when they agree.
// TopProblems 0 is the default length, so it agrees with that length.
func compareAggOptions(x, y AggregateOptions) error {
	if x.GroupBy != y.GroupBy {
		return fmt.Errorf("one %s, the other %s", describeGroupBy(x.GroupBy), describeGroupBy(y.GroupBy))
	}
	if tx, ty := effectiveTop(x.TopProblems), effectiveTop(y.TopProblems); tx != ty {
		return fmt.Errorf("one lists %s, the other %s", describeTop(tx), describeTop(ty))
	}
	if x.Period != y.Period {
		return fmt.Errorf("one splits by period %q, the other by %q", x.Period, y.Period)
	}
	if x.MinN != y.MinN {
		return fmt.Errorf("one ranks groups of at least %d audits, the other %d", x.MinN, y.MinN)
	}
	if !x.AsOf.Equal(y.AsOf) {
		return fmt.Errorf("one lists the promises overdue as of %s, the other as of %s", x.AsOf.Format(time.DateOnly), y.AsOf.Format(time.DateOnly))
	}
	return nil
}

func describeGroupBy(field string) string {
	if field == "" {
		return "does not group"
	}
	return fmt.Sprintf("groups by %q", field)
}

func effectiveTop(n int) int {
	switch {
	case n == 0:
		return DefaultTopProblems
	case n < 0:
		return -1
	}
	return n
}

func describeTop(n int) string {
	if n < 0 {
		return "every question that failed as a top problem"
	}
	return fmt.Sprintf("the top %d problems", n)
}

// sameLayout reports whether b's sums line up with a's, index by index:
// the same checklist ID and version, and the same levels, scored
// questions and survey questions in the same order. Two parses of one
// file pass; two checklists that only share an ID and version do not.
func (a *Aggregator) sameLayout(b *Aggregator) bool {
	if a.c.ID != b.c.ID || a.c.Version != b.c.Version || a.c.EffectiveKnockout() != b.c.EffectiveKnockout() ||
		len(a.questions) != len(b.questions) || len(a.levels) != len(b.levels) || len(a.survey) != len(b.survey) ||
		len(a.c.Bands) != len(b.c.Bands) {
		return false
	}
	for i, x := range a.c.Bands {
		if y := b.c.Bands[i]; (x == nil) != (y == nil) || x != nil && x.From != y.From {
			return false
		}
	}
	for i := range a.levels {
		if a.levels[i].Number != b.levels[i].Number {
			return false
		}
	}
	for i := range a.questions {
		if a.questions[i].q.ID != b.questions[i].q.ID || a.questions[i].level != b.questions[i].level {
			return false
		}
	}
	for i := range a.survey {
		if a.survey[i].q.ID != b.survey[i].q.ID || a.survey[i].kind != b.survey[i].kind || a.survey[i].scale != b.survey[i].scale {
			return false
		}
	}
	return true
}

func (g *aggGroup) merge(o *aggGroup) {
	g.audits += o.audits
	g.knockedOut += o.knockedOut
	g.score.merge(&o.score)
	g.raw.merge(&o.raw)
	for i := range g.levels {
		g.levels[i].score.merge(&o.levels[i].score)
		g.levels[i].passed += o.levels[i].passed
		g.levels[i].gated += o.levels[i].gated
	}
	for i := range g.reached {
		g.reached[i] += o.reached[i]
	}
	for i := range g.bands {
		g.bands[i] += o.bands[i]
	}
	for i := range g.questions {
		q, p := &g.questions[i], &o.questions[i]
		q.applicable += p.applicable
		q.failed += p.failed
		q.sum.add(p.sum)
	}
	for i := range g.survey {
		g.survey[i].merge(o.survey[i])
	}
	if g.csi != nil {
		_ = g.csi.Merge(o.csi) // the same checklist: the same attributes and scale
	}
	g.mergeExtra(o)
	g.promises.merge(&o.promises)
}

// Report summarizes everything added so far. It does not change the
// aggregator, so adding can go on after a report.
func (a *Aggregator) Report() *Report {
	if !a.usable() {
		return &Report{Groups: []GroupSummary{}}
	}
	rep := &Report{
		Checklist: a.c.ID,
		Version:   a.c.Version,
		Model:     a.c.EffectiveModel(),
		GroupBy:   a.opts.GroupBy,
		Period:    a.opts.Period,
		Overall:   a.summarize("", a.overall),
		Groups:    []GroupSummary{},
	}
	for key, g := range a.groups {
		rep.Groups = append(rep.Groups, a.summarize(key, g))
	}
	slices.SortFunc(rep.Groups, func(x, y GroupSummary) int { return cmp.Compare(x.Group, y.Group) })
	a.league(rep)
	order := make([]string, len(rep.Groups))
	for i, g := range rep.Groups {
		order[i] = g.Group
	}
	rep.CriticalFailures, rep.CriticalFailuresTotal = a.criticalFailures(order)
	if len(a.promises) > 0 {
		list, total := a.openPromises(order)
		rep.OpenPromises, rep.OpenPromisesTotal = list, &total
		if !a.opts.AsOf.IsZero() {
			rep.AsOf = a.opts.AsOf.Format(time.DateOnly)
		}
	}
	a.reportOutcomes(rep)
	return rep
}

// leagueGrain is the step to which mean scores are rounded before groups
// are ranked. Means that are equal in exact arithmetic can come out of
// float64 shares a few ulps apart (0.1 and 0.3 against 0.2 and 0.2), and
// must still tie and go by name; 1e-12 is far above that noise and far
// below the 0.1% a report shows. Rounding to a grid, unlike comparing
// within a tolerance, keeps the order transitive.
const leagueGrain = 1e-12

func (a *Aggregator) summarize(name string, g *aggGroup) GroupSummary {
	s := GroupSummary{
		Group:      name,
		N:          g.audits,
		Unscored:   g.audits - g.score.n,
		KnockedOut: g.knockedOut,
		Score:      newStat(&g.score),
		Levels:     make([]LevelSummary, len(a.levels)),
		Reached:    make([]ReachedCount, len(g.reached)),
		Questions:  make([]QuestionSummary, len(a.questions)),
		Survey:     make([]SurveySummary, 0, len(a.survey)),
	}
	if a.c.EffectiveKnockout() == KnockoutAudit {
		raw := newStat(&g.raw)
		s.RawScore = &raw
	}
	for i, l := range a.levels {
		gl := &g.levels[i]
		s.Levels[i] = LevelSummary{
			Level:       l.Number,
			Title:       l.Title.Text,
			Pass:        l.EffectivePass(),
			Score:       newStat(&gl.score),
			Passed:      gl.passed,
			Gated:       gl.gated,
			PassedShare: share(gl.passed, g.audits),
			GatedShare:  share(gl.gated, g.audits),
		}
	}
	model := a.c.EffectiveModel()
	for k, n := range g.reached {
		ru, en := reachedNames(model, k)
		s.Reached[k] = ReachedCount{Level: k, Name: ru, NameEn: en, N: n, Share: share(n, g.audits)}
	}
	if nb := min(len(a.c.Bands), len(g.bands)-1); nb > 0 {
		below := g.bands[0]
		s.BelowBands = &below
		s.Bands = make([]BandCount, nb)
		for k, b := range a.c.Bands[:nb] {
			n := g.bands[k+1]
			s.Bands[k] = BandCount{N: n, Share: share(n, g.score.n)}
			if b != nil {
				s.Bands[k].Name, s.Bands[k].NameEn, s.Bands[k].From = b.Name.Text, b.Name.In("en"), b.From
			}
		}
	}
	for i, q := range a.questions {
		gq := &g.questions[i]
		mean, ok := fixedMean(gq.sum, gq.applicable)
		qs := QuestionSummary{
			ID:          q.q.ID,
			Title:       q.q.Text.Text,
			Level:       q.level,
			Section:     q.section,
			Critical:    q.q.Critical,
			Weight:      q.q.EffectiveWeight(),
			Applicable:  gq.applicable,
			Failed:      gq.failed,
			FailureRate: share(gq.failed, gq.applicable),
		}
		if ok {
			qs.Mean = &mean
		}
		s.Questions[i] = qs
	}
	if len(a.promises) > 0 {
		s.Promises = g.promises.summary()
	}
	s.Mean = s.Score.Mean
	s.TopProblems = topProblems(s.Questions, a.opts.TopProblems)
	a.summarizeExtra(&s, g)
	s.Tags = a.tagSummaries(g)
	for i, sq := range a.survey {
		if sq.kind != KindCSI { // an attribute of the index, in s.CSI
			s.Survey = append(s.Survey, sq.summarize(g.survey[i]))
		}
	}
	s.CSI = a.summarizeCSI(g.csi)
	return s
}

// topProblems returns the questions that failed at least once, in the
// order of CompareFix.
func topProblems(qs []QuestionSummary, limit int) []QuestionSummary {
	if limit == 0 {
		limit = DefaultTopProblems
	}
	top := []QuestionSummary{}
	for _, q := range qs {
		if q.Failed > 0 {
			top = append(top, q)
		}
	}
	// SortStableFunc keeps checklist order among equal rates.
	slices.SortStableFunc(top, func(x, y QuestionSummary) int {
		return CompareFix(FixKey{x.Level, x.Critical, *x.FailureRate, x.Weight}, FixKey{y.Level, y.Critical, *y.FailureRate, y.Weight})
	})
	if limit > 0 && len(top) > limit {
		top = top[:limit]
	}
	return top
}

func share(k, n int64) *float64 {
	if n == 0 {
		return nil
	}
	x := float64(k) / float64(n)
	return &x
}

func newStat(m *moments) Stat {
	st := Stat{N: m.n}
	mean, ok := m.mean()
	if !ok {
		return st
	}
	st.Mean = &mean
	v, ok := m.variance()
	if !ok {
		return st
	}
	sd := math.Sqrt(v)
	se := sd / math.Sqrt(float64(m.n))
	// n >= 2 here and se is finite, so the interval cannot fail.
	ci, _ := metrics.TInterval(mean, se, float64(m.n-1), 0.95)
	// A score is a share: an interval past [0,1] claims values no audit
	// can have.
	lo, hi := max(0, ci.Lo), min(1, ci.Hi)
	st.SD, st.SE, st.CILow, st.CIHigh = &sd, &se, &lo, &hi
	return st
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
