package main

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/cxkit/cxkit/korto"
)

// visit is one generated audit: its fields and its answers in checklist
// order (so that the written sheets read like the checklist).
type visit struct {
	ID       string
	Location string
	Date     time.Time
	Auditor  string
	Answers  []answer
}

// answer is one answer: a string ("yes", an option ID, "na", text) or a
// number.
type answer struct {
	ID     string
	Str    string
	Num    float64
	IsNum  bool
	failed bool // a scored question answered with value 0, for comments
}

// quarter is the period the visits fall in: the third quarter of 2026.
var (
	quarterStart = time.Date(2026, time.July, 1, 0, 0, 0, 0, time.UTC)
	quarterDays  = 92
)

// generate draws perCentre visits to every centre and numbers them in
// date order. Everything random comes from r, so a fixed seed gives the
// same data set byte for byte.
func generate(c *korto.Checklist, perCentre int, r *rand.Rand) []visit {
	var all []visit
	for _, ce := range centres {
		for i := range perCentre {
			// Spread the visits evenly over the quarter, each on a
			// random day of its own slot.
			day := int((float64(i) + r.Float64()) * float64(quarterDays) / float64(perCentre))
			au := auditors[r.IntN(len(auditors))]
			g := &visitGen{c: c, ce: &ce, r: r, shift: r.NormFloat64()*0.04 - au.Strict}
			all = append(all, visit{
				Location: ce.Name,
				Date:     quarterStart.AddDate(0, 0, day),
				Auditor:  au.Name,
				Answers:  g.answers(),
			})
		}
	}
	slices.SortStableFunc(all, func(a, b visit) int {
		return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.Location, b.Location))
	})
	for i := range all {
		all[i].ID = fmt.Sprintf("v-%04d", 101+i)
	}
	return all
}

// visitGen answers one sheet.
type visitGen struct {
	c     *korto.Checklist
	ce    *centre
	r     *rand.Rand
	shift float64 // this visit's luck and the auditor's strictness

	out       []answer
	byID      map[string]answer
	good      float64 // sum of the values of the scored answers so far
	total     float64 // their count
	criticals int     // failed critical questions
}

func (g *visitGen) answers() []answer {
	g.byID = map[string]answer{}
	for _, l := range g.c.Levels {
		g.items(l.Number, l.Items)
	}
	if g.c.Survey != nil {
		quality := 0.5
		if g.total > 0 {
			quality = g.good / g.total
		}
		// A visitor forgives ten small misses sooner than one stinking
		// toilet: every failed critical question weighs on the mood.
		quality -= 0.2 * float64(g.criticals)
		s := newSurveyGen(g.r, quality+g.ce.Mood, g.criticals)
		for _, q := range g.c.Survey.Questions {
			a, ok := s.answer(q, g.comment())
			if ok {
				g.add(a)
			}
		}
	}
	return g.out
}

func (g *visitGen) items(level int, items []korto.Item) {
	for _, it := range items {
		if it.Section != nil {
			g.items(level, it.Section.Items)
			continue
		}
		q := it.Question
		if q.When != nil && !g.holds(q.When) {
			continue // switched off: the sheet leaves it out
		}
		if q.Unscored {
			g.add(g.fact(q))
			continue
		}
		if q.NA && g.notApplicable(q) {
			g.add(answer{ID: q.ID, Str: "na"})
			continue
		}
		a, v := g.scored(q, g.chance(level, q))
		a.failed = v == 0
		if a.failed && q.Critical {
			g.criticals++
		}
		g.good += v
		g.total++
		g.add(a)
	}
}

func (g *visitGen) add(a answer) {
	g.out = append(g.out, a)
	g.byID[a.ID] = a
}

// chance returns the probability of a good answer to q on this visit.
func (g *visitGen) chance(level int, q *korto.Question) float64 {
	p, pinned := g.ce.Questions[q.ID]
	if !pinned {
		p = g.ce.Level[level]
		if p == 0 {
			p = 0.8
		}
		for _, t := range q.Tags {
			if tp, ok := g.ce.Tags[t]; ok && tp < p {
				p = tp
			}
		}
		if q.Critical {
			// Zero-tolerance items are watched closely by any
			// management: they fail far less often than the rest.
			p = 1 - (1-p)*0.25
		}
	}
	// The visit's luck and the auditor's strictness scale the chance of a
	// failure rather than shift the chance of success, so that rare
	// failures stay rare and common ones common.
	fail := (1 - p) * math.Exp(-8*g.shift)
	return min(max(1-fail, 0.02), 0.995)
}

func (g *visitGen) notApplicable(q *korto.Question) bool {
	if slices.Contains(g.ce.Missing, q.ID) {
		return true
	}
	rate, ok := naRate[q.ID]
	if !ok {
		rate = defaultNARate
	}
	return g.r.Float64() < rate
}

// fact answers an unscored question from the centre's facts, or at
// random when the profile does not know it.
func (g *visitGen) fact(q *korto.Question) answer {
	if v, ok := g.ce.Facts[q.ID]; ok {
		return answer{ID: q.ID, Str: v}
	}
	switch q.Kind.EffectiveType() {
	case korto.KindChoice:
		opts := g.c.Choice(q.Kind.Ref).Options
		return answer{ID: q.ID, Str: opts[g.r.IntN(len(opts))].ID}
	case korto.KindYesNo:
		return answer{ID: q.ID, Str: yesNo(g.r.Float64() < 0.5)}
	}
	a, _ := g.scored(q, 0.5)
	return a
}

// scored draws an answer that is good with probability p and returns it
// with its value under the scoring rules.
func (g *visitGen) scored(q *korto.Question, p float64) (answer, float64) {
	ok := g.r.Float64() < p
	id := q.ID
	switch q.Kind.EffectiveType() {
	case korto.KindChoice:
		opts := slices.Clone(g.c.Choice(q.Kind.Ref).Options)
		slices.SortStableFunc(opts, func(a, b *korto.Option) int { return cmp.Compare(b.Value, a.Value) })
		o := opts[0]
		if !ok && len(opts) > 1 {
			// A bad answer is mostly the middling option, sometimes the
			// worst one.
			o = opts[1+g.r.IntN(len(opts)-1)]
		}
		return answer{ID: id, Str: o.ID}, o.Value
	case korto.KindScale:
		lo, hi := q.Kind.Lo, q.Kind.Hi
		if s := g.c.Scale(q.Kind.Ref); s != nil {
			lo, hi = s.Lo, s.Hi
		}
		// Good: the top quarter of the scale; bad: the bottom half.
		span := hi - lo
		var x float64
		if ok {
			x = hi - math.Floor(g.r.Float64()*math.Max(1, math.Round(span/4))+0.5)
		} else {
			x = lo + math.Floor(g.r.Float64()*math.Max(1, math.Floor(span/2)+1))
		}
		x = min(max(math.Round(x), lo), hi)
		return answer{ID: id, Num: x, IsNum: true}, (x - lo) / span
	case korto.KindMeasure:
		x := g.measure(q.Kind.Op, q.Kind.Target, ok)
		v := 0.0
		if q.Kind.Op.Holds(x, q.Kind.Target) {
			v = 1
		}
		return answer{ID: id, Num: x, IsNum: true}, v
	}
	v := 0.0
	if ok {
		v = 1
	}
	return answer{ID: id, Str: yesNo(ok)}, v
}

// measure draws a reading that meets (or misses) the target "op t",
// rounded to one decimal the way an auditor writes it down.
func (g *visitGen) measure(op korto.CmpOp, t float64, meet bool) float64 {
	scale := math.Max(math.Abs(t), 1)
	for range 20 {
		var x float64
		switch op {
		case korto.OpLe, korto.OpLt:
			if meet {
				x = t - scale*0.7*g.r.Float64()
			} else {
				x = t + scale*(0.1+1.4*g.r.Float64())
			}
		case korto.OpGe, korto.OpGt:
			if meet {
				x = t + scale*2*g.r.Float64()
			} else {
				x = t - scale*(0.1+0.8*g.r.Float64())
			}
		default: // == and !=: hit the target or be a little off
			x = t
			if meet == (op == korto.OpNe) {
				x = t + scale*(0.1+g.r.Float64())
			}
		}
		x = math.Round(math.Max(x, 0)*10) / 10
		if op.Holds(x, t) == meet {
			return x
		}
	}
	return t // only reached for targets no reading can miss, such as ">= 0"
}

// holds evaluates a `when` condition on the answers given so far. A
// question that was left out or answered "na" satisfies no atom.
func (g *visitGen) holds(e *korto.Expr) bool {
	switch e.Op {
	case korto.ExprAnd:
		for _, a := range e.Args {
			if !g.holds(a) {
				return false
			}
		}
		return true
	case korto.ExprOr:
		for _, a := range e.Args {
			if g.holds(a) {
				return true
			}
		}
		return false
	case korto.ExprNot:
		return !g.holds(e.Args[0])
	}
	a, ok := g.byID[e.Question]
	if !ok || (!a.IsNum && a.Str == "na") {
		return false
	}
	switch e.Op {
	case korto.ExprYes:
		return a.Str == "yes"
	case korto.ExprIn:
		return slices.Contains(e.Options, a.Str)
	case korto.ExprCmp:
		if len(e.Options) > 0 {
			return (a.Str == e.Options[0]) == (e.Cmp == korto.OpEq)
		}
		return a.IsNum && e.Number != nil && e.Cmp.Holds(a.Num, *e.Number)
	}
	return false
}

// comment picks what the visitor would write: a complaint about
// something that failed, praise, or a shrug.
func (g *visitGen) comment() func(mood string) string {
	return func(mood string) string {
		var got []string
		for _, a := range g.out {
			if s, ok := complaints[a.ID]; ok && a.failed {
				got = append(got, s)
			}
		}
		switch {
		case len(got) > 0 && mood != "positive":
			return got[g.r.IntN(len(got))]
		case mood == "positive":
			return praise[g.r.IntN(len(praise))]
		}
		return neutral[g.r.IntN(len(neutral))]
	}
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}
