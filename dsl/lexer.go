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

	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/internal/textenc"
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
	"ces": true, "csat": true, "csi": true, "text": true, "critical": true, "na": true,
	"optional": true, "unscored": true, "when": true, "hint": true,
	"tags": true, "and": true, "or": true, "not": true, "in": true,
	"bands": true, "promise": true, "due": true,
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
	src      []byte
	text     string // src as a string: token values are slices of it, not copies
	file     string
	off      int
	line     int
	lineOff  int // offset of the current line's first byte
	toks     []lexer.Token
	comments []comment
	diags    korto.Diagnostics
	// warns are the scanner's warnings, kept apart: a warning does not
	// send the parse down the recovery path, as an error does.
	warns     korto.Diagnostics
	depth     int // open { and (
	nots      int // "not" keywords in a row
	lastLine  int // line of the last token, to tell trailing comments
	badLine   int // line of the last lexical error, to report one per line
	stop      bool
	afterLang bool // the last token is the keyword lang: a language tag follows
	afterDue  bool // the last token is the keyword due: days glued to their unit follow
	// whole tells that the scanner keeps every token (scan), not
	// handing them out one by one (Next).
	whole bool
	// blocks are the blocks open by the indentation of their lines, to
	// tell where a missing } belongs (see lineStart).
	blocks     []indentBlock
	indent     string // the leading blanks of the current line
	indentLine int    // the line lineStart last saw
	lineWord   string // the first word of the current line
	misses     []indentMiss
	opens      []int // the indentation of the lines of the open {
	// crooked tells that a } starting its line is indented otherwise
	// than the line of the { it closes: with misses, the braces are
	// not where the indentation shows them.
	crooked bool
	// quoteFixed is the offset of the last quote openQuoteMissing
	// took for a closing one.
	quoteFixed int
}

func (s *scanner) pos(off int) lexer.Position {
	return lexer.Position{Filename: s.file, Offset: off, Line: s.line, Column: off - s.lineOff + 1}
}

// errorf reports a lexical error at off, one per line, and returns it
// (nil when the line already has one) so that the caller may attach a fix.
func (s *scanner) errorf(off int, code, hint, format string, a ...any) *korto.Diagnostic {
	if s.badLine == s.line && code != diag.CodeLimit {
		return nil
	}
	s.badLine = s.line
	p := s.pos(off)
	d := &korto.Diagnostic{
		Pos:      korto.Pos{File: s.file, Line: p.Line, Column: p.Column, Offset: p.Offset},
		Severity: korto.SeverityError,
		Code:     code,
		Message:  fmt.Sprintf(format, a...),
		Hint:     hint,
	}
	s.diags = append(s.diags, d)
	return d
}

// replace attaches to d, when there is one, the fix that replaces the
// source [off, end) with text.
func replace(d *korto.Diagnostic, off, end int, text string) {
	if d != nil {
		d.Fix = &korto.Edit{Offset: off, End: end, Text: text}
	}
}

func (s *scanner) emit(typ lexer.TokenType, start int) {
	s.toks = append(s.toks, lexer.Token{Type: typ, Value: s.text[start:s.off], Pos: s.pos(start)})
	s.lastLine = s.line
	s.afterLang = typ == tokKeyword && s.text[start:s.off] == "lang"
	s.afterDue = typ == tokKeyword && s.text[start:s.off] == "due"
	if typ == tokKeyword && s.src[start] == 'n' && s.toks[len(s.toks)-1].Value == "not" {
		s.nots++
		if s.nots > MaxDepth {
			s.errorf(start, diag.CodeLimit, "simplify the condition", "too many \"not\" in a row (more than %d)", MaxDepth)
			s.stop = true
		}
	} else {
		s.nots = 0
	}
}

// indentBlock is a block as its indentation shows it.
type indentBlock struct {
	indent string // the leading blanks of the line that opens it
	word   string // the first word of that line: level, section, ...
	line   int    // that line
	deeper bool   // a line inside is indented deeper: the author indents
	end    int    // offset of the end of the last line with a token in it
}

// indentMiss is a line indented as if a block above it were closed,
// while it is not: the block's } is missing, or the indentation misleads.
type indentMiss struct {
	block  indentBlock
	off    int // the line's first token
	line   int
	indent string
}

// lineStart follows the blocks by indentation at the first token of
// every line (at off; closing tells that it is a }). A block whose lines
// are indented deeper than its header is taken to end at the first
// line, other than a }, that is indented no deeper than the header: if
// its } is not there, it is missing or the indentation is wrong, and
// the miss is recorded for the parser, which tells which.
func (s *scanner) lineStart(off int, closing bool) {
	s.indent = s.text[s.lineOff:off]
	end := off
	for end < len(s.src) && (s.src[end] >= 'a' && s.src[end] <= 'z') {
		end++
	}
	s.lineWord = s.text[off:end]
	for len(s.blocks) > 0 && !closing {
		top := &s.blocks[len(s.blocks)-1]
		if len(s.indent) > len(top.indent) {
			top.deeper = true
			return
		}
		if !top.deeper || s.line == top.line {
			return
		}
		s.misses = append(s.misses, indentMiss{block: *top, off: off, line: s.line, indent: s.indent})
		s.blocks = s.blocks[:len(s.blocks)-1]
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
	if textenc.HasBOM(src) {
		s.off, s.lineOff = len(textenc.BOM), len(textenc.BOM) // a byte-order mark; editors on Windows add it
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
		if s.lastLine == s.line && len(s.blocks) > 0 {
			s.blocks[len(s.blocks)-1].end = s.off
		}
		s.off++
		s.line++
		s.lineOff = s.off
		return
	case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
		s.off++
		return
	case c == '/' && s.off+1 < len(src) && src[s.off+1] == '/', c == '#':
		s.comment()
		return
	}
	if s.indentLine != s.line {
		s.indentLine = s.line
		s.lineStart(start, c == '}')
	}
	switch {
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
			s.errorf(start, diag.CodeSyntax, `write a language tag right after @, like @en "Cleanliness"`, "expected a language tag after @")
			return
		}
		s.off = n
		s.emit(tokLang, start)
	case c == '{' || c == '(':
		if c == '{' {
			s.blocks = append(s.blocks, indentBlock{indent: s.indent, word: s.lineWord, line: s.line, end: s.off + 1})
			s.opens = append(s.opens, len(s.indent))
		}
		s.off++
		s.depth++
		if s.depth > MaxDepth {
			s.errorf(start, diag.CodeLimit, "flatten the sections or the condition", "nesting is deeper than %d levels", MaxDepth)
			s.stop = true
			return
		}
		s.emit(tokPunct, start)
	case c == '}' || c == ')':
		if c == '}' && len(s.blocks) > 0 {
			s.blocks = s.blocks[:len(s.blocks)-1]
		}
		if n := len(s.opens); c == '}' && n > 0 {
			if start == s.lineOff+len(s.indent) && s.opens[n-1] != len(s.indent) {
				s.crooked = true
			}
			s.opens = s.opens[:n-1]
		}
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
			s.errorf(start, diag.CodeBadNumber, fmt.Sprintf("write 0%s", src[start:s.off]), "bad number %q", src[start:s.off])
			return
		}
		s.errorf(start, diag.CodeSyntax, "ranges are written lo..hi with two dots, like 1..5", "unexpected '.'")
	case c == '=' || c == '!' || c == '<' || c == '>':
		s.off++
		if s.off < len(src) && src[s.off] == '=' {
			s.off++
		} else if c == '!' {
			s.errorf(start, diag.CodeSyntax, "write != for \"not equal\", or use not", "unexpected '!'")
			return
		}
		s.emit(tokPunct, start)
	case c >= utf8.RuneSelf:
		r, size := utf8.DecodeRune(src[s.off:])
		switch {
		case r == utf8.RuneError && size == 1:
			s.off++
			s.errorf(start, diag.CodeEncoding, "save the file as UTF-8", "invalid UTF-8 byte 0x%02X", c)
		case unicode.IsLetter(r):
			s.ident()
		case unicode.IsSpace(r):
			s.off += size
		case asciiOperator(r) != "":
			// "≤" from a word processor or a phone keyboard: read it as
			// the operator meant, so that only the character is reported.
			s.off += size
			op := asciiOperator(r)
			replace(s.errorf(start, diag.CodeSyntax, "write "+op, "%q is not an operator of the language; write %s", r, op), start, s.off, op)
			s.toks = append(s.toks, lexer.Token{Type: tokPunct, Value: op, Pos: s.pos(start)})
			s.lastLine = s.line
			s.afterLang = false
		case isMinusSign(r) && s.off+size < len(src) && src[s.off+size] >= '0' && src[s.off+size] <= '9':
			// A typographic minus before a number: the ASCII one meant.
			s.off += size
			replace(s.errorf(start, diag.CodeBadNumber, "write - (the ASCII hyphen-minus)", "%q is not a minus sign the language reads; write -", r), start, s.off, "-")
			n := len(s.toks)
			s.number()
			if len(s.toks) > n {
				t := &s.toks[len(s.toks)-1]
				t.Value, t.Pos = "-"+t.Value, s.pos(start)
			}
		default:
			s.off += size
			s.errorf(start, diag.CodeSyntax, badCharHint(r), "unexpected character %q", r)
		}
	default:
		s.off++
		if c < ' ' || c == 0x7F {
			s.errorf(start, diag.CodeBinary, "is this a text file? .korto files are UTF-8 text", "unexpected control character U+%04X", c)
			return
		}
		if n := len(s.toks); c == '%' && n > 0 && s.toks[n-1].Type == tokNumber && s.toks[n-1].Pos.Line == s.line {
			// "85 %": the percentage meant, with a space too many. Read
			// it as 85% so that the place it stands in is not also
			// reported as wanting a percentage.
			t := &s.toks[n-1]
			t.Type, t.Value = tokPercent, t.Value+"%"
			s.errorf(start, diag.CodeSyntax, "write "+t.Value+", without a space", "a %% is written right after its number")
			return
		}
		s.errorf(start, diag.CodeSyntax, badCharHint(rune(c)), "unexpected character %q", c)
	}
}

// asciiOperator returns the comparison the character r stands for, or "".
func asciiOperator(r rune) string {
	switch r {
	case '≤', '⩽':
		return "<="
	case '≥', '⩾':
		return ">="
	case '≠':
		return "!="
	}
	return ""
}

// isMinusSign reports whether r is a dash a word processor puts where a
// minus was typed.
func isMinusSign(r rune) bool { return r == '−' || r == '–' }

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
				s.errorf(start+i, diag.CodeEncoding, "save the file as UTF-8", "invalid UTF-8 byte 0x%02X in a comment", text[i])
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
		replace(s.errorf(hyphen, diag.CodeSyntax, "write "+fixed, "%q has a hyphen: IDs are letters, digits and _", word), start, s.off, fixed)
		s.toks = append(s.toks, lexer.Token{Type: tokIdent, Value: fixed, Pos: s.pos(start)})
		s.lastLine = s.line
		s.afterLang = false
		return
	}
	if !lang && !isASCII(s.src[start:s.off]) {
		if s.lookAlike(start) {
			return
		}
	}
	// After lang a word is a tag even when it spells a keyword: or is
	// Odia's.
	if !lang && keywords[string(s.src[start:s.off])] {
		s.emit(tokKeyword, start)
		return
	}
	s.emit(tokIdent, start)
}

// lookAlike reports a word typed partly in the other keyboard layout
// (see findLookAlike) and tells whether it emitted the word's token. A
// keyword so typed is an error, read as the keyword meant so that the
// statement is still checked; an ID is a warning, since it works as long
// as every mention is typed alike, but a reader cannot tell it from the
// one they would type.
func (s *scanner) lookAlike(start int) bool {
	word := s.text[start:s.off]
	la, ok := findLookAlike(word)
	if !ok {
		return false
	}
	hint := "switch the keyboard layout and type " + la.fixed
	if keywords[la.fixed] {
		// Every such word is reported, even several on a line: each
		// looks right, and each needs its own fix.
		s.badLine = 0
		replace(s.errorf(start, diag.CodeLookAlike, hint, "%q is not the keyword %s: %s", word, la.fixed, describeLookAlike(la)), start, s.off, la.fixed)
		s.toks = append(s.toks, lexer.Token{Type: tokKeyword, Value: la.fixed, Pos: s.pos(start)})
		s.lastLine = s.line
		s.afterLang = la.fixed == "lang"
		return true
	}
	p := s.pos(start)
	s.warns = append(s.warns, &korto.Diagnostic{
		Pos:      korto.Pos{File: s.file, Line: p.Line, Column: p.Column, Offset: p.Offset},
		Severity: korto.SeverityWarning,
		Code:     diag.CodeLookAlike,
		Message:  fmt.Sprintf("%q mixes scripts: %s", word, describeLookAlike(la)),
		Hint:     hint + ", or every mention of it must be typed the same way",
		Fix:      &korto.Edit{Offset: start, End: s.off, Text: la.fixed},
	})
	return false
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
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
		s.errorf(start, diag.CodeBadNumber, "write a digit after the point, like 0.5, or drop the point", "bad number %q", src[start:i+1])
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
	// A letter glued to a number ("5мин", "1e3") is neither, but for the
	// days of a promise's due ("due 7d"), which the builder reads.
	if j := s.identEnd(false); j > i {
		s.off = j
		if typ == tokNumber && s.afterDue && s.lastLine == s.line {
			s.emit(typ, start)
			return
		}
		word := string(src[start:j])
		if src[start] != '-' && s.idExpected() {
			s.errorf(start, diag.CodeSyntax, fmt.Sprintf("write q%s or _%s", word, word), "%q is not an ID: an ID starts with a letter or _", word)
			return
		}
		s.errorf(start, diag.CodeBadNumber, "numbers are plain decimals like 2 or 0.5; put a space between a number and a word", "bad number %q", word)
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
		if p.Type == tokKeyword && (p.Value == "scale" || p.Value == "ces" || p.Value == "csat" || p.Value == "csi") ||
			p.Type == tokIdent && n > 1 && s.toks[n-2].Type == tokKeyword && s.toks[n-2].Value == "scale" {
			lo, hi := string(src[start:comma]), string(src[comma+1:i])
			s.errorf(comma, diag.CodeSyntax, "write "+lo+".."+hi, "a range is written with two dots, not a comma")
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
	s.errorf(comma, diag.CodeBadNumber, hint, "decimal numbers use a point, not a comma")
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
			s.errorf(start, diag.CodeBadString, `add the closing " on the same line; write \n for a line break inside a text`, "text is not closed")
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
			s.errorf(i, diag.CodeBinary, `write control characters as escapes, like \t`, "control character U+%04X in a text", c)
		}
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRune(src[i:])
			if r == utf8.RuneError && size == 1 {
				s.errorf(i, diag.CodeEncoding, "save the file as UTF-8", "invalid UTF-8 byte 0x%02X in a text", c)
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
			s.errorf(start+at, diag.CodeBadString, `the escapes are \" \\ \n \t \r \uXXXX; write \\ for a backslash`, "%s", err)
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
