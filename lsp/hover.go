package lsp

import (
	"fmt"
	"strconv"
	"strings"

	"go.lsp.dev/protocol"

	"github.com/cxkit/cxkit/dsl"
	"github.com/cxkit/cxkit/internal/textfmt"
	"github.com/cxkit/cxkit/korto"
)

// hover describes the name under the cursor: for a question its kind,
// the answers it takes, its weight and share of its level's score, and
// whether it is critical, allows na or depends on a condition.
func (d *document) hover(p protocol.Position) *protocol.Hover {
	n := d.nameAt(d.lines.offset(p))
	c := d.checklist
	if n == nil || c == nil {
		return nil
	}
	var b strings.Builder
	switch n.Kind {
	case dsl.NameQuestion:
		q := c.Question(n.Name)
		if q == nil {
			return nil
		}
		describeQuestion(&b, c, q)
	case dsl.NameSection:
		s := findSection(c, n.Name)
		if s == nil {
			return nil
		}
		fmt.Fprintf(&b, "**section** `%s` %s\n\n", s.ID, quote(s.Title.Text))
		sh := shares(c)
		fmt.Fprintf(&b, "weight %s", korto.FormatNumber(s.EffectiveWeight()))
		if l, ok := sh.level[s]; ok {
			fmt.Fprintf(&b, ", %s of level %d's score", textfmt.Pct(sh.share[s]), l.Number)
		}
		b.WriteString("\n")
	case dsl.NameLevel:
		for _, l := range c.Levels {
			if l != nil && strconv.Itoa(l.Number) == n.Name {
				fmt.Fprintf(&b, "**level %d** %s\n\npass %s, weight %s\n", l.Number, quote(l.Title.Text),
					korto.FormatPercent(l.EffectivePass()), korto.FormatNumber(l.EffectiveWeight()))
			}
		}
	case dsl.NameScale:
		s := c.Scale(n.Name)
		if s == nil {
			return nil
		}
		fmt.Fprintf(&b, "**scale** `%s` %s..%s: a whole number, scored linearly from 0 at %s to 1 at %s\n",
			s.Name, korto.FormatNumber(s.Lo), korto.FormatNumber(s.Hi), korto.FormatNumber(s.Lo), korto.FormatNumber(s.Hi))
	case dsl.NameChoice:
		ch := c.Choice(n.Name)
		if ch == nil {
			return nil
		}
		fmt.Fprintf(&b, "**choice** `%s`\n\n", ch.Name)
		writeOptions(&b, ch)
	case dsl.NameOption:
		name := n.Scope
		if !n.Decl {
			name = d.choiceOf(n.Scope)
		}
		ch := c.Choice(name)
		if ch == nil {
			return nil
		}
		for _, o := range ch.Options {
			if o != nil && o.ID == n.Name {
				fmt.Fprintf(&b, "**option** `%s` of choice `%s` %s = %s", o.ID, ch.Name, quote(o.Label.Text), korto.FormatNumber(o.Value))
				if o.Fail {
					b.WriteString(", fails the question")
				}
				b.WriteString("\n")
			}
		}
	}
	if b.Len() == 0 {
		return nil
	}
	r := d.lines.rng(n.Offset, n.End)
	return &protocol.Hover{Contents: protocol.MarkupContent{Kind: protocol.Markdown, Value: b.String()}, Range: &r}
}

func describeQuestion(b *strings.Builder, c *korto.Checklist, q *korto.Question) {
	fmt.Fprintf(b, "**question** `%s` — %s\n\n%s\n\n", q.ID, kindName(q.Kind), quote(q.Text.Text))
	b.WriteString("answers: " + answers(c, q) + "\n\n")
	sh := shares(c)
	switch l, ok := sh.level[q]; {
	case q.Unscored:
		b.WriteString("unscored: a fact for conditions, never scored\n")
	case ok:
		fmt.Fprintf(b, "weight %s, %s of level %d's score\n", korto.FormatNumber(q.EffectiveWeight()), textfmt.Pct(sh.share[q]), l.Number)
	default:
		b.WriteString("survey question: feeds the metrics, never the score\n")
	}
	var flags []string
	if q.Critical {
		flags = append(flags, "**critical**: a failed answer fails the level")
	}
	if q.NA {
		flags = append(flags, "`na` allowed")
	}
	if q.Optional {
		flags = append(flags, "optional")
	}
	if q.When != nil {
		flags = append(flags, "asked when `"+q.When.String()+"`")
	}
	if len(flags) > 0 {
		b.WriteString("\n" + strings.Join(flags, " · ") + "\n")
	}
}

func kindName(k korto.Kind) string {
	switch k.EffectiveType() {
	case korto.KindYesNo:
		return "yes/no"
	case korto.KindChoice:
		return "choice " + k.Ref
	}
	return k.String()
}

// answers says what an answer sheet may give for q.
func answers(c *korto.Checklist, q *korto.Question) string {
	var s string
	switch k := q.Kind; k.EffectiveType() {
	case korto.KindYesNo:
		s = "`yes`, `no`"
	case korto.KindChoice:
		var ids []string
		if ch := c.Choice(k.Ref); ch != nil {
			for _, o := range ch.Options {
				if o != nil {
					ids = append(ids, "`"+o.ID+"`")
				}
			}
		}
		s = strings.Join(ids, ", ")
	case korto.KindMeasure:
		s = "a number"
		if k.Unit != "" {
			s += " in " + k.Unit
		}
		s += fmt.Sprintf("; scores 1 when it is %s %s", k.Op, korto.FormatNumber(k.Target))
	case korto.KindText:
		s = "any text"
	case korto.KindEmotion:
		s = "`positive`, `neutral`, `negative`"
	default:
		if lo, hi, ok := c.Points(k); ok {
			s = "a whole number " + korto.FormatNumber(lo) + ".." + korto.FormatNumber(hi)
		}
	}
	if q.NA {
		s += ", `na`"
	}
	return s
}

func writeOptions(b *strings.Builder, ch *korto.Choice) {
	for _, o := range ch.Options {
		if o == nil {
			continue
		}
		fmt.Fprintf(b, "- `%s` %s = %s", o.ID, quote(o.Label.Text), korto.FormatNumber(o.Value))
		if o.Fail {
			b.WriteString(" (fail)")
		}
		b.WriteString("\n")
	}
}

func quote(s string) string { return "«" + s + "»" }

// shareTable is each scored question's and section's share of its
// level's score when every question is answered: its weight over its
// siblings' total, times its parent's share. A weight of 0 counts in
// neither sum, as in scoring.
type shareTable struct {
	share map[any]float64
	level map[any]*korto.Level
}

func shares(c *korto.Checklist) shareTable {
	t := shareTable{share: map[any]float64{}, level: map[any]*korto.Level{}}
	var walk func(items []korto.Item, part float64, l *korto.Level)
	walk = func(items []korto.Item, part float64, l *korto.Level) {
		total := 0.0
		for _, it := range items {
			switch {
			case it.Question != nil && !it.Question.Unscored:
				total += it.Question.EffectiveWeight()
			case it.Section != nil:
				total += it.Section.EffectiveWeight()
			}
		}
		for _, it := range items {
			switch {
			case it.Question != nil:
				t.level[it.Question] = l
				if !it.Question.Unscored && total > 0 {
					t.share[it.Question] = part * it.Question.EffectiveWeight() / total
				}
			case it.Section != nil:
				t.level[it.Section] = l
				s := 0.0
				if total > 0 {
					s = part * it.Section.EffectiveWeight() / total
				}
				t.share[it.Section] = s
				walk(it.Section.Items, s, l)
			}
		}
	}
	for _, l := range c.Levels {
		if l != nil {
			walk(l.Items, 1, l)
		}
	}
	return t
}
