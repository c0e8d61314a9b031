package korto

import (
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cxkit/cxkit/diag"
)

// texts checks what a parsed checklist always satisfies but one built in
// Go or read from JSON may not: every text is UTF-8, and every language
// tag (lang, and the keys of a text's translations) is one the language
// can write, given once per text. Without this, such a checklist scores,
// but dsl.Print refuses it and a form shows mojibake.
func (v *validator) texts() {
	c := v.c
	if c.Lang != "" && !valLangTag(c.Lang) {
		v.errorf(c.Pos, valSubject{what: "checklist", id: c.ID}, diag.CodeBadLang, langTagHint, "lang %q is not a language tag", c.Lang)
	}
	var tags []string // reused: most texts are checked, and most have a translation
	check := func(pos Pos, subject valSubject, what string, t Text) {
		if !utf8.ValidString(t.Text) {
			v.errorf(pos, subject, diag.CodeBadText, "convert the text to UTF-8", "%s is not valid UTF-8", what)
		}
		if len(t.Tr) == 0 {
			return
		}
		tags = slices.AppendSeq(tags[:0], maps.Keys(t.Tr))
		slices.Sort(tags)
		for i, tag := range tags {
			switch {
			case !valLangTag(tag):
				v.errorf(pos, subject, diag.CodeBadLang, langTagHint, "the translation of %s to %q: that is not a language tag", what, tag)
			case i > 0 && strings.EqualFold(tags[i-1], tag):
				v.errorf(pos, subject, diag.CodeBadLang, "keep one translation per language: tags do not depend on case",
					"%s has translations %q and %q, one language", what, tags[i-1], tag)
			}
			if !utf8.ValidString(t.Tr[tag]) {
				v.errorf(pos, subject, diag.CodeBadText, "convert the text to UTF-8", "the translation of %s to %s is not valid UTF-8", what, tag)
			}
		}
	}
	chk := valSubject{what: "checklist", id: c.ID}
	check(c.Pos, chk, "the title", c.Title)
	check(c.Pos, chk, "the description", c.Description)
	if !utf8.ValidString(c.Version) {
		v.errorf(c.Pos, chk, diag.CodeBadText, "convert the text to UTF-8", "the version is not valid UTF-8")
	}
	for i, b := range c.Bands {
		if b != nil {
			check(b.Pos, valSubject{what: "band", id: strconv.Itoa(i + 1), raw: true}, "its name", b.Name)
		}
	}
	for _, ch := range c.Choices {
		if ch == nil {
			continue
		}
		for _, o := range ch.Options {
			if o != nil {
				check(o.Pos, valSubject{what: "option", id: o.ID}, "its label", o.Label)
			}
		}
	}
	question := func(q *Question) {
		subject := valSubject{what: "question", id: q.ID}
		check(q.Pos, subject, "its text", q.Text)
		check(q.Pos, subject, "its hint", q.Hint)
		if !utf8.ValidString(q.Kind.Unit) {
			v.errorf(q.Pos, subject, diag.CodeBadText, "convert the text to UTF-8", "its unit is not valid UTF-8")
		}
	}
	var items func([]Item)
	items = func(its []Item) {
		for _, it := range its {
			switch {
			case it.Question != nil:
				question(it.Question)
			case it.Section != nil:
				check(it.Section.Pos, valSubject{what: "section", id: it.Section.ID}, "its title", it.Section.Title)
				items(it.Section.Items)
			}
		}
	}
	for _, l := range c.Levels {
		if l != nil {
			check(l.Pos, valSubject{what: "level", id: FormatNumber(float64(l.Number)), raw: true}, "its title", l.Title)
			items(l.Items)
		}
	}
	if c.Survey != nil {
		for _, q := range c.Survey.Questions {
			if q != nil {
				question(q)
			}
		}
	}
}

const langTagHint = "write a tag such as en or pt-BR: letters and digits, parts joined by -"

// valLangTag reports whether t is a language tag the language reads
// after @ or lang: letters (with their marks), digits, _ and -, not
// empty.
func valLangTag(t string) bool {
	if t == "" || !utf8.ValidString(t) {
		return false
	}
	for _, r := range t {
		if r != '_' && r != '-' && !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.In(r, unicode.Mn, unicode.Mc) {
			return false
		}
	}
	return true
}
