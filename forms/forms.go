// Package forms turns a checklist into the forms auditors fill in the
// tools they already use: a JSON Forms UI schema, a SurveyJS survey, and
// (in other files of the package) XLSForm, ODK XForm and spreadsheet
// templates. Whatever the target, a form obeys the same rules: nothing
// is pre-answered, the values it stores are the answer sheet's own under
// the question IDs, a question whose `when` does not hold is hidden, and
// levels and sections become groups. The JSON Schema and the
// react-jsonschema-form uiSchema stay in package korto, which owns the
// answer sheet they describe.
package forms

import (
	"errors"
	"fmt"
	"strings"

	"github.com/cxkit/cxkit/korto"
)

// Options tunes every target.
type Options struct {
	// Lang is the language of the form's texts, e.g. "en"; "" means the
	// checklist's own. Targets that carry every translation (SurveyJS)
	// use it as the form's starting language.
	Lang string
}

// AuditFields are the audit fields a form collects in its first group,
// in this order: the sheet's own names, which reports group by.
var AuditFields = []string{"id", "location", "date", "auditor"}

// auditFieldName is the name a flat form (SurveyJS, the template's
// columns) gives the audit field: the field's own, or "audit.FIELD"
// where a question of c has that ID ("question location ..."), so that
// the two never share a value. Import reads both as the audit field.
func auditFieldName(c *korto.Checklist, field string) string {
	if c.Question(field) != nil {
		return "audit." + field
	}
	return field
}

// auditFieldTitle is the label of an audit field in w's language.
func auditFieldTitle(w korto.FormWords, field string) string {
	switch field {
	case "id":
		return w.AuditID
	case "location":
		return w.Location
	case "date":
		return w.Date
	case "auditor":
		return w.Auditor
	}
	return field
}

// node is one group of a form: a level, a section, or the survey, with
// its questions and subgroups in file order.
type node struct {
	level   *korto.Level   // the level the group is in; nil for the survey
	section *korto.Section // nil for a level or the survey
	items   []korto.Item
}

// groups returns the top groups of c: a node per level, then the survey
// as a node of its own when c has one.
func groups(c *korto.Checklist) []node {
	var out []node
	for _, l := range c.Levels {
		out = append(out, node{level: l, items: l.Items})
	}
	if c.Survey != nil && len(c.Survey.Questions) > 0 {
		items := make([]korto.Item, len(c.Survey.Questions))
		for i, q := range c.Survey.Questions {
			items[i] = korto.Item{Question: q}
		}
		out = append(out, node{items: items})
	}
	return out
}

// title is the heading of a group: "Уровень 1. Основа", a section's
// title, or "Опрос".
func (n node) title(w korto.FormWords, lang string) string {
	switch {
	case n.section != nil:
		return n.section.Title.In(lang)
	case n.level != nil:
		return levelTitle(w, n.level.Number, n.level.Title.In(lang))
	}
	return w.Survey
}

func levelTitle(w korto.FormWords, number int, title string) string {
	s := fmt.Sprintf("%s %d", w.Level, number)
	if title != "" {
		s += ". " + title
	}
	return s
}

// name is a group's name where the target wants one: the section ID,
// level_N, or survey.
func (n node) name() string {
	switch {
	case n.section != nil:
		return n.section.ID
	case n.level != nil:
		return fmt.Sprintf("level_%d", n.level.Number)
	}
	return "survey"
}

// option is one answer a question offers by name: its value in the
// sheet and its label.
type option struct {
	value string
	label korto.Text
}

// options returns the named answers of a yes/no, choice or emotion
// question, with "na" last when the question takes it; nil for other
// kinds. It fails on an unknown choice.
func options(c *korto.Checklist, q *korto.Question, w func(string) korto.Text) ([]option, error) {
	var out []option
	switch q.Kind.EffectiveType() {
	case korto.KindYesNo:
		out = []option{{"yes", w("yes")}, {"no", w("no")}}
	case korto.KindEmotion:
		out = []option{{"positive", w("positive")}, {"neutral", w("neutral")}, {"negative", w("negative")}}
	case korto.KindChoice:
		ch := c.Choice(q.Kind.Ref)
		if ch == nil {
			return nil, fmt.Errorf("question %q: unknown choice %q", q.ID, q.Kind.Ref)
		}
		for _, o := range ch.Options {
			out = append(out, option{o.ID, o.Label})
		}
	default:
		return nil, nil
	}
	if q.NA {
		out = append(out, option{"na", w("na")})
	}
	return out, nil
}

// fixedText returns the word for a fixed answer ("yes", "na", an
// emotion) or heading in every language the vocabulary knows, the
// form's own language as the default text, so a bilingual form offers
// the bilingual words.
func fixedText(c *korto.Checklist, lang string, langs []string) func(string) korto.Text {
	pick := func(w korto.FormWords, key string) string {
		switch key {
		case "yes":
			return w.Yes
		case "no":
			return w.No
		case "na":
			return w.NA
		case "positive":
			return w.Positive
		case "neutral":
			return w.Neutral
		case "negative":
			return w.Negative
		case "audit":
			return w.Audit
		case "survey":
			return w.Survey
		case "required":
			return w.Required
		case "invalid":
			return w.Invalid
		case "gps":
			return w.GPS
		}
		return auditFieldTitle(w, key)
	}
	// The words of each language once: c.Words walks the checklist,
	// and a form asks for a word per question.
	own := c.Words(lang)
	words := make([]korto.FormWords, len(langs))
	for i, l := range langs {
		words[i] = c.Words(l)
	}
	return func(key string) korto.Text {
		t := korto.Text{Text: pick(own, key)}
		for i, l := range langs {
			if l == lang {
				continue
			}
			if t.Tr == nil {
				t.Tr = map[string]string{}
			}
			t.Tr[l] = pick(words[i], key)
		}
		return t
	}
}

// hint is a question's hint with, for a measure, its unit and target:
// the one help text a form shows under the question.
func hint(q *korto.Question, lang string, w korto.FormWords) string {
	var parts []string
	if h := q.Hint.In(lang); h != "" {
		parts = append(parts, h)
	}
	if k := q.Kind; k.EffectiveType() == korto.KindMeasure {
		var t []string
		if k.Unit != "" {
			t = append(t, k.Unit)
		}
		if k.Op != "" {
			t = append(t, w.Target+" "+string(k.Op)+" "+korto.FormatNumber(k.Target))
		}
		if len(t) > 0 {
			parts = append(parts, strings.Join(t, "; "))
		}
	}
	return strings.Join(parts, " — ")
}

// errNilChecklist is returned by every target for a nil checklist.
var errNilChecklist = errors.New("forms: nil checklist")
