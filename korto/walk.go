package korto

import (
	"fmt"
	"iter"
	"maps"
	"slices"
	"strings"
	"unicode"
)

// Questions yields every question of the checklist in file order: the
// levels' questions depth first, then the survey's.
func (c *Checklist) Questions() iter.Seq[*Question] {
	return func(yield func(*Question) bool) {
		for _, l := range c.Levels {
			if !walkItems(l.Items, yield) {
				return
			}
		}
		if c.Survey != nil {
			for _, q := range c.Survey.Questions {
				if !yield(q) {
					return
				}
			}
		}
	}
}

func walkItems(items []Item, yield func(*Question) bool) bool {
	for _, it := range items {
		switch {
		case it.Question != nil:
			if !yield(it.Question) {
				return false
			}
		case it.Section != nil:
			if !walkItems(it.Section.Items, yield) {
				return false
			}
		}
	}
	return true
}

// Question returns the question with the given ID, or nil.
func (c *Checklist) Question(id string) *Question {
	for q := range c.Questions() {
		if q.ID == id {
			return q
		}
	}
	return nil
}

// Scale returns the declared scale with the given name, or nil.
func (c *Checklist) Scale(name string) *Scale {
	for _, s := range c.Scales {
		if s.Name == name {
			return s
		}
	}
	return nil
}

// npsLo and npsHi bound the answers of an nps question, "how likely
// are you to recommend us, 0..10".
const npsLo, npsHi = 0, 10

// Points returns the whole-number answers a question of kind k takes
// in c, lo..hi: the declared scale's bounds for a scale by name, the
// written bounds of an inline scale, ces, csat or csi, and 0..10 for nps. ok
// is false for the kinds that take no points (yes/no, choice, emotion,
// text, measure) and for a scale c does not declare. It is the one place
// the range of a kind is worked out: the scorer, the schema and the
// validator all ask it.
func (c *Checklist) Points(k Kind) (lo, hi float64, ok bool) {
	switch k.EffectiveType() {
	case KindNPS:
		return npsLo, npsHi, true
	case KindCES, KindCSAT, KindCSI:
		return k.Lo, k.Hi, true
	case KindScale:
		if k.Ref == "" {
			return k.Lo, k.Hi, true
		}
		if s := c.Scale(k.Ref); s != nil {
			return s.Lo, s.Hi, true
		}
	}
	return 0, 0, false
}

// Choice returns the declared choice with the given name, or nil.
func (c *Checklist) Choice(name string) *Choice {
	for _, ch := range c.Choices {
		if ch.Name == name {
			return ch
		}
	}
	return nil
}

// Languages returns the languages the checklist can be shown in: its
// declared default language first, when it has one, then every
// translation tag used by any of its texts, sorted. A language missing
// from the list is shown in the default language.
func (c *Checklist) Languages() []string {
	if c == nil {
		return nil
	}
	seen := map[string]bool{}
	add := func(t Text) {
		for tag := range t.Tr {
			seen[tag] = true
		}
	}
	add(c.Title)
	add(c.Description)
	for _, ch := range c.Choices {
		for _, o := range ch.Options {
			add(o.Label)
		}
	}
	for _, l := range c.Levels {
		add(l.Title)
		walkSections(l.Items, func(s *Section) { add(s.Title) })
	}
	for q := range c.Questions() {
		add(q.Text)
		add(q.Hint)
	}
	delete(seen, c.Lang)
	var out []string
	if c.Lang != "" {
		out = append(out, c.Lang)
	}
	return append(out, slices.Sorted(maps.Keys(seen))...)
}

// ShownLang returns the language the checklist's texts are shown in when
// lang is asked for: the checklist's own spelling of lang when it has
// texts in it (tags ignore case, and en-GB or en_GB finds en), else its
// declared language, else "ru" when its title is written in Cyrillic
// (the language's users mostly write Russian), else "en". Everything
// that picks built-in words (report labels, schema vocabularies) follows
// it, so that an output is never half in one language and half in
// another.
func (c *Checklist) ShownLang(lang string) string {
	if c == nil {
		return "en"
	}
	if l, found := c.MatchLang(lang); found != LangMissing {
		return l
	}
	if c.Lang != "" {
		return c.Lang
	}
	for _, r := range c.Title.Text {
		if unicode.Is(unicode.Cyrillic, r) {
			return "ru"
		}
	}
	return "en"
}

// LangMatch says how [Checklist.MatchLang] found a language.
type LangMatch int

const (
	LangMissing LangMatch = iota // the checklist has no texts in it
	LangExact                    // the tag itself, in any case
	LangBase                     // the tag without its region: en for en-GB
)

// MatchLang returns the checklist's own spelling of the language tag
// lang among its [Checklist.Languages], and how it was found: the tag
// itself (tags ignore case: EN is en), or its base language (en-GB, or
// en_GB as locales spell it, finds en). [Checklist.ShownLang] falls back
// to the default language when it is missing; a program that should
// tell its user so asks here.
func (c *Checklist) MatchLang(lang string) (string, LangMatch) {
	if c == nil || lang == "" {
		return "", LangMissing
	}
	langs := c.Languages()
	base, _, _ := strings.Cut(strings.ReplaceAll(lang, "_", "-"), "-")
	for i, want := range []string{lang, base} {
		for _, l := range langs {
			if strings.EqualFold(l, want) {
				return l, LangExact + LangMatch(i)
			}
		}
	}
	return "", LangMissing
}

// ResolveLang returns the language an output asked for in lang (a
// command's --lang) is shown in, and, when that is not what was asked
// for, a warning that says why; "" and "" when lang is "". It is the
// one rule of --lang for every command, on one machine or a cluster.
func (c *Checklist) ResolveLang(lang string) (shown, warning string) {
	if lang == "" {
		return "", ""
	}
	switch l, found := c.MatchLang(lang); found {
	case LangExact:
		return l, ""
	case LangBase:
		return l, fmt.Sprintf("the checklist has no texts in %q; showing %q", lang, l)
	}
	if langs := c.Languages(); len(langs) == 0 {
		warning = fmt.Sprintf("the checklist has no translations; --lang %s shows its own language", lang)
	} else {
		warning = fmt.Sprintf("the checklist has no texts in %q (it has %s); showing its default language", lang, strings.Join(langs, ", "))
	}
	// Everything else the output says (built-in words, labels, the
	// schema's x-cxkit-lang) follows the language actually shown, so a
	// form is not half German and half Russian.
	return c.ShownLang(""), warning
}

// walkSections calls f on every section of items, depth first.
func walkSections(items []Item, f func(*Section)) {
	for _, it := range items {
		if it.Section != nil {
			f(it.Section)
			walkSections(it.Section.Items, f)
		}
	}
}
