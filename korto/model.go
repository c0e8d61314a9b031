package korto

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/cxkit/cxkit/diag"
)

// Model names the service model a checklist's levels belong to.
type Model string

const (
	// ModelKORTO is the four-level KORTO pyramid: 1 foundation and
	// standard, 2 functions and convenience, 3 atmosphere and emotions,
	// 4 impressions and delight. It is the default.
	ModelKORTO Model = "korto"
	// ModelKotler is Kotler's five service levels (basic, expected,
	// desired, WOW, incredible), with "terrible" below them at 0.
	ModelKotler Model = "kotler"
)

// MaxLevel returns the highest level number the model allows, or 0 for an
// unknown model.
func (m Model) MaxLevel() int {
	switch m {
	case ModelKORTO, "":
		return 4
	case ModelKotler:
		return 5
	}
	return 0
}

// Knockout says what a failed critical question does.
type Knockout string

const (
	// KnockoutLevel fails the level that holds the question (default).
	KnockoutLevel Knockout = "level"
	// KnockoutAudit also sets the overall score to zero: the
	// mystery-shopping "zero tolerance" rule.
	KnockoutAudit Knockout = "audit"
)

// Default values the language applies when a checklist leaves them out.
const (
	// DefaultPass is a level's pass mark, as a share: 80%.
	DefaultPass = 0.8
	// DefaultWeight is the weight of a level, section or question.
	DefaultWeight = 1.0
)

// Text is a piece of user-facing text in the checklist's default language,
// with optional translations keyed by language tag ("en", "de").
type Text struct {
	// Text is the text in the checklist's default language
	// (Checklist.Lang), the first string of a text in the language.
	Text string `json:"text"`
	// Tr maps a language tag to the translation given with @tag; nil
	// when there are none. Look texts up with In, which matches tags
	// case-insensitively.
	Tr map[string]string `json:"tr,omitempty"`
}

// In returns the text in language lang, falling back to the default
// language when there is no such translation. Language tags are
// case-insensitive (BCP 47): In("en") finds a translation keyed "EN".
func (t Text) In(lang string) string {
	if lang == "" {
		return t.Text
	}
	if s, ok := t.Tr[lang]; ok {
		return s
	}
	// Keys that differ only in case: the least one, so the answer does
	// not depend on map order.
	found, key := false, ""
	for k := range t.Tr {
		if strings.EqualFold(k, lang) && (!found || k < key) {
			found, key = true, k
		}
	}
	if found {
		return t.Tr[key]
	}
	return t.Text
}

// IsZero reports whether t holds no text at all.
func (t Text) IsZero() bool { return t.Text == "" && len(t.Tr) == 0 }

// Pos is a position in a source file. The zero Pos means "unknown", as
// for a checklist built in Go code; nodes leave it out of the JSON form.
type Pos = diag.Pos

// Checklist is a whole checklist: its metadata, the scales and choices it
// declares, its levels, and an optional survey.
type Checklist struct {
	// ID identifies the checklist; an answer sheet names it in its
	// "checklist" key, and a sheet for another ID is rejected.
	ID    string `json:"id"`
	Title Text   `json:"title"`
	// Version is a free-form label such as "2026.1". A sheet filled for
	// another version is scored with a warning, since a changed
	// checklist may score differently (see Diff).
	Version     string   `json:"version,omitempty"`
	Model       Model    `json:"model,omitempty"` // "" means ModelKORTO
	Description Text     `json:"description,omitzero"`
	Lang        string   `json:"lang,omitempty"`     // tag of the default language, e.g. "ru"
	Knockout    Knockout `json:"knockout,omitempty"` // "" means KnockoutLevel
	// Bands name grades of the overall score ("average" from 60%, "very
	// good" from 80%), in ascending order of From; nil when the
	// checklist names none. See BandOf.
	Bands []*Band `json:"bands,omitempty"`
	// Scales and Choices are the named declarations, in file order, that
	// questions refer to by Kind.Ref.
	Scales  []*Scale  `json:"scales,omitempty"`
	Choices []*Choice `json:"choices,omitempty"`
	// Levels are in file order, which need not be ascending; a
	// checklist may hold only some of the model's levels (the KORTO
	// 100-question list covers levels 1 and 2).
	Levels []*Level `json:"levels"`
	// Survey is nil when the checklist has no survey block.
	Survey *Survey `json:"survey,omitempty"`
	Pos    Pos     `json:"-"`
}

// EffectiveModel returns the checklist's model with the default applied.
func (c *Checklist) EffectiveModel() Model {
	if c.Model == "" {
		return ModelKORTO
	}
	return c.Model
}

// EffectiveKnockout returns the checklist's knockout policy with the
// default applied.
func (c *Checklist) EffectiveKnockout() Knockout {
	if c.Knockout == "" {
		return KnockoutLevel
	}
	return c.Knockout
}

// Band is a named grade of the overall score: an audit is in the band
// with the highest From that its score reaches. A score below the lowest
// band is in none, as is an audit without a score.
type Band struct {
	// From is the lowest overall score of the band, a share in [0,1]:
	// the language's `80%` is 0.8.
	From float64 `json:"from" jsonschema:"minimum=0,maximum=1"`
	// Name is the band's name, with its translations.
	Name Text `json:"name"`
	Pos  Pos  `json:"-"`
	// FromPos is where the threshold stands in the source; zero when
	// unknown.
	FromPos Pos `json:"-"`
}

// BandOf returns the index in c.Bands of the band the overall score
// falls in, or -1 when the score is below the lowest band, is not a
// score (NaN), or the checklist has no bands. A score reaches a band
// within the rounding slack a pass mark allows, so 80% in exact
// arithmetic is "very good" even when the weighted mean came out a few
// ulps short. The bands must be ascending, as Validate requires.
func (c *Checklist) BandOf(score float64) int {
	if c == nil || math.IsNaN(score) {
		return -1
	}
	k := -1
	for i, b := range c.Bands {
		if b != nil && score >= b.From-passSlack {
			k = i
		}
	}
	return k
}

// Scale is a named numeric scale lo..hi, scored linearly: an answer a
// is worth (a - lo) / (hi - lo), so lo scores 0 and hi scores 1.
// Answers are whole numbers in lo..hi, and Lo < Hi.
type Scale struct {
	Name string  `json:"name"`
	Lo   float64 `json:"lo"`
	Hi   float64 `json:"hi"`
	Pos  Pos     `json:"-"`
}

// Choice is a named set of options, each worth a value in [0,1].
type Choice struct {
	Name    string    `json:"name"`
	Options []*Option `json:"options"` // in declaration order, the order forms show
	Pos     Pos       `json:"-"`
}

// Option is one option of a [Choice].
type Option struct {
	// ID is what an answer sheet gives to pick the option; it is unique
	// within its choice.
	ID    string `json:"id"`
	Label Text   `json:"label"`
	// Value is the question's value, in [0,1], when the option is
	// chosen.
	Value float64 `json:"value" jsonschema:"minimum=0,maximum=1"`
	// Fail marks an option whose choice fails the question whatever its
	// value: the answer counts as a failure in reports and, on a
	// critical question, fails the level as a 0 would.
	Fail bool `json:"fail,omitempty"`
	Pos  Pos  `json:"-"`
}

// Level is one level of the model's pyramid.
type Level struct {
	// Number is the level's place in the pyramid, 1..4 for ModelKORTO
	// and 1..5 for ModelKotler, whatever its place in the file. No two
	// levels share a number.
	Number int  `json:"number"`
	Title  Text `json:"title"`
	// Pass is the pass mark as a share in (0,1]: the language's
	// `pass 85%` is 0.85. nil means DefaultPass.
	Pass *float64 `json:"pass,omitempty" jsonschema:"exclusiveMinimum=0,maximum=1"`
	// Weight is the level's weight in the overall score; nil means
	// DefaultWeight.
	Weight *float64 `json:"weight,omitempty" jsonschema:"minimum=0"`
	Items  []Item   `json:"items"`
	Pos    Pos      `json:"-"`
	// WeightPos is where the weight's number stands in the source, for
	// diagnostics about the weight; zero when unknown.
	WeightPos Pos `json:"-"`
	// PassPos is where the pass mark stands in the source, for
	// diagnostics about it; zero when unknown.
	PassPos Pos `json:"-"`
}

// EffectivePass returns the level's pass mark with the default applied.
func (l *Level) EffectivePass() float64 { return orDefault(l.Pass, DefaultPass) }

// EffectiveWeight returns the level's weight with the default applied.
func (l *Level) EffectiveWeight() float64 { return orDefault(l.Weight, DefaultWeight) }

// Item is one entry of a level or section: exactly one of Section and
// Question is set. Items keep the order of the source.
type Item struct {
	Section  *Section  `json:"section,omitempty"`
	Question *Question `json:"question,omitempty"`
}

// Section groups questions and nested sections. It scores the weighted
// mean of its applicable items and counts in its parent with its own
// weight.
type Section struct {
	// ID is unique among the checklist's sections and questions.
	ID     string   `json:"id"`
	Title  Text     `json:"title"`
	Weight *float64 `json:"weight,omitempty" jsonschema:"minimum=0"` // in its parent; nil means DefaultWeight
	Items  []Item   `json:"items"`
	Pos    Pos      `json:"-"`
	// WeightPos is where the weight's number stands in the source; zero
	// when unknown.
	WeightPos Pos `json:"-"`
}

// EffectiveWeight returns the section's weight with the default applied.
func (s *Section) EffectiveWeight() float64 { return orDefault(s.Weight, DefaultWeight) }

// Survey holds questions that feed the survey metrics (NPS, emotional
// index, CES, CSAT, CSI) and never the score.
//
// Survey questions take no `critical`, and no weight except csi
// questions, whose weight is the attribute's importance in the index.
// They may be of any kind, but only nps, emotion, ces, csat and csi
// questions feed a metric.
//
// The csi questions of a checklist are the attributes of one customer
// satisfaction index (metrics.CSI, the ACSI form): each rates one
// attribute on the same scale, and the index is
// 100 · Σ wᵢ(x̄ᵢ − lo) / ((hi − lo) · Σ wᵢ) over the attributes' mean
// ratings x̄ᵢ and weights wᵢ.
type Survey struct {
	Questions []*Question `json:"questions"`
	Pos       Pos         `json:"-"`
}

// KindType is the kind of answer a question takes.
type KindType string

// The answer kinds of the language.
const (
	KindYesNo   KindType = "yesno"
	KindScale   KindType = "scale"
	KindChoice  KindType = "choice"
	KindMeasure KindType = "measure"
	KindNPS     KindType = "nps"
	KindEmotion KindType = "emotion"
	KindCES     KindType = "ces"
	KindCSAT    KindType = "csat"
	KindCSI     KindType = "csi" // one attribute of the checklist's satisfaction index
	KindText    KindType = "text"
)

// SurveyOnly reports whether questions of this kind may only stand in a
// survey block.
func (k KindType) SurveyOnly() bool {
	switch k {
	case KindNPS, KindEmotion, KindCES, KindCSAT, KindCSI, KindText:
		return true
	}
	return false
}

// Kind describes the answer a question takes.
//
// A question on a declared scale or choice names it in Ref and leaves the
// bounds or options to the declaration; an inline scale, ces or csat
// question carries Lo and Hi itself.
type Kind struct {
	Type KindType `json:"type"` // "" means KindYesNo
	// Ref names the declared Scale (Type KindScale) or Choice (Type
	// KindChoice) the question is on; "" for every other kind.
	Ref string `json:"ref,omitempty"`
	// Lo and Hi are the bounds of an inline scale, ces, csat or csi
	// question (`ces 1..7`). A question on a declared scale takes the
	// Scale's bounds instead, and nps is always 0..10.
	Lo float64 `json:"lo,omitempty"`
	Hi float64 `json:"hi,omitempty"`
	// Unit, Op and Target belong to a measure: the answer is a number
	// in Unit (a label such as "мин", never converted) and scores 1 when
	// "answer Op Target" holds, else 0.
	Unit   string  `json:"unit,omitempty"`
	Op     CmpOp   `json:"op,omitempty"`
	Target float64 `json:"target,omitempty"`
	// Good says which end of a ces or csat scale is the good one:
	// "high" (more agreement that it was easy, or more satisfied) or
	// "low" (less effort). Empty keeps the preset of the bounds: a ces
	// 1..10 is the service-standards guide's effort question (low), every other ces and
	// every csat is high. See SurveyScale.
	Good string `json:"good,omitempty"`
	// Pos is where the kind stands in the source (the name of a scale or
	// choice, or the kind's keyword), for diagnostics about the kind;
	// zero when unknown or when the kind is the default yesno.
	Pos Pos `json:"-"`
}

// String returns the kind as the .korto language writes it: the name of
// a declared scale or choice, "yesno", "scale 1..5", "ces 1..7 high",
// `measure "мин" target <= 5`, "nps". The formatter, diff and messages
// use it, so a kind reads the same everywhere.
func (k Kind) String() string {
	if k.Ref != "" {
		return k.Ref
	}
	t := k.EffectiveType()
	switch t {
	case KindScale, KindCES, KindCSAT, KindCSI:
		s := string(t) + " " + FormatNumber(k.Lo) + ".." + FormatNumber(k.Hi)
		if k.Good != "" {
			s += " " + k.Good
		}
		return s
	case KindMeasure:
		s := "measure "
		if k.Unit != "" {
			s += strconv.Quote(k.Unit) + " "
		}
		return s + "target " + string(k.Op) + " " + FormatNumber(k.Target)
	}
	return string(t)
}

// EffectiveType returns the kind's type with the default applied.
func (k Kind) EffectiveType() KindType {
	if k.Type == "" {
		return KindYesNo
	}
	return k.Type
}

// Question is one checklist or survey question.
type Question struct {
	// ID is the question's key in an answer sheet's "answers"; it is
	// unique among the checklist's questions and sections.
	ID   string `json:"id"`
	Text Text   `json:"text"`
	// Kind is the answer the question takes; the zero Kind is yes/no.
	Kind   Kind     `json:"kind"`
	Weight *float64 `json:"weight,omitempty" jsonschema:"minimum=0"` // nil means DefaultWeight
	// Critical makes a failed answer (value 0, or an option marked
	// Fail) fail the question's level whatever the level's score, and
	// under KnockoutAudit zero the overall score too. Survey and
	// unscored questions cannot be critical.
	Critical bool `json:"critical,omitempty"`
	NA       bool `json:"na,omitempty"`       // "na" is an allowed answer
	Optional bool `json:"optional,omitempty"` // the answer may be missing
	Unscored bool `json:"unscored,omitempty"` // a fact for `when`, never scored
	// When is the condition under which the question is asked; nil
	// means always. While it is false the answer must be absent or
	// "na", and the question does not count.
	When *Expr `json:"when,omitempty"`
	// Hint is help for the auditor, shown by forms beside the question.
	Hint Text `json:"hint,omitzero"`
	// Tags are free labels (identifiers). They do not affect scoring;
	// reports pool the questions of each tag (see TagSummary).
	Tags []string `json:"tags,omitempty"`
	// Promise makes the question the outcome of a promise made in the
	// visit ("the boutique called back as promised"), checked later:
	// nil for an ordinary question. See Promise.
	Promise *Promise `json:"promise,omitempty"`
	Pos     Pos      `json:"-"`
	// WeightPos is where the weight's number stands in the source; zero
	// when unknown.
	WeightPos Pos `json:"-"`
}

// Promise links a yes/no outcome question to the yes/no question that
// records a promise made during the visit (`promise offered_callback due
// 7d`). The promise is made when question Of is answered "yes"; it is
// kept when the outcome is "yes", broken when "no", and open while the
// outcome is unanswered. It is due DueDays days after the audit's date.
//
// The outcome is asked only when the promise was made (as if its `when`
// also required Of), and must be optional: its answer usually comes in
// a later follow-up sheet for the same audit (see MergeFollowUp).
type Promise struct {
	Of      string `json:"of"`                              // the ID of the yes/no question that records the promise
	DueDays int    `json:"due_days" jsonschema:"minimum=1"` // days after the audit's date
	Pos     Pos    `json:"-"`
}

// Condition returns the condition under which q is asked: its When, and
// for the outcome of a promise also "the promise was made" (Promise.Of
// answered yes). nil means always. The scorer, the answer-sheet schema
// and the forms read this, not When alone.
func (q *Question) Condition() *Expr {
	if q == nil || q.Promise == nil {
		if q == nil {
			return nil
		}
		return q.When
	}
	made := &Expr{Op: ExprYes, Question: q.Promise.Of, Pos: q.Promise.Pos}
	if q.When == nil {
		return made
	}
	return &Expr{Op: ExprAnd, Args: []*Expr{q.When, made}, Pos: q.When.Pos}
}

// MaxPromiseDays is the longest due of a promise: ten years.
const MaxPromiseDays = 3650

// EffectiveWeight returns the question's weight with the default applied.
func (q *Question) EffectiveWeight() float64 { return orDefault(q.Weight, DefaultWeight) }

// CmpOp is a comparison operator.
type CmpOp string

// The comparison operators of the language.
const (
	OpEq CmpOp = "=="
	OpNe CmpOp = "!="
	OpLt CmpOp = "<"
	OpLe CmpOp = "<="
	OpGt CmpOp = ">"
	OpGe CmpOp = ">="
)

// Symbol spells the operator as people write it in a text, a form or a
// report: ≤ for <=, ≥ for >=, ≠ for != and = for ==; < and > stay. An
// unknown operator is spelled as it is. The score report and the forms
// show targets with it, so a reader sees one notation everywhere.
func (op CmpOp) Symbol() string {
	switch op {
	case OpLe:
		return "≤"
	case OpGe:
		return "≥"
	case OpNe:
		return "≠"
	case OpEq:
		return "="
	}
	return string(op)
}

// Holds reports whether "a op b" is true; an unknown operator is false.
func (op CmpOp) Holds(a, b float64) bool {
	switch op {
	case OpEq:
		return a == b
	case OpNe:
		return a != b
	case OpLt:
		return a < b
	case OpLe:
		return a <= b
	case OpGt:
		return a > b
	case OpGe:
		return a >= b
	}
	return false
}

// ExprOp is the operator of a `when` condition node.
type ExprOp string

// The condition operators.
const (
	ExprAnd ExprOp = "and" // all Args hold
	ExprOr  ExprOp = "or"  // any Arg holds
	ExprNot ExprOp = "not" // Args[0] does not hold
	ExprYes ExprOp = "yes" // yesno Question was answered "yes"
	ExprCmp ExprOp = "cmp" // Question Cmp Number, or Question == / != Options[0]
	ExprIn  ExprOp = "in"  // Question's answer is one of Options
)

// Expr is a `when` condition: a small expression tree. A single struct
// (rather than an interface per node) keeps the JSON form plain.
//
// A node whose Op is ExprAnd, ExprOr or ExprNot has operands in Args
// and no Question; the others are atoms that read the answer to
// Question, which must be declared before the question the condition
// belongs to. An atom on a
// question with no answer (absent, "na", or switched off by its own
// condition) is false whatever its operator: while x is unanswered,
// `x != a` is false and `not x` holds.
type Expr struct {
	Op       ExprOp  `json:"op"`
	Args     []*Expr `json:"args,omitempty"` // operands of and, or (one or more) and not (exactly one)
	Question string  `json:"question,omitempty"`
	// Cmp is the operator of an ExprCmp node: any CmpOp against Number,
	// only == and != against an option.
	Cmp CmpOp `json:"cmp,omitempty"`
	// Number is the number an ExprCmp node compares a scale, measure,
	// nps, ces or csat answer with (the raw answer, not its 0..1
	// value); nil when the node compares with an option.
	Number *float64 `json:"number,omitempty"`
	// Options are what an ExprCmp node (exactly one) or an ExprIn node
	// (one or more) compares the answer with: option IDs of a choice
	// question, "yes" or "no" for a yes/no question, or an emotion
	// label (see Emotions).
	Options []string `json:"options,omitempty"`
	Pos     Pos      `json:"-"`
}

// Refs returns the IDs of the questions the condition reads, in order of
// first appearance.
func (e *Expr) Refs() []string {
	var ids []string
	var walk func(*Expr)
	walk = func(e *Expr) {
		if e == nil {
			return
		}
		if e.Question != "" && !slices.Contains(ids, e.Question) {
			ids = append(ids, e.Question)
		}
		for _, a := range e.Args {
			walk(a)
		}
	}
	walk(e)
	return ids
}

func orDefault(p *float64, def float64) float64 {
	if p == nil {
		return def
	}
	return *p
}

// Float returns a pointer to v, for optional fields such as weights and
// pass marks in checklists built in Go code.
//
// Deprecated: write new(v), which Go 1.26 gives for a value of any type
// (new(2.0), new(float64(2)); new(2) would be an *int).
func Float(v float64) *float64 { return &v }
