package korto

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// Change is one difference between two versions of a checklist.
//
// Incomparable marks a change after which a score under the new version
// does not mean what it meant under the old one, so trends across the
// two must not be drawn: a weight, pass mark, scale or option value, a
// question that enters or leaves the score or changes its place in the
// roll-up, its kind, `critical`, `na`, `unscored` or `when`, a level
// added or removed, the model or the knockout rule. Changes of wording,
// hints, tags, translations and the version string are comparable.
// Survey questions never count toward a score, but a changed kind or
// scale, or a ces or csat scale whose good end turns, still breaks their
// metric's trend and is marked too.
type Change struct {
	// Kind is a stable code, e.g. "question-weight"; see [Diff].
	Kind string `json:"kind"`
	// ID names what changed: a question, section, scale or choice ID,
	// "choice.option" for an option, the number of a level, or "" for
	// the checklist itself.
	ID string `json:"id,omitempty"`
	// Old and New hold the value before and after, as the language
	// writes it; "" means there was none, as Old of anything added.
	// For a section or question that was added, removed or moved they
	// hold its place ("level 2", "level 2, section nav" or "survey"),
	// and for a renamed question its old and new ID.
	Old string `json:"old,omitempty"`
	New string `json:"new,omitempty"`
	// Incomparable marks a change that breaks trends; see the type's
	// documentation for which ones do.
	Incomparable bool `json:"incomparable"`
	// Message says what changed in one line, for people.
	Message string `json:"message"`
	// Note, when not "", says what the change asks of people beyond the
	// checklist, as a renamed question does of answer sheets.
	Note string `json:"note,omitempty"`
	// Pos is where the change is in the new version, or in the old one
	// for something removed.
	Pos Pos `json:"-"`
}

// Diff lists what changed from one version of a checklist to another, in
// a fixed order: the checklist's settings, scales, choices, levels,
// sections, then questions, each group in file order of the new version
// with removed things after. Questions, sections, scales and choices are
// matched by ID and levels by number; a question whose ID changed while
// its text stayed is reported as renamed, not as removed and added.
//
// Change kinds: checklist-id, version, title, description, lang, model,
// knockout, bands (the score bands: comparable, since the score does not
// change, though the counts per band do); scale-added, scale-removed, scale-bounds; choice-added,
// choice-removed, option-added, option-removed, option-value,
// option-label, option-fail; level-added, level-removed, level-title,
// level-pass, level-weight; section-added, section-removed,
// section-moved, section-title, section-weight; question-added,
// question-removed, question-renamed, question-moved, question-text,
// question-kind, question-weight, question-critical, question-na,
// question-optional, question-unscored, question-when, question-hint,
// question-tags.
//
// A renamed question keeps scores comparable but carries a Note: answer
// sheets must use its new ID. [DiffWarnings] says what concerns the two
// versions as a whole.
//
// Diff expects valid checklists; on invalid ones it still reports what
// it can and never panics.
func Diff(from, to *Checklist) []Change {
	d := &differ{from: from, to: to}
	if from == nil {
		from = &Checklist{}
		d.from = from
	}
	if to == nil {
		to = &Checklist{}
		d.to = to
	}
	d.meta()
	d.scales()
	d.choices()
	d.levels()
	a, b := indexForDiff(from), indexForDiff(to)
	d.sections(a, b)
	d.questions(a, b)
	if d.out == nil {
		d.out = []Change{}
	}
	return d.out
}

// DiffWarning is advice about two checklists compared as a whole, beyond
// any one change.
type DiffWarning struct {
	// Kind is a stable code: "different-checklists" when the two have
	// different IDs, "version-kept" when changes make scores
	// incomparable but the version string stayed the same.
	Kind string `json:"kind"`
	// Message says it in one line, for people.
	Message string `json:"message"`
}

// DiffWarnings returns what someone comparing from and to should be told
// beyond the changes Diff found between them (changes): that the two are
// different checklists, not two editions of one, or that an edition
// whose scores cannot be compared with the last one's kept its version,
// so answer sheets and reports cannot tell the two apart. It returns
// nil when there is nothing to say.
func DiffWarnings(from, to *Checklist, changes []Change) []DiffWarning {
	if from == nil || to == nil {
		return nil
	}
	if from.ID != to.ID {
		return []DiffWarning{{Kind: "different-checklists",
			Message: fmt.Sprintf("these are different checklists (%s, %s): diff compares two editions of one checklist", from.ID, to.ID)}}
	}
	if Comparable(changes) || from.Version != to.Version {
		return nil
	}
	msg := fmt.Sprintf("the version is still %s: give the new edition a new version so sheets and reports can tell them apart", strconv.Quote(to.Version))
	if to.Version == "" {
		msg = `neither edition has a version: give the new one a version (version "2026.2") so sheets and reports can tell them apart`
	}
	return []DiffWarning{{Kind: "version-kept", Message: msg}}
}

// Comparable reports whether scores under the two versions that changes
// describe can be compared: no change is marked Incomparable.
func Comparable(changes []Change) bool {
	for _, c := range changes {
		if c.Incomparable {
			return false
		}
	}
	return true
}

type differ struct {
	from, to *Checklist
	out      []Change
}

func (d *differ) add(c Change) { d.out = append(d.out, c) }

// change records a value that differs; it does nothing when old == new.
func (d *differ) change(kind, id string, subject valSubject, what, old, new string, incomparable bool, pos Pos) {
	if old == new {
		return
	}
	var msg string
	switch {
	case what == "place":
		msg = fmt.Sprintf("moved from %s to %s", old, new)
	case old == "":
		msg = fmt.Sprintf("%s set to %s", what, new)
	case new == "":
		msg = fmt.Sprintf("%s %s removed", what, old)
	default:
		msg = fmt.Sprintf("%s %s -> %s", what, old, new)
	}
	if subject.what != "" {
		msg = subject.String() + ": " + msg
	}
	d.add(Change{Kind: kind, ID: id, Old: old, New: new, Incomparable: incomparable, Message: msg, Pos: pos})
}

func (d *differ) meta() {
	a, b := d.from, d.to
	d.change("checklist-id", "", diffSubject("checklist", ""), "ID", a.ID, b.ID, false, b.Pos)
	d.change("version", "", diffSubject("checklist", ""), "version", diffQuote(a.Version), diffQuote(b.Version), false, b.Pos)
	d.change("title", "", diffSubject("checklist", ""), "title", diffText(a.Title), diffText(b.Title), false, b.Pos)
	d.change("description", "", diffSubject("checklist", ""), "description", diffText(a.Description), diffText(b.Description), false, b.Pos)
	d.change("lang", "", diffSubject("checklist", ""), "lang", a.Lang, b.Lang, false, b.Pos)
	d.change("model", "", diffSubject("checklist", ""), "model", string(a.EffectiveModel()), string(b.EffectiveModel()), true, b.Pos)
	d.change("knockout", "", diffSubject("checklist", ""), "knockout", string(a.EffectiveKnockout()), string(b.EffectiveKnockout()), true, b.Pos)
	d.change("bands", "", diffSubject("checklist", ""), "bands", diffBands(a.Bands), diffBands(b.Bands), false, b.Pos)
}

// diffBands writes the score bands as the language does, in one line.
func diffBands(bands []*Band) string {
	if len(bands) == 0 {
		return ""
	}
	parts := make([]string, 0, len(bands))
	for _, b := range bands {
		if b != nil {
			parts = append(parts, FormatNumber(100*b.From)+"% "+diffText(b.Name))
		}
	}
	return "{ " + strings.Join(parts, "  ") + " }"
}

func (d *differ) scales() {
	old := make(map[string]*Scale)
	for _, s := range d.from.Scales {
		if s == nil {
			continue
		}
		if _, dup := old[s.Name]; !dup {
			old[s.Name] = s
		}
	}
	seen := make(map[string]bool)
	for _, s := range d.to.Scales {
		if s == nil || seen[s.Name] {
			continue
		}
		seen[s.Name] = true
		subject := diffSubject("scale", s.Name)
		o := old[s.Name]
		if o == nil {
			d.add(Change{Kind: "scale-added", ID: s.Name, New: diffRange(s.Lo, s.Hi), Message: "scale " + s.Name + " added", Pos: s.Pos})
			continue
		}
		d.change("scale-bounds", s.Name, subject, "bounds", diffRange(o.Lo, o.Hi), diffRange(s.Lo, s.Hi), true, s.Pos)
	}
	for _, s := range d.from.Scales {
		if s != nil && !seen[s.Name] {
			seen[s.Name] = true
			d.add(Change{Kind: "scale-removed", ID: s.Name, Old: diffRange(s.Lo, s.Hi), Message: "scale " + s.Name + " removed", Pos: s.Pos})
		}
	}
}

func (d *differ) choices() {
	old := make(map[string]*Choice)
	for _, ch := range d.from.Choices {
		if ch == nil {
			continue
		}
		if _, dup := old[ch.Name]; !dup {
			old[ch.Name] = ch
		}
	}
	seen := make(map[string]bool)
	for _, ch := range d.to.Choices {
		if ch == nil || seen[ch.Name] {
			continue
		}
		seen[ch.Name] = true
		o := old[ch.Name]
		if o == nil {
			d.add(Change{Kind: "choice-added", ID: ch.Name, Message: "choice " + ch.Name + " added", Pos: ch.Pos})
			continue
		}
		d.options(o, ch)
	}
	for _, ch := range d.from.Choices {
		if ch != nil && !seen[ch.Name] {
			seen[ch.Name] = true
			d.add(Change{Kind: "choice-removed", ID: ch.Name, Message: "choice " + ch.Name + " removed", Pos: ch.Pos})
		}
	}
}

// options compares the options of a choice. An option added or removed
// changes what auditors pick from, so it breaks comparability like a
// changed value does.
func (d *differ) options(a, b *Choice) {
	old := make(map[string]*Option)
	for _, o := range a.Options {
		if o == nil {
			continue
		}
		if _, dup := old[o.ID]; !dup {
			old[o.ID] = o
		}
	}
	seen := make(map[string]bool)
	for _, o := range b.Options {
		if o == nil || seen[o.ID] {
			continue
		}
		seen[o.ID] = true
		id := b.Name + "." + o.ID
		subject := diffSubject("choice", b.Name+", option "+o.ID)
		p := old[o.ID]
		if p == nil {
			d.add(Change{Kind: "option-added", ID: id, New: FormatNumber(o.Value), Incomparable: true,
				Message: fmt.Sprintf("%s added (= %s)", subject, FormatNumber(o.Value)), Pos: o.Pos})
			continue
		}
		d.change("option-value", id, subject, "value", FormatNumber(p.Value), FormatNumber(o.Value), true, o.Pos)
		d.change("option-label", id, subject, "label", diffText(p.Label), diffText(o.Label), false, o.Pos)
		d.change("option-fail", id, subject, "fail", diffBool(p.Fail), diffBool(o.Fail), false, o.Pos)
	}
	for _, o := range a.Options {
		if o != nil && !seen[o.ID] {
			seen[o.ID] = true
			d.add(Change{Kind: "option-removed", ID: a.Name + "." + o.ID, Old: FormatNumber(o.Value), Incomparable: true,
				Message: "choice " + a.Name + ", option " + o.ID + " removed", Pos: o.Pos})
		}
	}
}

func (d *differ) levels() {
	old := make(map[int]*Level)
	for _, l := range d.from.Levels {
		if l != nil {
			if _, dup := old[l.Number]; !dup {
				old[l.Number] = l
			}
		}
	}
	seen := make(map[int]bool)
	for _, l := range d.to.Levels {
		if l == nil || seen[l.Number] {
			continue
		}
		seen[l.Number] = true
		id := strconv.Itoa(l.Number)
		subject := diffSubject("level", id)
		o := old[l.Number]
		if o == nil {
			d.add(Change{Kind: "level-added", ID: id, New: diffText(l.Title), Incomparable: true, Message: "level " + id + " added", Pos: l.Pos})
			continue
		}
		d.change("level-title", id, subject, "title", diffText(o.Title), diffText(l.Title), false, l.Pos)
		d.change("level-pass", id, subject, "pass", FormatPercent(o.EffectivePass()), FormatPercent(l.EffectivePass()), true, l.Pos)
		d.change("level-weight", id, subject, "weight", FormatNumber(o.EffectiveWeight()), FormatNumber(l.EffectiveWeight()), true, l.Pos)
	}
	for _, l := range d.from.Levels {
		if l != nil && !seen[l.Number] {
			seen[l.Number] = true
			id := strconv.Itoa(l.Number)
			d.add(Change{Kind: "level-removed", ID: id, Old: diffText(l.Title), Incomparable: true, Message: "level " + id + " removed", Pos: l.Pos})
		}
	}
}

// diffIndex is one version's sections and questions with where they
// stand.
type diffIndex struct {
	questions map[string]diffPlace[*Question]
	qorder    []string
	sections  map[string]diffPlace[*Section]
	sorder    []string
}

type diffPlace[T any] struct {
	node T
	// parent is the container: "level N", "level N, section S" (the
	// innermost section), or "survey". A node that changes parent moves
	// in the roll-up.
	parent string
	scored bool // counts toward the score (a section: holds such a question)
}

func indexForDiff(c *Checklist) *diffIndex {
	x := &diffIndex{
		questions: make(map[string]diffPlace[*Question]),
		sections:  make(map[string]diffPlace[*Section]),
	}
	var walk func(items []Item, parent string) bool
	walk = func(items []Item, parent string) bool {
		scored := false
		for _, it := range items {
			if s := it.Section; s != nil {
				if _, dup := x.sections[s.ID]; dup {
					continue
				}
				i := len(x.sorder)
				x.sorder = append(x.sorder, s.ID)
				x.sections[s.ID] = diffPlace[*Section]{node: s, parent: parent}
				lv, _, _ := strings.Cut(parent, ",")
				sc := walk(s.Items, lv+", section "+s.ID)
				x.sections[x.sorder[i]] = diffPlace[*Section]{node: s, parent: parent, scored: sc}
				scored = scored || sc
			}
			if q := it.Question; q != nil {
				if _, dup := x.questions[q.ID]; dup {
					continue
				}
				sc := !q.Unscored && !q.Kind.EffectiveType().SurveyOnly()
				x.questions[q.ID] = diffPlace[*Question]{node: q, parent: parent, scored: sc}
				x.qorder = append(x.qorder, q.ID)
				scored = scored || sc
			}
		}
		return scored
	}
	for _, l := range c.Levels {
		if l != nil {
			walk(l.Items, "level "+strconv.Itoa(l.Number))
		}
	}
	if c.Survey != nil {
		for _, q := range c.Survey.Questions {
			if q == nil {
				continue
			}
			if _, dup := x.questions[q.ID]; !dup {
				x.questions[q.ID] = diffPlace[*Question]{node: q, parent: "survey"}
				x.qorder = append(x.qorder, q.ID)
			}
		}
	}
	return x
}

func (d *differ) sections(a, b *diffIndex) {
	for _, id := range b.sorder {
		s := b.sections[id]
		subject := diffSubject("section", id)
		o, ok := a.sections[id]
		if !ok {
			d.add(Change{Kind: "section-added", ID: id, New: s.parent, Incomparable: s.scored,
				Message: fmt.Sprintf("%s added in %s", subject, s.parent), Pos: s.node.Pos})
			continue
		}
		d.change("section-moved", id, subject, "place", o.parent, s.parent, o.scored || s.scored, s.node.Pos)
		d.change("section-title", id, subject, "title", diffText(o.node.Title), diffText(s.node.Title), false, s.node.Pos)
		d.change("section-weight", id, subject, "weight", FormatNumber(o.node.EffectiveWeight()), FormatNumber(s.node.EffectiveWeight()), o.scored || s.scored, s.node.Pos)
	}
	for _, id := range a.sorder {
		if _, ok := b.sections[id]; !ok {
			o := a.sections[id]
			d.add(Change{Kind: "section-removed", ID: id, Old: o.parent, Incomparable: o.scored,
				Message: fmt.Sprintf("section %s removed from %s", id, o.parent), Pos: o.node.Pos})
		}
	}
}

func (d *differ) questions(a, b *diffIndex) {
	renamed := diffRenames(a, b)
	oldToNew := make(map[string]string, len(renamed))
	for newID, oldID := range renamed {
		oldToNew[oldID] = newID
	}
	for _, id := range b.qorder {
		q := b.questions[id]
		o, ok := a.questions[id]
		if oldID, r := renamed[id]; r {
			o, ok = a.questions[oldID], true
			// Scores stay comparable, but a sheet keys its answers by
			// question ID: one filled in for the old version is refused.
			d.add(Change{Kind: "question-renamed", ID: id, Old: oldID, New: id,
				Message: fmt.Sprintf("question %s renamed to %s", oldID, id),
				Note:    fmt.Sprintf("answer sheets must use the new ID %s; a sheet that still answers %s is refused", id, oldID),
				Pos:     q.node.Pos})
		}
		if !ok {
			d.add(Change{Kind: "question-added", ID: id, New: q.parent, Incomparable: q.scored,
				Message: fmt.Sprintf("question %s added in %s", id, q.parent), Pos: q.node.Pos})
			continue
		}
		d.question(id, o, q, oldToNew)
	}
	for _, id := range a.qorder {
		if _, ok := b.questions[id]; ok || oldToNew[id] != "" {
			continue
		}
		o := a.questions[id]
		d.add(Change{Kind: "question-removed", ID: id, Old: o.parent, Incomparable: o.scored,
			Message: fmt.Sprintf("question %s removed from %s", id, o.parent), Pos: o.node.Pos})
	}
}

// diffRenames pairs questions that only the new version has with
// questions that only the old one has and that read the same, in file
// order. It returns new ID -> old ID.
func diffRenames(a, b *diffIndex) map[string]string {
	byText := make(map[string][]string)
	for _, id := range a.qorder {
		if _, ok := b.questions[id]; !ok {
			t := a.questions[id].node.Text.Text
			byText[t] = append(byText[t], id)
		}
	}
	out := make(map[string]string)
	for _, id := range b.qorder {
		if _, ok := a.questions[id]; ok {
			continue
		}
		t := b.questions[id].node.Text.Text
		if ids := byText[t]; t != "" && len(ids) > 0 {
			out[id] = ids[0]
			byText[t] = ids[1:]
		}
	}
	return out
}

func (d *differ) question(id string, a, b diffPlace[*Question], renamed map[string]string) {
	p, q := a.node, b.node
	subject := diffSubject("question", id)
	scored := a.scored || b.scored
	pos := q.Pos
	d.change("question-moved", id, subject, "place", a.parent, b.parent, scored, pos)
	// Values are written out only when they differ: most questions of
	// two versions are the same, and formatting them is the whole cost.
	if !diffTextEqual(p.Text, q.Text) {
		d.change("question-text", id, subject, "text", diffText(p.Text), diffText(q.Text), false, pos)
	}
	if !sameKind(p.Kind, q.Kind) {
		d.change("question-kind", id, subject, "kind", p.Kind.String(), q.Kind.String(),
			diffKindMeaning(d.from, p.Kind) != diffKindMeaning(d.to, q.Kind), pos)
	}
	if (a.parent != "survey" || b.parent != "survey") && p.EffectiveWeight() != q.EffectiveWeight() {
		d.change("question-weight", id, subject, "weight", FormatNumber(p.EffectiveWeight()), FormatNumber(q.EffectiveWeight()), scored, pos)
	}
	d.change("question-critical", id, subject, "critical", diffBool(p.Critical), diffBool(q.Critical), scored, pos)
	d.change("question-na", id, subject, "na", diffBool(p.NA), diffBool(q.NA), scored, pos)
	d.change("question-optional", id, subject, "optional", diffBool(p.Optional), diffBool(q.Optional), false, pos)
	d.change("question-unscored", id, subject, "unscored", diffBool(p.Unscored), diffBool(q.Unscored), scored, pos)
	if p.When != nil || q.When != nil {
		d.change("question-when", id, subject, "when", diffExpr(p.When, renamed), diffExpr(q.When, nil), scored, pos)
	}
	if !diffTextEqual(p.Hint, q.Hint) {
		d.change("question-hint", id, subject, "hint", diffText(p.Hint), diffText(q.Hint), false, pos)
	}
	if !slices.Equal(p.Tags, q.Tags) {
		d.change("question-tags", id, subject, "tags", strings.Join(p.Tags, ", "), strings.Join(q.Tags, ", "), false, pos)
	}
}

// sameKind compares two kinds by what they mean, not where they stand.
func sameKind(a, b Kind) bool {
	a.Pos, b.Pos = Pos{}, Pos{}
	return a == b
}

// diffKindMeaning is what a kind means for scoring, with references
// resolved: moving a question to another scale with the same bounds, or
// to a choice with the same options and values, keeps scores comparable.
// A ces or csat scale means its bounds and its good end, whether written
// or the preset: `ces 1..10` and `ces 1..10 low` are the same metric,
// `ces 1..7` and `ces 1..7 low` are not.
func diffKindMeaning(c *Checklist, k Kind) string {
	switch t := k.EffectiveType(); t {
	case KindCES, KindCSAT:
		return string(t) + " " + diffRange(k.Lo, k.Hi) + " " + SurveyScale(k).Good.String()
	case KindCSI:
		return string(t) + " " + diffRange(k.Lo, k.Hi)
	case KindScale:
		if k.Ref != "" {
			if s := c.Scale(k.Ref); s != nil {
				return "scale " + diffRange(s.Lo, s.Hi)
			}
		}
	case KindChoice:
		if ch := c.Choice(k.Ref); ch != nil {
			var b strings.Builder
			b.WriteString("choice")
			for _, o := range ch.Options {
				if o != nil {
					fmt.Fprintf(&b, " %s=%s", o.ID, FormatNumber(o.Value))
				}
			}
			return b.String()
		}
	}
	return k.String()
}

// diffExpr writes a condition as Expr.String does, with question IDs
// found in rename under their new name, so that a renamed question does
// not make the conditions on it look changed.
func diffExpr(e *Expr, rename map[string]string) string {
	if e == nil {
		return ""
	}
	var b strings.Builder
	e.write(&b, rename)
	return b.String()
}

func diffSubject(what, id string) valSubject { return valSubject{what: what, id: id, raw: id != ""} }

func diffTextEqual(a, b Text) bool { return a.Text == b.Text && maps.Equal(a.Tr, b.Tr) }

// diffText writes a text with its translations in a fixed order.
func diffText(t Text) string {
	if t.IsZero() {
		return ""
	}
	s := strconv.Quote(t.Text)
	for _, lang := range slices.Sorted(maps.Keys(t.Tr)) {
		s += " @" + lang + " " + strconv.Quote(t.Tr[lang])
	}
	return s
}

func diffRange(lo, hi float64) string { return FormatNumber(lo) + ".." + FormatNumber(hi) }

func diffBool(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func diffQuote(s string) string {
	if s == "" {
		return ""
	}
	return strconv.Quote(s)
}
