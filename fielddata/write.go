package fielddata

import (
	"cmp"
	"encoding/binary"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

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
		rs.audit = append(rs.audit, auditField{k, v})
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

// appendJSON is AppendSheet for a row, with the keys of quotedIDs; it
// sorts rs.audit. An answer that is one of its question's words is
// written as its frag, key and value at once, when qs is given.
func (rs *rowSheet) appendJSON(dst []byte, ids [][]byte, qs []question) []byte {
	dst = append(dst, `{"checklist":`...)
	dst = appendString(dst, rs.head.Checklist)
	if rs.head.Version != "" {
		dst = append(dst, `,"version":`...)
		dst = appendString(dst, rs.head.Version)
	}
	if len(rs.audit) > 0 {
		slices.SortFunc(rs.audit, func(a, b auditField) int { return cmp.Compare(a.key, b.key) })
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
	dst = append(dst, `,"answers":{`...)
	comma := 1 // the keys start with the comma that the first one goes without
	for i, g := range rs.given {
		if !g {
			continue
		}
		if qs != nil && rs.word[i] >= 0 {
			dst = appendFrag(dst, qs[i].frags[rs.word[i]][comma:])
			comma = 0
			continue
		}
		dst = append(dst, ids[i][comma:]...)
		comma = 0
		if a := &rs.answers[i]; a.Type == korto.AnswerNumber {
			dst = appendNumber(dst, a.Number)
		} else {
			dst = appendString(dst, a.String)
		}
	}
	return append(dst, "}}\n"...)
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
	if cap(f) < fragCopy || len(f) > fragCopy {
		return append(dst, f...)
	}
	n := len(dst)
	if cap(dst)-n < fragCopy {
		dst = slices.Grow(dst, fragCopy)
	}
	d, s := dst[n:n+fragCopy], f[:fragCopy]
	le := binary.LittleEndian
	le.PutUint64(d[0:], le.Uint64(s[0:]))
	le.PutUint64(d[8:], le.Uint64(s[8:]))
	le.PutUint64(d[16:], le.Uint64(s[16:]))
	le.PutUint64(d[24:], le.Uint64(s[24:]))
	le.PutUint64(d[32:], le.Uint64(s[32:]))
	le.PutUint64(d[40:], le.Uint64(s[40:]))
	return dst[:n+len(f)]
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

// appendNumber appends x as strconv.FormatFloat(x, 'g', -1, 64) writes
// it. Most answers are small whole numbers (points, scales, NPS), which
// 'g' writes as plain digits below a million, or have a digit or two
// after the point (4.5, 2.75 minutes); those skip the float formatting.
func appendNumber(dst []byte, x float64) []byte {
	if x == math.Trunc(x) && x > -1e6 && x < 1e6 && (x != 0 || !math.Signbit(x)) {
		return strconv.AppendInt(dst, int64(x), 10)
	}
	// Between 1e-4 and 1e6 'g' writes no exponent. There, x is the
	// float nearest to m/10^k when the quotient of the two, both exact,
	// is x (it is rounded once); m has at most 12 digits, and no other
	// decimal of 15 digits or fewer reads as x, so m's digits with the
	// point k from the right are x's shortest form, which 'g' writes.
	if a := math.Abs(x); a >= 1e-4 && a < 1e6 {
		if m, k, ok := asDecimal(x); ok {
			return appendDecimal(dst, m, k)
		}
	}
	return strconv.AppendFloat(dst, x, 'g', -1, 64)
}

// decimalDigits is the most digits after the point asDecimal looks for.
const decimalDigits = 6

// asDecimal returns the whole m and the least k (up to decimalDigits)
// for which x is the float nearest to m/10^k: the quotient of the two,
// both exact, is rounded once. It is how most numbers of a checklist's
// answers were written.
func asDecimal(x float64) (m int64, k int, ok bool) {
	for k, p := range pow10[:decimalDigits+1] {
		if m := math.Round(x * p); math.Abs(m) < 1<<53 && m/p == x {
			return int64(m), k, true
		}
	}
	return 0, 0, false
}

// appendDecimal appends m/10^k as a decimal: m's digits with a point k
// digits from the right (and zeros before them as needed), for a k at
// which m does not end in 0.
func appendDecimal(dst []byte, m int64, k int) []byte {
	if m < 0 {
		dst = append(dst, '-')
		m = -m
	}
	var b [24]byte
	d := strconv.AppendInt(b[:0], m, 10)
	if len(d) <= k {
		dst = append(dst, "0."...)
		for range k - len(d) {
			dst = append(dst, '0')
		}
		return append(dst, d...)
	}
	dst = append(dst, d[:len(d)-k]...)
	dst = append(dst, '.')
	return append(dst, d[len(d)-k:]...)
}
