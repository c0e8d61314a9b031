package dsl

import (
	"cmp"
	"slices"
	"unicode/utf8"

	"github.com/cxkit/cxkit/korto"
)

// Positions are tracked in bytes while parsing, because participle and
// the scanner work in bytes. People count characters: a Russian line
// "question вход ..." has its fifth letter at column 14, not 18. So
// before positions leave the package, every column becomes a character
// column, the one an editor's status bar shows. Offset stays in bytes.

// charColumns rewrites the byte columns of the diagnostics and of every
// node of c (which may be nil) as character columns.
//
// Counting each position's characters from the start of its line made a
// long line with many nodes or problems on it quadratic (a "when" of 40k
// terms, thousands of errors on one line). So the positions are first
// collected, then visited in offset order, counting each line's
// characters onward from the previous position on it.
func charColumns(src []byte, c *korto.Checklist, diags korto.Diagnostics) {
	var ps []*korto.Pos
	fix := func(p *korto.Pos) {
		if !p.IsValid() || p.Column <= 1 {
			return
		}
		start := p.Offset - (p.Column - 1)
		if start < 0 || p.Offset > len(src) {
			return
		}
		ps = append(ps, p)
	}
	defer func() { countColumns(src, ps) }()
	for _, d := range diags {
		fix(&d.Pos)
	}
	if c == nil {
		return
	}
	fix(&c.Pos)
	for _, s := range c.Scales {
		fix(&s.Pos)
	}
	for _, ch := range c.Choices {
		fix(&ch.Pos)
		for _, o := range ch.Options {
			fix(&o.Pos)
		}
	}
	var items func([]korto.Item)
	var expr func(*korto.Expr)
	expr = func(e *korto.Expr) {
		if e == nil {
			return
		}
		fix(&e.Pos)
		for _, a := range e.Args {
			expr(a)
		}
	}
	question := func(q *korto.Question) {
		fix(&q.Pos)
		fix(&q.Kind.Pos)
		fix(&q.WeightPos)
		expr(q.When)
	}
	items = func(its []korto.Item) {
		for _, it := range its {
			if it.Section != nil {
				fix(&it.Section.Pos)
				fix(&it.Section.WeightPos)
				items(it.Section.Items)
			}
			if it.Question != nil {
				question(it.Question)
			}
		}
	}
	for _, l := range c.Levels {
		fix(&l.Pos)
		fix(&l.WeightPos)
		fix(&l.PassPos)
		items(l.Items)
	}
	if c.Survey != nil {
		fix(&c.Survey.Pos)
		for _, q := range c.Survey.Questions {
			question(q)
		}
	}
}

// countColumns sets the Column of each of ps, all valid and in src, to
// the character column of its Offset. Positions sharing a line are
// counted onward from one another, in offset order.
func countColumns(src []byte, ps []*korto.Pos) {
	type at struct {
		p          *korto.Pos
		start, off int
	}
	all := make([]at, len(ps))
	for i, p := range ps {
		all[i] = at{p, p.Offset - (p.Column - 1), p.Offset}
	}
	slices.SortStableFunc(all, func(a, b at) int { return cmp.Compare(a.off, b.off) })
	lineStart, prevOff, prevCol := -1, 0, 0
	for _, a := range all {
		if a.start == lineStart && a.off >= prevOff && (prevOff == len(src) || utf8.RuneStart(src[prevOff])) {
			prevCol += utf8.RuneCount(src[prevOff:a.off])
		} else {
			prevCol = utf8.RuneCount(src[a.start:a.off]) + 1
		}
		lineStart, prevOff = a.start, a.off
		a.p.Column = prevCol
	}
}
