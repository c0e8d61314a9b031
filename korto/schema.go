package korto

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/invopop/jsonschema"
	orderedmap "github.com/pb33f/ordered-map/v2"

	"github.com/cxkit/cxkit/diag"
)

// Draft selects the JSON Schema dialect of a generated schema.
type Draft string

// The dialects [AnswerSchema] writes. The keywords it uses (const, oneOf,
// if/then/else, numeric exclusiveMinimum) mean the same in both; only
// $schema differs.
const (
	// Draft2020 is JSON Schema 2020-12, the default.
	Draft2020 Draft = "2020-12"
	// Draft07 is draft-07, for form renderers that lack 2020-12, such as
	// react-jsonschema-form and JSON Forms.
	Draft07 Draft = "07"
)

// URI returns the $schema URI of the dialect, or "" for an unknown one.
func (d Draft) URI() string {
	switch d {
	case Draft2020, "":
		return "https://json-schema.org/draft/2020-12/schema"
	case Draft07:
		return "http://json-schema.org/draft-07/schema#"
	}
	return ""
}

// ParseDraft reads a draft name as a user types it: "2020-12", "07",
// "draft-07", "7".
func ParseDraft(s string) (Draft, error) {
	switch strings.TrimPrefix(strings.ToLower(s), "draft-") {
	case "", "2020-12", "2020":
		return Draft2020, nil
	case "07", "7":
		return Draft07, nil
	}
	return "", fmt.Errorf("unknown JSON Schema draft %q (want 2020-12 or 07)", s)
}

// SchemaOptions tunes [AnswerSchema] and [UISchema].
type SchemaOptions struct {
	// Draft is the JSON Schema dialect; "" means Draft2020.
	Draft Draft
	// Lang picks the translation of titles and hints; "" means the
	// checklist's own language.
	Lang string
	// ID, when set, becomes the schema's $id: a URI without a fragment
	// (see [CheckSchemaID]).
	ID string
	// ConstChoices writes the answers of a question that names them
	// (yes/no, a choice, an emotion, a row of points) as a oneOf of
	// {const, title}, the shape JSON Forms labels its radio buttons
	// from, instead of an enum with a oneOf of titled one-value enums.
	// Leave it off for react-jsonschema-form: with its default props it
	// takes the const of a oneOf's first option for a default, and so
	// would pre-answer every such question.
	ConstChoices bool
}

// Extension keywords that carry what form builders need beyond
// validation. They are annotations: validators ignore them.
const (
	schemaExtKind     = "x-cxkit-kind"      // the question's answer kind
	schemaExtLevel    = "x-cxkit-level"     // level number
	schemaExtSection  = "x-cxkit-section"   // ID of the innermost section
	schemaExtWeight   = "x-cxkit-weight"    // effective weight of a scored question
	schemaExtCritical = "x-cxkit-critical"  // a failed answer knocks the level out
	schemaExtUnscored = "x-cxkit-unscored"  // a fact for `when`, never scored
	schemaExtSurvey   = "x-cxkit-survey"    // a survey question, never scored
	schemaExtWhen     = "x-cxkit-when"      // the condition that asks the question
	schemaExtWhenExpr = "x-cxkit-when-expr" // the same as the model's expression tree
	schemaExtUnit     = "x-cxkit-unit"      // measure unit
	schemaExtTarget   = "x-cxkit-target"    // measure target, e.g. "<= 5"
	schemaExtTags     = "x-cxkit-tags"
	schemaExtValue    = "x-cxkit-value" // a choice option's value in [0,1]
	schemaExtFail     = "x-cxkit-fail"  // a choice option that counts as a failure
)

// SchemaLevel and SchemaSection describe the checklist's structure in
// the x-cxkit-levels and x-cxkit-sections keywords of the answers object,
// so a form can print level and section headings, and with the question
// weights roll the answers up as the scorer does.
//
// SchemaLevel is one level in x-cxkit-levels, in file order. Titles in
// both types are in the language SchemaOptions.Lang picks.
type SchemaLevel struct {
	Number int     `json:"number"`
	Title  string  `json:"title"`
	Pass   float64 `json:"pass"`   // pass mark as a share in (0,1]; default 0.8
	Weight float64 `json:"weight"` // in the overall score; default 1
}

// SchemaSection is one section in x-cxkit-sections, in file order; the
// keyword is left out when the checklist has no sections.
type SchemaSection struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Level  int    `json:"level"`            // number of the level that holds it
	Parent string `json:"parent,omitempty"` // enclosing section, if nested
	// Weight is the section's weight in its level or parent section;
	// default 1.
	Weight float64 `json:"weight"`
}

// AnswerSchema returns the JSON Schema of an answer sheet for c: the
// whole document (checklist, version, audit, answers), with one property
// per question in file order, titles and hints in the chosen language,
// named answers as an enum with a oneOf that titles each value (with
// SchemaOptions.ConstChoices, a oneOf of {const, title}), `required` for
// every answer that is neither optional nor behind `when`, and each
// `when` as an if/then/else block: when the condition holds the answer
// is required (unless optional), otherwise it must be absent or "na".
//
// Extension keywords carry what form builders need beyond validation:
// on each question x-cxkit-kind, x-cxkit-level, x-cxkit-section (the
// innermost section's ID), x-cxkit-weight (scored questions),
// x-cxkit-critical, x-cxkit-unscored, x-cxkit-survey, x-cxkit-when (the
// condition as the language spells it), x-cxkit-unit and x-cxkit-target
// (measures) and x-cxkit-tags; on each choice option x-cxkit-value, and
// x-cxkit-fail when choosing it fails the question whatever its value; on
// the answers object x-cxkit-levels and x-cxkit-sections (see
// [SchemaLevel] and [SchemaSection]); at the top x-cxkit-checklist,
// x-cxkit-version, x-cxkit-model and x-cxkit-lang. Each question also
// carries propertyOrder, its 1-based place in the form.
//
// The schema accepts exactly the sheets the answer-sheet reader accepts,
// except for what JSON Schema cannot see: a key given twice in one
// object, and numbers too large for a float64.
//
// AnswerSchema does not validate c; call [Checklist.Validate] first. It
// fails on a nil checklist or an unknown draft, and with [Diagnostics]
// of code "schema" on what it cannot translate: a question ID used
// twice, an unknown kind, scale, choice or question, or a malformed
// condition.
func AnswerSchema(c *Checklist, opts SchemaOptions) (*jsonschema.Schema, error) {
	if c == nil {
		return nil, errors.New("korto: AnswerSchema of a nil checklist")
	}
	uri := opts.Draft.URI()
	if uri == "" {
		return nil, fmt.Errorf("korto: unknown JSON Schema draft %q (want %q or %q)", opts.Draft, Draft2020, Draft07)
	}
	if err := CheckSchemaID(opts.ID); err != nil {
		return nil, fmt.Errorf("korto: SchemaOptions.ID %w", err)
	}
	b := &answerSchemaBuilder{c: c, lang: c.ShownLang(opts.Lang), consts: opts.ConstChoices}
	b.words = schemaVocabulary(b.lang, c)
	answers := b.answers()
	if len(b.diags) > 0 {
		return nil, b.diags
	}

	w := b.words
	props := jsonschema.NewProperties()
	// Form tools may stamp a sheet with the schema it was made with.
	props.Set("$schema", &jsonschema.Schema{Type: "string"})
	props.Set("checklist", &jsonschema.Schema{
		Type: "string", Title: w.checklist, Const: c.ID, Default: c.ID,
	})
	version := &jsonschema.Schema{Type: "string", Title: w.version}
	if c.Version != "" {
		version.Default = c.Version
	}
	props.Set("version", version)
	props.Set("audit", b.audit())
	props.Set("answers", answers)

	s := &jsonschema.Schema{
		Version:              uri,
		ID:                   jsonschema.ID(opts.ID),
		Title:                c.Title.In(b.lang),
		Description:          c.Description.In(b.lang),
		Type:                 "object",
		Properties:           props,
		Required:             []string{"checklist", "answers"},
		AdditionalProperties: jsonschema.FalseSchema,
		AllOf:                b.whenBlocks(),
		Extras: map[string]any{
			"x-cxkit-checklist": c.ID,
			"x-cxkit-model":     string(c.EffectiveModel()),
			"x-cxkit-lang":      b.lang,
		},
	}
	if c.Version != "" {
		s.Extras["x-cxkit-version"] = c.Version
	}
	return s, nil
}

type answerSchemaBuilder struct {
	c      *Checklist
	lang   string
	words  schemaWords
	diags  Diagnostics
	consts bool // SchemaOptions.ConstChoices

	props    *orderedmap.OrderedMap[string, *jsonschema.Schema]
	required []string
	ids      []any // every question ID, for propertyNames
	seen     map[string]bool
	blocks   []*schemaWhenBlock
	byWhen   map[string]*schemaWhenBlock
	levels   []SchemaLevel
	sections []SchemaSection
}

func (b *answerSchemaBuilder) errorf(pos Pos, format string, a ...any) {
	b.diags = append(b.diags, &Diagnostic{Pos: pos, Severity: SeverityError, Code: diag.CodeSchema, Message: fmt.Sprintf(format, a...)})
}

// audit is the free-form audit record, the common fields first so forms
// show them in a sensible order. Its values are labels: the reader takes
// numbers and booleans too and keeps their JSON text, and so does the
// schema for fields of the sheet's own; the four common fields are
// strings, which is what forms collect and what lets a renderer that
// picks a control by type (JSON Forms) show a text box, not a checkbox.
func (b *answerSchemaBuilder) audit() *jsonschema.Schema {
	w := b.words
	text := func(title string) *jsonschema.Schema { return &jsonschema.Schema{Type: "string", Title: title} }
	p := jsonschema.NewProperties()
	p.Set("id", text(w.auditID))
	p.Set("location", text(w.location))
	p.Set("date", text(w.date))
	p.Set("auditor", text(w.auditor))
	return &jsonschema.Schema{
		Type:                 "object",
		Title:                w.audit,
		Properties:           p,
		AdditionalProperties: &jsonschema.Schema{Extras: map[string]any{"type": []string{"string", "number", "boolean"}}},
	}
}

func (b *answerSchemaBuilder) answers() *jsonschema.Schema {
	b.props = jsonschema.NewProperties()
	b.seen = map[string]bool{}
	b.byWhen = map[string]*schemaWhenBlock{}
	for _, l := range b.c.Levels {
		b.levels = append(b.levels, SchemaLevel{Number: l.Number, Title: l.Title.In(b.lang), Pass: l.EffectivePass(), Weight: l.EffectiveWeight()})
		b.items(l, nil, l.Items)
	}
	if b.c.Survey != nil {
		for _, q := range b.c.Survey.Questions {
			b.question(nil, nil, q)
		}
	}
	s := &jsonschema.Schema{
		Type:       "object",
		Title:      b.words.answers,
		Properties: b.props,
		Required:   b.required,
		// The questions behind `when` are declared in their blocks'
		// "then", so "additionalProperties": false would refuse them;
		// propertyNames closes the object over every question instead.
		PropertyNames: &jsonschema.Schema{Enum: b.ids},
		Extras: map[string]any{
			"x-cxkit-levels": b.levels,
		},
	}
	if len(b.sections) > 0 {
		s.Extras["x-cxkit-sections"] = b.sections
	}
	return s
}

func (b *answerSchemaBuilder) items(l *Level, sec *Section, items []Item) {
	for _, it := range items {
		switch {
		case it.Question != nil:
			b.question(l, sec, it.Question)
		case it.Section != nil:
			s := it.Section
			ss := SchemaSection{ID: s.ID, Title: s.Title.In(b.lang), Level: l.Number, Weight: s.EffectiveWeight()}
			if sec != nil {
				ss.Parent = sec.ID
			}
			b.sections = append(b.sections, ss)
			b.items(l, s, s.Items)
		}
	}
}

// question adds q's property: to the answers' properties, and its
// `required` entry, or to the block of its `when`. l and sec are nil for
// survey questions.
func (b *answerSchemaBuilder) question(l *Level, sec *Section, q *Question) {
	if b.seen[q.ID] {
		b.errorf(q.Pos, "question %q is declared twice", q.ID)
		return
	}
	b.seen[q.ID] = true
	// Behind `when`, "na" is the answer of a switched-off question, which
	// the block's "else" allows; shown, it is an answer only with `na`.
	s := b.value(q, q.NA)
	if s == nil {
		return
	}
	s.Title = q.Text.In(b.lang)
	s.Description = q.Hint.In(b.lang)
	x := s.Extras
	if x == nil {
		x = map[string]any{}
		s.Extras = x
	}
	x[schemaExtKind] = string(q.Kind.EffectiveType())
	switch {
	case l == nil:
		x[schemaExtSurvey] = true
	default:
		x[schemaExtLevel] = l.Number
		if sec != nil {
			x[schemaExtSection] = sec.ID
		}
		if q.Unscored {
			x[schemaExtUnscored] = true
		} else {
			x[schemaExtWeight] = q.EffectiveWeight()
		}
		if q.Critical {
			x[schemaExtCritical] = true
		}
	}
	if len(q.Tags) > 0 {
		x[schemaExtTags] = q.Tags
	}
	b.ids = append(b.ids, q.ID)
	// Properties keep file order, but not every tool keeps the order of
	// a JSON object, and the questions behind `when` sit in their
	// blocks; form builders of the json-editor family read this.
	x["propertyOrder"] = len(b.ids)

	when := q.Condition()
	if when == nil {
		b.props.Set(q.ID, s)
		if !q.Optional {
			b.required = append(b.required, q.ID)
		}
		return
	}
	text := when.String()
	x[schemaExtWhen] = text
	x[schemaExtWhenExpr] = when
	wb := b.byWhen[text]
	if wb == nil {
		cond := b.cond(q, when)
		if cond == nil {
			return
		}
		wb = &schemaWhenBlock{cond: cond, props: jsonschema.NewProperties()}
		b.byWhen[text] = wb
		b.blocks = append(b.blocks, wb)
	}
	wb.props.Set(q.ID, s)
	wb.ids = append(wb.ids, q.ID)
	if !q.Optional {
		wb.required = append(wb.required, q.ID)
	}
}

// schemaWhenBlock gathers the questions that one condition switches:
// its "if" is the condition, its "then" declares them (so a renderer that
// resolves if/then/else, such as react-jsonschema-form, shows them only
// while it holds) and requires the ones that are not optional, and its
// "else" lets each be absent or "na".
type schemaWhenBlock struct {
	cond     *jsonschema.Schema
	props    *orderedmap.OrderedMap[string, *jsonschema.Schema]
	ids      []string
	required []string
}

// whenBlocks returns the `when` blocks, one per condition, for the
// document's allOf. They sit at the top of the document rather than in
// the answers object: react-jsonschema-form drops the answers to the
// questions a condition switches off only when the condition changes
// the schema at its root.
func (b *answerSchemaBuilder) whenBlocks() []*jsonschema.Schema {
	var out []*jsonschema.Schema
	for _, wb := range b.blocks {
		out = append(out, wb.schema())
	}
	return out
}

// answersProp wraps a schema of the answers object as one of the
// document.
func answersProp(s *jsonschema.Schema) *jsonschema.Schema {
	return &jsonschema.Schema{Properties: schemaProps("answers", s)}
}

func (wb *schemaWhenBlock) schema() *jsonschema.Schema {
	// Switched off, an answer other than "na" is wrong: "not" any of the
	// questions present with another answer. The "else" names no
	// properties, so a renderer merging it adds no field.
	var given []*jsonschema.Schema
	for _, id := range wb.ids {
		given = append(given, &jsonschema.Schema{
			Required:   []string{id},
			Properties: schemaProps(id, &jsonschema.Schema{Not: &jsonschema.Schema{Const: answerNA}}),
		})
	}
	off := given[0]
	if len(given) > 1 {
		off = &jsonschema.Schema{AnyOf: given}
	}
	cond := answersProp(wb.cond)
	cond.Required = []string{"answers"}
	return &jsonschema.Schema{
		If:   cond,
		Then: answersProp(&jsonschema.Schema{Properties: wb.props, Required: wb.required}),
		Else: answersProp(&jsonschema.Schema{Not: off}),
	}
}

// MaxRowPoints is the most points a scale may have and still be offered
// as a row of choices rather than a number box: NPS's 0..10.
const MaxRowPoints = 11

// IsPointRow reports whether the points lo..hi (see [Checklist.Points])
// are few enough, and whole, to show as a row of choices, as every form
// target does with them.
func IsPointRow(lo, hi float64) bool {
	return lo == math.Trunc(lo) && hi == math.Trunc(hi) && hi >= lo && hi-lo < MaxRowPoints
}

// The answers the language fixes.
const (
	answerYes = "yes"
	answerNo  = "no"
	answerNA  = "na"
)

// value returns the schema of q's answer, with "na" allowed when na is
// set, or nil after reporting a reference it cannot resolve.
//
// Named answers, and the points of a scale of up to MaxRowPoints, are
// an "enum" of the values with a "oneOf" of one-value "enum"s that title
// them, not "const"s: react-jsonschema-form takes the "const" of a
// "oneOf"'s first option for a default and would pre-answer the
// question (no keyword beside the "const"s stops it, and JSON Forms
// titles options only when every one is a "const"), while the "enum"
// lets JSON Forms show radio buttons, labelled with the values. With
// b.consts the options are {const, title}, for JSON Forms, and the
// "enum" is left out (JSON Forms would otherwise pick either control).
func (b *answerSchemaBuilder) value(q *Question, na bool) *jsonschema.Schema {
	w := b.words
	type named struct {
		value any
		title string
		ext   map[string]any
	}
	enum := func(typ string, opts ...named) *jsonschema.Schema {
		if na {
			opts = append(opts, named{value: answerNA, title: w.na})
		}
		s := &jsonschema.Schema{Type: typ}
		for _, o := range opts {
			opt := &jsonschema.Schema{Title: o.title, Extras: o.ext}
			if b.consts {
				opt.Const = o.value
			} else {
				s.Enum = append(s.Enum, o.value)
				opt.Enum = []any{o.value}
			}
			s.OneOf = append(s.OneOf, opt)
		}
		if na && typ != "string" {
			s.Type = ""
			s.Extras = map[string]any{"type": []string{typ, "string"}}
		}
		return s
	}
	naOption := &jsonschema.Schema{Enum: []any{answerNA}, Title: w.na}
	// numeric returns a number schema, or, when "na" is allowed, anyOf
	// the number and "na" (a form shows them as two alternatives).
	numeric := func(n *jsonschema.Schema) *jsonschema.Schema {
		if !na {
			return n
		}
		return &jsonschema.Schema{AnyOf: []*jsonschema.Schema{n, naOption}}
	}
	integer := func(lo, hi float64) *jsonschema.Schema {
		if IsPointRow(lo, hi) {
			var pts []named
			for v := lo; v <= hi; v++ {
				pts = append(pts, named{value: int64(v), title: schemaNumber(v).String()})
			}
			return enum("integer", pts...)
		}
		n := &jsonschema.Schema{Type: "integer", Minimum: schemaNumber(lo), Maximum: schemaNumber(hi)}
		if na {
			n.Title = schemaNumber(lo).String() + "–" + schemaNumber(hi).String()
		}
		return numeric(n)
	}

	k := q.Kind
	switch k.EffectiveType() {
	case KindYesNo:
		return enum("string", named{value: answerYes, title: w.yes}, named{value: answerNo, title: w.no})
	case KindChoice:
		ch := b.c.Choice(k.Ref)
		if ch == nil {
			b.errorf(q.Pos, "question %q: unknown choice %q", q.ID, k.Ref)
			return nil
		}
		opts := make([]named, 0, len(ch.Options))
		for _, o := range ch.Options {
			ext := map[string]any{schemaExtValue: o.Value}
			if o.Fail {
				ext[schemaExtFail] = true
			}
			opts = append(opts, named{value: o.ID, title: o.Label.In(b.lang), ext: ext})
		}
		return enum("string", opts...)
	case KindScale, KindCES, KindCSAT, KindCSI, KindNPS:
		lo, hi, ok := b.c.Points(k)
		if !ok {
			b.errorf(q.Pos, "question %q: unknown scale %q", q.ID, k.Ref)
			return nil
		}
		return integer(lo, hi)
	case KindMeasure:
		s := &jsonschema.Schema{Type: "number"}
		if na {
			// A number or "na" in one box: "pattern" applies to strings
			// only. Two alternatives would make a form ask which one
			// first, and repeat the hint under each.
			s = &jsonschema.Schema{Pattern: "^na$", Extras: map[string]any{"type": []string{"number", "string"}}}
		}
		if s.Extras == nil {
			s.Extras = map[string]any{}
		}
		if k.Unit != "" {
			s.Extras[schemaExtUnit] = k.Unit
		}
		if k.Op != "" {
			s.Extras[schemaExtTarget] = string(k.Op) + " " + schemaNumber(k.Target).String()
		}
		return s
	case KindEmotion:
		return enum("string",
			named{value: "positive", title: w.positive},
			named{value: "neutral", title: w.neutral},
			named{value: "negative", title: w.negative})
	case KindText:
		return &jsonschema.Schema{Type: "string"} // "na" is a string already
	}
	b.errorf(q.Pos, "question %q: unknown answer kind %q", q.ID, k.Type)
	return nil
}

// cond returns a schema that an answers object matches exactly when e
// holds. An atom on a question holds only when that question has a real
// answer: absent and "na" make every comparison false (and "not" of it
// true), the way the reader evaluates conditions.
func (b *answerSchemaBuilder) cond(q *Question, e *Expr) *jsonschema.Schema {
	if e == nil {
		b.errorf(q.Pos, "question %q: empty condition", q.ID)
		return nil
	}
	args := func() []*jsonschema.Schema {
		var out []*jsonschema.Schema
		for _, a := range e.Args {
			s := b.cond(q, a)
			if s == nil {
				return nil
			}
			out = append(out, s)
		}
		return out
	}
	switch e.Op {
	case ExprAnd, ExprOr:
		as := args()
		if as == nil {
			return nil
		}
		if e.Op == ExprAnd {
			return &jsonschema.Schema{AllOf: as}
		}
		return &jsonschema.Schema{AnyOf: as}
	case ExprNot:
		if len(e.Args) != 1 {
			b.errorf(e.Pos, "question %q: \"not\" takes one condition, got %d", q.ID, len(e.Args))
			return nil
		}
		a := b.cond(q, e.Args[0])
		if a == nil {
			return nil
		}
		return &jsonschema.Schema{Not: a}
	}

	ref := b.c.Question(e.Question)
	if ref == nil {
		b.errorf(e.Pos, "question %q: condition names unknown question %q", q.ID, e.Question)
		return nil
	}
	answered := func(v *jsonschema.Schema) *jsonschema.Schema {
		return &jsonschema.Schema{Required: []string{e.Question}, Properties: schemaProps(e.Question, v)}
	}
	switch e.Op {
	case ExprYes:
		return answered(&jsonschema.Schema{Const: answerYes})
	case ExprIn:
		return answered(&jsonschema.Schema{Enum: schemaStrings(e.Options)})
	case ExprCmp:
		if len(e.Options) > 0 {
			in := &jsonschema.Schema{Enum: schemaStrings(e.Options)}
			switch e.Cmp {
			case OpEq:
				return answered(in)
			case OpNe:
				// Answered, not "na", and none of the options.
				return answered(&jsonschema.Schema{Not: &jsonschema.Schema{Enum: schemaStrings(append([]string{answerNA}, e.Options...))}})
			}
			b.errorf(e.Pos, "question %q: operator %q does not compare options", q.ID, e.Cmp)
			return nil
		}
		if e.Number == nil {
			b.errorf(e.Pos, "question %q: comparison of %q has no number", q.ID, e.Question)
			return nil
		}
		n := schemaNumber(*e.Number)
		v := &jsonschema.Schema{Type: "number"}
		switch e.Cmp {
		case OpEq:
			v.Const = *e.Number
		case OpNe:
			v.Not = &jsonschema.Schema{Const: *e.Number}
		case OpLt:
			v.ExclusiveMaximum = n
		case OpLe:
			v.Maximum = n
		case OpGt:
			v.ExclusiveMinimum = n
		case OpGe:
			v.Minimum = n
		default:
			b.errorf(e.Pos, "question %q: unknown comparison %q", q.ID, e.Cmp)
			return nil
		}
		return answered(v)
	}
	b.errorf(e.Pos, "question %q: unknown condition operator %q", q.ID, e.Op)
	return nil
}

func schemaProps(id string, s *jsonschema.Schema) *orderedmap.OrderedMap[string, *jsonschema.Schema] {
	p := jsonschema.NewProperties()
	p.Set(id, s)
	return p
}

func schemaStrings(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// schemaNumber writes v the shortest way that reads back exactly.
func schemaNumber(v float64) json.Number {
	return json.Number(FormatNumber(v))
}

// schemaWords are the few texts a schema needs that the checklist does
// not carry; schemaWords hands them to the other form targets.
type schemaWords struct {
	yes, no, na                   string
	positive, neutral, negative   string
	checklist, version, answers   string
	audit, auditID, location      string
	date, auditor, submit, target string
	value, level, survey          string
	required, invalid, gps        string
}

var schemaVocabularies = map[string]schemaWords{
	"ru": {
		yes: "Да", no: "Нет", na: "Не применимо",
		positive: "Положительная", neutral: "Нейтральная", negative: "Отрицательная",
		checklist: "Чек-лист", version: "Версия чек-листа", answers: "Ответы",
		audit: "Визит", auditID: "Номер визита", location: "Место",
		date: "Дата", auditor: "Аудитор", submit: "Отправить", target: "цель", value: "Значение",
		level: "Уровень", survey: "Опрос",
		required: "Ответьте на этот вопрос", invalid: "Такой ответ не подходит", gps: "Геопозиция",
	},
	"en": {
		yes: "Yes", no: "No", na: "Not applicable",
		positive: "Positive", neutral: "Neutral", negative: "Negative",
		checklist: "Checklist", version: "Checklist version", answers: "Answers",
		audit: "Visit", auditID: "Visit ID", location: "Location",
		date: "Date", auditor: "Auditor", submit: "Submit", target: "target", value: "Value",
		level: "Level", survey: "Survey",
		required: "Please answer this question", invalid: "This answer is not allowed", gps: "Device location",
	},
	"de": {
		yes: "Ja", no: "Nein", na: "Nicht zutreffend",
		positive: "Positiv", neutral: "Neutral", negative: "Negativ",
		checklist: "Checkliste", version: "Version der Checkliste", answers: "Antworten",
		audit: "Besuch", auditID: "Besuchsnummer", location: "Ort",
		date: "Datum", auditor: "Prüfer", submit: "Absenden", target: "Ziel", value: "Wert",
		level: "Stufe", survey: "Umfrage",
		required: "Bitte beantworten Sie diese Frage", invalid: "Diese Antwort ist nicht zulässig", gps: "Gerätestandort",
	},
}

func schemaVocabulary(lang string, c *Checklist) schemaWords {
	if w, ok := schemaVocabularies[lang]; ok {
		return w
	}
	if w, ok := schemaVocabularies[(&Checklist{Title: Text{Text: c.Title.In(lang)}}).ShownLang("")]; ok {
		return w
	}
	return schemaVocabularies["en"]
}

// WhenSchema returns the JSON Schema that an answers object matches
// exactly when q's `when` holds, the `if` of q's block in [AnswerSchema]:
// a comparison holds only for a real answer, so an absent or "na" answer
// makes it false. It returns nil for a question without `when`, and
// [Diagnostics] of code "schema" for a condition it cannot translate.
// Form targets whose rules are JSON Schema (JSON Forms) use it as is.
func WhenSchema(c *Checklist, q *Question) (*jsonschema.Schema, error) {
	if c == nil || q == nil {
		return nil, errors.New("korto: WhenSchema of a nil checklist or question")
	}
	when := q.Condition()
	if when == nil {
		return nil, nil
	}
	b := &answerSchemaBuilder{c: c}
	s := b.cond(q, when)
	if len(b.diags) > 0 {
		return nil, b.diags
	}
	return s, nil
}
