package korto

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/internal/suggest"
	"github.com/cxkit/cxkit/metrics"
)

// Validate checks the checklist against the static rules of the language
// and returns every problem it finds, warnings too, sorted by position.
//
// The result is a list, not an error: use its Err method, which is nil
// unless the list holds an error, or its HasErrors method. Returned as
// an error itself (`return c.Validate()` in a func that returns error)
// it is never nil, even when empty, and len(ds) > 0 holds for warnings
// alone.
//
// It checks a checklist the same way whether it was parsed, decoded
// from JSON or built in Go code; for a node without a position (the zero [Pos]) the
// message starts with the node it is about, e.g. `question "entrance": `.
// A diagnostic about a question's kind or about a weight stands where the
// kind or the weight's number stands (Kind.Pos, WeightPos) when that is
// known, and at the node otherwise.
//
// Each diagnostic has a stable Code, one of package diag's constants
// for a checklist's meaning (diag.CodeBadID, diag.CodeDuplicateID, ...),
// listed and explained in one place there.
//
// Survey questions may carry `unscored`, which changes nothing (they are
// never scored), and `na`, `optional` and `when` like any question; they
// may be of any kind, though only nps, emotion, ces and csat feed the
// survey metrics.
//
// In a `when` condition a bare ID tests a yes/no question for "yes";
// `==`, `!=` and `in` take the option IDs of a choice question, `yes` or
// `no` for a yes/no question, and positive, neutral or negative for an
// emotion question; numeric comparisons fit scale, measure, nps, ces and
// csat questions. Text questions cannot be tested.
func (c *Checklist) Validate() Diagnostics {
	if c == nil {
		return Diagnostics{{Code: diag.CodeBadItem, Message: "checklist is nil", Hint: "build the checklist with at least one level"}}
	}
	nq, ns := valCount(c)
	v := &validator{
		c:       c,
		decls:   make(map[string]valDecl, nq+ns),
		names:   make(map[string]valDecl, len(c.Scales)+len(c.Choices)),
		qs:      make([]*Question, 0, nq),
		qindex:  make(map[string]int, nq),
		scales:  make(map[string]*Scale, len(c.Scales)),
		choices: make(map[string]*Choice, len(c.Choices)),
	}
	v.checklist()
	v.bands()
	v.declarations()
	v.levels()
	v.survey()
	v.texts()
	outcomes := map[string]*Question{}
	for i, q := range v.qs {
		if q.When != nil {
			v.when(q.When, q, i)
		}
		if q.Promise != nil {
			v.promise(q, i, outcomes)
		}
	}
	v.ds.Sort()
	return v.ds
}

// validator carries the lookups of one Validate call; every map is built
// once, so validation stays linear in the size of the checklist.
type validator struct {
	c       *Checklist
	ds      Diagnostics
	decls   map[string]valDecl // question and section IDs, first declaration
	names   map[string]valDecl // scale and choice names, first declaration
	qs      []*Question        // in file order
	qindex  map[string]int     // question ID -> index of its first declaration in qs
	scales  map[string]*Scale
	choices map[string]*Choice
}

// valCount counts questions and sections, so the maps are sized once:
// growing them is most of the cost of validating a large checklist.
func valCount(c *Checklist) (questions, sections int) {
	var walk func([]Item)
	walk = func(items []Item) {
		for _, it := range items {
			if it.Question != nil {
				questions++
			}
			if it.Section != nil {
				sections++
				walk(it.Section.Items)
			}
		}
	}
	for _, l := range c.Levels {
		if l != nil {
			walk(l.Items)
		}
	}
	if c.Survey != nil {
		questions += len(c.Survey.Questions)
	}
	return questions, sections
}

// valDecl is where a name was first declared, and as what.
type valDecl struct {
	what string // "question", "section", "scale", "choice"
	pos  Pos
}

// valSubject names the node a diagnostic is about. It is formatted only
// when a diagnostic needs it, so that checking a valid checklist does not
// build strings.
type valSubject struct {
	what string // "question", "level", ...; "" for none
	id   string
	raw  bool // print id unquoted, as for level numbers
}

func (s valSubject) String() string {
	switch {
	case s.id == "" && !s.raw:
		return s.what
	case s.raw:
		return s.what + " " + s.id
	}
	return s.what + " " + strconv.Quote(s.id)
}

const identHint = "an ID starts with a letter or _ and goes on with letters, digits and _"

// report adds a diagnostic. When pos is unknown, the message is prefixed
// with subject (e.g. `question "entrance"`) so a reader of a checklist
// built in Go can still find the node.
func (v *validator) report(sev Severity, pos Pos, subject valSubject, code, hint, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if !pos.IsValid() && subject.what != "" {
		msg = subject.String() + ": " + msg
	}
	v.ds = append(v.ds, &Diagnostic{Pos: pos, Severity: sev, Code: code, Message: msg, Hint: hint})
}

func (v *validator) errorf(pos Pos, subject valSubject, code, hint, format string, args ...any) {
	v.report(SeverityError, pos, subject, code, hint, format, args...)
}

func (v *validator) warnf(pos Pos, subject valSubject, code, hint, format string, args ...any) {
	v.report(SeverityWarning, pos, subject, code, hint, format, args...)
}

// ident checks that id is an identifier of the language.
func (v *validator) ident(pos Pos, what, id string) bool {
	switch {
	case id == "":
		v.errorf(pos, valSubject{}, diag.CodeBadID, identHint, "%s has no ID", what)
		return false
	case !isValIdent(id):
		v.errorf(pos, valSubject{}, diag.CodeBadID, identHint, "%s ID %q is not an identifier", what, id)
		return false
	}
	return true
}

// isValIdent reports whether s is an identifier: a Unicode letter or _,
// then letters, digits, _ and the marks (Mn, Mc) that letters carry in
// decomposed text and in scripts such as Devanagari.
func isValIdent(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if r == '_' || unicode.IsLetter(r) || (i > 0 && (unicode.IsDigit(r) || unicode.In(r, unicode.Mn, unicode.Mc))) {
			continue
		}
		return false
	}
	return true
}

func (v *validator) checklist() {
	c := v.c
	v.ident(c.Pos, "checklist", c.ID)
	subject := valSubject{what: "checklist", id: c.ID}
	switch c.Model {
	case "", ModelKORTO, ModelKotler:
	default:
		v.errorf(c.Pos, subject, diag.CodeBadModel, "model is korto (4 levels, the default) or kotler (5 levels)",
			"unknown model %q%s", c.Model, suggest.DidYouMean(string(c.Model), []string{string(ModelKORTO), string(ModelKotler)}))
	}
	switch c.Knockout {
	case "", KnockoutLevel, KnockoutAudit:
	default:
		v.errorf(c.Pos, subject, diag.CodeBadKnockout, "knockout is level (a failed critical question fails its level, the default) or audit (it also zeroes the score)",
			"unknown knockout %q%s", c.Knockout, suggest.DidYouMean(string(c.Knockout), []string{string(KnockoutLevel), string(KnockoutAudit)}))
	}
	if len(c.Levels) == 0 {
		v.errorf(c.Pos, valSubject{}, diag.CodeNoLevels, `add at least one level: level 1 "Title" { question ... }`, "checklist %q has no levels", c.ID)
	}
}

// bands checks the score bands: thresholds from 0% to 100%, each above
// the one before, no threshold or name twice.
func (v *validator) bands() {
	c := v.c
	if c.Bands == nil {
		return
	}
	if len(c.Bands) == 0 {
		v.errorf(c.Pos, valSubject{what: "checklist", id: c.ID}, diag.CodeBadBand, `name at least one band, e.g. bands { 80% "very good" }, or remove the block`, "the list of bands is empty")
		return
	}
	const hint = `bands go up from the lowest: bands { 60% "average"  80% "very good"  90% "excellent" }`
	names := make(map[string]Pos, len(c.Bands))
	froms := make(map[float64]Pos, len(c.Bands))
	top := math.Inf(-1) // the highest valid threshold so far
	for i, b := range c.Bands {
		if b == nil {
			v.errorf(c.Pos, valSubject{}, diag.CodeBadItem, "remove the nil entry from Bands", "checklist holds a nil band")
			continue
		}
		subject := valSubject{what: "band", id: strconv.Itoa(i + 1), raw: true}
		at := valAt(b.FromPos, b.Pos)
		if strings.TrimSpace(b.Name.Text) == "" {
			v.errorf(b.Pos, subject, diag.CodeBadBand, `give the band a name, e.g. 80% "очень хороший" @en "very good"`, "band %s has no name", FormatPercent(b.From))
		} else if first, dup := names[b.Name.Text]; dup {
			v.errorf(b.Pos, subject, diag.CodeDuplicateBand, "each band names another grade; rename or remove one",
				"band %q is named twice%s", b.Name.Text, valFirstAt(first))
		} else {
			names[b.Name.Text] = b.Pos
		}
		switch first, dup := froms[b.From]; {
		case !(b.From >= 0 && b.From <= 1): // NaN fails both
			pct := "from 0% to 100%"
			if !b.FromPos.IsValid() && b.From > 1 && b.From <= 100 {
				pct += fmt.Sprintf(" (in Go or JSON, a share: %s for %s%%)", FormatNumber(b.From/100), FormatNumber(b.From))
			}
			v.errorf(at, subject, diag.CodeBadBand, "a band starts at a share of the score "+pct, "band threshold %s is outside 0%%..100%%", FormatPercent(b.From))
		case dup:
			v.errorf(at, subject, diag.CodeDuplicateBand, "merge the two bands, or move one of the thresholds",
				"band threshold %s is given twice%s", FormatPercent(b.From), valFirstAt(first))
		case b.From < top:
			v.errorf(at, subject, diag.CodeBandOrder, hint,
				"band threshold %s is below the band before it (%s)", FormatPercent(b.From), FormatPercent(top))
			froms[b.From] = b.Pos
		default:
			froms[b.From] = b.Pos
			top = b.From
		}
	}
}

// promise checks the promise of question q, the i-th in file order: it
// names an earlier yes/no question, q is yes/no and optional (its answer
// comes later), the due is 1 to MaxPromiseDays days, and no other
// question is the outcome of the same promise (outcomes, by promise ID).
func (v *validator) promise(q *Question, i int, outcomes map[string]*Question) {
	pr := q.Promise
	subject := valSubject{what: "question", id: q.ID}
	at := valAt(pr.Pos, q.Pos)
	const hint = "promise names the yes/no question above this one that records the promise, as in promise offered_callback due 7d"
	j, ok := v.qindex[pr.Of]
	switch {
	case !ok:
		earlier := make([]string, 0, i)
		for _, p := range v.qs[:i] {
			earlier = append(earlier, p.ID)
		}
		v.errorf(at, subject, diag.CodePromiseRef, hint, "unknown question %q in promise%s", pr.Of, suggest.DidYouMean(pr.Of, earlier))
	case j >= i || v.qs[j] == q:
		v.errorf(at, subject, diag.CodePromiseRef, hint, "promise refers to %q, which is not declared above this question", pr.Of)
	case v.qs[j].Kind.EffectiveType() != KindYesNo || v.qs[j].Kind.Ref != "":
		v.errorf(at, subject, diag.CodePromiseKind, `the promise is made when that question is answered "yes"; make it a yes/no question`,
			"promise %q is not a yes/no question", pr.Of)
	default:
		if o := outcomes[pr.Of]; o != nil {
			v.errorf(at, subject, diag.CodeDuplicatePromise, "one question records whether a promise was kept; remove one of the two",
				"promise %q already has its outcome, question %q", pr.Of, o.ID)
		} else {
			outcomes[pr.Of] = q
		}
	}
	if q.Kind.EffectiveType() != KindYesNo || q.Kind.Ref != "" {
		v.errorf(valAt(q.Kind.Pos, q.Pos), subject, diag.CodePromiseKind, `the outcome of a promise is yes (kept) or no (broken)`,
			"the outcome of a promise must be a yes/no question, not %s", q.Kind)
	}
	if !q.Optional {
		v.errorf(at, subject, diag.CodePromiseOptional, "add optional: the outcome is answered later, in a follow-up sheet for the same audit",
			"the outcome of a promise must be optional")
	}
	if pr.DueDays < 1 || pr.DueDays > MaxPromiseDays {
		v.errorf(at, subject, diag.CodeBadPromise, "write the days after the visit the promise is due, like due 7d",
			"promise due %d days is outside 1..%d", pr.DueDays, MaxPromiseDays)
	}
}

// name records a scale or choice name, reporting a duplicate.
func (v *validator) name(pos Pos, what, name string) {
	if !v.ident(pos, what, name) {
		return
	}
	if first, dup := v.names[name]; dup {
		how := "declared twice"
		if first.what != what {
			how = "already declared as a " + first.what
		}
		v.errorf(pos, valSubject{}, diag.CodeDuplicateName, "scales and choices share one set of names; rename one of them",
			"%s %q is %s%s", what, name, how, valFirstAt(first.pos))
		return
	}
	v.names[name] = valDecl{what, pos}
}

// valAt returns the precise position p of a part of a node (its kind,
// its weight) when it is known, and else the node's position.
func valAt(p, node Pos) Pos {
	if p.IsValid() {
		return p
	}
	return node
}

func valFirstAt(p Pos) string {
	if p.IsValid() {
		return fmt.Sprintf("; first declared at line %d", p.Line)
	}
	return ""
}

func (v *validator) declarations() {
	for _, s := range v.c.Scales {
		if s == nil {
			v.errorf(Pos{}, valSubject{}, diag.CodeBadItem, "remove the nil entry from Scales", "checklist holds a nil scale")
			continue
		}
		v.name(s.Pos, "scale", s.Name)
		if _, ok := v.scales[s.Name]; !ok {
			v.scales[s.Name] = s
		}
		v.bounds(s.Pos, valSubject{what: "scale", id: s.Name}, "scale", s.Lo, s.Hi)
	}
	for _, ch := range v.c.Choices {
		if ch == nil {
			v.errorf(Pos{}, valSubject{}, diag.CodeBadItem, "remove the nil entry from Choices", "checklist holds a nil choice")
			continue
		}
		v.name(ch.Pos, "choice", ch.Name)
		if _, ok := v.choices[ch.Name]; !ok {
			v.choices[ch.Name] = ch
		}
		v.options(ch)
	}
}

func (v *validator) options(ch *Choice) {
	subject := valSubject{what: "choice", id: ch.Name}
	if len(ch.Options) == 0 {
		v.errorf(ch.Pos, valSubject{}, diag.CodeEmptyChoice, `list the options inside the braces: id "Label" = value`, "choice %q has no options", ch.Name)
		return
	}
	seen := make(map[string]Pos, len(ch.Options))
	for _, o := range ch.Options {
		if o == nil {
			v.errorf(ch.Pos, valSubject{}, diag.CodeBadItem, "remove the nil option", "choice %q holds a nil option", ch.Name)
			continue
		}
		if v.ident(o.Pos, "option of choice "+strconv.Quote(ch.Name), o.ID) {
			if first, dup := seen[o.ID]; dup {
				hint := fmt.Sprintf("option IDs are unique within their choice, and %s is taken; rename one of the two %s options, or remove one", o.ID, o.ID)
				if first.IsValid() && o.Pos.IsValid() {
					hint = fmt.Sprintf("%s is already the option at line %d; rename this one, or remove it", o.ID, first.Line)
				}
				v.errorf(o.Pos, valSubject{}, diag.CodeDuplicateOption, hint,
					"duplicate option %q in choice %q%s", o.ID, ch.Name, valFirstAt(first))
			} else {
				seen[o.ID] = o.Pos
			}
		}
		if !(o.Value >= 0 && o.Value <= 1) { // NaN fails both
			v.errorf(o.Pos, subject, diag.CodeBadChoiceValue, "an option is worth a share of the question: 0 (worst) up to 1 (best), e.g. 0.5",
				"value %s of option %q must be from 0 to 1", FormatNumber(o.Value), o.ID)
		}
	}
}

// bounds checks the bounds of a declared or inline scale (ces, csat).
func (v *validator) bounds(pos Pos, subject valSubject, what string, lo, hi float64) bool {
	switch {
	case !valFinite(lo) || !valFinite(hi):
		v.errorf(pos, subject, diag.CodeBadScale, "scale bounds are finite numbers, e.g. 1..5",
			"%s %s..%s has a bound that is not a finite number", what, FormatNumber(lo), FormatNumber(hi))
	case lo >= hi:
		v.errorf(pos, subject, diag.CodeBadScale, "write the lower bound first: lo..hi with lo < hi, e.g. 1..5",
			"%s %s..%s is empty: the lower bound must be less than the upper", what, FormatNumber(lo), FormatNumber(hi))
	case (lo != math.Trunc(lo) || hi != math.Trunc(hi)) && what != "scale":
		// CES and CSAT are survey metrics on whole-point scales (top two
		// boxes, the share at the easy end): a fractional bound has no
		// meaning there, and the metrics refuse it.
		v.errorf(pos, subject, diag.CodeFractionalScale, "answers are whole numbers lo..hi; write whole bounds, e.g. 1..5",
			"%s %s..%s has a fractional bound", what, FormatNumber(lo), FormatNumber(hi))
	case lo != math.Trunc(lo) || hi != math.Trunc(hi):
		// Answers are whole numbers in range, so 1.5..4.5 takes only 2, 3
		// and 4, scored as shares of 3: never what the author meant, but
		// still a score.
		v.warnf(pos, subject, diag.CodeFractionalScale, "answers are whole numbers lo..hi; write whole bounds, e.g. 1..5",
			"%s %s..%s has a fractional bound", what, FormatNumber(lo), FormatNumber(hi))
		return true
	default:
		return true
	}
	return false
}

// surveyPoints checks that a ces or csat scale with valid bounds has no
// more points than the survey metrics count (metrics.MaxScalePoints),
// so that a checklist that passes validation can be aggregated.
func (v *validator) surveyPoints(pos Pos, subject valSubject, k Kind) bool {
	if k.Hi-k.Lo+1 <= metrics.MaxScalePoints {
		return true
	}
	v.errorf(pos, subject, diag.CodeBadScale,
		fmt.Sprintf("%s scales have at most %d points (1..5, 1..7, 1..10, 0..100); check the bounds for a typo", k.Type, metrics.MaxScalePoints),
		"%s %s..%s has %s points, more than the survey metrics take", k.Type, FormatNumber(k.Lo), FormatNumber(k.Hi), FormatNumber(k.Hi-k.Lo+1))
	return false
}

func (v *validator) weight(pos Pos, subject valSubject, w *float64) {
	if w == nil || *w >= 0 && !math.IsInf(*w, 1) {
		return
	}
	// Only Go and JSON can give NaN or an infinity; the language cannot.
	must := "must be 0 or more"
	if !valFinite(*w) {
		must = "must be a finite number, 0 or more"
	}
	v.errorf(pos, subject, diag.CodeBadWeight, "a weight is a number, 0 or more, e.g. weight 2",
		"weight %s %s", FormatNumber(*w), must)
}

func (v *validator) levels() {
	max := v.c.EffectiveModel().MaxLevel()
	seen := make(map[int]Pos, len(v.c.Levels))
	for _, l := range v.c.Levels {
		if l == nil {
			v.errorf(Pos{}, valSubject{}, diag.CodeBadItem, "remove the nil entry from Levels", "checklist holds a nil level")
			continue
		}
		subject := valSubject{what: "level", id: strconv.Itoa(l.Number), raw: true}
		if max > 0 && (l.Number < 1 || l.Number > max) {
			hint := fmt.Sprintf("model %s numbers its levels 1..%d", v.c.EffectiveModel(), max)
			if v.c.EffectiveModel() == ModelKORTO && l.Number == 5 {
				hint += "; for five levels write model kotler"
			}
			v.errorf(l.Pos, valSubject{}, diag.CodeLevelRange, hint, "level %d is outside 1..%d of model %s", l.Number, max, v.c.EffectiveModel())
		}
		if first, dup := seen[l.Number]; dup {
			v.errorf(l.Pos, valSubject{}, diag.CodeLevelTwice, "merge the two levels, or renumber one of them",
				"level %d is declared twice%s", l.Number, valFirstAt(first))
		} else {
			seen[l.Number] = l.Pos
		}
		if l.Pass != nil && !(*l.Pass > 0 && *l.Pass <= 1) {
			hint := "a pass mark is a percentage above 0% and up to 100%, e.g. pass 80%"
			if !l.Pos.IsValid() && *l.Pass > 1 && *l.Pass <= 100 {
				// Built in Go or JSON, where 85 is a likely slip for 0.85;
				// the language writes percentages and cannot make it.
				hint += fmt.Sprintf(" (in Go, a share: %s for %s%%)", FormatNumber(*l.Pass/100), FormatNumber(*l.Pass))
			}
			v.errorf(valAt(l.PassPos, l.Pos), subject, diag.CodeBadPass, hint, "pass mark %s must be above 0%% and at most 100%%", FormatPercent(*l.Pass))
		}
		v.weight(valAt(l.WeightPos, l.Pos), subject, l.Weight)
		if v.items(l.Items, subject, false) == 0 {
			v.warnf(l.Pos, valSubject{}, diag.CodeEmptyLevel, "add a scored question, or remove the level: it never gets a score",
				"level %d has no scored question", l.Number)
		}
	}
}

// items checks the items of a level or section and returns how many
// scored questions they hold.
func (v *validator) items(items []Item, parent valSubject, survey bool) int {
	scored := 0
	for _, it := range items {
		switch {
		case it.Section != nil && it.Question != nil:
			v.errorf(it.Section.Pos, parent, diag.CodeBadItem, "an Item sets either Section or Question",
				"item holds both section %q and question %q", it.Section.ID, it.Question.ID)
		case it.Section != nil:
			scored += v.section(it.Section)
		case it.Question != nil:
			if v.question(it.Question, survey) {
				scored++
			}
		default:
			v.errorf(Pos{}, parent, diag.CodeBadItem, "an Item sets either Section or Question", "item holds neither a section nor a question")
		}
	}
	return scored
}

func (v *validator) section(s *Section) int {
	subject := valSubject{what: "section", id: s.ID}
	v.declare(s.Pos, "section", s.ID)
	v.weight(valAt(s.WeightPos, s.Pos), subject, s.Weight)
	n := v.items(s.Items, subject, false)
	if n == 0 {
		v.warnf(s.Pos, valSubject{}, diag.CodeEmptySection, "add a scored question, or remove the section: it never gets a score",
			"section %q has no scored question", s.ID)
	}
	return n
}

// declare records a question or section ID, reporting a duplicate.
func (v *validator) declare(pos Pos, what, id string) bool {
	if !v.ident(pos, what, id) {
		return false
	}
	if first, dup := v.decls[id]; dup {
		msg := fmt.Sprintf("duplicate %s ID %q", what, id)
		if first.what != what {
			msg = fmt.Sprintf("duplicate ID %q: a %s already has it", id, first.what)
		}
		v.errorf(pos, valSubject{}, diag.CodeDuplicateID, "IDs of questions and sections are unique in the whole checklist; rename one",
			"%s%s", msg, valFirstAt(first.pos))
		return false
	}
	v.decls[id] = valDecl{what, pos}
	return true
}

var valKindNames = []string{
	string(KindYesNo), string(KindScale), string(KindChoice), string(KindMeasure),
	string(KindNPS), string(KindEmotion), string(KindCES), string(KindCSAT), string(KindCSI), string(KindText),
}

// question checks one question and reports whether it counts as scored.
func (v *validator) question(q *Question, survey bool) bool {
	subject := valSubject{what: "question", id: q.ID}
	if v.declare(q.Pos, "question", q.ID) {
		v.qindex[q.ID] = len(v.qs)
	}
	v.qs = append(v.qs, q)
	v.kind(q, subject)
	for _, tag := range q.Tags {
		if !isValIdent(tag) {
			v.errorf(q.Pos, subject, diag.CodeBadID, identHint, "tag %q is not an identifier", tag)
		}
	}
	t := q.Kind.EffectiveType()
	switch {
	case survey && t == KindCSI:
		v.csiQuestion(q, subject)
		return false
	case survey:
		if q.Weight != nil {
			v.errorf(valAt(q.WeightPos, q.Pos), valSubject{}, diag.CodeSurveyWeight, "remove weight: survey answers feed the metrics, never the score",
				"survey question %q takes no weight", q.ID)
		}
		if q.Critical {
			v.errorf(q.Pos, valSubject{}, diag.CodeSurveyCritical, "remove critical, or move the question into a level",
				"survey question %q cannot be critical", q.ID)
		}
		return false
	case t.SurveyOnly():
		v.errorf(valAt(q.Kind.Pos, q.Pos), valSubject{}, diag.CodeSurveyOnlyKind, fmt.Sprintf("move it into the survey { ... } block: %s answers feed the metrics, not the score", t),
			"%s question %q belongs in the survey", t, q.ID)
		return false
	}
	v.weight(valAt(q.WeightPos, q.Pos), subject, q.Weight)
	if q.Unscored {
		if q.Critical {
			v.errorf(q.Pos, valSubject{}, diag.CodeUnscoredCritical, "remove critical, or remove unscored so the question is scored",
				"unscored question %q cannot be critical", q.ID)
		}
		if q.Weight != nil {
			v.warnf(valAt(q.WeightPos, q.Pos), valSubject{}, diag.CodeUnscoredWeight, "remove weight, or remove unscored so the question is scored",
				"weight of unscored question %q is ignored", q.ID)
		}
		return false
	}
	return true
}

func (v *validator) kind(q *Question, subject valSubject) {
	k := q.Kind
	kpos := valAt(k.Pos, q.Pos)
	v.good(q, kpos, subject)
	switch k.Type {
	case "", KindScale, KindChoice:
		if k.Ref != "" {
			v.ref(q, subject)
			return
		}
	}
	switch k.Type {
	case "", KindYesNo, KindNPS, KindEmotion, KindText:
	case KindScale:
		v.bounds(kpos, subject, string(k.Type), k.Lo, k.Hi)
	case KindCSAT, KindCSI:
		if v.bounds(kpos, subject, string(k.Type), k.Lo, k.Hi) {
			v.surveyPoints(kpos, subject, k)
		}
	case KindCES:
		if !v.bounds(kpos, subject, string(k.Type), k.Lo, k.Hi) || !v.surveyPoints(kpos, subject, k) {
			break
		}
		if k.Good == "" && !valCESPreset(k.Lo, k.Hi) {
			// Aggregation falls back on CESScale's guess; the author
			// should not have to know it.
			v.warnf(kpos, subject, diag.CodeCESDirection,
				fmt.Sprintf("write ces %[1]s..%[2]s high if a higher answer means less effort, or ces %[1]s..%[2]s low if the question rates the effort itself",
					FormatNumber(k.Lo), FormatNumber(k.Hi)),
				"ces %s..%s does not say which end is good; it is taken as high (higher is easier)", FormatNumber(k.Lo), FormatNumber(k.Hi))
		}
	case KindChoice:
		v.errorf(kpos, valSubject{}, diag.CodeBadKind, "declare the choice with choice NAME { ... } and name it after the question text",
			"choice question %q names no choice", q.ID)
	case KindMeasure:
		switch k.Op {
		case OpLe, OpLt, OpGe, OpGt, OpEq:
		default:
			v.errorf(kpos, subject, diag.CodeBadMeasure, "a target compares with <=, <, >=, > or ==, e.g. target <= 5",
				"measure target has operator %q", k.Op)
		}
		if !valFinite(k.Target) {
			v.errorf(kpos, subject, diag.CodeBadMeasure, "a target is a finite number",
				"measure target %s is not a finite number", FormatNumber(k.Target))
		}
	default:
		v.errorf(kpos, subject, diag.CodeBadKind, "an answer kind is yesno, scale, choice, measure, nps, emotion, ces, csat, csi or text",
			"unknown answer kind %q%s", k.Type, suggest.DidYouMean(string(k.Type), valKindNames))
		return
	}
	if k.Ref != "" {
		v.errorf(kpos, valSubject{}, diag.CodeBadKind, "only scale and choice questions name a declaration",
			"%s question %q cannot refer to %q", valKindLabel(k.EffectiveType()), q.ID, k.Ref)
	}
}

// good checks the good end of a survey scale (Kind.Good).
func (v *validator) good(q *Question, pos Pos, subject valSubject) {
	k := q.Kind
	switch t := k.EffectiveType(); {
	case k.Good == "":
	case t != KindCES && t != KindCSAT:
		v.errorf(pos, subject, diag.CodeBadDirection, "only ces and csat questions say which end of their scale is good",
			"%s question %q cannot say %q is good", valKindLabel(t), q.ID, k.Good)
	case k.Good != "high" && k.Good != "low":
		also := suggest.DidYouMean(k.Good, []string{"high", "low"})
		if also == "" {
			also = "; expected high or low"
		}
		v.errorf(pos, subject, diag.CodeBadDirection, "high: higher answers are better; low: lower answers are better",
			"unknown direction %q%s", k.Good, also)
	}
}

// valCESPreset reports whether a ces scale is one whose good end the
// bounds settle (CESScale): 1..7 (CES 2.0, high) or 1..10 (effort, low).
func valCESPreset(lo, hi float64) bool { return lo == 1 && (hi == 7 || hi == 10) }

// ref resolves the declared scale or choice a question names.
func (v *validator) ref(q *Question, subject valSubject) {
	k := q.Kind
	kpos := valAt(k.Pos, q.Pos)
	s, ch := v.scales[k.Ref], v.choices[k.Ref]
	switch {
	case k.Type == KindScale && s != nil, k.Type == KindChoice && ch != nil:
		return
	case k.Type == KindScale && ch != nil:
		v.errorf(kpos, subject, diag.CodeBadKind, "set the kind's type to choice", "%q is a choice, not a scale", k.Ref)
		return
	case k.Type == KindChoice && s != nil:
		v.errorf(kpos, subject, diag.CodeBadKind, "set the kind's type to scale", "%q is a scale, not a choice", k.Ref)
		return
	case k.Type == "" && (s != nil || ch != nil):
		v.errorf(kpos, subject, diag.CodeBadKind, "set the kind's type to scale or choice to match the declaration",
			"kind refers to %q but has no type", k.Ref)
		return
	}
	// Unknown: suggest among what the question could have meant. A
	// parser cannot tell a scale from a choice by a name nobody declared
	// and leaves the type empty (package dsl does); then scales, choices
	// and the kind keywords all compete, and the message names the sort
	// of the nearest. A scale also looks among the choices, in case the
	// author of a Go or JSON checklist mixed the two up.
	var all []string
	if k.Type != KindChoice {
		all = append(all, slices.Sorted(maps.Keys(v.scales))...)
	}
	all = append(all, slices.Sorted(maps.Keys(v.choices))...)
	if k.Type == "" {
		all = append(all, valKindNames...)
	}
	near := suggest.Nearest(k.Ref, all)
	what := string(k.Type)
	switch {
	case near != "" && v.scales[near] != nil:
		what = "scale"
	case near != "" && v.choices[near] != nil:
		what = "choice"
	case near != "":
		what = "kind"
	case what == "":
		what = "scale or choice"
	}
	hint := "declare it first, e.g. scale stars 1..5 or choice NAME { ... }"
	if near != "" {
		hint = fmt.Sprintf("write %s, or declare %q", near, k.Ref)
	}
	code := diag.CodeUnknownScale
	switch what {
	case "choice":
		code = diag.CodeUnknownChoice
	case "kind":
		code = diag.CodeUnknownKind
	}
	did := ""
	if near != "" {
		did = fmt.Sprintf("; did you mean %q?", near)
	}
	v.errorf(kpos, subject, code, hint, "unknown %s %q%s", what, k.Ref, did)
}

func (v *validator) survey() {
	s := v.c.Survey
	if s == nil {
		return
	}
	for _, q := range s.Questions {
		if q == nil {
			v.errorf(s.Pos, valSubject{what: "survey"}, diag.CodeBadItem, "remove the nil entry from the survey", "survey holds a nil question")
			continue
		}
		v.question(q, true)
	}
	v.csiIndex(s)
}

// Answers a condition may compare with, besides a choice's options.
var (
	valYesNo = []string{"yes", "no"}
)

// when checks a condition of question q, the i-th question in file order.
func (v *validator) when(e *Expr, q *Question, i int) {
	subject := valSubject{what: "question", id: q.ID}
	pos := e.Pos
	if !pos.IsValid() {
		pos = q.Pos
	}
	bad := func(format string, args ...any) {
		v.errorf(pos, subject, diag.CodeBadWhen, "conditions are built from and, or, not, ID, ID == option, ID >= number and ID in (a, b)",
			"malformed condition: "+format, args...)
	}
	switch e.Op {
	case ExprAnd, ExprOr:
		if len(e.Args) == 0 {
			bad("%q has no operands", e.Op)
		}
	case ExprNot:
		if len(e.Args) != 1 {
			bad("not takes one operand, got %d", len(e.Args))
		}
	case ExprYes:
		if t := v.whenRef(e, q, i, pos, subject); t != nil && t.Kind.EffectiveType() != KindYesNo {
			v.whenKind(pos, subject, t, "a bare ID tests a yes/no question")
		}
	case ExprCmp:
		switch {
		case e.Number != nil && len(e.Options) == 0:
			v.whenNumber(e, q, i, pos, subject, bad)
		case e.Number == nil && len(e.Options) == 1:
			if e.Cmp != OpEq && e.Cmp != OpNe {
				bad("%q compares numbers; an answer is tested with == or !=", e.Cmp)
				return
			}
			v.whenOptions(e, q, i, pos, subject)
		default:
			bad("a comparison takes one number or one option")
		}
	case ExprIn:
		if len(e.Options) == 0 || e.Number != nil {
			bad("in takes a list of one or more options")
			return
		}
		v.whenOptions(e, q, i, pos, subject)
	default:
		bad("unknown operator %q", e.Op)
		return
	}
	for _, a := range e.Args {
		if a == nil {
			bad("%s has a nil operand", e.Op)
			continue
		}
		v.when(a, q, i)
	}
}

// whenRef resolves the question a condition node reads. It returns nil
// (after reporting) when the reference is unusable.
func (v *validator) whenRef(e *Expr, q *Question, i int, pos Pos, subject valSubject) *Question {
	id := e.Question
	j, ok := v.qindex[id]
	switch {
	case id == "":
		v.errorf(pos, subject, diag.CodeBadWhen, "name the question the condition tests", "malformed condition: %s names no question", e.Op)
		return nil
	case !ok:
		if d, isSec := v.decls[id]; isSec && d.what == "section" {
			v.errorf(pos, subject, diag.CodeWhenKind, "a condition tests the answer to a question declared above this one",
				"%q is a section; when can only test a question", id)
			return nil
		}
		earlier := make([]string, 0, i)
		for _, p := range v.qs[:i] {
			earlier = append(earlier, p.ID)
		}
		near := suggest.Nearest(id, earlier)
		hint := "a condition tests the answer to a question declared above this one"
		did := ""
		if near != "" {
			hint = "write " + near + ", or declare the question above this one"
			did = fmt.Sprintf("; did you mean %q?", near)
		}
		v.errorf(pos, subject, diag.CodeWhenUnknown, hint, "unknown question %q in when%s", id, did)
		return nil
	case j == i || v.qs[j] == q:
		v.errorf(pos, valSubject{}, diag.CodeWhenForward, "a condition tests questions declared above this one; remove the self-reference",
			"question %q refers to itself in when", id)
		return nil
	case j > i:
		at := ""
		if p := v.qs[j].Pos; p.IsValid() {
			at = fmt.Sprintf(" (line %d)", p.Line)
		}
		v.errorf(pos, subject, diag.CodeWhenForward, fmt.Sprintf("move question %q above %q, or test a question declared earlier", id, q.ID),
			"when refers to %q, which is declared later%s", id, at)
		return nil
	}
	t := v.qs[j]
	if k := t.Kind; k.Ref != "" && v.scales[k.Ref] == nil && v.choices[k.Ref] == nil {
		// Its kind names nothing declared (reported on the question
		// itself), so there is nothing to check the condition against;
		// taking it for a yes/no question would only add errors.
		return nil
	}
	if t.Kind.EffectiveType() == KindText {
		v.errorf(pos, subject, diag.CodeWhenKind, "test a yes/no, choice, scale, measure, nps, emotion, ces or csat question instead",
			"text question %q cannot be tested in when", id)
		return nil
	}
	return t
}

// whenKind reports a condition that does not fit the kind of t, with a
// hint showing the form that does.
func (v *validator) whenKind(pos Pos, subject valSubject, t *Question, what string) {
	var hint string
	switch typ := t.Kind.EffectiveType(); typ {
	case KindYesNo:
		hint = fmt.Sprintf("test it as %s for yes, or %s == no", t.ID, t.ID)
	case KindChoice:
		hint = fmt.Sprintf("compare it with an option: %s == OPTION, or %s in (A, B)", t.ID, t.ID)
	case KindEmotion:
		hint = fmt.Sprintf("compare it with an emotion: %s == positive, neutral or negative", t.ID)
	default:
		hint = fmt.Sprintf("compare it with a number, e.g. %s >= 4", t.ID)
	}
	v.errorf(pos, subject, diag.CodeWhenKind, hint, "%s; %q is %s question", what, t.ID, valKindArticle(t.Kind.EffectiveType()))
}

// valKindArticle is the kind's label with its article: "an emotion".
func valKindArticle(t KindType) string {
	switch t {
	case KindEmotion, KindNPS: // NPS is read out letter by letter: "an en-pee-ess"
		return "an " + valKindLabel(t)
	}
	return "a " + valKindLabel(t)
}

func valKindLabel(t KindType) string {
	if t == KindYesNo {
		return "yes/no"
	}
	return string(t)
}

// whenOptions checks `x == opt`, `x != opt` and `x in (a, b)`.
func (v *validator) whenOptions(e *Expr, q *Question, i int, pos Pos, subject valSubject) {
	t := v.whenRef(e, q, i, pos, subject)
	if t == nil {
		return
	}
	var known []string
	var of string
	switch t.Kind.EffectiveType() {
	case KindYesNo:
		known, of = valYesNo, "yes/no question "+strconv.Quote(t.ID)
	case KindEmotion:
		known, of = emotions[:], "emotion question "+strconv.Quote(t.ID)
	case KindChoice:
		ch := v.choices[t.Kind.Ref]
		if ch == nil {
			return // reported on the question itself
		}
		for _, o := range ch.Options {
			// A repeated option (reported where the choice is declared)
			// is listed once.
			if o != nil && !slices.Contains(known, o.ID) {
				known = append(known, o.ID)
			}
		}
		of = "choice " + strconv.Quote(ch.Name)
	default:
		v.whenKind(pos, subject, t, "an answer is compared with an option")
		return
	}
	for _, opt := range e.Options {
		if slices.Contains(known, opt) {
			continue
		}
		near := suggest.Nearest(opt, known)
		if t.Kind.EffectiveType() == KindYesNo && near == "" {
			// "== да": the answer meant, in the user's language.
			switch strings.ToLower(opt) {
			case "да", "д", "true", "есть":
				near = "yes"
			case "нет", "н", "false":
				near = "no"
			}
		}
		did, hint := "", fmt.Sprintf("use one of: %s", strings.Join(known, ", "))
		if near != "" {
			did = fmt.Sprintf("; did you mean %q?", near)
		}
		v.errorf(pos, subject, diag.CodeUnknownOption, hint, "%s has no option %q%s", of, opt, did)
	}
}

// whenNumber checks `x OP number` and warns when it cannot vary.
func (v *validator) whenNumber(e *Expr, q *Question, i int, pos Pos, subject valSubject, bad func(string, ...any)) {
	switch e.Cmp {
	case OpEq, OpNe, OpLt, OpLe, OpGt, OpGe:
	default:
		bad("unknown comparison %q", e.Cmp)
		return
	}
	n := *e.Number
	if !valFinite(n) {
		bad("%s is not a finite number", FormatNumber(n))
		return
	}
	t := v.whenRef(e, q, i, pos, subject)
	if t == nil {
		return
	}
	lo, hi, ok := v.c.Points(t.Kind)
	switch {
	case t.Kind.EffectiveType() == KindMeasure:
		return // any number may be measured
	case t.Kind.EffectiveType() == KindScale && !ok:
		return // an unknown scale, reported where the question names it
	case !ok:
		v.whenKind(pos, subject, t, "a number is compared with a scale, measure, nps, ces or csat answer")
		return
	}
	if !(valFinite(lo) && valFinite(hi) && lo < hi) {
		return // reported where the scale is declared
	}
	var never, always bool
	switch e.Cmp {
	case OpEq:
		never = n < lo || n > hi || n != math.Trunc(n)
	case OpNe:
		always = n < lo || n > hi || n != math.Trunc(n)
	case OpLt:
		never, always = n <= lo, n > hi
	case OpLe:
		never, always = n < lo, n >= hi
	case OpGt:
		never, always = n >= hi, n < lo
	case OpGe:
		never, always = n > hi, n <= lo
	}
	if never || always {
		holds := "never"
		if always {
			holds = "always"
		}
		v.warnf(pos, subject, diag.CodeWhenRange, fmt.Sprintf("answers to %q are whole numbers %s..%s; compare with one of them", t.ID, FormatNumber(lo), FormatNumber(hi)),
			"condition \"%s %s %s\" %s holds: %q is answered %s..%s", t.ID, e.Cmp, FormatNumber(n), holds, t.ID, FormatNumber(lo), FormatNumber(hi))
	}
}

func valFinite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }
