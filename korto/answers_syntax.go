package korto

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// sheetSyntax is the first JSON syntax error of a sheet, described for
// the person who edits sheets by hand: what they typed, in plain words,
// and how to fix it, placed where the fix goes (a trailing comma is
// pointed at, a missing comma's place is after the previous value).
type sheetSyntax struct {
	off      int    // byte offset the error points at
	msg      string // what is wrong and how to fix it
	ptr, qid string // the answer the error is inside, if any
}

// syntaxScan finds the first syntax error of a JSON document by reading
// it once more, with a grammar of its own: the decoder's errors say what
// the grammar expected ("looking for beginning of object key string"),
// while a person needs to hear what they did (a comma after the last
// answer). It runs only after the decoder has failed, so it need not be
// fast.
type syntaxScan struct {
	data  []byte
	i     int
	depth int
	stack []byte // the open '{' and '[', for what a cut sheet lacks
	err   *sheetSyntax
}

// maxSyntaxDepth is the decoder's nesting limit; deeper documents are
// left to the decoder's own message.
const maxSyntaxDepth = 10000

// The objects of a sheet, for the words of messages.
type syntaxWhere uint8

const (
	inSheet   syntaxWhere = iota // the top-level object
	inAnswers                    // "answers"
	inAudit                      // "audit"
	inOther                      // any other object or array
)

// noun names one entry of the object or array being read.
func (w syntaxWhere) noun(array bool) string {
	switch {
	case array:
		return "value"
	case w == inAnswers:
		return "answer"
	case w == inAudit:
		return "audit field"
	case w == inSheet:
		return "field"
	}
	return "entry"
}

// scanSheetSyntax returns the first syntax error in data, or false when
// it finds none (then the decoder's own message stands).
func scanSheetSyntax(data []byte) (sheetSyntax, bool) {
	s := &syntaxScan{data: data}
	s.skipSpace()
	if s.i == len(data) {
		return sheetSyntax{msg: `the sheet is empty: an answer sheet is a JSON object, {"checklist": "...", "answers": {...}}`}, true
	}
	if s.value(inSheet, "", "") {
		s.skipSpace()
		if s.i < len(data) {
			s.fail(s.i, "", "", fmt.Sprintf("%s after the end of the answer sheet: remove it", s.shown(s.i)))
		}
	}
	if s.err == nil {
		return sheetSyntax{}, false
	}
	return *s.err, true
}

func (s *syntaxScan) fail(off int, ptr, qid, msg string) bool {
	if s.err == nil {
		s.err = &sheetSyntax{off: off, msg: msg, ptr: ptr, qid: qid}
	}
	return false
}

func (s *syntaxScan) skipSpace() {
	for s.i < len(s.data) {
		switch s.data[s.i] {
		case ' ', '\t', '\r', '\n':
			s.i++
		default:
			return
		}
	}
}

// skipBlanks skips spaces and tabs, not line breaks.
func (s *syntaxScan) skipBlanks() int {
	j := s.i
	for j < len(s.data) && (s.data[j] == ' ' || s.data[j] == '\t') {
		j++
	}
	return j
}

// runeAt returns the character at off, or utf8.RuneError for a byte
// that is not UTF-8.
func (s *syntaxScan) runeAt(off int) rune {
	r, _ := utf8.DecodeRune(s.data[off:])
	return r
}

// shown quotes the character at off as the user typed it.
func (s *syntaxScan) shown(off int) string {
	r, n := utf8.DecodeRune(s.data[off:])
	if r == utf8.RuneError && n <= 1 {
		return fmt.Sprintf("byte 0x%02x", s.data[off])
	}
	if unicode.IsPrint(r) && r != '\'' {
		return "'" + string(r) + "'"
	}
	return strconv.QuoteRune(r)
}

// isTypographicQuote reports the quotes word processors and phones put
// in place of the straight ones.
func isTypographicQuote(r rune) bool {
	switch r {
	case '“', '”', '„', '‟', '«', '»', '‹', '›', '″', '＂', '‘', '’', '‚', '‛':
		return true
	}
	return false
}

// quoteMistake fails with the message for a wrong quote or a comment at
// off, and reports whether there was one.
func (s *syntaxScan) quoteMistake(off int, ptr, qid string) bool {
	switch r := s.runeAt(off); {
	case isTypographicQuote(r):
		s.fail(off, ptr, qid, fmt.Sprintf(`%c is a typographic quote: JSON needs straight quotes "..."`, r))
		return true
	case r == '\'':
		s.fail(off, ptr, qid, `' is a single quote: JSON needs double quotes "..."`)
		return true
	case r == '/' && off+1 < len(s.data) && (s.data[off+1] == '/' || s.data[off+1] == '*'):
		s.fail(off, ptr, qid, "JSON has no comments: remove the comment")
		return true
	}
	return false
}

// word returns the bare word at off: everything up to white space or a
// character that ends a value.
func (s *syntaxScan) word(off int) string {
	end := off
	for end < len(s.data) {
		c := s.data[end]
		if c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ',' || c == ':' || c == '}' || c == ']' || c == '"' || c == '{' || c == '[' {
			break
		}
		if r, _ := utf8.DecodeRune(s.data[end:]); isTypographicQuote(r) {
			break
		}
		end++
	}
	return string(s.data[off:end])
}

// cut fails for a sheet that ends before it is closed, at the end of its
// last line that is not blank, where the missing text goes.
func (s *syntaxScan) cut(ptr, qid string, inString bool) bool {
	end := len(bytes.TrimRight(s.data, " \t\r\n"))
	var closers []byte
	for i := len(s.stack) - 1; i >= 0; i-- {
		if s.stack[i] == '{' {
			closers = append(closers, '}')
		} else {
			closers = append(closers, ']')
		}
	}
	switch {
	case inString && len(closers) == 0:
		return s.fail(end, ptr, qid, `the sheet ends inside a string: close it with "`)
	case inString:
		return s.fail(end, ptr, qid, fmt.Sprintf(`the sheet ends inside a string: close it with " and add %s at the end`, closers))
	}
	return s.fail(end, ptr, qid, fmt.Sprintf("the sheet ends before it is closed: add %s at the end", closers))
}

// value reads one value; ptr and qid name it when it is an answer's.
func (s *syntaxScan) value(where syntaxWhere, ptr, qid string) bool {
	s.skipSpace()
	if s.i == len(s.data) {
		return s.cut(ptr, qid, false)
	}
	switch c := s.data[s.i]; {
	case c == '{':
		return s.object(where, ptr, qid)
	case c == '[':
		return s.array(ptr, qid)
	case c == '"':
		_, ok := s.str(ptr, qid)
		return ok
	case c == '-' || c >= '0' && c <= '9':
		return s.number(ptr, qid)
	}
	off := s.i
	if s.quoteMistake(off, ptr, qid) {
		return false
	}
	w := s.word(off)
	switch {
	case w == "true" || w == "false" || w == "null":
		s.i += len(w)
		return true
	case w == "":
		return s.fail(off, ptr, qid, fmt.Sprintf("%s where a value should be: write the value", s.shown(off)))
	case strings.HasPrefix(w, ".") && isNumber("0"+w):
		return s.fail(off, ptr, qid, fmt.Sprintf("write 0%s: a JSON number has a digit before the point", w))
	case strings.HasPrefix(w, "+") && isNumber(w[1:]):
		return s.fail(off, ptr, qid, fmt.Sprintf("write %s: a JSON number has no + sign", w[1:]))
	}
	switch l := strings.ToLower(w); l {
	case "true", "false", "null":
		return s.fail(off, ptr, qid, fmt.Sprintf("write %s in lower case, or %q in quotes", l, w))
	}
	return s.fail(off, ptr, qid, fmt.Sprintf("%s is not in quotes: write %q", clipText(w), w))
}

func isNumber(w string) bool {
	return w != "" && json.Valid([]byte(w)) && (w[0] == '-' || w[0] >= '0' && w[0] <= '9')
}

func (s *syntaxScan) open(c byte) bool {
	s.depth++
	s.stack = append(s.stack, c)
	s.i++
	return s.depth <= maxSyntaxDepth
}

func (s *syntaxScan) close() {
	s.depth--
	s.stack = s.stack[:len(s.stack)-1]
	s.i++
}

func (s *syntaxScan) object(where syntaxWhere, ptr, qid string) bool {
	if !s.open('{') {
		return false // left to the decoder
	}
	noun := where.noun(false)
	s.skipSpace()
	if s.i < len(s.data) && s.data[s.i] == '}' {
		s.close()
		return true
	}
	for {
		// A key.
		s.skipSpace()
		if s.i == len(s.data) {
			return s.cut(ptr, qid, false)
		}
		off := s.i
		if s.data[off] != '"' {
			if s.quoteMistake(off, ptr, qid) {
				return false
			}
			if w := s.word(off); w != "" {
				return s.fail(off, ptr, qid, fmt.Sprintf("%s is not in quotes: write %q", clipText(w), w))
			}
			return s.fail(off, ptr, qid, fmt.Sprintf("%s where a key should be: write the key in double quotes", s.shown(off)))
		}
		key, ok := s.str(ptr, qid)
		if !ok {
			return false
		}
		keyEnd := s.i
		s.skipSpace()
		if s.i == len(s.data) {
			return s.cut(ptr, qid, false)
		}
		if s.data[s.i] != ':' {
			if s.data[s.i] == '=' {
				return s.fail(s.i, ptr, qid, fmt.Sprintf("write : instead of = after %q", key))
			}
			return s.fail(keyEnd, ptr, qid, fmt.Sprintf("a colon is missing after %q: write %q: and the value", key, key))
		}
		s.i++

		// Its value.
		// Only answers are named in syntax errors: the pointer and the
		// question of a value inside one, none elsewhere.
		inner, vptr, vqid := inOther, ptr, qid
		switch {
		case where == inSheet && key == "answers":
			inner = inAnswers
		case where == inSheet && key == "audit":
			inner = inAudit
		case where == inAnswers:
			vptr, vqid = JSONPointer("answers", key), key
		case ptr != "":
			vptr = ptr + JSONPointer(key)
		}
		s.skipSpace()
		if s.i < len(s.data) {
			switch s.data[s.i] {
			case ',', '}', ']':
				return s.fail(s.i, vptr, vqid, fmt.Sprintf("%q has no value: write one after the colon", key))
			}
		}
		valueAt := s.i
		if !s.value(inner, vptr, vqid) {
			return false
		}
		valueEnd := s.i

		// A comma or the end of the object.
		s.skipSpace()
		if s.i == len(s.data) {
			return s.cut(ptr, qid, false)
		}
		switch c := s.data[s.i]; c {
		case '}':
			s.close()
			return true
		case ',':
			comma := s.i
			s.i++
			s.skipSpace()
			if s.i == len(s.data) {
				return s.cut(ptr, qid, false)
			}
			switch d := s.data[s.i]; {
			case d == '}':
				return s.fail(comma, ptr, qid, fmt.Sprintf("remove the comma after the last %s", noun))
			case d == ',':
				return s.fail(s.i, ptr, qid, "remove the extra comma")
			case d >= '0' && d <= '9' && s.i == comma+1 && isNumber(string(s.data[valueAt:valueEnd])):
				digits := s.i
				for digits < len(s.data) && s.data[digits] >= '0' && s.data[digits] <= '9' {
					digits++
				}
				whole, frac := string(s.data[valueAt:valueEnd]), string(s.data[s.i:digits])
				if len(frac) == 3 {
					// 1,500 may be a thousand and a half or one and a half.
					return s.fail(comma, vptr, vqid, fmt.Sprintf("write %s.%s with a decimal point, or %s%s without the thousands separator", whole, frac, whole, frac))
				}
				return s.fail(comma, vptr, vqid, fmt.Sprintf("write %s.%s with a decimal point", whole, frac))
			}
		default:
			return s.afterValue(valueEnd, noun, c, '}', ptr, qid)
		}
	}
}

// afterValue fails for c, found after a value where a comma or the
// closing bracket should be.
func (s *syntaxScan) afterValue(valueEnd int, noun string, c, closer byte, ptr, qid string) bool {
	off := s.i
	switch {
	case c == '}' || c == ']':
		return s.fail(off, ptr, qid, fmt.Sprintf("%c does not close what is open here: write %c", c, closer))
	case c == ':':
		return s.fail(off, ptr, qid, "a : where a comma should be: a value has one name")
	case c == '"' || c == '{' || c == '[' || c == '-' || c >= '0' && c <= '9' || c == '\'' ||
		unicode.IsLetter(s.runeAt(off)) || isTypographicQuote(s.runeAt(off)):
		return s.fail(valueEnd, ptr, qid, fmt.Sprintf("a comma is missing after the previous %s", noun))
	}
	if s.quoteMistake(off, ptr, qid) {
		return false
	}
	return s.fail(off, ptr, qid, fmt.Sprintf("%s after a value: write a comma or %c", s.shown(off), closer))
}

func (s *syntaxScan) array(ptr, qid string) bool {
	if !s.open('[') {
		return false
	}
	s.skipSpace()
	if s.i < len(s.data) && s.data[s.i] == ']' {
		s.close()
		return true
	}
	for {
		s.skipSpace()
		if s.i < len(s.data) && (s.data[s.i] == ',' || s.data[s.i] == ']') {
			return s.fail(s.i, ptr, qid, fmt.Sprintf("%s where a value should be: write the value", s.shown(s.i)))
		}
		if !s.value(inOther, ptr, qid) {
			return false
		}
		valueEnd := s.i
		s.skipSpace()
		if s.i == len(s.data) {
			return s.cut(ptr, qid, false)
		}
		switch c := s.data[s.i]; c {
		case ']':
			s.close()
			return true
		case ',':
			comma := s.i
			s.i++
			s.skipSpace()
			if s.i < len(s.data) && s.data[s.i] == ']' {
				return s.fail(comma, ptr, qid, "remove the comma after the last value")
			}
			if s.i < len(s.data) && s.data[s.i] == ',' {
				return s.fail(s.i, ptr, qid, "remove the extra comma")
			}
		default:
			return s.afterValue(valueEnd, "value", c, ']', ptr, qid)
		}
	}
}

// str reads a string and returns its value.
func (s *syntaxScan) str(ptr, qid string) (string, bool) {
	start := s.i
	s.i++
	for s.i < len(s.data) {
		switch c := s.data[s.i]; {
		case c == '"':
			s.i++
			var v string
			if json.Unmarshal(s.data[start:s.i], &v) != nil {
				v = string(s.data[start+1 : s.i-1])
			}
			return v, true
		case c == '\\':
			if s.i+1 == len(s.data) {
				return "", s.cut(ptr, qid, true)
			}
			switch e := s.data[s.i+1]; e {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				s.i += 2
				continue
			case 'u':
				if s.i+6 <= len(s.data) && isHex4(s.data[s.i+2:s.i+6]) {
					s.i += 6
					continue
				}
				return "", s.fail(s.i, ptr, qid, `\u must be followed by four hex digits; write \\ for a backslash`)
			}
			_, n := utf8.DecodeRune(s.data[s.i+1:])
			return "", s.fail(s.i, ptr, qid, fmt.Sprintf(`\%s is not a JSON escape: write \\ for a backslash`, s.data[s.i+1:s.i+1+n]))
		case c == '\n' || c == '\r':
			if q := bytes.IndexFunc(s.data[start+1:s.i], isTypographicQuote); q >= 0 {
				off := start + 1 + q
				return "", s.fail(off, ptr, qid, fmt.Sprintf(`the string is not closed: %c is a typographic quote: JSON needs straight quotes "..."`, s.runeAt(off)))
			}
			return "", s.fail(s.i, ptr, qid, `the string is not closed on its line: add the closing "`)
		case c == '\t':
			return "", s.fail(s.i, ptr, qid, `a tab inside a string must be written \t`)
		case c < 0x20:
			return "", s.fail(s.i, ptr, qid, fmt.Sprintf(`control character %U inside a string: write it as \u%04x`, c, c))
		}
		s.i++
	}
	return "", s.cut(ptr, qid, true)
}

func isHex4(b []byte) bool {
	for _, c := range b {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// number reads a number, and fails for what people write after one: a
// unit, or more digits after a leading zero.
func (s *syntaxScan) number(ptr, qid string) bool {
	start := s.i
	j := s.i
	if s.data[j] == '-' {
		j++
	}
	digits := func() int {
		k := j
		for j < len(s.data) && s.data[j] >= '0' && s.data[j] <= '9' {
			j++
		}
		return j - k
	}
	intDigits := digits()
	bad := intDigits == 0
	if !bad && j < len(s.data) && s.data[j] == '.' {
		j++
		bad = digits() == 0
	}
	if !bad && j < len(s.data) && (s.data[j] == 'e' || s.data[j] == 'E') {
		j++
		if j < len(s.data) && (s.data[j] == '+' || s.data[j] == '-') {
			j++
		}
		bad = digits() == 0
	}
	if bad {
		w := s.word(start)
		if n := strings.TrimSuffix(w, "."); n != w && isNumber(n) {
			return s.fail(start, ptr, qid, fmt.Sprintf("%s is not a number: write %s, or digits after the point", clipText(w), n))
		}
		return s.fail(start, ptr, qid, fmt.Sprintf("%s is not a number", clipText(w)))
	}
	lit := string(s.data[start:j])
	if zero := strings.TrimPrefix(lit, "-"); len(zero) > 1 && zero[0] == '0' && zero[1] != '.' && zero[1] != 'e' && zero[1] != 'E' {
		return s.fail(start, ptr, qid, fmt.Sprintf("a number cannot start with 0: write %s", strings.TrimLeft(zero, "0")))
	}
	s.i = j
	if k := s.skipBlanks(); k < len(s.data) && unicode.IsLetter(s.runeAt(k)) {
		return s.fail(k, ptr, qid, fmt.Sprintf("write the number alone, %s, without %s: the unit is the checklist's", lit, clipText(s.word(k))))
	}
	return true
}
