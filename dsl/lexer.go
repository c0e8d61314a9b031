package dsl

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/alecthomas/participle/v2/lexer"

	"github.com/cxkit/cxkit/korto"
)

// Token types of the .korto language. Keywords get their own type so
// that an identifier can never be a keyword: participle's @Ident does not
// match them, and grammar literals such as "question" match by value.
const (
	tokKeyword lexer.TokenType = iota + 1
	tokIdent
	tokString  // raw, with its quotes; decoded by unquote
	tokNumber  // 12, 0.5, -1
	tokPercent // 85%
	tokLang    // @en
	tokPunct   // { } ( ) , = .. == != < <= > >=
)

// tokenNames is a function, not a variable: the parser is built during
// package initialization, possibly before other variables are set.
func tokenNames() map[string]lexer.TokenType {
	return map[string]lexer.TokenType{
		"EOF":     lexer.EOF,
		"Keyword": tokKeyword,
		"Ident":   tokIdent,
		"String":  tokString,
		"Number":  tokNumber,
		"Percent": tokPercent,
		"Lang":    tokLang,
		"Punct":   tokPunct,
	}
}

// keywords are the reserved words: every quoted word of the grammar,
// the values of model (korto, kotler) and knockout (audit) included, as
// the language spec reserves them. The direction words high and low of
// ces and csat are not in the spec's grammar and stay usable as IDs.
var keywords = map[string]bool{
	"korto": true, "kotler": true, "audit": true,
	"checklist": true, "version": true, "model": true, "description": true,
	"lang": true, "knockout": true, "scale": true, "choice": true,
	"fail": true, "level": true, "pass": true, "weight": true,
	"section": true, "survey": true, "question": true, "yesno": true,
	"measure": true, "target": true, "nps": true, "emotion": true,
	"ces": true, "csat": true, "text": true, "critical": true, "na": true,
	"optional": true, "unscored": true, "when": true, "hint": true,
	"tags": true, "and": true, "or": true, "not": true, "in": true,
}

// Limits that keep hostile input from exhausting memory or the stack.
const (
	// MaxFileSize is the largest source Parse accepts, in bytes.
	MaxFileSize = 8 << 20
	// MaxDepth is the deepest nesting of blocks, parentheses and "not"
	// Parse accepts.
	MaxDepth = 64
)

// comment is a // or # comment, kept aside for the formatter.
type comment struct {
	text     string // with its marker, without trailing blanks
	offset   int
	line     int
	trailing bool // a token precedes it on the same line
}

// scanner splits source into tokens by hand: a table-driven lexer would
// be simpler to write but several times slower, and lexing is the part
// of parsing that touches every byte.
type scanner struct {
	src       []byte
	text      string // src as a string: token values are slices of it, not copies
	file      string
	off       int
	line      int
	lineOff   int // offset of the current line's first byte
	toks      []lexer.Token
	comments  []comment
	diags     korto.Diagnostics
	depth     int // open { and (
	nots      int // "not" keywords in a row
	lastLine  int // line of the last token, to tell trailing comments
	badLine   int // line of the last lexical error, to report one per line
	stop      bool
	afterLang bool // the last token is the keyword lang: a language tag follows
	// whole tells that the scanner keeps every token (scan), not
	// handing them out one by one (Next).
	whole bool
	// quoteFixed is the offset of the last quote openQuoteMissing
	// took for a closing one.
	quoteFixed int
}

func (s *scanner) pos(off int) lexer.Position {
	return lexer.Position{Filename: s.file, Offset: off, Line: s.line, Column: off - s.lineOff + 1}
}

func (s *scanner) errorf(off int, code, hint, format string, a ...any) {
	if s.badLine == s.line && code != codeLimit {
		return
	}
	s.badLine = s.line
	p := s.pos(off)
	s.diags = append(s.diags, &korto.Diagnostic{
		Pos:      korto.Pos{File: s.file, Line: p.Line, Column: p.Column, Offset: p.Offset},
		Severity: korto.SeverityError,
		Code:     code,
		Message:  fmt.Sprintf(format, a...),
		Hint:     hint,
	})
}

func (s *scanner) emit(typ lexer.TokenType, start int) {
	s.toks = append(s.toks, lexer.Token{Type: typ, Value: s.text[start:s.off], Pos: s.pos(start)})
	s.lastLine = s.line
	s.afterLang = typ == tokKeyword && s.text[start:s.off] == "lang"
	if typ == tokKeyword && s.src[start] == 'n' && s.toks[len(s.toks)-1].Value == "not" {
		s.nots++
		if s.nots > MaxDepth {
			s.errorf(start, codeLimit, "simplify the condition", "too many \"not\" in a row (more than %d)", MaxDepth)
			s.stop = true
		}
	} else {
		s.nots = 0
	}
}

// scan tokenizes the whole source. It never fails: problems become
// diagnostics and the scanner moves on, so the parser can report more.
func scan(file string, src []byte) *scanner {
	s := newScanner(file, src)
	s.whole, s.quoteFixed = true, -1
	s.toks = make([]lexer.Token, 0, len(src)/5+1)
	for s.off < len(src) && !s.stop {
		s.next()
	}
	s.toks = append(s.toks, lexer.Token{Type: lexer.EOF, Pos: s.pos(s.off)})
	return s
}

func newScanner(file string, src []byte) *scanner {
	s := &scanner{src: src, text: string(src), file: file, line: 1}
	if len(src) >= 3 && src[0] == 0xEF && src[1] == 0xBB && src[2] == 0xBF {
		s.off, s.lineOff = 3, 3 // a byte-order mark; editors on Windows add it
	}
	return s
}

// Next implements lexer.Lexer, handing tokens to participle as they are
// scanned: on the usual path (no mistakes) the tokens are then kept in
// one slice only, participle's.
func (s *scanner) Next() (lexer.Token, error) {
	for s.off < len(s.src) && !s.stop {
		s.next()
		if len(s.toks) > 0 {
			t := s.toks[0]
			s.toks = s.toks[:0]
			return t, nil
		}
	}
	return lexer.Token{Type: lexer.EOF, Pos: s.pos(s.off)}, nil
}

func (s *scanner) next() {
	src := s.src
	c := src[s.off]
	start := s.off
	switch {
	case c == '\n':
		s.off++
		s.line++
		s.lineOff = s.off
	case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
		s.off++
	case c == '/' && s.off+1 < len(src) && src[s.off+1] == '/', c == '#':
		s.comment()
	case c == '"':
		s.string()
	case c >= '0' && c <= '9' || c == '-' && s.off+1 < len(src) && src[s.off+1] >= '0' && src[s.off+1] <= '9':
		s.number()
	case c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
		s.ident()
	case c == '@':
		s.off++
		n := s.identEnd(true)
		if n == s.off {
			s.errorf(start, codeSyntax, `write a language tag right after @, like @en "Cleanliness"`, "expected a language tag after @")
			return
		}
		s.off = n
		s.emit(tokLang, start)
	case c == '{' || c == '(':
		s.off++
		s.depth++
		if s.depth > MaxDepth {
			s.errorf(start, codeLimit, "flatten the sections or the condition", "nesting is deeper than %d levels", MaxDepth)
			s.stop = true
			return
		}
		s.emit(tokPunct, start)
	case c == '}' || c == ')':
		s.off++
		s.depth--
		s.emit(tokPunct, start)
	case c == ',':
		s.off++
		s.emit(tokPunct, start)
	case c == '.':
		if s.off+1 < len(src) && src[s.off+1] == '.' {
			s.off += 2
			s.emit(tokPunct, start)
			return
		}
		s.off++
		if s.off < len(src) && src[s.off] >= '0' && src[s.off] <= '9' {
			// ".5": a number without its leading zero.
			for s.off < len(src) && src[s.off] >= '0' && src[s.off] <= '9' {
				s.off++
			}
			s.errorf(start, codeBadNumber, fmt.Sprintf("write 0%s", src[start:s.off]), "bad number %q", src[start:s.off])
			return
		}
		s.errorf(start, codeSyntax, "ranges are written lo..hi with two dots, like 1..5", "unexpected '.'")
	case c == '=' || c == '!' || c == '<' || c == '>':
		s.off++
		if s.off < len(src) && src[s.off] == '=' {
			s.off++
		} else if c == '!' {
			s.errorf(start, codeSyntax, "write != for \"not equal\", or use not", "unexpected '!'")
			return
		}
		s.emit(tokPunct, start)
	case c >= utf8.RuneSelf:
		r, size := utf8.DecodeRune(src[s.off:])
		switch {
		case r == utf8.RuneError && size == 1:
			s.off++
			s.errorf(start, codeEncoding, "save the file as UTF-8", "invalid UTF-8 byte 0x%02X", c)
		case unicode.IsLetter(r):
			s.ident()
		case unicode.IsSpace(r):
			s.off += size
		default:
			s.off += size
			s.errorf(start, codeSyntax, badCharHint(r), "unexpected character %q", r)
		}
	default:
		s.off++
		if c < ' ' || c == 0x7F {
			s.errorf(start, codeBinary, "is this a text file? .korto files are UTF-8 text", "unexpected control character U+%04X", c)
			return
		}
		if n := len(s.toks); c == '%' && n > 0 && s.toks[n-1].Type == tokNumber && s.toks[n-1].Pos.Line == s.line {
			// "85 %": the percentage meant, with a space too many. Read
			// it as 85% so that the place it stands in is not also
			// reported as wanting a percentage.
			t := &s.toks[n-1]
			t.Type, t.Value = tokPercent, t.Value+"%"
			s.errorf(start, codeSyntax, "write "+t.Value+", without a space", "a %% is written right after its number")
			return
		}
		s.errorf(start, codeSyntax, badCharHint(rune(c)), "unexpected character %q", c)
	}
}

func badCharHint(r rune) string {
	switch r {
	case '\'', '«', '»', '“', '”', '„':
		return `texts go in straight double quotes: "..."`
	case ';':
		return "statements end at the end of the line; no ; needed"
	case '%':
		return "a percentage is written right after its number, like 85%"
	}
	return ""
}

func (s *scanner) comment() {
	start := s.off
	end := start
	for end < len(s.src) && s.src[end] != '\n' {
		end++
	}
	s.off = end
	text := s.src[start:end]
	for len(text) > 0 && (text[len(text)-1] == ' ' || text[len(text)-1] == '\t' || text[len(text)-1] == '\r') {
		text = text[:len(text)-1]
	}
	if !utf8.Valid(text) {
		for i := 0; i < len(text); {
			r, size := utf8.DecodeRune(text[i:])
			if r == utf8.RuneError && size == 1 {
				s.errorf(start+i, codeEncoding, "save the file as UTF-8", "invalid UTF-8 byte 0x%02X in a comment", text[i])
				break
			}
			i += size
		}
	}
	s.comments = append(s.comments, comment{
		text:     string(text),
		offset:   start,
		line:     s.line,
		trailing: s.lastLine == s.line,
	})
}

// identEnd returns the end of the identifier starting at s.off; with
// dash, also "-" (language tags such as pt-BR).
func (s *scanner) identEnd(dash bool) int {
	i := s.off
	for i < len(s.src) {
		c := s.src[i]
		if c < utf8.RuneSelf {
			if c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || dash && c == '-' {
				i++
				continue
			}
			break
		}
		r, size := utf8.DecodeRune(s.src[i:])
		// Marks belong to the letter before them: a decomposed "й" or
		// Devanagari's vowel signs (Mc) are letters to the person typing.
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.In(r, unicode.Mn, unicode.Mc) {
			break
		}
		i += size
	}
	return i
}

func (s *scanner) ident() {
	start := s.off
	// "lang pt-BR" names the default language with a tag, as "@pt-BR"
	// does a translation's.
	lang := s.afterLang && s.lastLine == s.line
	s.off = s.identEnd(lang)
	if !lang && s.hyphenated() {
		// "clean-tables": an ID written the way a file or web page is
		// named. Read it as the ID it was meant to be, so that only the
		// hyphen is reported.
		hyphen := s.off
		for s.hyphenated() {
			s.off++
			s.off = s.identEnd(false)
		}
		word := string(s.src[start:s.off])
		fixed := strings.ReplaceAll(word, "-", "_")
		s.errorf(hyphen, codeSyntax, "write "+fixed, "%q has a hyphen: IDs are letters, digits and _", word)
		s.toks = append(s.toks, lexer.Token{Type: tokIdent, Value: fixed, Pos: s.pos(start)})
		s.lastLine = s.line
		s.afterLang = false
		return
	}
	// After lang a word is a tag even when it spells a keyword: or is
	// Odia's.
	if !lang && keywords[string(s.src[start:s.off])] {
		s.emit(tokKeyword, start)
		return
	}
	s.emit(tokIdent, start)
}

// hyphenated reports whether a hyphen glued to the identifier before it
// continues it with a letter, digit or _.
func (s *scanner) hyphenated() bool {
	if s.off+1 >= len(s.src) || s.src[s.off] != '-' {
		return false
	}
	s.off++
	end := s.identEnd(false)
	s.off--
	return end > s.off+1
}

func (s *scanner) number() {
	start := s.off
	src := s.src
	i := s.off
	if src[i] == '-' {
		i++
	}
	for i < len(src) && src[i] >= '0' && src[i] <= '9' {
		i++
	}
	if i+1 < len(src) && src[i] == '.' && src[i+1] >= '0' && src[i+1] <= '9' {
		i++
		for i < len(src) && src[i] >= '0' && src[i] <= '9' {
			i++
		}
	} else if i < len(src) && src[i] == '.' && (i+1 == len(src) || src[i+1] != '.') {
		s.off = i + 1
		s.errorf(start, codeBadNumber, "write a digit after the point, like 0.5, or drop the point", "bad number %q", src[start:i+1])
		return
	}
	if i+1 < len(src) && src[i] == ',' && src[i+1] >= '0' && src[i+1] <= '9' && !bytes.ContainsRune(src[start:i], '.') {
		s.decimalComma(start, i)
		return
	}
	typ := tokNumber
	if i < len(src) && src[i] == '%' {
		i++
		typ = tokPercent
	}
	s.off = i
	// A letter glued to a number ("5мин", "1e3") is neither.
	if j := s.identEnd(false); j > i {
		s.off = j
		word := string(src[start:j])
		if src[start] != '-' && s.idExpected() {
			s.errorf(start, codeSyntax, fmt.Sprintf("write q%s or _%s", word, word), "%q is not an ID: an ID starts with a letter or _", word)
			return
		}
		s.errorf(start, codeBadNumber, "numbers are plain decimals like 2 or 0.5; put a space between a number and a word", "bad number %q", word)
		return
	}
	s.emit(typ, start)
}

// idExpected reports whether the token being scanned stands where an
// ID, never a number, does: after a keyword that names or tests
// something, in a list, or first on its line (an option of a choice).
func (s *scanner) idExpected() bool {
	n := len(s.toks)
	if n == 0 || s.lastLine != s.line {
		return true
	}
	switch t := s.toks[n-1]; t.Type {
	case tokKeyword:
		switch t.Value {
		case "checklist", "question", "section", "choice", "tags", "when", "and", "or", "not":
			return true
		}
	case tokPunct:
		return t.Value == "," || t.Value == "("
	}
	return false
}

// decimalComma reads "1,5", whose comma at src[comma] is glued to digits
// on both sides, as the decimal number 1.5 it was meant to be: no list
// in the language holds numbers. A pass mark without its % is read as
// the percentage meant (0,8 as 80%), so the line is reported once.
func (s *scanner) decimalComma(start, comma int) {
	src := s.src
	i := comma + 1
	for i < len(src) && src[i] >= '0' && src[i] <= '9' {
		i++
	}
	typ := tokNumber
	value := string(src[start:comma]) + "." + string(src[comma+1:i])
	if i < len(src) && src[i] == '%' {
		i++
		typ = tokPercent
		value += "%"
	}
	s.off = i
	if n := len(s.toks); typ == tokNumber && n > 0 && !bytes.HasPrefix(src[i:], []byte("..")) {
		// "ces 1,7", "scale stars 1,5": a range, not a decimal.
		p := s.toks[n-1]
		if p.Type == tokKeyword && (p.Value == "scale" || p.Value == "ces" || p.Value == "csat") ||
			p.Type == tokIdent && n > 1 && s.toks[n-2].Type == tokKeyword && s.toks[n-2].Value == "scale" {
			lo, hi := string(src[start:comma]), string(src[comma+1:i])
			s.errorf(comma, codeSyntax, "write "+lo+".."+hi, "a range is written with two dots, not a comma")
			s.toks = append(s.toks,
				lexer.Token{Type: tokNumber, Value: lo, Pos: s.pos(start)},
				lexer.Token{Type: tokPunct, Value: "..", Pos: s.pos(comma)},
				lexer.Token{Type: tokNumber, Value: hi, Pos: s.pos(comma + 1)})
			s.lastLine = s.line
			s.afterLang = false
			return
		}
	}
	hint := "write " + value + " with a decimal point"
	if n := len(s.toks); typ == tokNumber && n > 0 && s.toks[n-1].Type == tokKeyword && s.toks[n-1].Value == "pass" {
		v, _ := strconv.ParseFloat(value, 64)
		if v <= 1 {
			v *= 100
		}
		typ, value = tokPercent, strconv.FormatFloat(v, 'f', -1, 64)+"%"
		hint = "write " + value + ": a pass mark is a percentage, and decimals take a point"
	}
	s.errorf(comma, codeBadNumber, hint, "decimal numbers use a point, not a comma")
	s.toks = append(s.toks, lexer.Token{Type: typ, Value: value, Pos: s.pos(start)})
	s.lastLine = s.line
	s.afterLang = false
}

func (s *scanner) string() {
	start := s.off
	src := s.src
	i := s.off + 1
	escapes := false
	for {
		if i >= len(src) || src[i] == '\n' {
			if s.openQuoteMissing(start) {
				return
			}
			s.off = i
			s.errorf(start, codeBadString, `add the closing " on the same line; write \n for a line break inside a text`, "text is not closed")
			// Keep going with what we have, so the parser can report more.
			s.toks = append(s.toks, lexer.Token{Type: tokString, Value: `""`, Pos: s.pos(start)})
			s.lastLine = s.line
			return
		}
		c := src[i]
		if c == '"' {
			break
		}
		if c == '\\' {
			escapes = true
			if i+1 < len(src) && (src[i+1] == '"' || src[i+1] == '\\') {
				i++
			}
			i++
			continue
		}
		if c < ' ' && c != '\t' || c == 0x7F {
			s.errorf(i, codeBinary, `write control characters as escapes, like \t`, "control character U+%04X in a text", c)
		}
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRune(src[i:])
			if r == utf8.RuneError && size == 1 {
				s.errorf(i, codeEncoding, "save the file as UTF-8", "invalid UTF-8 byte 0x%02X in a text", c)
			}
			i += size
			continue
		}
		i++
	}
	i++ // closing quote
	s.off = i
	if escapes {
		if at, err := checkEscapes(src[start:i]); err != "" {
			s.errorf(start+at, codeBadString, `the escapes are \" \\ \n \t \r \uXXXX; write \\ for a backslash`, "%s", err)
			s.toks = append(s.toks, lexer.Token{Type: tokString, Value: `""`, Pos: s.pos(start)})
			s.lastLine = s.line
			return
		}
	}
	s.emit(tokString, start)
}

// checkEscapes finds the first bad escape of a quoted string and returns
// its offset within lit and what is wrong with it.
func checkEscapes(lit []byte) (int, string) {
	body := string(lit[1 : len(lit)-1])
	at := 1
	for len(body) > 0 {
		if body[0] != '\\' {
			_, size := utf8.DecodeRuneInString(body)
			body = body[size:]
			at += size
			continue
		}
		r, multibyte, tail, err := strconv.UnquoteChar(body, '"')
		if err == nil && !multibyte && r >= utf8.RuneSelf {
			// \xff and \377 are single bytes, not characters: the text
			// would not be UTF-8, and its JSON form would not round-trip.
			return at, fmt.Sprintf("bad escape %s in a text: it is a byte, not a character; write \\u%04x", body[:len(body)-len(tail)], r)
		}
		if err != nil {
			esc := body
			if len(esc) > 2 {
				esc = esc[:2]
			}
			return at, fmt.Sprintf("bad escape %s in a text", esc)
		}
		at += len(body) - len(tail)
		body = tail
	}
	return 0, ""
}

// unquote decodes a string token checked by the scanner.
func unquote(raw string) string {
	for i := 1; i < len(raw)-1; i++ {
		if raw[i] == '\\' {
			if s, err := strconv.Unquote(raw); err == nil {
				return s
			}
			break
		}
	}
	if len(raw) < 2 {
		return ""
	}
	return raw[1 : len(raw)-1]
}

// sliceLexer hands the scanner's tokens to participle.
type sliceLexer struct {
	toks []lexer.Token
	i    int
}

func (l *sliceLexer) Next() (lexer.Token, error) {
	t := l.toks[l.i]
	if l.i < len(l.toks)-1 {
		l.i++
	}
	return t, nil
}

// definition tells participle the token types; lexing itself happens in
// scan, before participle is called.
type definition struct{}

func (definition) Symbols() map[string]lexer.TokenType { return tokenNames() }

func (definition) Lex(filename string, r io.Reader) (lexer.Lexer, error) {
	src, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	return &sliceLexer{toks: scan(filename, src).toks}, nil
}
