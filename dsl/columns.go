package dsl

import (
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
func charColumns(src []byte, c *korto.Checklist, diags korto.Diagnostics) {
	fix := func(p *korto.Pos) {
		if !p.IsValid() || p.Column <= 1 {
			return
		}
		start := p.Offset - (p.Column - 1)
		if start < 0 || p.Offset > len(src) {
			return
		}
		p.Column = utf8.RuneCount(src[start:p.Offset]) + 1
	}
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

// byteColumn returns the 1-based byte column of the 1-based character
// column col in line, for drawing a caret under it.
func byteColumn(line []byte, col int) int {
	off := 0
	for n := 1; n < col && off < len(line); n++ {
		_, size := utf8.DecodeRune(line[off:])
		off += size
	}
	if off >= len(line) && col > 1 {
		// Past the end (e.g. "expected ) at the end of the line").
		return len(line) + (col - 1 - utf8.RuneCount(line)) + 1
	}
	return off + 1
}
