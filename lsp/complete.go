package lsp

import (
	"bytes"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.lsp.dev/protocol"

	"github.com/cxkit/cxkit/dsl"
)

// What may stand where: the statements of each block, a question's kinds
// and modifiers, and the words of a condition.
var (
	blockWords = map[string][]string{
		"":          {"checklist"},
		"checklist": {"version", "model", "description", "lang", "knockout", "bands", "scale", "choice", "level", "survey"},
		"bands":     {},
		"level":     {"question", "section"},
		"section":   {"question", "section"},
		"survey":    {"question"},
	}
	kindWords     = []string{"yesno", "scale", "measure", "nps", "emotion", "ces", "csat", "csi", "text"}
	modifierWords = []string{"weight", "critical", "na", "optional", "unscored", "when", "hint", "tags", "promise"}
	operatorWords = []string{"and", "or", "in"}
	// commonLangs are offered after @ beside the checklist's own.
	commonLangs = []string{"en", "ru", "de", "fr", "es", "it", "kk", "uk", "zh", "tr"}
)

// complete offers what may stand at p: keywords in place, the names of
// scales and choices after a question's text, question IDs and their
// options inside when, language tags after @.
func (d *document) complete(p protocol.Position) *protocol.CompletionList {
	off := d.lines.offset(p)
	lineStart := bytes.LastIndexByte(d.text[:off], '\n') + 1
	// The word being typed, and the line before it.
	wstart := off
	for wstart > lineStart {
		r, size := utf8.DecodeLastRune(d.text[lineStart:wstart])
		if r != '_' && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			break
		}
		wstart -= size
	}
	before := string(d.text[lineStart:wstart])
	if i := strings.Index(before, "//"); i >= 0 && !inString(before[:i]) {
		return list(nil)
	}
	if inString(before) {
		return list(nil)
	}
	words := lineWords(before)
	var items []protocol.CompletionItem
	addAll := func(kind protocol.CompletionItemKind, detail string, labels ...string) {
		for _, l := range labels {
			items = append(items, protocol.CompletionItem{Label: l, Kind: kind, Detail: detail})
		}
	}
	last := ""
	if len(words) > 0 {
		last = words[len(words)-1]
	}
	switch {
	case strings.HasSuffix(before, "@") || last == "lang":
		addAll(protocol.CompletionItemKindValue, "language", d.langs()...)
	case slices.Contains(words, "when"):
		w := words[slices.Index(words, "when")+1:]
		switch l := lastOf(w); {
		case l == "==" || l == "!=":
			addAll(protocol.CompletionItemKindEnumMember, "option", d.options(lastOf(w[:len(w)-1]), lineStart)...)
		case openList(w) != "":
			addAll(protocol.CompletionItemKindEnumMember, "option", d.options(openList(w), lineStart)...)
		case l == "" || l == "and" || l == "or" || l == "not" || l == "(":
			addAll(protocol.CompletionItemKindField, "question", d.questionsBefore(lineStart)...)
			addAll(protocol.CompletionItemKindKeyword, "", "not")
		default:
			addAll(protocol.CompletionItemKindKeyword, "", operatorWords...)
			addAll(protocol.CompletionItemKindKeyword, "", modifierWords...)
		}
	case len(words) == 0:
		block := enclosing(d.text[:lineStart])
		addAll(protocol.CompletionItemKindKeyword, "", blockWords[block]...)
		if block == "level" || block == "section" || block == "survey" {
			addAll(protocol.CompletionItemKindKeyword, "continues the question above", modifierWords...)
		}
	case words[0] == "model":
		addAll(protocol.CompletionItemKindKeyword, "", "korto", "kotler")
	case words[0] == "knockout":
		addAll(protocol.CompletionItemKindKeyword, "", "level", "audit")
	case words[0] == "question" && strings.Count(before, `"`) >= 2:
		if !slices.ContainsFunc(words[1:], func(w string) bool { return slices.Contains(kindWords, w) || d.isType(w) }) {
			addAll(protocol.CompletionItemKindKeyword, "kind", kindWords...)
			addAll(protocol.CompletionItemKindClass, "declared", d.types()...)
		}
		addAll(protocol.CompletionItemKindKeyword, "", modifierWords...)
	default:
		addAll(protocol.CompletionItemKindKeyword, "", dsl.Keywords()...)
	}
	return list(items)
}

func list(items []protocol.CompletionItem) *protocol.CompletionList {
	if items == nil {
		items = []protocol.CompletionItem{}
	}
	return &protocol.CompletionList{Items: items}
}

// inString reports whether a line that starts outside a text ends
// inside one.
func inString(s string) bool {
	in := false
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			if in {
				i++
			}
		case '"':
			in = !in
		}
	}
	return in
}

// lineWords splits a line's start into words and operators, leaving
// texts out.
func lineWords(s string) []string {
	var out []string
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '"':
			j := i + 1
			for j < len(s) && s[j] != '"' {
				if s[j] == '\\' {
					j++
				}
				j++
			}
			out = append(out, `""`)
			i = min(j+1, len(s))
		case c == ' ' || c == '\t' || c == ',':
			i++
		case c == '(' || c == ')':
			out = append(out, string(c))
			i++
		case strings.ContainsRune("=!<>", rune(c)):
			j := i
			for j < len(s) && strings.ContainsRune("=!<>", rune(s[j])) {
				j++
			}
			out = append(out, s[i:j])
			i = j
		default:
			j := i
			for j < len(s) && !strings.ContainsRune(" \t,()=!<>\"", rune(s[j])) {
				j++
			}
			out = append(out, s[i:j])
			i = j
		}
	}
	return out
}

func lastOf(w []string) string {
	if len(w) == 0 {
		return ""
	}
	return w[len(w)-1]
}

// openList returns the question of an "ID in (" whose list is still
// open at the end of w, or "".
func openList(w []string) string {
	for i := len(w) - 1; i >= 0; i-- {
		switch w[i] {
		case ")":
			return ""
		case "(":
			if i >= 2 && w[i-1] == "in" {
				return w[i-2]
			}
			return ""
		}
	}
	return ""
}

// enclosing returns the keyword of the block open at the end of text,
// by its braces (outside texts and comments).
func enclosing(text []byte) string {
	var stack []string
	lineStart := 0
	inText := false
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case inText:
			if c == '\\' {
				i++
			} else if c == '"' || c == '\n' {
				inText = false
			}
		case c == '"':
			inText = true
		case c == '/' && i+1 < len(text) && text[i+1] == '/', c == '#':
			for i < len(text) && text[i] != '\n' {
				i++
			}
			lineStart = i + 1
		case c == '\n':
			lineStart = i + 1
		case c == '{':
			w := strings.Fields(string(text[lineStart:i]))
			kw := "?"
			if len(w) > 0 {
				kw = w[0]
			}
			stack = append(stack, kw)
		case c == '}':
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		}
	}
	if len(stack) == 0 {
		return ""
	}
	return stack[len(stack)-1]
}

// questionsBefore lists the questions declared before off: a condition
// may only test those.
func (d *document) questionsBefore(off int) []string {
	var ids []string
	for _, n := range d.names {
		if n.Offset >= off {
			break
		}
		if n.Decl && n.Kind == dsl.NameQuestion {
			ids = append(ids, n.Name)
		}
	}
	return ids
}

// options lists what question id's answer may be compared with.
func (d *document) options(id string, before int) []string {
	if ch := d.choiceOf(id); ch != "" {
		var opts []string
		for _, n := range d.names {
			if n.Decl && n.Kind == dsl.NameOption && n.Scope == ch {
				opts = append(opts, n.Name)
			}
		}
		return opts
	}
	if d.checklist != nil {
		if q := d.checklist.Question(id); q != nil && q.Kind.Type == "emotion" {
			return []string{"positive", "neutral", "negative"}
		}
	}
	return []string{"yes", "no"}
}

func (d *document) isType(w string) bool { return slices.Contains(d.types(), w) }

// types lists the declared scales and choices.
func (d *document) types() []string {
	var out []string
	for _, n := range d.names {
		if n.Decl && (n.Kind == dsl.NameScale || n.Kind == dsl.NameChoice) {
			out = append(out, n.Name)
		}
	}
	return out
}

// langs lists the checklist's languages, then common ones.
func (d *document) langs() []string {
	var out []string
	if d.checklist != nil {
		out = append(out, d.checklist.Languages()...)
	}
	for _, l := range commonLangs {
		if !slices.Contains(out, l) {
			out = append(out, l)
		}
	}
	return out
}
