package forms

import (
	"fmt"
	"strings"

	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/korto"
)

// LocalizedString is a SurveyJS localizable text: the text in every
// language of the checklist under its tag, and under "default" the text
// SurveyJS shows in its default locale, English, and in languages the
// text lacks: the English text when the checklist has one, else the
// checklist's own. (SurveyJS reads "default", not "en", for English, so
// an "en" beside a Russian "default" would never be shown.)
type LocalizedString map[string]string

// SurveyJS is a SurveyJS survey (the JSON that survey-core's Model takes).
type SurveyJS struct {
	Title       LocalizedString `json:"title"`
	Description LocalizedString `json:"description,omitempty"`
	// Locale is the language the survey starts in.
	Locale string `json:"locale,omitempty"`
	// ClearInvisibleValues is "onHidden": an answer to a question its
	// `when` hides leaves the result at once, so it neither switches
	// other questions on nor reaches the sheet.
	ClearInvisibleValues string `json:"clearInvisibleValues"`
	// CheckErrorsMode "onComplete" lets an auditor page back and forth
	// and says what is missing when the audit is completed.
	CheckErrorsMode string `json:"checkErrorsMode"`
	// CalculatedValues record when the audit started and ended, the
	// sheet's "started" and "ended" audit fields, as ISO 8601 times in
	// the result beside the answers. A survey's JSON can run nothing
	// when it completes (its triggers do not fire on completion), but
	// SurveyJS recalculates every calculated value on every change of
	// an answer: "started" keeps the time it was first calculated, when
	// the survey opened, and "ended" becomes the time of the last
	// answer, to the minute (see surveyjsTimes).
	CalculatedValues []SurveyJSCalculatedValue `json:"calculatedValues,omitempty"`
	Pages            []*SurveyJSPage           `json:"pages"`
}

// SurveyJSCalculatedValue is a value SurveyJS computes from an
// expression and, with IncludeIntoResult, stores in the result.
type SurveyJSCalculatedValue struct {
	Name              string `json:"name"`
	Expression        string `json:"expression"`
	IncludeIntoResult bool   `json:"includeIntoResult"`
}

// surveyjsTimes are the calculated values that record the audit's
// "started" and "ended" times (see SurveyJS.CalculatedValues).
//
// A calculated value that changes makes SurveyJS evaluate every
// condition of the survey once more, so an "ended" of currentDate()
// alone, new at each evaluation, ran them eleven times per answer and
// made a click on the mall checklist four times slower. "ended" keeps
// its time while it is under a minute old: most answers evaluate the
// conditions once, and the time of the last answer is known to within
// a minute, which is what the length of a visit needs.
func surveyjsTimes() []SurveyJSCalculatedValue {
	return []SurveyJSCalculatedValue{
		{Name: "started", Expression: "iif({started} notempty, {started}, currentDate())", IncludeIntoResult: true},
		{Name: "ended", Expression: "iif({ended} notempty and dateDiff({ended}, currentDate(), 'seconds') < 60, {ended}, currentDate())", IncludeIntoResult: true},
	}
}

// SurveyJSPage is a page of the survey: the audit fields, a level, or
// the survey questions.
type SurveyJSPage struct {
	Name     string             `json:"name"`
	Title    LocalizedString    `json:"title"`
	Elements []*SurveyJSElement `json:"elements"`
}

// SurveyJSElement is a question or a panel. The cx* properties carry the
// scoring metadata; a page that renders the survey registers them with
// survey-core's Serializer to keep them on its questions.
type SurveyJSElement struct {
	Type        string          `json:"type"`
	Name        string          `json:"name"`
	Title       LocalizedString `json:"title,omitempty"`
	Description LocalizedString `json:"description,omitempty"`
	IsRequired  bool            `json:"isRequired,omitempty"`
	VisibleIf   string          `json:"visibleIf,omitempty"`
	InputType   string          `json:"inputType,omitempty"`
	// boolean
	ValueTrue  string          `json:"valueTrue,omitempty"`
	ValueFalse string          `json:"valueFalse,omitempty"`
	LabelTrue  LocalizedString `json:"labelTrue,omitempty"`
	LabelFalse LocalizedString `json:"labelFalse,omitempty"`
	// radiogroup
	Choices []SurveyJSItem `json:"choices,omitempty"`
	// rating: points from RateMin to RateMax, or RateValues when they
	// include "na"
	RateMin    *float64       `json:"rateMin,omitempty"`
	RateMax    *float64       `json:"rateMax,omitempty"`
	RateValues []SurveyJSItem `json:"rateValues,omitempty"`
	// text inputType number
	Min        *float64         `json:"min,omitempty"`
	Max        *float64         `json:"max,omitempty"`
	Validators []map[string]any `json:"validators,omitempty"`

	CxWeight   *float64 `json:"cxWeight,omitempty"`
	CxCritical bool     `json:"cxCritical,omitempty"`
	CxLevel    int      `json:"cxLevel,omitempty"`
	CxSection  string   `json:"cxSection,omitempty"`

	// panel
	Elements []*SurveyJSElement `json:"elements,omitempty"`
}

// SurveyJSItem is a choice or a rating point: the value the result
// stores and its label.
type SurveyJSItem struct {
	Value any             `json:"value"`
	Text  LocalizedString `json:"text"`
}

// SurveyJSSurvey returns the SurveyJS survey of c: a first page of audit
// fields (id, location, date, auditor), calculated values that record
// when the audit started and ended, a page per level and one for the
// survey questions, a panel per section; yes/no as a boolean storing
// "yes" and "no" (a radiogroup when it takes "na"), choices and emotions
// as radiogroups, points up to 11 as a rating, other numbers as number
// fields, free text as a comment; `when` as visibleIf; every text in
// every language of the checklist; and the custom properties cxWeight,
// cxCritical, cxLevel and cxSection. A completed survey's data is the
// sheet's answers and audit fields under their own names.
//
// It fails on a nil checklist and with [korto.Diagnostics] on a question
// it cannot translate; validate c first.
func SurveyJSSurvey(c *korto.Checklist, opts Options) (*SurveyJS, error) {
	if c == nil {
		return nil, errNilChecklist
	}
	b := &surveyjsBuilder{c: c, langs: c.Languages()}
	b.lang = c.ShownLang("")
	if len(b.langs) == 0 || b.langs[0] != b.lang {
		b.langs = append([]string{b.lang}, b.langs...)
	}
	b.fixed = fixedText(c, b.lang, b.langs)
	s := &SurveyJS{
		Title:                b.text(c.Title),
		ClearInvisibleValues: "onHidden",
		CheckErrorsMode:      "onComplete",
		Locale:               c.ShownLang(opts.Lang),
		CalculatedValues:     surveyjsTimes(),
	}
	if !c.Description.IsZero() {
		s.Description = b.text(c.Description)
	}
	audit := &SurveyJSPage{Name: "audit", Title: b.loc(b.fixed("audit"))}
	for _, f := range AuditFields {
		e := &SurveyJSElement{Type: "text", Name: auditFieldName(c, f), Title: b.loc(b.fixed(f))}
		if f == "date" {
			e.InputType = "date"
		}
		audit.Elements = append(audit.Elements, e)
	}
	s.Pages = append(s.Pages, audit)
	for _, n := range groups(c) {
		p := &SurveyJSPage{Name: n.name(), Elements: b.elements(n)}
		if n.level != nil {
			p.Title = b.levelTitle(n.level)
		} else {
			p.Title = b.loc(b.fixed("survey"))
		}
		s.Pages = append(s.Pages, p)
	}
	if len(b.diags) > 0 {
		return nil, b.diags
	}
	return s, nil
}

type surveyjsBuilder struct {
	c     *korto.Checklist
	lang  string   // the checklist's own language
	langs []string // every language of the checklist, lang first
	fixed func(string) korto.Text
	diags korto.Diagnostics
}

func (b *surveyjsBuilder) errorf(pos korto.Pos, format string, a ...any) {
	b.diags = append(b.diags, &korto.Diagnostic{Pos: pos, Severity: korto.SeverityError, Code: diag.CodeForm, Message: fmt.Sprintf(format, a...)})
}

// text is t in every language, or nil when t is empty.
func (b *surveyjsBuilder) text(t korto.Text) LocalizedString {
	if t.IsZero() {
		return nil
	}
	return b.loc(t)
}

// loc is t as a localizable string, with a text per language of the
// checklist (the checklist's own where t has no translation, so that
// switching language never shows a blank).
func (b *surveyjsBuilder) loc(t korto.Text) LocalizedString {
	return b.localized(t.In)
}

// surveyjsDefaultLocale is the locale SurveyJS reads "default" for.
const surveyjsDefaultLocale = "en"

// localized builds a localizable string from the text in each language.
func (b *surveyjsBuilder) localized(in func(lang string) string) LocalizedString {
	out := LocalizedString{}
	for _, l := range b.langs {
		out[l] = in(l)
	}
	out["default"] = out[b.lang]
	if en, ok := out[surveyjsDefaultLocale]; ok {
		out["default"] = en
	}
	return out
}

// plain is a text the checklist does not translate, such as a number.
func plain(s string) LocalizedString { return LocalizedString{"default": s} }

func (b *surveyjsBuilder) levelTitle(l *korto.Level) LocalizedString {
	return b.localized(func(lang string) string { return levelTitle(b.c.Words(lang), l.Number, l.Title.In(lang)) })
}

func (b *surveyjsBuilder) elements(n node) []*SurveyJSElement {
	var out []*SurveyJSElement
	for _, it := range n.items {
		switch {
		case it.Section != nil:
			sec := it.Section
			out = append(out, &SurveyJSElement{
				Type: "panel", Name: sec.ID, Title: b.text(sec.Title),
				Elements: b.elements(node{level: n.level, section: sec, items: sec.Items}),
			})
		case it.Question != nil:
			if e := b.question(n, it.Question); e != nil {
				out = append(out, e)
			}
		}
	}
	return out
}

func (b *surveyjsBuilder) question(n node, q *korto.Question) *SurveyJSElement {
	e := &SurveyJSElement{Name: q.ID, Title: b.text(q.Text), IsRequired: !q.Optional}
	// The hint, with a measure's unit and target, once per language.
	if h := hint(q, b.lang, b.c.Words(b.lang)); h != "" {
		e.Description = b.localized(func(l string) string { return hint(q, l, b.c.Words(l)) })
	}
	if n.level != nil {
		e.CxLevel = n.level.Number
		if !q.Unscored {
			w := q.EffectiveWeight()
			e.CxWeight = &w
		}
		e.CxCritical = q.Critical
	}
	if n.section != nil {
		e.CxSection = n.section.ID
	}
	if when := q.Condition(); when != nil {
		v, err := surveyjsExpr(b.c, when, 0)
		if err != nil {
			b.errorf(q.Pos, "question %q: %v", q.ID, err)
			return nil
		}
		e.VisibleIf = v
	}

	opts, err := options(b.c, q, b.fixed)
	if err != nil {
		b.errorf(q.Pos, "%v", err)
		return nil
	}
	switch k := q.Kind.EffectiveType(); {
	case k == korto.KindYesNo && !q.NA:
		e.Type = "boolean"
		e.ValueTrue, e.ValueFalse = "yes", "no"
		e.LabelTrue, e.LabelFalse = b.loc(b.fixed("yes")), b.loc(b.fixed("no"))
	case opts != nil:
		e.Type = "radiogroup"
		for _, o := range opts {
			e.Choices = append(e.Choices, SurveyJSItem{Value: o.value, Text: b.loc(o.label)})
		}
	case k == korto.KindText:
		e.Type = "comment"
	case k == korto.KindMeasure:
		e.Type = "text"
		if q.NA {
			// A number box cannot hold "na": a text box that takes a
			// number or "na". The decimal point only: the import
			// refuses "4,5", and visibleIf compares "4,5" as text.
			e.Validators = []map[string]any{{"type": "regex", "regex": `^\s*(-?[0-9]+(\.[0-9]+)?|na)\s*$`}}
		} else {
			e.InputType = "number"
		}
	default:
		lo, hi, ok := b.c.Points(q.Kind)
		if !ok {
			b.errorf(q.Pos, "question %q: unknown scale %q", q.ID, q.Kind.Ref)
			return nil
		}
		switch {
		case korto.IsPointRow(lo, hi) && !q.NA:
			e.Type = "rating"
			e.RateMin, e.RateMax = &lo, &hi
		case korto.IsPointRow(lo, hi):
			e.Type = "rating"
			for v := lo; v <= hi; v++ {
				e.RateValues = append(e.RateValues, SurveyJSItem{Value: v, Text: plain(korto.FormatNumber(v))})
			}
			e.RateValues = append(e.RateValues, SurveyJSItem{Value: "na", Text: b.loc(b.fixed("na"))})
		case q.NA:
			// More points than a row holds, and "na": a text box that
			// takes a whole number in range or "na" (a number box
			// cannot hold "na"; its min and max do not apply to text).
			v := "{" + q.ID + "}"
			e.Type = "text"
			e.Validators = []map[string]any{
				{"type": "regex", "regex": wholeOrNA},
				{"type": "expression", "expression": v + " = 'na' or (" + v + " >= " + korto.FormatNumber(lo) + " and " + v + " <= " + korto.FormatNumber(hi) + ")"},
			}
		default:
			// A number box keeps to the range; the pattern keeps out
			// the fractions score refuses on a scale.
			e.Type = "text"
			e.InputType = "number"
			e.Min, e.Max = &lo, &hi
			e.Validators = []map[string]any{{"type": "regex", "regex": wholeNumber}}
		}
	}
	return e
}

// The answers a scale of more points than a rating row takes from its
// text box: a whole number (score refuses 2.5 on a scale), or "na" too
// where the question allows it.
const (
	wholeNumber = `^\s*-?[0-9]+\s*$`
	wholeOrNA   = `^\s*(-?[0-9]+|na)\s*$`
)

// surveyjsExpr writes a `when` condition in SurveyJS expression syntax.
// An atom holds only for a real answer, as in the reader: an empty or
// "na" answer fails every comparison (and so makes `not` of it hold).
func surveyjsExpr(c *korto.Checklist, e *korto.Expr, depth int) (string, error) {
	if e == nil {
		return "", fmt.Errorf("empty condition")
	}
	switch e.Op {
	case korto.ExprAnd, korto.ExprOr:
		parts := make([]string, len(e.Args))
		for i, a := range e.Args {
			s, err := surveyjsExpr(c, a, depth+1)
			if err != nil {
				return "", err
			}
			parts[i] = s
		}
		s := strings.Join(parts, " "+string(e.Op)+" ")
		if depth > 0 && len(parts) > 1 {
			s = "(" + s + ")"
		}
		return s, nil
	case korto.ExprNot:
		if len(e.Args) != 1 {
			return "", fmt.Errorf("\"not\" takes one condition, got %d", len(e.Args))
		}
		s, err := surveyjsExpr(c, e.Args[0], 1)
		if err != nil {
			return "", err
		}
		if !strings.HasPrefix(s, "(") {
			s = "(" + s + ")"
		}
		return "!" + s, nil
	}
	if c.Question(e.Question) == nil {
		return "", fmt.Errorf("condition names unknown question %q", e.Question)
	}
	v := "{" + e.Question + "}"
	// real guards comparisons that an empty or "na" answer would pass.
	real := func(s string) string {
		s = v + " notempty and " + v + " != 'na' and " + s
		if depth > 0 {
			s = "(" + s + ")"
		}
		return s
	}
	switch e.Op {
	case korto.ExprYes:
		return v + " = 'yes'", nil
	case korto.ExprIn:
		return v + " anyof [" + surveyjsQuoted(e.Options) + "]", nil
	case korto.ExprCmp:
		if len(e.Options) > 0 {
			switch e.Cmp {
			case korto.OpEq:
				return v + " = " + surveyjsQuote(e.Options[0]), nil
			case korto.OpNe:
				return real(v + " != " + surveyjsQuote(e.Options[0])), nil
			}
			return "", fmt.Errorf("operator %q does not compare options", e.Cmp)
		}
		if e.Number == nil {
			return "", fmt.Errorf("comparison of %q has no number", e.Question)
		}
		op := map[korto.CmpOp]string{korto.OpEq: "=", korto.OpNe: "!=", korto.OpLt: "<", korto.OpLe: "<=", korto.OpGt: ">", korto.OpGe: ">="}[e.Cmp]
		if op == "" {
			return "", fmt.Errorf("unknown comparison %q", e.Cmp)
		}
		return real(v + " " + op + " " + korto.FormatNumber(*e.Number)), nil
	}
	return "", fmt.Errorf("unknown condition operator %q", e.Op)
}

func surveyjsQuote(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + "'"
}

func surveyjsQuoted(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = surveyjsQuote(s)
	}
	return strings.Join(q, ", ")
}
