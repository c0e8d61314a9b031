package dsl

import (
	"fmt"
	"slices"
	"unicode/utf8"

	"github.com/cxkit/cxkit/korto"
)

// Codes of the problems only Print finds: a valid model that the
// language has no way to write.
const (
	codeUnprintableText = "bad-text" // a text that is not UTF-8
	codeUnprintableLang = "bad-lang" // a language tag the language cannot read
)

// printable reports what in a checklist that passed Validate the
// language still cannot write, so that Print refuses it rather than
// write source that does not parse: texts that are not valid UTF-8 (a
// string may hold only the escapes of characters), and language tags
// that are empty, hold a character a tag cannot, or name one language
// twice in a text (@en and @EN read as the same tag).
func printable(c *korto.Checklist) korto.Diagnostics {
	var ds korto.Diagnostics
	report := func(pos korto.Pos, code, hint, format string, a ...any) {
		ds = append(ds, &korto.Diagnostic{Pos: pos, Severity: korto.SeverityError, Code: code, Message: fmt.Sprintf(format, a...), Hint: hint})
	}
	str := func(pos korto.Pos, what, s string) {
		if !utf8.ValidString(s) {
			report(pos, codeUnprintableText, "convert the text to UTF-8", "%s %q is not valid UTF-8", what, s)
		}
	}
	tag := func(pos korto.Pos, what, t string) bool {
		if !isLangTag(t) {
			report(pos, codeUnprintableLang, "write a tag such as en or pt-BR: letters and digits, parts joined by -", "%s %q is not a language tag", what, t)
			return false
		}
		return true
	}
	text := func(pos korto.Pos, what string, t korto.Text) {
		str(pos, what, t.Text)
		langs := make([]string, 0, len(t.Tr))
		for l := range t.Tr {
			langs = append(langs, l)
		}
		slices.Sort(langs)
		seen := make(map[string]string, len(langs))
		for _, l := range langs {
			if !tag(pos, "the translation of "+what+" to", l) {
				continue
			}
			if first, dup := seen[canonicalLang(l)]; dup {
				report(pos, codeUnprintableLang, "keep one translation per language", "%s has translations %q and %q, one language", what, first, l)
			}
			seen[canonicalLang(l)] = l
			str(pos, "the translation of "+what+" to "+l, t.Tr[l])
		}
	}
	question := func(q *korto.Question) {
		what := fmt.Sprintf("the text of question %s", q.ID)
		text(q.Pos, what, q.Text)
		text(q.Pos, fmt.Sprintf("the hint of question %s", q.ID), q.Hint)
		str(q.Pos, fmt.Sprintf("the unit of question %s", q.ID), q.Kind.Unit)
	}
	var items func([]korto.Item)
	items = func(its []korto.Item) {
		for _, it := range its {
			switch {
			case it.Question != nil:
				question(it.Question)
			case it.Section != nil:
				text(it.Section.Pos, "the title of section "+it.Section.ID, it.Section.Title)
				items(it.Section.Items)
			}
		}
	}

	text(c.Pos, "the checklist's title", c.Title)
	text(c.Pos, "the checklist's description", c.Description)
	str(c.Pos, "the version", c.Version)
	if c.Lang != "" {
		tag(c.Pos, "lang", c.Lang)
	}
	for _, ch := range c.Choices {
		for _, o := range ch.Options {
			text(o.Pos, fmt.Sprintf("the label of option %s of choice %s", o.ID, ch.Name), o.Label)
		}
	}
	for _, l := range c.Levels {
		text(l.Pos, fmt.Sprintf("the title of level %d", l.Number), l.Title)
		items(l.Items)
	}
	if c.Survey != nil {
		for _, q := range c.Survey.Questions {
			question(q)
		}
	}
	return ds
}

// isLangTag reports whether the scanner reads t whole as a language tag,
// after @ or lang: letters, digits, _ and -, and not empty.
func isLangTag(t string) bool {
	s := &scanner{src: []byte(t)}
	return t != "" && s.identEnd(true) == len(t)
}
