package dsl

import (
	"strings"

	"github.com/alecthomas/participle/v2/lexer"

	"github.com/cxkit/cxkit/diag"
)

// A text whose opening quote is missing, as in
//
//	question b Вопрос Б"
//
// reads to the scanner as words and then a text that opens at the
// closing quote and is never closed. Saying "add the closing quote"
// there sends the author to the wrong end of the text. openQuoteMissing
// recognises the case and reports the quote that is really missing.

// openQuoteMissing is called by string when the text opened at the
// quote at offset end never closes on its line. It looks for a quote on
// the line, from the first one that opened a text up to end, that is
// rather the closing quote of a text without its opening one: words
// that stand where a text belongs (after a question's or section's ID,
// after hint, description, version or a translation's @tag, after an
// option's ID), right before the quote, and after the quote the line's
// end, a comment, a brace, "=" or a keyword. It then reports the missing
// quote at the first word, shows the fixed statement, reads the words
// as the text they were meant to be and goes on scanning after the
// quote, so that the rest of the line is read as written. It reports
// whether it did so; it needs every token of the line, so it works only
// when the whole source is scanned (scan).
func (s *scanner) openQuoteMissing(end int) bool {
	if !s.whole {
		return false
	}
	first := len(s.toks) // the line's first token
	for first > 0 && s.toks[first-1].Pos.Line == s.line {
		first--
	}
	// The quotes that opened texts on this line, then the unclosed one.
	var quotes []int
	for _, t := range s.toks[first:] {
		if t.Type == tokString && t.Pos.Offset > s.quoteFixed && s.src[t.Pos.Offset] == '"' {
			quotes = append(quotes, t.Pos.Offset)
		}
	}
	quotes = append(quotes, end)
	// The quotes come in order, so before only grows, and textHead stops
	// at the text before q: a line of many texts costs linear time.
	before := first // the tokens before q are s.toks[first:before]
	for _, q := range quotes {
		for before < len(s.toks) && s.toks[before].Pos.Offset < q {
			before++
		}
		head, text := textHead(s.toks, first, before)
		if head < 0 || !s.codeAfter(q+1) {
			continue
		}
		s.fixOpenQuote(head, text, q)
		return true
	}
	return false
}

// textHead finds, among toks[first:before], the statement part that a
// text should follow, scanning back from before: it returns the index of
// the head's first token and of the first word of the text, which is
// not empty; head is -1 when there is none.
func textHead(toks []lexer.Token, first, before int) (head, text int) {
	for i := before - 1; i >= first; i-- {
		t := toks[i]
		switch t.Type {
		case tokString:
			return -1, 0
		case tokPunct:
			if t.Value == "{" || t.Value == "}" {
				return -1, 0
			}
			continue
		case tokLang:
			if i+1 < before {
				return i, i + 1
			}
			return -1, 0
		case tokKeyword:
			switch t.Value {
			case "hint", "description", "version", "measure":
				if i+1 < before {
					return i, i + 1
				}
				return -1, 0
			}
		}
		if i+1 < before && i > first && toks[i-1].Type == tokKeyword {
			switch toks[i-1].Value {
			case "question", "section", "checklist", "level":
				// toks[i] is the ID (or the level's number).
				return i - 1, i + 1
			}
		}
		if i == first && t.Type == tokIdent && i+1 < before {
			return i, i + 1 // an option: ID "label" = value
		}
	}
	return -1, 0
}

// codeAfter reports whether what follows offset off on its line reads as
// the rest of a statement, not as more text: nothing, a comment, a
// brace, "=", a translation or a keyword.
func (s *scanner) codeAfter(off int) bool {
	for off < len(s.src) && (s.src[off] == ' ' || s.src[off] == '\t' || s.src[off] == '\r') {
		off++
	}
	if off >= len(s.src) {
		return true
	}
	switch c := s.src[off]; c {
	case '\n', '#', '{', '}', '=', '@':
		return true
	case '/':
		return off+1 < len(s.src) && s.src[off+1] == '/'
	}
	w := off
	for w < len(s.src) && s.src[w] >= 'a' && s.src[w] <= 'z' {
		w++
	}
	if w == off || !keywords[s.text[off:w]] {
		return false
	}
	return w == len(s.src) || !isWordByte(s.src[w])
}

func isWordByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

// fixOpenQuote reports the opening quote missing before toks[text] and
// replaces the tokens from there by the text that ends at the quote at
// offset q; scanning goes on after q.
func (s *scanner) fixOpenQuote(head, text, q int) {
	at := s.toks[text].Pos.Offset
	words := strings.TrimRight(s.text[at:q], " \t")
	fixed := s.text[s.toks[head].Pos.Offset:at] + `"` + words + `"`
	// What the scanner said about the words (a "?" it could not read)
	// was said about a text.
	kept := s.diags[:0]
	for _, d := range s.diags {
		if d.Pos.Line != s.line || d.Pos.Offset < at {
			kept = append(kept, d)
		}
	}
	s.diags = kept
	if n := len(kept); n == 0 || kept[n-1].Pos.Line != s.line {
		s.badLine = 0
	}
	for _, t := range s.toks[text:] {
		if t.Type == tokPunct {
			switch t.Value {
			case "{", "(":
				s.depth--
			case "}", ")":
				s.depth++
			}
		}
	}
	s.toks = append(s.toks[:text], lexer.Token{Type: tokString, Value: `"` + s.text[at:q] + `"`, Pos: s.pos(at)})
	s.off = q + 1
	s.quoteFixed = q
	s.lastLine = s.line
	s.afterLang = false
	first, _, _ := strings.Cut(words, " ")
	s.errorf(at, diag.CodeBadString, "add \" before "+shorten(first)+": "+shortenFix(fixed), `text has no opening "`)
}

// shortenFix cuts a long fixed statement for a hint, keeping its start.
func shortenFix(v string) string {
	const limit = 72
	if r := []rune(v); len(r) > limit {
		return string(r[:limit-1]) + `…"`
	}
	return v
}
