package korto

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"github.com/cxkit/cxkit/diag"
)

// Plan is a checklist compiled for scoring: its questions, sections and
// levels laid out as flat arrays joined by indexes, its `when` conditions
// compiled to small postfix programs, and every default applied. A Plan
// is immutable after [Compile] and safe for concurrent use; compile a
// checklist once and score any number of sheets with it, from any number
// of goroutines. The sheets are another matter: scoring sets a sheet's
// Warnings, and [Sheet.Warnings] says when one Sheet may be scored from
// several goroutines at once.
//
// The zero Plan is not usable, since only [Compile] fills a plan: its
// checking and scoring methods return an error that says so, and its
// lookups find nothing.
//
// Question indexes (as in [Scores]) follow the checklist's order: the
// levels' questions depth first in file order, then the survey's, the
// order of [Checklist.Questions].
type Plan struct {
	c     *Checklist
	qs    []planQ
	index map[string]int32 // question ID -> index, for binding sheets
	ids   []string         // question IDs in order, for hints

	// The hot data of the scoring loop, one entry per question.
	hw     []float64 // effective weight, scaled with its siblings' (see scaleWeights)
	hnode  []int32   // parent node; -1 for survey questions
	hlevel []int32   // position of the question's level in levels; -1 for survey
	hflags []uint8   // hScored, hCritical

	nodes  []planNode // levels and sections; parents come before children
	levels []int32    // node of each level, ascending by level number
	byNum  []int32    // level number -> position in levels, -1 when absent
	prog   []instr    // compiled `when` conditions, see planQ.when0
	audit  bool       // knockout audit

	// plain is, by question, the number of its words when it has no
	// condition and no condition reads it, else 0: such a question
	// answered by one of its words is right whatever else the sheet
	// says, which CheckIndexed finds from this alone (see check).
	plain []int32
}

const (
	hScored   uint8 = 1 << iota // counts toward the score: in a level, not unscored
	hCritical                   // critical
)

// planQ is everything about one question that checking a sheet needs.
type planQ struct {
	q    *Question
	kind KindType
	lo   float64 // scale, ces, csat, nps bounds; answers are whole numbers
	hi   float64
	opts []*Option
	// words are the answers that are one of a few fixed words (see
	// Plan.Words); a sheet read by index may give an answer as one.
	words []string
	// when0:when1 is the question's condition in prog; empty for none.
	when0, when1 int32
	// read says that some condition reads the answer, so that a check
	// must record it for them.
	read bool
}

// planNode is a level or a section.
type planNode struct {
	parent int32    // -1 for a level
	level  int32    // position of the node's level in Plan.levels
	w      float64  // the weight, as the checklist gives it (default applied)
	rw     float64  // w scaled with its siblings' for the roll-up (see scaleWeights)
	sec    *Section // nil for a level
	lvl    *Level   // the level itself, or the section's level
	items  []planItem
}

// planItem is one child of a node: a question or a section.
type planItem struct {
	q    int32 // question index, or -1
	node int32 // section node, or -1
}

// instr is one step of a compiled `when` condition. Conditions only read
// questions declared before them, so they can be evaluated in question
// order as a sheet is checked.
type instr struct {
	op   uint8
	q    int32   // the question read by an atom
	n    int32   // operand count of and/or
	cmp  CmpOp   // opCmpNum
	num  float64 // opCmpNum
	set  []int32 // option indexes of opIn (also == and != on a choice)
	negI bool    // opIn negated: != on a choice
}

const (
	opYes uint8 = iota
	opCmpNum
	opIn
	opAnd
	opOr
	opNot
)

// Compile validates c and compiles it into a Plan. Validation errors come
// back as [Diagnostics]; warnings alone do not stop compilation. The plan
// keeps pointers into c, which must not change while the plan is used.
//
// [Checklist.Validate] owns every rule of the language: Compile runs it
// once and lays out only a checklist it passed, so each rule and its
// message live in one place. Laying out still refuses, rather than
// panics on, what it cannot lay out (a level number outside the model,
// a reference to nothing); that can only happen if Validate lets such a
// checklist through, which FuzzCompile guards against.
func Compile(c *Checklist) (*Plan, error) {
	if c == nil {
		return nil, Diagnostics{{Code: diag.CodeBadItem, Message: "no checklist to compile", Hint: "pass the checklist dsl.Parse or DecodeChecklist returned"}}
	}
	if err := c.Validate().Err(); err != nil {
		return nil, err
	}
	p, err := build(c)
	if err != nil {
		return nil, Diagnostics{{Pos: err.pos, Code: diag.CodeBadItem,
			Message: "checklist passed validation but cannot be compiled: " + err.msg,
			Hint:    "this is a bug in Checklist.Validate; please report it with the checklist"}}
	}
	return p, nil
}

// buildError is what build cannot lay out in a checklist Validate
// passed: a gap in Validate, never a message for the checklist's author.
type buildError struct {
	pos Pos
	msg string
}

// build lays out a checklist that passed Validate.
func build(c *Checklist) (*Plan, *buildError) {
	p := &Plan{c: c, index: map[string]int32{}, audit: c.EffectiveKnockout() == KnockoutAudit}
	fail := func(pos Pos, format string, a ...any) (*Plan, *buildError) {
		return nil, &buildError{pos: pos, msg: fmt.Sprintf(format, a...)}
	}

	// Levels in ascending number order.
	lvls := slices.Clone(c.Levels)
	lvls = slices.DeleteFunc(lvls, func(l *Level) bool { return l == nil })
	slices.SortStableFunc(lvls, func(a, b *Level) int { return cmp.Compare(a.Number, b.Number) })
	maxLevel := c.EffectiveModel().MaxLevel()
	p.byNum = make([]int32, maxLevel+1)
	for i := range p.byNum {
		p.byNum[i] = -1
	}

	// Nodes first, so that every question knows its parent. Questions get
	// their indexes in file order afterwards.
	qnode := map[*Question]int32{}
	qlevel := map[*Question]int32{}
	for _, l := range lvls {
		if l.Number < 1 || l.Number > maxLevel || p.byNum[l.Number] >= 0 {
			return fail(l.Pos, "level %d of model %q", l.Number, c.Model)
		}
		pos := int32(len(p.levels))
		p.byNum[l.Number] = pos
		n := int32(len(p.nodes))
		p.levels = append(p.levels, n)
		p.nodes = append(p.nodes, planNode{parent: -1, level: pos, w: l.EffectiveWeight(), lvl: l})
		p.addLevelItems(l.Items, n, pos, qnode, qlevel)
	}

	// Questions in file order.
	for q := range checklistQuestions(c) {
		i := int32(len(p.qs))
		if _, dup := p.index[q.ID]; dup {
			return fail(q.Pos, "question %q twice", q.ID)
		}
		p.index[q.ID] = i
		p.ids = append(p.ids, q.ID)
		node, inLevel := qnode[q]
		level := qlevel[q]
		if !inLevel {
			node, level = -1, -1
		}
		pq := planQ{q: q, kind: q.Kind.EffectiveType()}
		switch pq.kind {
		case KindYesNo:
			pq.words = yesNo[:]
		case KindEmotion:
			pq.words = emotions[:]
		case KindText, KindMeasure:
		case KindScale, KindCES, KindCSAT, KindCSI, KindNPS:
			var ok bool
			if pq.lo, pq.hi, ok = c.Points(q.Kind); !ok {
				return fail(q.Pos, "question %q: scale %q", q.ID, q.Kind.Ref)
			}
		case KindChoice:
			ch := c.Choice(q.Kind.Ref)
			if ch == nil || slices.Contains(ch.Options, nil) {
				return fail(q.Pos, "question %q: choice %q", q.ID, q.Kind.Ref)
			}
			// The plan's own copy: scoring indexes it by the answer's
			// option, whatever later becomes of the checklist's slice.
			pq.opts = slices.Clone(ch.Options)
			for _, o := range pq.opts {
				pq.words = append(pq.words, o.ID)
			}
		default:
			return fail(q.Pos, "question %q: kind %q", q.ID, pq.kind)
		}
		var flags uint8
		if inLevel && !q.Unscored && !pq.kind.SurveyOnly() {
			flags |= hScored
		}
		if q.Critical {
			flags |= hCritical
		}
		pq.when0 = int32(len(p.prog))
		if when := q.Condition(); when != nil {
			if err := p.compileWhen(when, i); err != nil {
				return fail(when.Pos, "question %q: when: %v", q.ID, err)
			}
		}
		pq.when1 = int32(len(p.prog))
		p.qs = append(p.qs, pq)
		p.hw = append(p.hw, q.EffectiveWeight())
		p.hnode = append(p.hnode, node)
		p.hlevel = append(p.hlevel, level)
		p.hflags = append(p.hflags, flags)
	}
	for _, in := range p.prog {
		if in.op == opYes || in.op == opCmpNum || in.op == opIn {
			p.qs[in.q].read = true
		}
	}
	p.plain = make([]int32, len(p.qs))
	for i, pq := range p.qs {
		if pq.when0 == pq.when1 && !pq.read {
			p.plain[i] = int32(len(pq.words))
		}
	}
	p.linkQuestions()
	p.scaleWeights()
	return p, nil
}

// scaleWeights keeps the sums of the roll-up finite. Any finite weight
// >= 0 is valid, but two weights of 1e308 under one node sum to +Inf,
// and Inf/Inf is no score. So where the weights of one node's children
// (or of the levels) add up to more than a quarter of the largest
// float64, scaleWeights scales all of them by one power of two, which
// leaves every weighted mean as it is: the products and sums of the
// roll-up are scaled by the same power, exactly (only a weight
// 2^1000 times smaller than its siblings' sum can lose bits, to
// underflow). Ordinary weights are left untouched, so their scores stay
// the same to the bit. The quarter leaves room for the order in which
// the scorer adds, and for scores a rounding above 1.
func (p *Plan) scaleWeights() {
	// Sums are taken at 2^-64 of the weights, where no count of finite
	// weights a checklist can hold overflows. Index len(p.nodes) stands
	// for the levels, whose weights the overall score sums.
	const pre = -64
	top := len(p.nodes)
	group := func(parent int32) int {
		if parent < 0 {
			return top
		}
		return int(parent)
	}
	sums := make([]float64, top+1)
	for i, w := range p.hw {
		if n := p.hnode[i]; n >= 0 {
			sums[n] += math.Ldexp(w, pre)
		}
	}
	for n := range p.nodes {
		sums[group(p.nodes[n].parent)] += math.Ldexp(p.nodes[n].w, pre)
	}
	shift := make([]int, len(sums))
	for g, s := range sums {
		for k := 0; math.Ldexp(s, -pre-k) > math.MaxFloat64/4; k++ {
			shift[g] = k + 1
		}
	}
	for i, w := range p.hw {
		if n := p.hnode[i]; n >= 0 && shift[n] > 0 {
			p.hw[i] = math.Ldexp(w, -shift[n])
		}
	}
	for n := range p.nodes {
		nd := &p.nodes[n]
		nd.rw = math.Ldexp(nd.w, -shift[group(nd.parent)])
	}
}

// addLevelItems records the sections under node n and which node each
// question belongs to; question indexes are linked later, once they are
// known.
func (p *Plan) addLevelItems(items []Item, n, level int32, qnode, qlevel map[*Question]int32) {
	for _, it := range items {
		switch {
		case it.Section != nil:
			s := it.Section
			child := int32(len(p.nodes))
			p.nodes = append(p.nodes, planNode{parent: n, level: level, w: s.EffectiveWeight(), sec: s, lvl: p.nodes[n].lvl})
			p.nodes[n].items = append(p.nodes[n].items, planItem{q: -1, node: child})
			p.addLevelItems(s.Items, child, level, qnode, qlevel)
		case it.Question != nil:
			qnode[it.Question] = n
			qlevel[it.Question] = level
			p.nodes[n].items = append(p.nodes[n].items, planItem{q: -1, node: -1})
		}
	}
}

// linkQuestions fills in the question index of every question item.
func (p *Plan) linkQuestions() {
	for n := range p.nodes {
		nd := &p.nodes[n]
		var items []Item
		if nd.sec != nil {
			items = nd.sec.Items
		} else {
			items = nd.lvl.Items
		}
		k := 0
		for _, it := range items {
			if it.Section == nil && it.Question == nil {
				continue
			}
			if it.Question != nil && it.Section == nil {
				if i, ok := p.index[it.Question.ID]; ok && p.qs[i].q == it.Question {
					nd.items[k].q = i
				}
			}
			k++
		}
	}
}

func validOp(op CmpOp) bool {
	switch op {
	case OpEq, OpNe, OpLt, OpLe, OpGt, OpGe:
		return true
	}
	return false
}

// compileWhen appends the postfix program of e, the condition of
// question self, to p.prog.
func (p *Plan) compileWhen(e *Expr, self int32) error {
	if e == nil {
		return fmt.Errorf("empty condition")
	}
	switch e.Op {
	case ExprAnd, ExprOr:
		if len(e.Args) == 0 {
			return fmt.Errorf("%q with no operands", e.Op)
		}
		for _, a := range e.Args {
			if err := p.compileWhen(a, self); err != nil {
				return err
			}
		}
		op := opAnd
		if e.Op == ExprOr {
			op = opOr
		}
		p.prog = append(p.prog, instr{op: op, n: int32(len(e.Args))})
		return nil
	case ExprNot:
		if len(e.Args) != 1 {
			return fmt.Errorf("\"not\" takes one operand")
		}
		if err := p.compileWhen(e.Args[0], self); err != nil {
			return err
		}
		p.prog = append(p.prog, instr{op: opNot})
		return nil
	}
	i, ok := p.index[e.Question]
	if !ok || i >= self {
		return fmt.Errorf("condition reads %q, which is not a question declared before it", e.Question)
	}
	ref := &p.qs[i]
	switch e.Op {
	case ExprYes:
		if ref.kind != KindYesNo {
			return fmt.Errorf("%q is not a yes/no question", e.Question)
		}
		p.prog = append(p.prog, instr{op: opYes, q: i})
	case ExprCmp:
		if len(e.Options) > 0 {
			if len(e.Options) != 1 || (e.Cmp != OpEq && e.Cmp != OpNe) {
				return fmt.Errorf("%q compares with == or != to one option", e.Question)
			}
			set, err := optionSet(ref, e.Options)
			if err != nil {
				return err
			}
			p.prog = append(p.prog, instr{op: opIn, q: i, set: set, negI: e.Cmp == OpNe})
			return nil
		}
		if e.Number == nil || !validOp(e.Cmp) {
			return fmt.Errorf("comparison of %q needs an operator and a number", e.Question)
		}
		switch ref.kind {
		case KindScale, KindMeasure, KindNPS, KindCES, KindCSAT, KindCSI:
		default:
			return fmt.Errorf("%q (%s) cannot be compared with a number", e.Question, ref.kind)
		}
		p.prog = append(p.prog, instr{op: opCmpNum, q: i, cmp: e.Cmp, num: *e.Number})
	case ExprIn:
		set, err := optionSet(ref, e.Options)
		if err != nil {
			return err
		}
		p.prog = append(p.prog, instr{op: opIn, q: i, set: set})
	default:
		return fmt.Errorf("unknown condition operator %q", e.Op)
	}
	return nil
}

// optionSet resolves the option IDs a condition compares question ref
// with: a choice's options, "no"/"yes" for a yes/no question (0 and 1) or
// an emotion label (its index in [Emotions]), the way a Bound records
// the answer.
func optionSet(ref *planQ, ids []string) ([]int32, error) {
	if len(ids) == 0 {
		return nil, fmt.Errorf("no options to compare %q with", ref.q.ID)
	}
	var names []string
	switch ref.kind {
	case KindChoice, KindYesNo, KindEmotion:
		names = ref.words
	default:
		return nil, fmt.Errorf("%q (%s) has no options to compare with", ref.q.ID, ref.kind)
	}
	set := make([]int32, 0, len(ids))
	for _, id := range ids {
		k := slices.Index(names, id)
		if k < 0 {
			return nil, fmt.Errorf("%q has no option %q", ref.q.ID, id)
		}
		set = append(set, int32(k))
	}
	return set, nil
}

// yesNo are the answers of a yes/no question by their option index.
var yesNo = [...]string{"no", "yes"}

// Checklist returns the checklist the plan was compiled from. It must
// not be modified.
func (p *Plan) Checklist() *Checklist { return p.c }

// NumQuestions returns the number of questions, survey included: the
// length of the per-question slices of [Scores].
func (p *Plan) NumQuestions() int { return len(p.qs) }

// Question returns the question with index i, or nil when i is not in
// 0..NumQuestions()-1.
func (p *Plan) Question(i int) *Question {
	if i < 0 || i >= len(p.qs) {
		return nil
	}
	return p.qs[i].q
}

// Words returns the answers of question i that are one of a few fixed
// words, in the order of their option index: "no" and "yes" for a
// yes/no question, the option IDs of a choice, the emotions (as
// [Emotions] has them); none for the other kinds or an i out of range.
// [Plan.CheckIndexed] takes an answer as its index in them, for a
// reader that has matched it already. The slice is the caller's.
func (p *Plan) Words(i int) []string {
	if i < 0 || i >= len(p.qs) {
		return nil
	}
	return slices.Clone(p.qs[i].words)
}

// QuestionIndex returns the index of the question with the given ID.
func (p *Plan) QuestionIndex(id string) (int, bool) {
	i, ok := p.index[id]
	return int(i), ok
}

// NumLevels returns the number of levels, the length of [Scores.Levels].
func (p *Plan) NumLevels() int { return len(p.levels) }

// Level returns the level at position i, ascending by number, or nil
// when i is not in 0..NumLevels()-1. Position is not the level's number:
// a checklist of levels 2 and 3 has them at positions 0 and 1.
func (p *Plan) Level(i int) *Level {
	if i < 0 || i >= len(p.levels) {
		return nil
	}
	return p.nodes[p.levels[i]].lvl
}

// checklistQuestions is [Checklist.Questions] that tolerates nil levels,
// sections and questions, which a checklist decoded from JSON may hold.
func checklistQuestions(c *Checklist) func(yield func(*Question) bool) {
	return func(yield func(*Question) bool) {
		var walk func(items []Item) bool
		walk = func(items []Item) bool {
			for _, it := range items {
				switch {
				case it.Section != nil:
					if !walk(it.Section.Items) {
						return false
					}
				case it.Question != nil:
					if !yield(it.Question) {
						return false
					}
				}
			}
			return true
		}
		for _, l := range c.Levels {
			if l != nil && !walk(l.Items) {
				return
			}
		}
		if c.Survey != nil {
			for _, q := range c.Survey.Questions {
				if q != nil && !yield(q) {
					return
				}
			}
		}
	}
}
