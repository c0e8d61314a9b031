package korto

import (
	"errors"
	"math"
)

// passSlack absorbs floating-point rounding when a score is compared with
// a pass mark: a level whose score is 85% in exact arithmetic passes a
// pass mark of 85% even if the weighted mean came out a few ulps short.
const passSlack = 1e-9

// Scores is the outcome of one audit in flat, reusable buffers: what
// [Plan.ScoreInto] fills without allocating once the buffers have grown
// to the plan's size. A missing score ("nothing applicable") is NaN.
//
// Per-level slices are indexed by level position (ascending level
// number, see [Plan.Level]); per-question slices by question index.
//
// The zero Scores is ready to use: ScoreInto sizes it for the plan.
type Scores struct {
	// Overall is the weighted mean of the level scores, or 0 after a
	// knockout; Raw is the same mean before any knockout.
	Overall    float64
	Raw        float64
	KnockedOut bool         // a failed critical question zeroed Overall (`knockout audit`)
	Reached    int          // as in Result.Reached
	Levels     []LevelScore // by level position

	Applicable []bool    // scored, switched on, and answered other than "na"
	Value      []float64 // the value in [0,1]; NaN when not applicable
	Failed     []bool    // applicable with value 0, or a choice option marked fail

	node []float64 // score of each plan node, NaN for none
	num  []float64 // scratch: weighted sums per node
	den  []float64 // scratch: weight sums per node
}

// LevelScore is the outcome of one level.
type LevelScore struct {
	Number         int     // the level's number in the pyramid
	Score          float64 // NaN when no question of the level is applicable
	Passed         bool    // Score reached the pass mark and no critical question failed
	Gated          bool    // a level beneath it failed
	CriticalFailed bool    // one of its critical questions failed
}

// HasScore reports whether x is a score rather than "no score".
func HasScore(x float64) bool { return !math.IsNaN(x) }

// The errors of misusing the low-level calls. They are values, so that
// returning one does not allocate in the scoring loop.
var (
	errScoreNilScores = errors.New("korto: ScoreInto: nil *Scores to score into")
	errScoreNotBound  = errors.New("korto: the Bound holds no answers: bind a sheet into it with Plan.BindInto first (a BindInto that fails leaves it empty)")
	errScoreOtherPlan = errors.New("korto: the Bound holds answers bound by another plan: bind the sheet with this plan")
)

// ScoreInto scores the bound sheet b into dst, reusing dst's buffers. It
// allocates only while dst grows to the plan's size, so a loop scoring
// many sheets into one Scores does not allocate at all. b must have been
// bound by this plan with [Plan.BindInto] (or made by [Plan.Bind]); a
// Bound that holds no answers (the zero Bound, or one whose last
// BindInto failed) or answers bound by another plan is an error, as is
// a nil dst, and dst is then left as it was.
//
// The rules are those of the scoring spec: a question counts when it is
// scored, switched on by its `when` and answered other than "na"; every
// node scores the weighted mean of its children that have a score, a
// child of weight 0 counting in neither sum; a node with no such child
// has no score and is left out of its parent. A node whose only
// applicable children weigh 0 has no score either, since its mean would
// be 0/0.
//
// Decisions the spec leaves open, made here:
//   - A question fails when it is applicable and its value is 0, or when
//     its answer is a choice option marked `fail` (whatever its value).
//     A failed critical question fails its level, and under `knockout
//     audit` zeroes the overall score.
//   - A level passes when its score is at least its pass mark (within
//     1e-9, to absorb rounding) and no critical question of it failed. A
//     level with no score cannot be said to pass: it does not.
//   - A level is gated when a level beneath it failed (a level with no
//     score counts as failed). A level missing from the checklist gates
//     nothing; it only caps reached.
func (p *Plan) ScoreInto(dst *Scores, b *Bound) error {
	switch {
	case dst == nil:
		return errScoreNilScores
	case b == nil || b.p == nil:
		return errScoreNotBound
	case b.p != p:
		return errScoreOtherPlan
	}
	dst.grow(p)
	num, den := dst.num, dst.den
	clear(num)
	clear(den)
	for i := range dst.Levels {
		dst.Levels[i].CriticalFailed = false
	}
	critical := false
	// Reslicing to one length lets the compiler drop the bounds checks.
	nq := len(p.hw)
	state, val := b.state[:nq], b.val[:nq]
	flags, nodes := p.hflags[:nq], p.hnode[:nq]
	app, value, failed := dst.Applicable[:nq], dst.Value[:nq], dst.Failed[:nq]
	for i, w := range p.hw {
		st, fl := state[i], flags[i]
		// Binding guarantees that an answered question's condition holds.
		if st&slotAnswered == 0 || fl&hScored == 0 {
			app[i], value[i], failed[i] = false, math.NaN(), false
			continue
		}
		v := val[i]
		f := st&slotFail != 0
		app[i], value[i], failed[i] = true, v, f
		if f && fl&hCritical != 0 {
			dst.Levels[p.hlevel[i]].CriticalFailed = true
			critical = true
		}
		if w > 0 {
			n := nodes[i]
			num[n] += w * v
			den[n] += w
		}
	}
	// Parents come before children, so a backward sweep rolls sections
	// up into their parents and finally the levels.
	for n := len(p.nodes) - 1; n >= 0; n-- {
		if den[n] == 0 {
			dst.node[n] = math.NaN()
			continue
		}
		s := num[n] / den[n]
		dst.node[n] = s
		nd := &p.nodes[n]
		if nd.parent >= 0 && nd.rw > 0 {
			num[nd.parent] += nd.rw * s
			den[nd.parent] += nd.rw
		}
	}
	var sum, wsum float64
	for k, n := range p.levels {
		s := dst.node[n]
		ls := &dst.Levels[k]
		ls.Score = s
		ls.Passed = !math.IsNaN(s) && s >= p.nodes[n].lvl.EffectivePass()-passSlack && !ls.CriticalFailed
		if w := p.nodes[n].rw; !math.IsNaN(s) && w > 0 {
			sum += w * s
			wsum += w
		}
	}
	dst.Raw = math.NaN()
	if wsum > 0 {
		dst.Raw = sum / wsum
	}
	dst.Overall, dst.KnockedOut = dst.Raw, false
	if p.audit && critical {
		dst.Overall, dst.KnockedOut = 0, true
	}
	dst.Reached = 0
	for k := 1; k < len(p.byNum); k++ {
		pos := p.byNum[k]
		if pos < 0 || !dst.Levels[pos].Passed {
			break
		}
		dst.Reached = k
	}
	// The spec gates "a level above the first failing level": a level
	// missing from the checklist is not a failing one, so it gates
	// nothing (it only stops reached).
	firstFail := math.MaxInt
	for k := range dst.Levels {
		if l := &dst.Levels[k]; !l.Passed && l.Number < firstFail {
			firstFail = l.Number
		}
	}
	for k := range dst.Levels {
		dst.Levels[k].Gated = dst.Levels[k].Number > firstFail
	}
	return nil
}

func (s *Scores) grow(p *Plan) {
	nq, nn, nl := len(p.qs), len(p.nodes), len(p.levels)
	s.Applicable = resize(s.Applicable, nq)
	s.Value = resize(s.Value, nq)
	s.Failed = resize(s.Failed, nq)
	s.node = resize(s.node, nn)
	s.num = resize(s.num, nn)
	s.den = resize(s.den, nn)
	s.Levels = resize(s.Levels, nl)
	for k, n := range p.levels {
		s.Levels[k].Number = p.nodes[n].lvl.Number
	}
}

// ScoreOptions tune the [Result] that [Plan.ScoreWith] builds.
type ScoreOptions struct {
	// Lang picks the language of level and section titles and question
	// texts, falling back to the checklist's default language where a
	// text has no such translation. "" means the default language.
	Lang string
}

// Score checks the sheet against the plan and scores it. When the sheet
// has any error it returns an [AnswerErrors] and no score; warnings are
// left in s.Warnings. Titles are in the checklist's default language.
//
// Score reads the sheet and writes only its Warnings, and only when they
// change; [Sheet.Warnings] says when one Sheet may be scored from
// several goroutines at once. The plan may always be shared.
//
// Score checks every sheet, even one that [Plan.ReadAnswers] has just
// checked: a Sheet is plain data that may have changed since, and
// telling whether it has would cost as much as the check. So that the
// answers are checked once, use these pairs:
//
//   - one sheet: [ReadAnswers] (the form), then Score (the answers);
//   - a stream: [NewSheetReader] (the form), then Score;
//   - many sheets, fast: [ReadAnswers] or [NewSheetReader], then
//     [Plan.BindInto] and [Plan.ScoreInto] into reused buffers;
//   - validating without scoring: [Plan.ReadAnswers] or
//     [Plan.NewSheetReader], which list the problems of the form and of
//     the answers together.
func (p *Plan) Score(s *Sheet) (Result, error) {
	return p.ScoreWith(s, ScoreOptions{})
}

// ScoreWith is [Plan.Score] with options.
func (p *Plan) ScoreWith(s *Sheet, o ScoreOptions) (Result, error) {
	b, err := p.Bind(s)
	if err != nil {
		return Result{}, err
	}
	var sc Scores
	if err := p.ScoreInto(&sc, b); err != nil {
		return Result{}, err
	}
	return p.result(s, b, &sc, o), nil
}

// Result builds the full, JSON-ready result from scores that
// [Plan.ScoreInto] computed for the bound sheet b of sheet s. It returns
// an error when b was not bound by this plan or sc does not have the
// plan's shape (the zero Scores, say, or scores of another plan).
func (p *Plan) Result(s *Sheet, b *Bound, sc *Scores, o ScoreOptions) (Result, error) {
	switch {
	case s == nil:
		return Result{}, errors.New("korto: Result: nil *Sheet")
	case b == nil || b.p == nil:
		return Result{}, errScoreNotBound
	case b.p != p:
		return Result{}, errScoreOtherPlan
	case sc == nil || !sc.fits(p):
		return Result{}, errors.New("korto: Result: the scores do not have the plan's shape: compute them with Plan.ScoreInto for this plan")
	}
	return p.result(s, b, sc, o), nil
}

// fits reports whether the buffers of s have the sizes ScoreInto gives
// them for p, so that building a result from them stays in bounds.
func (s *Scores) fits(p *Plan) bool {
	nq := len(p.qs)
	return len(s.Applicable) == nq && len(s.Value) == nq && len(s.Failed) == nq &&
		len(s.node) == len(p.nodes) && len(s.Levels) == len(p.levels)
}

func (p *Plan) result(s *Sheet, b *Bound, sc *Scores, o ScoreOptions) Result {
	c := p.c
	model := c.EffectiveModel()
	r := Result{
		Checklist:      c.ID,
		Version:        c.Version,
		Model:          model,
		Title:          c.Title.In(o.Lang),
		Score:          optScore(sc.Overall),
		KnockedOut:     sc.KnockedOut,
		Reached:        sc.Reached,
		Levels:         make([]LevelResult, len(p.levels)),
		CriticalFailed: []string{},
	}
	if len(s.Audit) > 0 {
		r.Audit = make(map[string]string, len(s.Audit))
		for k, v := range s.Audit {
			r.Audit[k] = v
		}
	}
	if p.audit {
		r.RawScore = optScore(sc.Raw)
	}
	r.ReachedName = model.ReachedName(sc.Reached)
	r.Band = c.BandResult(sc.Overall, o.Lang)
	r.Promises = p.Promises(s)
	for k, n := range p.levels {
		nd := &p.nodes[n]
		ls := sc.Levels[k]
		lr := LevelResult{
			Level:          nd.lvl.Number,
			Title:          nd.lvl.Title.In(o.Lang),
			Score:          optScore(ls.Score),
			Pass:           nd.lvl.EffectivePass(),
			Weight:         nd.w,
			Passed:         ls.Passed,
			Gated:          ls.Gated,
			CriticalFailed: []string{},
		}
		lr.Sections, lr.Questions = p.resultItems(n, sc, o)
		r.Levels[k] = lr
	}
	// Critical failures in checklist order, per level and overall.
	for i := range p.qs {
		if sc.Failed[i] && p.hflags[i]&hCritical != 0 {
			id := p.qs[i].q.ID
			lr := &r.Levels[p.hlevel[i]]
			lr.CriticalFailed = append(lr.CriticalFailed, id)
			r.CriticalFailed = append(r.CriticalFailed, id)
		}
	}
	for i := range p.qs {
		if p.hnode[i] >= 0 {
			continue
		}
		st := b.state[i]
		if st&slotAnswered == 0 {
			continue
		}
		q := p.qs[i].q
		sa := SurveyAnswer{ID: q.ID, Kind: p.qs[i].kind}
		switch p.qs[i].kind {
		case KindScale, KindMeasure, KindNPS, KindCES, KindCSAT, KindCSI:
			sa.Number = new(b.num[i])
		case KindEmotion:
			sa.Label = emotions[b.opt[i]]
		case KindChoice:
			sa.Label = p.qs[i].opts[b.opt[i]].ID
		case KindYesNo:
			sa.Label = "no"
			if b.num[i] == 1 {
				sa.Label = "yes"
			}
		case KindText:
			sa.Label = s.Answers[q.ID].String
		}
		r.Survey = append(r.Survey, sa)
	}
	return r
}

// resultItems builds the sections and questions directly under node n.
func (p *Plan) resultItems(n int32, sc *Scores, o ScoreOptions) ([]SectionResult, []QuestionResult) {
	secs, qs := []SectionResult{}, []QuestionResult{}
	for _, it := range p.nodes[n].items {
		if it.node >= 0 {
			nd := &p.nodes[it.node]
			sr := SectionResult{
				ID:     nd.sec.ID,
				Title:  nd.sec.Title.In(o.Lang),
				Score:  optScore(sc.node[it.node]),
				Weight: nd.w,
			}
			sr.Sections, sr.Questions = p.resultItems(it.node, sc, o)
			secs = append(secs, sr)
			continue
		}
		if it.q < 0 {
			continue
		}
		i := it.q
		q := p.qs[i].q
		qr := QuestionResult{
			ID:         q.ID,
			Text:       q.Text.In(o.Lang),
			Applicable: sc.Applicable[i],
			Value:      optScore(sc.Value[i]),
			Weight:     q.EffectiveWeight(),
			Critical:   q.Critical,
			Failed:     sc.Failed[i],
			Unscored:   p.hflags[i]&hScored == 0,
		}
		qs = append(qs, qr)
	}
	return secs, qs
}

func optScore(x float64) *float64 {
	if math.IsNaN(x) {
		return nil
	}
	return &x
}
