package fielddata

import (
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/cxkit/cxkit/internal/sheetnum"
	"github.com/cxkit/cxkit/korto"
	"github.com/go-json-experiment/json/jsontext"
)

// AppendSheet appends the sheet to dst as one line of JSON Lines, the
// form `cxkit report` reads: "checklist", "version", "audit" (fields in
// byte order) and "answers" in the order of the plan's questions, then
// a line break. The same sheet always gives the same bytes.
func AppendSheet(dst []byte, s *korto.Sheet, p *korto.Plan) []byte {
	rs := rowSheet{head: korto.Sheet{Checklist: s.Checklist, Version: s.Version}}
	for k, v := range s.Audit {
		rs.setAudit(k, v)
	}
	n := p.NumQuestions()
	rs.answers, rs.given = make([]korto.Answer, n), make([]bool, n)
	for i := range n {
		rs.answers[i], rs.given[i] = s.Answers[p.Question(i).ID]
	}
	return rs.appendJSON(dst, quotedIDs(p), nil)
}

// quotedIDs are the plan's question IDs as JSON strings between a comma
// and a colon, the keys of a sheet's answers as they follow another.
func quotedIDs(p *korto.Plan) [][]byte {
	ids := make([][]byte, p.NumQuestions())
	for i := range ids {
		ids[i] = append(appendString([]byte{','}, p.Question(i).ID), ':')
	}
	return ids
}

// appendJSON is AppendSheet for a row, with the keys of quotedIDs; its
// audit fields are in order (setAudit). An answer that is one of its question's words is
// written as its frag, key and value at once, when qs is given.
func (rs *rowSheet) appendJSON(dst []byte, ids [][]byte, qs []question) []byte {
	dst = append(dst, `{"checklist":`...)
	dst = appendString(dst, rs.head.Checklist)
	if rs.head.Version != "" {
		dst = append(dst, `,"version":`...)
		dst = appendString(dst, rs.head.Version)
	}
	if len(rs.audit) > 0 {
		dst = append(dst, `,"audit":{`...)
		for i, f := range rs.audit {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = appendString(dst, f.key)
			dst = append(dst, ':')
			dst = appendString(dst, f.val)
		}
		dst = append(dst, '}')
	}
	dst = append(dst, `,"answers":`...)
	first := len(dst)
	for i, g := range rs.given {
		if !g {
			continue
		}
		if qs != nil && rs.word[i] >= 0 {
			dst = appendFrag(dst, qs[i].frags[rs.word[i]])
			continue
		}
		dst = append(dst, ids[i]...)
		if a := &rs.answers[i]; a.Type == korto.AnswerNumber {
			dst = sheetnum.Append(dst, a.Number)
		} else {
			dst = appendString(dst, a.String)
		}
	}
	dst = openAnswers(dst, first)
	return append(dst, "}}\n"...)
}

// openAnswers opens the object of answers written from first on, each
// with a comma before it (frags and quotedIDs have one, so that the
// loops that write them need not tell the first answer from the rest):
// the first answer's comma becomes the brace.
func openAnswers(dst []byte, first int) []byte {
	if len(dst) == first {
		return append(dst, '{')
	}
	dst[first] = '{'
	return dst
}

// fragCopy is how many bytes appendFrag copies as one block: more than
// most `,"id":"word"` of a checklist take.
const fragCopy = 48

// newFrag returns a copy of b with room to be read fragCopy bytes at a
// time (see appendFrag).
func newFrag(b []byte) []byte {
	return append(make([]byte, 0, len(b)+fragCopy), b...)
}

// appendFrag appends a frag made by newFrag. A frag is a few dozen
// bytes, which append copies with a call to memmove; copied as a block
// of fixed size in words, past its end into dst's spare room, it takes
// a few moves, and it is the most frequent work of a line.
func appendFrag(dst, f []byte) []byte {
	n := len(dst)
	if cap(f) < fragCopy || len(f) > fragCopy || cap(dst)-n < fragCopy {
		return append(dst, f...)
	}
	copyFrag(dst[n:n+fragCopy], f[:fragCopy])
	return dst[:n+len(f)]
}

// copyFrag copies fragCopy bytes, which d and s must have room for,
// as three blocks of 16: an assignment of the whole array, or copy, is
// a call to memmove, which the loops that write frags cannot afford.
func copyFrag(d, s []byte) {
	d, s = d[:fragCopy], s[:fragCopy]
	dp, sp := unsafe.Pointer(unsafe.SliceData(d)), unsafe.Pointer(unsafe.SliceData(s))
	*(*[16]byte)(dp) = *(*[16]byte)(sp)
	*(*[16]byte)(unsafe.Add(dp, 16)) = *(*[16]byte)(unsafe.Add(sp, 16))
	*(*[16]byte)(unsafe.Add(dp, 32)) = *(*[16]byte)(unsafe.Add(sp, 32))
}

// appendString appends s as a JSON string. Invalid UTF-8, which no
// reader passes on, would come out as U+FFFD.
func appendString(dst []byte, s string) []byte {
	// Most values (option IDs, words, numbers as text, comments in any
	// script) have nothing to escape and quote as they stand: jsontext
	// escapes only quotes, backslashes, control characters and invalid
	// UTF-8. DEL, U+2028 and U+2029 go the slow way too, to be sure.
	ascii := true
	for i := 0; i < len(s); i++ {
		switch jsonByte[s[i]] {
		case jsonEscape:
			return appendStringSlow(dst, s)
		case jsonHigh:
			ascii = false
		}
	}
	if !ascii && (!utf8.ValidString(s) || strings.Contains(s, "\u2028") || strings.Contains(s, "\u2029")) {
		return appendStringSlow(dst, s)
	}
	dst = append(dst, '"')
	dst = append(dst, s...)
	return append(dst, '"')
}

// jsonByte classes the bytes of a string for appendString.
var jsonByte = func() (t [256]uint8) {
	for c := range 256 {
		switch {
		case c < 0x20 || c == '"' || c == '\\' || c == 0x7f:
			t[c] = jsonEscape
		case c >= 0x80:
			t[c] = jsonHigh
		}
	}
	return t
}()

const (
	jsonPlain  = iota // printable ASCII
	jsonEscape        // escaped, or to be checked by jsontext
	jsonHigh          // part of a multi-byte character
)

func appendStringSlow(dst []byte, s string) []byte {
	out, err := jsontext.AppendQuote(dst, s)
	if err != nil {
		return out // quoted with U+FFFD in place of the bad bytes
	}
	return out
}
