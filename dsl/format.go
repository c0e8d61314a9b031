package dsl

import (
	"bytes"
	"errors"
	"io"
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/korto"
)

// Format returns src in the canonical layout: two-space indentation, one
// question per line with its kind first and its modifiers in a fixed
// order, translations sorted by language, choice options aligned, and
// every comment kept where it stood (own-line comments before the line
// they preceded, end-of-line comments at the end of their line). Single
// blank lines between entries are kept.
//
// Format fails only on syntax errors; a checklist that parses but does
// not validate (say, an unknown scale) is still formatted. Formatting is
// idempotent, and the formatted source parses to the same checklist.
func Format(src []byte) ([]byte, error) {
	p := parseSource("", src)
	if p.checklist == nil || p.buildErr {
		var syntax korto.Diagnostics
		for _, d := range p.diags {
			if d.Severity == korto.SeverityError && isSyntaxCode(d.Code) {
				syntax = append(syntax, d)
			}
		}
		if len(syntax) == 0 {
			syntax = p.diags
		}
		charColumns(src, nil, syntax) // as Parse reports them
		return nil, syntax.Err()
	}
	pr := newPrinter(src, p.comments, p.lay, p.checklist)
	pr.checklist(p.checklist)
	return pr.bytes(), nil
}

func isSyntaxCode(code string) bool {
	switch code {
	case diag.CodeSyntax, diag.CodeUnknownKeyword, diag.CodeBadString, diag.CodeBadNumber, diag.CodeNumberKind,
		diag.CodeEncoding, diag.CodeBinary, diag.CodeLimit, diag.CodeRepeated, diag.CodeOrder, diag.CodeBadValue:
		return true
	}
	return false
}

// Print writes c in the canonical layout of the language, for
// checklists built in Go code. Optional settings left at their zero value
// are not written; a question's yesno kind is implied.
//
// Print validates c first, as Parse validates what it reads: when c has
// errors (a nil level, an ID that is not an identifier, a NaN weight, no
// ID at all, ...) it writes nothing and returns them as a
// [korto.Diagnostics]; warnings are no obstacle. Validate also refuses
// what the model can hold but the language cannot write, a text that is
// not UTF-8 and a language tag that is not one (codes bad-text and
// bad-lang), so what Print writes always parses, to a checklist equal
// to c.
func Print(w io.Writer, c *korto.Checklist) error {
	if w == nil {
		return errors.New("dsl: Print needs a writer, not nil")
	}
	if err := c.Validate().Err(); err != nil {
		return err
	}
	pr := newPrinter(nil, nil, layout{}, c)
	pr.checklist(c)
	_, err := w.Write(pr.bytes())
	return err
}

// printer writes a checklist, weaving in the source's comments. Every
// printed line has an anchor, the source offset of what it prints; a
// comment goes before the first anchor after it, or at the end of the
// line of the last anchor before it when it ended a line in the source.
type printer struct {
	lines      []outLine
	src        []byte
	lay        layout
	lead       map[int][]comment
	trail      map[int][]comment
	tail       []comment
	blockStart bool // nothing written yet in the current block
}

func newPrinter(src []byte, comments []comment, lay layout, c *korto.Checklist) *printer {
	p := &printer{src: src, lay: lay, lead: map[int][]comment{}, trail: map[int][]comment{}, blockStart: true}
	if len(comments) == 0 {
		return p
	}
	anchors := collectAnchors(c, lay)
	for _, cm := range comments {
		if cm.trailing {
			i := sort.SearchInts(anchors, cm.offset+1) - 1
			if i >= 0 {
				p.trail[anchors[i]] = append(p.trail[anchors[i]], cm)
				continue
			}
		}
		i := sort.SearchInts(anchors, cm.offset+1)
		if i < len(anchors) {
			p.lead[anchors[i]] = append(p.lead[anchors[i]], cm)
		} else {
			p.tail = append(p.tail, cm)
		}
	}
	return p
}

// collectAnchors returns the sorted source offsets of every line the
// printer writes.
func collectAnchors(c *korto.Checklist, lay layout) []int {
	a := []int{c.Pos.Offset}
	for _, off := range lay.meta {
		a = append(a, off)
	}
	for _, off := range lay.close {
		a = append(a, off)
	}
	for _, b := range c.Bands {
		a = append(a, b.Pos.Offset)
	}
	for _, s := range c.Scales {
		a = append(a, s.Pos.Offset)
	}
	for _, ch := range c.Choices {
		a = append(a, ch.Pos.Offset)
		for _, o := range ch.Options {
			a = append(a, o.Pos.Offset)
		}
	}
	var items func([]korto.Item)
	items = func(its []korto.Item) {
		for _, it := range its {
			if it.Section != nil {
				a = append(a, it.Section.Pos.Offset)
				items(it.Section.Items)
			} else if it.Question != nil {
				a = append(a, it.Question.Pos.Offset)
			}
		}
	}
	for _, l := range c.Levels {
		a = append(a, l.Pos.Offset)
		items(l.Items)
	}
	if c.Survey != nil {
		a = append(a, c.Survey.Pos.Offset)
		for _, q := range c.Survey.Questions {
			a = append(a, q.Pos.Offset)
		}
	}
	slices.Sort(a)
	return slices.Compact(a)
}

// blankBefore reports whether the source has an empty line just before
// offset off.
func (p *printer) blankBefore(off int) bool {
	if p.src == nil || off > len(p.src) {
		return false
	}
	nl := 0
	for i := off - 1; i >= 0; i-- {
		switch p.src[i] {
		case '\n':
			nl++
			if nl == 2 {
				return true
			}
		case ' ', '\t', '\r':
		default:
			return false
		}
	}
	return false
}

// outLine is one output line: code, then maybe an end-of-line comment.
type outLine struct {
	indent, code, comment string
}

func (p *printer) blank() {
	if !p.blockStart {
		p.lines = append(p.lines, outLine{})
	}
}

func (p *printer) emit(depth int, code, comment string) {
	p.lines = append(p.lines, outLine{strings.Repeat("  ", depth), code, comment})
}

// bytes joins the output lines, aligning the end-of-line comments of
// consecutive lines in one column.
func (p *printer) bytes() []byte {
	var b bytes.Buffer
	for i := 0; i < len(p.lines); {
		j, w := i, 0
		for j < len(p.lines) && p.lines[j].comment != "" && p.lines[j].code != "" {
			w = max(w, utf8.RuneCountInString(p.lines[j].indent+p.lines[j].code))
			j++
		}
		if j == i { // no run of commented lines here
			l := p.lines[i]
			b.WriteString(l.indent)
			b.WriteString(l.code)
			if l.comment != "" {
				if l.code != "" {
					b.WriteByte(' ')
				}
				b.WriteString(l.comment)
			}
			b.WriteByte('\n')
			i++
			continue
		}
		for ; i < j; i++ {
			l := p.lines[i]
			b.WriteString(pad(l.indent+l.code, w))
			b.WriteByte(' ')
			b.WriteString(l.comment)
			b.WriteByte('\n')
		}
	}
	return b.Bytes()
}

// line writes one line at depth with the comments anchored at anchor
// (-1 for none); open tells that the line opens a block.
func (p *printer) line(depth, anchor int, text string, forceBlank, open bool) {
	if anchor >= 0 && p.src != nil {
		for _, cm := range p.lead[anchor] {
			if p.blankBefore(cm.offset) {
				p.blank()
			}
			p.emit(depth, "", cm.text)
			p.blockStart = false
		}
		if p.blankBefore(anchor) || forceBlank && len(p.lead[anchor]) == 0 {
			p.blank()
		}
	} else if forceBlank {
		p.blank()
	}
	var trail []string
	if anchor >= 0 && p.src != nil {
		for _, cm := range p.trail[anchor] {
			trail = append(trail, cm.text)
		}
	}
	p.emit(depth, text, strings.Join(trail, " "))
	p.blockStart = open
}

// close writes a block's closing brace; comments before it are indented
// as the block's content.
func (p *printer) close(depth int, node any) {
	anchor := -1
	if off, ok := p.lay.close[node]; ok && p.src != nil {
		anchor = off
		for _, cm := range p.lead[anchor] {
			if p.blankBefore(cm.offset) {
				p.blank()
			}
			p.emit(depth+1, "", cm.text)
			p.blockStart = false
		}
		p.lead[anchor] = nil
	}
	p.blockStart = true // no blank line before "}"
	p.line(depth, anchor, "}", false, false)
}

func (p *printer) anchor(pos korto.Pos) int {
	if p.src == nil {
		return -1
	}
	return pos.Offset
}

func (p *printer) meta(key string) int {
	if off, ok := p.lay.meta[key]; ok && p.src != nil {
		return off
	}
	return -1
}

func (p *printer) checklist(c *korto.Checklist) {
	p.line(0, p.anchor(c.Pos), "checklist "+c.ID+" "+text(c.Title)+" {", false, true)
	// An empty version or description written in the source stays, with
	// any comment on its line.
	if c.Version != "" || p.meta("version") >= 0 {
		p.line(1, p.meta("version"), "version "+strconv.Quote(c.Version), false, false)
	}
	if c.Model != "" {
		p.line(1, p.meta("model"), "model "+string(c.Model), false, false)
	}
	if !c.Description.IsZero() || p.meta("description") >= 0 {
		p.line(1, p.meta("description"), "description "+text(c.Description), false, false)
	}
	if c.Lang != "" {
		p.line(1, p.meta("lang"), "lang "+c.Lang, false, false)
	}
	if c.Knockout != "" {
		p.line(1, p.meta("knockout"), "knockout "+string(c.Knockout), false, false)
	}
	if c.Bands != nil {
		p.bands(c.Bands)
	}
	first := !p.blockStart
	for _, s := range c.Scales {
		p.line(1, p.anchor(s.Pos), "scale "+s.Name+" "+korto.FormatNumber(s.Lo)+".."+korto.FormatNumber(s.Hi), first, false)
		first = false
	}
	for _, ch := range c.Choices {
		p.choice(ch, first)
		first = false
	}
	for _, l := range c.Levels {
		p.level(l)
	}
	if c.Survey != nil {
		p.line(1, p.anchor(c.Survey.Pos), "survey {", true, true)
		for _, q := range c.Survey.Questions {
			p.line(2, p.anchor(q.Pos), question(q), false, false)
		}
		p.close(1, c.Survey)
	}
	p.close(0, c)
	for _, cm := range p.tail {
		if p.blankBefore(cm.offset) {
			p.lines = append(p.lines, outLine{})
		}
		p.emit(0, "", cm.text)
	}
}

func (p *printer) choice(ch *korto.Choice, blank bool) {
	p.line(1, p.anchor(ch.Pos), "choice "+ch.Name+" {", blank, true)
	idW, labelW := 0, 0
	labels := make([]string, len(ch.Options))
	for i, o := range ch.Options {
		labels[i] = text(o.Label)
		idW = max(idW, utf8.RuneCountInString(o.ID))
		labelW = max(labelW, utf8.RuneCountInString(labels[i]))
	}
	for i, o := range ch.Options {
		var b strings.Builder
		b.WriteString(pad(o.ID, idW))
		b.WriteByte(' ')
		b.WriteString(pad(labels[i], labelW))
		b.WriteString(" = ")
		b.WriteString(korto.FormatNumber(o.Value))
		if o.Fail {
			b.WriteString(" fail")
		}
		p.line(2, p.anchor(o.Pos), b.String(), false, false)
	}
	p.close(1, ch)
}

// bands prints the score bands one per line, thresholds aligned.
func (p *printer) bands(bands []*korto.Band) {
	p.line(1, p.meta("bands"), "bands {", false, true)
	from := make([]string, len(bands))
	w := 0
	for i, b := range bands {
		from[i] = korto.FormatPercent(b.From)
		w = max(w, len(from[i]))
	}
	for i, b := range bands {
		p.line(2, p.anchor(b.Pos), pad(from[i], w)+" "+text(b.Name), false, false)
	}
	p.close(1, bandsBlock{})
}

func pad(s string, w int) string {
	return s + strings.Repeat(" ", max(0, w-utf8.RuneCountInString(s)))
}

func (p *printer) level(l *korto.Level) {
	var b strings.Builder
	b.WriteString("level " + strconv.Itoa(l.Number) + " " + text(l.Title))
	if l.Pass != nil {
		b.WriteString(" pass " + korto.FormatPercent(*l.Pass))
	}
	if l.Weight != nil {
		b.WriteString(" weight " + korto.FormatNumber(*l.Weight))
	}
	b.WriteString(" {")
	p.line(1, p.anchor(l.Pos), b.String(), true, true)
	p.items(2, l.Items)
	p.close(1, l)
}

func (p *printer) items(depth int, items []korto.Item) {
	for _, it := range items {
		switch {
		case it.Section != nil:
			s := it.Section
			head := "section " + s.ID + " " + text(s.Title)
			if s.Weight != nil {
				head += " weight " + korto.FormatNumber(*s.Weight)
			}
			p.line(depth, p.anchor(s.Pos), head+" {", false, true)
			p.items(depth+1, s.Items)
			p.close(depth, s)
		case it.Question != nil:
			p.line(depth, p.anchor(it.Question.Pos), question(it.Question), false, false)
		}
	}
}

// question returns a question's line: kind first, then the modifiers in
// the order the language lists them.
func question(q *korto.Question) string {
	var b strings.Builder
	b.WriteString("question " + q.ID + " " + text(q.Text))
	if k := q.Kind; k.Ref != "" || k.EffectiveType() != korto.KindYesNo {
		b.WriteString(" " + k.String())
	}
	if q.Weight != nil {
		b.WriteString(" weight " + korto.FormatNumber(*q.Weight))
	}
	for _, f := range []struct {
		on   bool
		word string
	}{{q.Critical, "critical"}, {q.NA, "na"}, {q.Optional, "optional"}, {q.Unscored, "unscored"}} {
		if f.on {
			b.WriteString(" " + f.word)
		}
	}
	if q.When != nil {
		b.WriteString(" when " + q.When.String())
	}
	if q.Promise != nil {
		b.WriteString(" promise " + q.Promise.Of + " due " + strconv.Itoa(q.Promise.DueDays) + "d")
	}
	if !q.Hint.IsZero() {
		b.WriteString(" hint " + text(q.Hint))
	}
	if len(q.Tags) > 0 {
		b.WriteString(" tags " + strings.Join(q.Tags, ", "))
	}
	return b.String()
}

// text prints a text with its translations sorted by language tag.
func text(t korto.Text) string {
	s := strconv.Quote(t.Text)
	if len(t.Tr) == 0 {
		return s
	}
	langs := slices.Sorted(maps.Keys(t.Tr))
	for _, l := range langs {
		s += " @" + l + " " + strconv.Quote(t.Tr[l])
	}
	return s
}
