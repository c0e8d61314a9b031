package korto

import (
	"errors"
	"fmt"
	"math"
	"strings"
)

// planMap says where the questions and levels of a Plan go in an
// Aggregator: plan indexes differ from the aggregator's.
type planMap struct {
	p      *Plan
	scored []int // plan question index -> Aggregator.questions index, or -1
	survey []int // plan question index -> Aggregator.survey index, or -1
	levels []int // plan level position -> Aggregator.levels index
	nodes  []int // plan node -> Aggregator.sections index, or -1 for a level
	texts  []int // plan question index -> Aggregator.texts index, or -1
}

func (a *Aggregator) planMap(p *Plan) (*planMap, error) {
	if a.plan != nil && a.plan.p == p {
		return a.plan, nil
	}
	c := p.Checklist()
	if c != a.c && (c.ID != a.c.ID || c.Version != a.c.Version) {
		return nil, fmt.Errorf("plan of checklist %q %s, aggregating %q %s", c.ID, c.Version, a.c.ID, a.c.Version)
	}
	m := &planMap{p: p, scored: make([]int, p.NumQuestions()), survey: make([]int, p.NumQuestions()),
		texts: make([]int, p.NumQuestions()), nodes: make([]int, len(p.nodes))}
	for i := range p.NumQuestions() {
		id := p.Question(i).ID
		m.scored[i], m.survey[i], m.texts[i] = -1, -1, -1
		if ti, ok := a.textIndex[id]; ok {
			m.texts[i] = ti
		}
		if pos, ok := a.qPos[id]; ok {
			m.scored[i] = a.qOrder[pos].index
		} else if si, ok := a.sIndex[id]; ok {
			m.survey[i] = si
		} else {
			return nil, fmt.Errorf("plan question %q is not in the checklist", id)
		}
	}
	for n := range p.nodes {
		m.nodes[n] = -1
		if sec := p.nodes[n].sec; sec != nil {
			si, ok := a.secIndex[sec.ID]
			if !ok {
				return nil, fmt.Errorf("plan section %q is not in the checklist", sec.ID)
			}
			m.nodes[n] = si
		}
	}
	for i := range p.NumLevels() {
		li, ok := a.levelIndex[p.Level(i).Number]
		if !ok {
			return nil, fmt.Errorf("plan level %d is not in the checklist", p.Level(i).Number)
		}
		m.levels = append(m.levels, li)
	}
	a.plan = m
	return m, nil
}

// AddScored adds one audit from the flat scores that [Plan.ScoreInto]
// computed for sheet s, bound by plan p ([Plan.BindInto]). It counts
// exactly what Add(p.Score(s)) would, without building the [Result]:
// the way to aggregate many sheets fast, reusing one [Bound] and one
// [Scores]. The sheet gives the audit fields and the survey answers.
//
// Like Add, it either counts the whole audit or, on an error, nothing.
// A nil argument, or a plan not made by [Compile], is an error.
func (a *Aggregator) AddScored(p *Plan, s *Sheet, sc *Scores) error {
	switch {
	case !a.usable():
		return errAggZero
	case p == nil || p.c == nil:
		return errors.New("korto: AddScored: no plan: pass the plan from Compile that scored the sheet")
	case s == nil:
		return errors.New("korto: AddScored: nil *Sheet")
	case sc == nil:
		return errors.New("korto: AddScored: nil *Scores")
	}
	if err := a.checkScored(p, s, sc); err != nil {
		if id := s.Audit["id"]; id != "" {
			return fmt.Errorf("korto: audit %q: %w", id, err)
		}
		return fmt.Errorf("korto: audit: %w", err)
	}
	a.commit()
	return nil
}

func (a *Aggregator) checkScored(p *Plan, s *Sheet, sc *Scores) error {
	a.startCheck()
	m, err := a.planMap(p)
	if err != nil {
		return err
	}
	n := p.NumQuestions()
	if len(sc.Applicable) != n || len(sc.Value) != n || len(sc.Failed) != n || len(sc.Levels) != len(m.levels) {
		return fmt.Errorf("scores do not fit the plan (%d questions, %d levels): score them with Plan.ScoreInto", n, len(m.levels))
	}
	if s.Checklist != a.c.ID {
		return fmt.Errorf("sheet of checklist %q, aggregating %q", s.Checklist, a.c.ID)
	}
	pa := pendingAudit{hasScore: HasScore(sc.Overall), score: sc.Overall, hasRaw: HasScore(sc.Raw), raw: sc.Raw,
		knocked: sc.KnockedOut, reached: sc.Reached}
	if pa.hasScore && !(sc.Overall >= 0 && sc.Overall <= 1) {
		return fmt.Errorf("score %v outside [0,1]", sc.Overall)
	}
	if pa.hasRaw && !(sc.Raw >= 0 && sc.Raw <= 1) {
		return fmt.Errorf("raw score %v outside [0,1]", sc.Raw)
	}
	if pa.reached < 0 || pa.reached > a.maxReached {
		return fmt.Errorf("reached level %d outside 0..%d", pa.reached, a.maxReached)
	}
	if strings.TrimSpace(s.Audit["id"]) == "" {
		pa.place = s.Place // the one way to find the audit
	}
	a.pendingA = pa
	if err := a.checkAudit(s.Audit); err != nil {
		return err
	}
	if len(sc.node) == len(m.nodes) {
		for n, si := range m.nodes {
			if si >= 0 && HasScore(sc.node[n]) {
				a.pendingSec = append(a.pendingSec, pendingSection{si, sc.node[n]})
			}
		}
	}
	for i, li := range m.levels {
		ls := &sc.Levels[i]
		pl := pendingLevel{index: li, hasScore: HasScore(ls.Score), score: ls.Score, passed: ls.Passed, gated: ls.Gated}
		if pl.hasScore && !(ls.Score >= 0 && ls.Score <= 1) {
			return fmt.Errorf("level %d score %v outside [0,1]", ls.Number, ls.Score)
		}
		a.pendingL = append(a.pendingL, pl)
	}
	for i := range n {
		if ti := m.texts[i]; ti >= 0 {
			if ans, ok := s.Answers[p.Question(i).ID]; ok && ans.Type == AnswerString && !ans.IsNA() && strings.TrimSpace(ans.String) != "" {
				a.pendingText = append(a.pendingText, pendingText{ti, ans.String})
			}
		}
		if qi := m.scored[i]; qi >= 0 && sc.Failed[i] && p.hflags[i]&hCritical != 0 {
			a.pendingCrit = append(a.pendingCrit, a.qPos[p.Question(i).ID])
		}
		if qi := m.scored[i]; qi >= 0 && sc.Applicable[i] {
			v := sc.Value[i]
			if !(v >= 0 && v <= 1) {
				return fmt.Errorf("question %q value %v outside [0,1]", p.Question(i).ID, v)
			}
			a.pending = append(a.pending, pendingValue{qi, v, v == 0 || sc.Failed[i]})
			continue
		}
		si := m.survey[i]
		if si < 0 {
			continue
		}
		ans, ok := s.Answers[p.Question(i).ID]
		if !ok || ans.IsNA() {
			continue
		}
		ps := pendingSurvey{index: si}
		switch ans.Type {
		case AnswerNumber:
			ps.hasNum, ps.num = true, ans.Number
		case AnswerString:
			ps.label = ans.String
		default:
			ps.num = math.NaN()
		}
		if err := a.survey[si].check(ps); err != nil {
			return fmt.Errorf("survey question %q: %w", p.Question(i).ID, err)
		}
		a.pendingS = append(a.pendingS, ps)
	}
	return a.checkPromises(p.Promises(s))
}
