package dsl

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/alecthomas/participle/v2/lexer"

	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/internal/suggest"
	"github.com/cxkit/cxkit/korto"
)

// layout remembers where things stood in the source, for the formatter:
// the model keeps the positions of its nodes, but not those of settings
// such as "version" or of closing braces.
type layout struct {
	meta  map[string]int // "version", "model", ... -> offset
	close map[any]int    // *korto.Checklist, *Choice, *Level, *Section, *Survey -> offset of "}"
}

type builder struct {
	file    string
	diags   korto.Diagnostics
	lay     layout
	decl    []string        // declared scale and choice names, to tell a kind from a typo
	choices map[string]bool // declared choice names
	root    *astChecklist   // the whole file, to tell a condition's test from a typo (isQuestion)
	// unsure holds the codes of Validate diagnostics that the builder's
	// own errors may have caused (see validateRead).
	unsure map[string]bool
	// options holds where the options of each condition test stand, by
	// the offset of the test, for pointing at an unknown option
	// (see validateRead).
	options map[int][]optionAt
}

// optionAt is an option a condition tests, and where it stands.
type optionAt struct {
	id  string
	pos korto.Pos
}

// doubt marks the Validate codes a mistake just reported may cause.
func (b *builder) doubt(codes ...string) {
	if b.unsure == nil {
		b.unsure = map[string]bool{}
	}
	for _, c := range codes {
		b.unsure[c] = true
	}
}

func (b *builder) pos(p lexer.Position) korto.Pos {
	return korto.Pos{File: b.file, Line: p.Line, Column: p.Column, Offset: p.Offset}
}

func (b *builder) errorf(p lexer.Position, code, hint, format string, a ...any) {
	b.diags = append(b.diags, &korto.Diagnostic{
		Pos: b.pos(p), Severity: korto.SeverityError, Code: code,
		Message: fmt.Sprintf(format, a...), Hint: hint,
	})
}

func (b *builder) checklist(a *astChecklist) *korto.Checklist {
	b.lay = layout{meta: map[string]int{}, close: map[any]int{}}
	b.choices = map[string]bool{}
	b.root = a
	c := &korto.Checklist{ID: a.ID, Title: b.text(a.Title), Pos: b.pos(a.Pos), Levels: []*korto.Level{}}
	b.lay.close[c] = a.Close.Pos.Offset
	for _, e := range a.Entries {
		if e.Scale != nil {
			b.decl = append(b.decl, e.Scale.Name)
		}
		if e.Choice != nil {
			b.decl = append(b.decl, e.Choice.Name)
			b.choices[e.Choice.Name] = true
		}
	}
	// Entries go meta, declarations, levels, survey; stage tracks how far
	// the file has come, to report the first entry that steps back.
	const (
		stMeta = iota
		stDecl
		stLevel
		stSurvey
	)
	stageName := [...]string{"settings", "scale and choice declarations", "levels", "the survey"}
	stage := stMeta
	seen := map[string]lexer.Position{}
	enter := func(e *astEntry, st int, what string) {
		if st < stage {
			b.errorf(e.Pos, diag.CodeOrder, "a checklist holds, in this order: settings (version, model, ...), scales and choices, levels, the survey",
				"%s must come before %s", what, stageName[stage])
			return
		}
		stage = st
	}
	once := func(e *astEntry, kw string) bool {
		if p, dup := seen[kw]; dup {
			b.errorf(e.Pos, diag.CodeRepeated, fmt.Sprintf("the first one is at line %d; keep one", p.Line), "%s is given twice", kw)
			return false
		}
		seen[kw] = e.Pos
		b.lay.meta[kw] = e.Pos.Offset
		enter(e, stMeta, kw)
		return true
	}
	for _, e := range a.Entries {
		switch {
		case e.Version != nil:
			if once(e, "version") {
				c.Version = unquote(*e.Version)
			}
		case e.Model != nil:
			if once(e, "model") {
				switch m := korto.Model(e.Model.Value); m {
				case korto.ModelKORTO, korto.ModelKotler:
					c.Model = m
				default:
					b.doubt("level-range")
					b.errorf(e.Model.Pos, diag.CodeBadValue, "model korto has levels 1..4, model kotler 1..5",
						"unknown model %q%s", e.Model.Value, orExpected(suggest.DidYouMean(e.Model.Value, []string{"korto", "kotler"}), "; expected korto or kotler"))
				}
			}
		case e.Description != nil:
			if once(e, "description") {
				c.Description = b.text(e.Description)
			}
		case e.Lang != nil:
			if once(e, "lang") {
				c.Lang = canonicalLang(*e.Lang)
			}
		case e.Knockout != nil:
			if once(e, "knockout") {
				switch k := korto.Knockout(e.Knockout.Value); k {
				case korto.KnockoutLevel, korto.KnockoutAudit:
					c.Knockout = k
				default:
					b.errorf(e.Knockout.Pos, diag.CodeBadValue, "knockout level fails the question's level; knockout audit zeroes the whole audit",
						"unknown knockout %q%s", e.Knockout.Value, orExpected(suggest.DidYouMean(e.Knockout.Value, []string{"level", "audit"}), "; expected level or audit"))
				}
			}
		case e.Bands != nil:
			if once(e, "bands") {
				c.Bands = b.bands(e.Bands)
			}
		case e.Scale != nil:
			enter(e, stDecl, "scale "+e.Scale.Name)
			c.Scales = append(c.Scales, &korto.Scale{
				Name: e.Scale.Name, Lo: b.number(e.Scale.Lo, "a scale bound"), Hi: b.number(e.Scale.Hi, "a scale bound"), Pos: b.pos(e.Scale.Pos),
			})
		case e.Choice != nil:
			enter(e, stDecl, "choice "+e.Choice.Name)
			c.Choices = append(c.Choices, b.choice(e.Choice))
		case e.Level != nil:
			enter(e, stLevel, "a level")
			c.Levels = append(c.Levels, b.level(e.Level))
		case e.Survey != nil:
			if c.Survey != nil {
				b.errorf(e.Pos, diag.CodeRepeated, "put all survey questions in one survey block", "survey is given twice")
				continue
			}
			enter(e, stSurvey, "the survey")
			c.Survey = b.survey(e.Survey)
		}
	}
	return c
}

// days reads the due of a promise, a whole number of days or weeks
// glued to its unit: 7d, 2w (14 days). The days are counted from the
// audit's date, a day, so smaller units would mean nothing.
func (b *builder) days(a *astNum) int {
	const hint = "write the days after the visit the promise is due, like due 7d (or 2w for two weeks)"
	v := a.Value
	unit := 0
	switch {
	case strings.HasSuffix(v, "d"):
		unit = 1
	case strings.HasSuffix(v, "w"):
		unit = 7
	}
	n, err := strconv.Atoi(strings.TrimRight(v, "dw"))
	if unit == 0 || err != nil || n < 1 || n > korto.MaxPromiseDays/unit || len(v) < 2 {
		b.errorf(a.Pos, diag.CodeBadNumber, hint, "%s is not a due in days: %s", shorten(v), "a whole number of days from 1 to 3650, with d (or w for weeks)")
		return 0
	}
	return n * unit
}

// bandsBlock keys the closing brace of the bands block in layout.close,
// the block having no model node of its own.
type bandsBlock struct{}

func (b *builder) bands(a *astBands) []*korto.Band {
	b.lay.close[bandsBlock{}] = a.Close.Pos.Offset
	bands := make([]*korto.Band, 0, len(a.Bands))
	for _, x := range a.Bands {
		var from float64
		if strings.HasSuffix(x.From.Value, "%") {
			from = b.parse(x.From) / 100
		} else {
			v := b.parse(x.From)
			hint := fmt.Sprintf("write %s%%", korto.FormatNumber(v))
			if v > 0 && v <= 1 {
				hint = fmt.Sprintf("write %s%% (or %s%% if you meant %s)", korto.FormatNumber(v*100), korto.FormatNumber(v), x.From.Value)
			}
			b.errorf(x.From.Pos, diag.CodeNumberKind, hint, "a band starts at a percentage of the score, like 80%%")
			from = v
			if v > 1 {
				from = v / 100
			}
		}
		bands = append(bands, &korto.Band{From: from, Name: b.text(x.Name), Pos: b.pos(x.Pos), FromPos: b.pos(x.From.Pos)})
	}
	return bands
}

func orExpected(didYouMean, otherwise string) string {
	if didYouMean != "" {
		return didYouMean
	}
	return otherwise
}

func (b *builder) choice(a *astChoice) *korto.Choice {
	ch := &korto.Choice{Name: a.Name, Options: []*korto.Option{}, Pos: b.pos(a.Pos)}
	b.lay.close[ch] = a.Close.Pos.Offset
	for _, o := range a.Options {
		ch.Options = append(ch.Options, &korto.Option{
			ID: o.ID, Label: b.text(o.Label), Value: b.share(o.Value), Fail: o.Fail, Pos: b.pos(o.Pos),
		})
	}
	return ch
}

func (b *builder) level(a *astLevel) *korto.Level {
	l := &korto.Level{Title: b.text(a.Title), Items: []korto.Item{}, Pos: b.pos(a.Pos)}
	b.lay.close[l] = a.Close.Pos.Offset
	if n, ok := b.integer(a.Number); ok {
		l.Number = n
	}
	l.Pass, l.Weight, l.WeightPos, l.PassPos = b.attrs(a.Attrs, true)
	l.Items = b.items(a.Items)
	return l
}

// attrs reads the pass and weight of a level (pass allowed) or section,
// and where their numbers stand.
func (b *builder) attrs(as []*astAttr, passOK bool) (pass, weight *float64, weightPos, passPos korto.Pos) {
	for _, a := range as {
		switch {
		case a.Pass != nil:
			if !passOK {
				b.errorf(a.Pos, diag.CodeSyntax, "pass marks belong to levels; a section only takes a weight", "a section has no pass mark")
				continue
			}
			if pass != nil {
				b.errorf(a.Pos, diag.CodeRepeated, "keep one pass mark", "pass is given twice")
				continue
			}
			v := b.percent(a.Pass, "pass")
			pass, passPos = &v, b.pos(a.Pass.Pos)
		case a.Weight != nil:
			if weight != nil {
				b.errorf(a.Pos, diag.CodeRepeated, "keep one weight", "weight is given twice")
				continue
			}
			v := b.number(a.Weight, "a weight")
			weight, weightPos = &v, b.pos(a.Weight.Pos)
		}
	}
	return pass, weight, weightPos, passPos
}

func (b *builder) items(as []astItem) []korto.Item {
	items := make([]korto.Item, 0, len(as))
	for _, it := range as {
		switch it := it.(type) {
		case *astSection:
			items = append(items, korto.Item{Section: b.section(it)})
		case *astQuestion:
			items = append(items, korto.Item{Question: b.question(it)})
		}
	}
	return items
}

func (b *builder) section(a *astSection) *korto.Section {
	s := &korto.Section{ID: a.ID, Title: b.text(a.Title), Pos: b.pos(a.Pos)}
	b.lay.close[s] = a.Close.Pos.Offset
	_, s.Weight, s.WeightPos, _ = b.attrs(a.Attrs, false)
	s.Items = b.items(a.Items)
	return s
}

func (b *builder) survey(a *astSurvey) *korto.Survey {
	s := &korto.Survey{Questions: []*korto.Question{}, Pos: b.pos(a.Pos)}
	b.lay.close[s] = a.Close.Pos.Offset
	for _, q := range a.Questions {
		s.Questions = append(s.Questions, b.question(q))
	}
	return s
}

// questionHint says what may follow a question's text.
const questionHint = "after the question text come its kind (yesno, a scale or choice name, ...) and modifiers (weight, critical, na, ...)"

// modifierKeywords are the words that may follow a question's text, for
// telling a misspelt modifier from a reference to a scale or choice.
var modifierKeywords = []string{
	"weight", "critical", "na", "optional", "unscored", "when", "hint", "tags", "promise",
	"yesno", "scale", "measure", "nps", "emotion", "ces", "csat", "csi", "text",
}

// lines reports a question that goes on to a new line other than with a
// modifier keyword. The language is line-oriented (language.md): a
// question's text, kind and modifiers stand on its line, a following
// line continues it only when it starts with a modifier keyword, and a
// when condition ends with its line. The grammar stops at a kind or an
// operand on the next line, but a text, a translation, a modifier's
// argument or a condition's "and", "or" or comparison there would still
// be read as part of the question.
func (b *builder) lines(a *astQuestion) {
	mod := ""
	for i, t := range a.Tokens {
		if t.Type == tokKeyword && isModifierKeyword(t.Value) {
			mod = t.Value
			continue
		}
		if i == 0 || t.Pos.Line == a.Tokens[i-1].Pos.Line {
			continue
		}
		why := "a question goes on to a new line only with a modifier"
		if mod == "when" {
			why = "a condition ends with its line"
		}
		b.errorf(t.Pos, diag.CodeSyntax, "join it to the line before: a new line may continue a question only with a modifier (weight, critical, na, optional, unscored, when, hint, tags)",
			"%s cannot start a line: %s", describe(t), why)
		return
	}
}

func (b *builder) question(a *astQuestion) *korto.Question {
	b.lines(a)
	q := &korto.Question{ID: a.ID, Text: b.text(a.Text), Kind: korto.Kind{Type: korto.KindYesNo}, Pos: b.pos(a.Pos)}
	seen := map[string]bool{}
	once := func(m *astMod, what string) bool {
		if seen[what] {
			b.errorf(m.Pos, diag.CodeRepeated, "keep one", "%s is given twice for question %s", what, a.ID)
			return false
		}
		seen[what] = true
		return true
	}
	mods := a.Mods.List
	broken := false // a condition misspelt into kinds, see conditionTypo
	for i, m := range mods {
		if broken && m.isKind() && m.Ref != "" {
			continue // the rest of the misspelt condition
		}
		if i > 0 && mods[i-1].When != nil && m.Ref != "" && suggest.Nearest(m.Ref, b.decl) == "" && (i+1 == len(mods) || mods[i+1].Ref == "") {
			// "when h > 5 мин": the unit of a measure, said aloud. A word
			// followed by another is rather a misspelt "and" or "or"
			// (conditionTypo).
			if at := lastAtom(mods[i-1].When); at != nil && at.Number != nil && at.Number.Pos.Line == m.Pos.Line {
				b.errorf(m.Pos, diag.CodeSyntax, fmt.Sprintf("write when %s %s %s", at.ID, at.Op, at.Number.Value),
					"a condition ends after its number; drop the unit %s", m.Ref)
				continue
			}
		}
		if i > 0 && mods[i-1].When != nil && m.isKind() && m.Ref != "" && !slices.Contains(b.decl, m.Ref) {
			if pos, word, kw := conditionTypo(mods[i-1].When, m, b.isQuestion); kw != "" {
				b.doubt("when-kind", "unknown-option", "when-range")
				b.errorf(pos, diag.CodeUnknownKeyword, conditionHint, "unknown keyword %q; did you mean %q?", word, kw)
				q.When, broken = nil, true
				continue
			}
		}
		switch {
		case m.Weight != nil:
			if once(m, "weight") {
				v := b.number(m.Weight, "a weight")
				q.Weight, q.WeightPos = &v, b.pos(m.Weight.Pos)
			}
		case m.Flag != nil:
			if once(m, m.Flag.Value) {
				switch m.Flag.Value {
				case "critical":
					q.Critical = true
				case "na":
					q.NA = true
				case "optional":
					q.Optional = true
				case "unscored":
					q.Unscored = true
				}
			}
		case m.When != nil:
			if once(m, "when") {
				q.When = b.or(m.When)
			}
		case m.Promise != nil:
			if once(m, "promise") {
				q.Promise = &korto.Promise{Of: m.Promise.Of, Pos: b.pos(m.Promise.Pos)}
				if m.Promise.Due == nil {
					b.errorf(m.Promise.Pos, diag.CodeSyntax, "write promise "+m.Promise.Of+" due 7d: the days after the visit the promise is due",
						"the promise of question %s has no due", a.ID)
				} else {
					q.Promise.DueDays = b.days(m.Promise.Due)
				}
			}
		case m.Hint != nil:
			if once(m, "hint") {
				q.Hint = b.text(m.Hint)
			}
		case m.Tags != nil:
			if once(m, "tags") {
				q.Tags = m.Tags.IDs
			}
		case m.isKind():
			k := m
			if (k.Ref == "high" || k.Ref == "low") && !slices.Contains(b.decl, k.Ref) {
				b.misplacedGood(k, q.Kind, seen["kind"])
				continue
			}
			if k.Ref != "" && !slices.Contains(b.decl, k.Ref) {
				if kw := suggest.Nearest(k.Ref, modifierKeywords); kw != "" {
					b.doubt("when-kind", "unknown-option", "when-range")
					b.errorf(k.Pos, diag.CodeUnknownKeyword, questionHint,
						"unknown keyword %q; did you mean %q?", k.Ref, kw)
					continue
				}
			}
			if seen["kind"] && k.Ref != "" && i > 0 && unitAfterTarget(mods[i-1], k) {
				b.unitAfterTarget(mods[i-1], k)
				continue
			}
			if seen["kind"] {
				b.errorf(k.Pos, diag.CodeRepeated, "a question has one kind: yesno, a scale or choice name, scale 1..5, measure, nps, emotion, ces, csat or text",
					"question %s already has a kind", a.ID)
				continue
			}
			seen["kind"] = true
			q.Kind = b.kind(k)
			q.Kind.Pos = b.pos(k.Pos)
		}
	}
	return q
}

// unitAfterTarget reports whether word, a name nobody declared, follows
// the target of the measure m on its line, as "мин" in
// `measure "мин" target < 5 мин`: the unit written where it is said
// aloud, not where the language takes it.
func unitAfterTarget(m, word *astMod) bool {
	return m.Measure && m.Target != nil && word.Pos.Line == m.Target.Pos.Line && word.Pos.Offset > m.Target.Pos.Offset
}

// unitAfterTarget reports the unit word after the target of measure m.
func (b *builder) unitAfterTarget(m, word *astMod) {
	unit := word.Ref
	hint := "remove " + unit + " after the target number"
	if m.Unit != nil {
		unit = unquote(*m.Unit)
		if unit != word.Ref {
			hint = "remove " + word.Ref + " after the target number; the unit is " + strconv.Quote(unit)
		}
	} else {
		hint = "move " + unit + " in double quotes after measure"
	}
	b.errorf(word.Pos, diag.CodeSyntax, hint, "the unit goes right after measure: measure %s target %s %s",
		strconv.Quote(unit), m.Op, m.Target.Value)
}

// lastAtom returns the test a condition ends with, or nil when it ends
// with a parenthesis.
func lastAtom(cond *astOr) *astAtom {
	if len(cond.And) == 0 {
		return nil
	}
	ands := cond.And[len(cond.And)-1]
	if len(ands.Not) == 0 {
		return nil
	}
	n := ands.Not[len(ands.Not)-1]
	for n.Not != nil {
		n = n.Not
	}
	return n.Atom
}

// conditionTypo tells whether the name of a scale or choice that
// follows a condition is a misspelt part of it: "when q ro r" reads as
// the condition q and the kinds ro and r, "when nto q" as the condition
// nto and the kind q. It returns the misspelt word, where it stands and
// the keyword meant, or "" for none.
func conditionTypo(cond *astOr, next *astMod, isQuestion func(string) bool) (lexer.Position, string, string) {
	if kw := suggest.Nearest(next.Ref, []string{"and", "or", "in"}); kw != "" && kw != next.Ref {
		return next.Pos, next.Ref, kw
	}
	// The condition's last test, where the "not" was meant to start one.
	ands := cond.And[len(cond.And)-1]
	n := ands.Not[len(ands.Not)-1]
	for n.Not != nil {
		n = n.Not
	}
	if at := n.Atom; at != nil && at.Op == "" && at.In == nil && !isQuestion(at.ID) {
		if kw := suggest.Nearest(at.ID, []string{"not"}); kw != "" && kw != at.ID {
			return at.Pos, at.ID, kw
		}
	}
	return lexer.Position{}, "", ""
}

// isQuestion reports whether the file declares a question id. It walks
// the syntax tree, as it is asked only on a mistake's path.
func (b *builder) isQuestion(id string) bool {
	var inItems func([]astItem) bool
	inItems = func(items []astItem) bool {
		for _, it := range items {
			switch it := it.(type) {
			case *astQuestion:
				if it.ID == id {
					return true
				}
			case *astSection:
				if inItems(it.Items) {
					return true
				}
			}
		}
		return false
	}
	for _, e := range b.root.Entries {
		switch {
		case e.Level != nil && inItems(e.Level.Items):
			return true
		case e.Survey != nil:
			for _, q := range e.Survey.Questions {
				if q.ID == id {
					return true
				}
			}
		}
	}
	return false
}

func (b *builder) kind(a *astMod) korto.Kind {
	switch {
	case a.Simple != "":
		return korto.Kind{Type: korto.KindType(a.Simple)}
	case a.Range != "":
		return korto.Kind{Type: korto.KindType(a.Range), Lo: b.number(a.Lo, "a bound"), Hi: b.number(a.Hi, "a bound"), Good: b.good(a)}
	case a.Measure:
		k := korto.Kind{Type: korto.KindMeasure, Op: korto.CmpOp(a.Op), Target: b.number(a.Target, "a target")}
		if a.Unit != nil {
			k.Unit = unquote(*a.Unit)
		}
		return k
	}
	// A reference to a declared scale or choice. An undeclared name keeps
	// no type, for the validator to report with the nearest declaration.
	switch {
	case b.choices[a.Ref]:
		return korto.Kind{Type: korto.KindChoice, Ref: a.Ref}
	case slices.Contains(b.decl, a.Ref):
		return korto.Kind{Type: korto.KindScale, Ref: a.Ref}
	}
	return korto.Kind{Ref: a.Ref}
}

// goodHint says what the word after a ces or csat range means.
const goodHint = "after ces lo..hi or csat lo..hi write high if higher answers are better (agreement that it was easy, satisfaction) or low if lower ones are (the effort it took)"

// misplacedGood reports high or low where no ces or csat range stands
// just before it: the grammar takes the word after a range as its good
// end, so anywhere else it reads as a second kind (or an undeclared
// scale), and "already has a kind" would not say what is wrong.
func (b *builder) misplacedGood(word *astMod, prev korto.Kind, hasKind bool) {
	g := word.Ref
	switch {
	case !hasKind:
		b.errorf(word.Pos, diag.CodeBadValue, "write the range first, as in ces 1..7 high or csat 1..5 high",
			"%q must follow a ces or csat range: high and low say which end of the range is good", g)
	case prev.Good != "":
		b.errorf(word.Pos, diag.CodeRepeated, "keep one of high and low",
			"%q after %s: the range already says which end is good", g, prev.String())
	default:
		b.errorf(word.Pos, diag.CodeBadValue, "drop it: only a ces or csat range takes high or low, as in ces 1..7 high",
			"%q cannot follow %s: high and low only follow a ces or csat range", g, prev.String())
	}
}

// good returns the word after a range that names the good end of the
// scale, or "" when there is none or it is wrong (reported here, at the
// word, so that Validate's reports of the same stand down).
func (b *builder) good(a *astMod) string {
	g := a.Good
	if g == nil {
		return ""
	}
	known := g.Value == "high" || g.Value == "low"
	switch {
	case (a.Range == "scale" || a.Range == "csi") && known:
		b.errorf(g.Pos, diag.CodeBadValue, "a "+a.Range+" question takes higher answers as better; only ces and csat questions say which end is good",
			"%s %s..%s cannot say %q is good", a.Range, a.Lo.Value, a.Hi.Value, g.Value)
	case a.Range == "scale" || a.Range == "csi":
		// The word is what it was before directions existed: a
		// misspelt modifier or a second kind.
		if kw := suggest.Nearest(g.Value, modifierKeywords); kw != "" {
			b.errorf(g.Pos, diag.CodeUnknownKeyword, questionHint, "unknown keyword %q; did you mean %q?", g.Value, kw)
		} else {
			b.errorf(g.Pos, diag.CodeRepeated, "a question has one kind: yesno, a scale or choice name, scale 1..5, measure, nps, emotion, ces, csat, csi or text",
				"unexpected %q after %s %s..%s: a question has one kind", g.Value, a.Range, a.Lo.Value, a.Hi.Value)
		}
	case known:
		return g.Value
	default:
		b.doubt("ces-direction")
		also := suggest.DidYouMean(g.Value, []string{"high", "low"})
		if also == "" {
			// A misspelt modifier is likelier than a misspelt direction
			// that shares nothing with high or low.
			if kw := suggest.Nearest(g.Value, modifierKeywords); kw != "" {
				b.errorf(g.Pos, diag.CodeUnknownKeyword, questionHint, "unknown keyword %q; did you mean %q?", g.Value, kw)
				return ""
			}
			also = "; expected high or low"
		}
		b.errorf(g.Pos, diag.CodeBadValue, goodHint, "unknown direction %q after %s %s..%s%s", g.Value, a.Range, a.Lo.Value, a.Hi.Value, also)
	}
	return ""
}

func (b *builder) or(a *astOr) *korto.Expr {
	if len(a.And) == 1 {
		return b.and(a.And[0])
	}
	e := &korto.Expr{Op: korto.ExprOr, Pos: b.pos(a.Pos)}
	for _, x := range a.And {
		e.Args = append(e.Args, b.and(x))
	}
	return e
}

func (b *builder) and(a *astAnd) *korto.Expr {
	if len(a.Not) == 1 {
		return b.not(a.Not[0])
	}
	e := &korto.Expr{Op: korto.ExprAnd, Pos: b.pos(a.Pos)}
	for _, x := range a.Not {
		e.Args = append(e.Args, b.not(x))
	}
	return e
}

func (b *builder) not(a *astNot) *korto.Expr {
	switch {
	case a.Not != nil:
		return &korto.Expr{Op: korto.ExprNot, Args: []*korto.Expr{b.not(a.Not)}, Pos: b.pos(a.Pos)}
	case a.Paren != nil:
		return b.or(a.Paren)
	}
	return b.atom(a.Atom)
}

func (b *builder) atom(a *astAtom) *korto.Expr {
	e := &korto.Expr{Question: a.ID, Pos: b.pos(a.Pos)}
	switch {
	case a.In != nil:
		e.Op, e.Options = korto.ExprIn, a.In
		b.noteOptions(a)
	case a.Op == "":
		e.Op = korto.ExprYes
	case a.Option != "":
		e.Op, e.Cmp, e.Options = korto.ExprCmp, korto.CmpOp(a.Op), []string{a.Option}
		b.noteOptions(a)
		if a.Op != "==" && a.Op != "!=" {
			b.errorf(a.Pos, diag.CodeSyntax, "an option is either chosen or not: use == or !=, or in (a, b)",
				"%s %s %s: options compare only with == and !=", a.ID, a.Op, a.Option)
		}
	default:
		v := b.number(a.Number, "a number")
		e.Op, e.Cmp, e.Number = korto.ExprCmp, korto.CmpOp(a.Op), &v
	}
	return e
}

// noteOptions records where the options of a, the IDs after its first,
// stand.
func (b *builder) noteOptions(a *astAtom) {
	if b.options == nil {
		b.options = map[int][]optionAt{}
	}
	for i, t := range a.Tokens {
		if i > 0 && t.Type == tokIdent {
			b.options[a.Pos.Offset] = append(b.options[a.Pos.Offset], optionAt{t.Value, b.pos(t.Pos)})
		}
	}
}

func (b *builder) text(a *astText) korto.Text {
	if a == nil {
		return korto.Text{}
	}
	t := korto.Text{Text: unquote(a.Text)}
	for _, tr := range a.Tr {
		lang := canonicalLang(tr.Lang[1:])
		if t.Tr == nil {
			t.Tr = map[string]string{}
		}
		if _, dup := t.Tr[lang]; dup {
			b.errorf(tr.Pos, diag.CodeRepeated, "keep one translation per language", "translation @%s is given twice", tr.Lang[1:])
			continue
		}
		t.Tr[lang] = unquote(tr.Text)
	}
	return t
}

// canonicalLang writes a language tag in the case BCP 47 recommends:
// the language lower case, a script title case, a region upper case
// (EN is en, pt-br is pt-BR, zh-hant-tw is zh-Hant-TW). Tags are
// case-insensitive, so "@EN" must not be a language of its own that
// --lang en does not find.
func canonicalLang(tag string) string {
	if isLowerASCII(tag) && !strings.Contains(tag, "-") {
		return tag // "en", "ru": the usual case, without allocating
	}
	parts := strings.Split(tag, "-")
	private := false // after a singleton (x-..., u-...) subtags keep lower case
	for i, p := range parts {
		switch {
		case i == 0 || private:
			p = strings.ToLower(p)
		case len(p) == 1:
			p, private = strings.ToLower(p), true
		case len(p) == 2:
			p = strings.ToUpper(p)
		case len(p) == 4:
			p = strings.ToUpper(p[:1]) + strings.ToLower(p[1:])
		default:
			p = strings.ToLower(p)
		}
		parts[i] = p
	}
	return strings.Join(parts, "-")
}

func isLowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' || c >= 0x80 {
			return false
		}
	}
	return true
}

// number reads a plain number; what names the place for messages.
func (b *builder) number(a *astNum, what string) float64 {
	if a == nil {
		return 0
	}
	if strings.HasSuffix(a.Value, "%") {
		b.errorf(a.Pos, diag.CodeNumberKind, fmt.Sprintf("write %s", strings.TrimSuffix(a.Value, "%")),
			"%s is a plain number, not a percentage", what)
	}
	return b.parse(a)
}

// share reads an option's value, a plain number in [0,1]. A percentage
// there is an error, but it is read as what it means (50% is 0.5), so
// the hint says so and the value is not also reported outside [0,1].
func (b *builder) share(a *astNum) float64 {
	if a == nil || !strings.HasSuffix(a.Value, "%") {
		return b.number(a, "an option's value")
	}
	v := b.parse(a) / 100
	b.errorf(a.Pos, diag.CodeNumberKind, fmt.Sprintf("write %s", korto.FormatNumber(v)), "an option's value is a plain number, not a percentage")
	return v
}

// percent reads a percentage such as 85% as 0.85.
func (b *builder) percent(a *astNum, what string) float64 {
	if !strings.HasSuffix(a.Value, "%") {
		v := b.parse(a)
		hint := fmt.Sprintf("write %s%%", korto.FormatNumber(v))
		if v > 0 && v <= 1 {
			hint = fmt.Sprintf("write %s%% (or %s%% if you meant %s)", korto.FormatNumber(v*100), korto.FormatNumber(v), a.Value)
		}
		b.errorf(a.Pos, diag.CodeNumberKind, hint, "%s takes a percentage, like %s 85%%", what, what)
		if v > 1 {
			return v / 100
		}
		return v
	}
	return b.parse(a) / 100
}

func (b *builder) parse(a *astNum) float64 {
	s := strings.TrimSuffix(a.Value, "%")
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		b.doubt("when-kind", "unknown-option", "when-range")
		b.errorf(a.Pos, diag.CodeBadNumber, "use a number of a sensible size", "number %s is out of range", shorten(a.Value))
		return 0
	}
	return v
}

func (b *builder) integer(a *astNum) (int, bool) {
	v := b.parse(a)
	if strings.HasSuffix(a.Value, "%") || v != math.Trunc(v) || math.Abs(v) > 1e6 {
		b.errorf(a.Pos, diag.CodeBadNumber, "levels are numbered 1, 2, 3, ...", "level number %s is not a whole number", a.Value)
		return 0, false
	}
	if strings.Contains(a.Value, ".") {
		// The grammar has level INT: 2.0 is a decimal, which the
		// formatter would silently rewrite.
		b.errorf(a.Pos, diag.CodeBadNumber, "levels are numbered 1, 2, 3, ...", "level number %s has a decimal point; write %d", a.Value, int(v))
		return int(v), true
	}
	return int(v), true
}
