package csvlex

import (
	"bytes"
	"encoding/binary"
	"io"
	"math/bits"
	"slices"
)

// This file holds what lets a file be read by many goroutines: one
// goroutine finds where the records end (Skim), others lex runs of whole
// records (Reset) into a form that costs one copy per record (NextRun).
// Each is held to Next, and through it to encoding/csv, by the tests.

// Reset makes the Lexer read data, whose first byte is on line line,
// as the whole of its input: a goroutine that cuts a file into runs of
// whole records with Skim hands each run to a Lexer of its own. data is
// read in place, not copied, and must not change while it is read.
func (x *Lexer) Reset(data []byte, line int) {
	x.src, x.buf, x.off, x.eof, x.rerr, x.pos, x.line = nil, data, 0, true, nil, 0, line
}

// Skim reads past the next record as Next does, keeping none of its
// fields, and returns its bytes: from the end of the record before it
// (so blank lines before it are included) to its end, so that a Lexer
// Reset to those bytes and the line Line had before the call reads the
// same record, or the same error. The bytes are valid until the next
// call. After a *csv.ParseError they are what Next reads of the bad
// record (to the end of the line of the error); at the end Skim returns
// nil and io.EOF; other errors (a LongRecordError, a read error) end
// the input, as they do for Next. Record says only where the record is
// (Line, Start, End).
//
// A line without quotes, most lines of a CSV file, costs two scans of
// its bytes; a line whose quoted fields all end on it, a scan more.
func (x *Lexer) Skim() ([]byte, error) {
	for {
		from := x.off
		err := x.skim()
		switch err {
		case errShort:
			if err := x.fill(x.off); err != nil {
				return nil, err
			}
			continue
		case io.EOF:
			return nil, err
		}
		return x.buf[from:x.off], err
	}
}

func (x *Lexer) skim() error {
	at, ln := x.off, x.line
	for {
		text, size := x.fullLine(at)
		if size == 0 {
			break // the last line: parse does it
		}
		if q := bytes.IndexByte(text, '"'); q >= 0 && !quotesClose(text, q, x.comma) {
			break // a record over several lines, or an error: parse does it
		}
		if len(text) == 0 {
			at += size // a blank line
			ln++
			continue
		}
		x.rec.Start, x.rec.End, x.rec.Line = at, at+size, ln
		x.off, x.line = at+size, ln+1
		return nil
	}
	x.skimming = true
	err := x.parse()
	x.skimming = false
	return err
}

// quotesClose reports whether the line text, whose first quote is at
// q, is one record on its own with no error: every quote starts a
// field and the field ends on the line, with a quote before a separator
// or the line's end (lineRun reads such a line). Comments, addresses
// and names with a separator in them are quoted, so most exports have
// such lines; telling them apart with a scan for quotes, rather than
// parsing them field by field, keeps the cutting of a file for the
// workers, which is done one turn at a time, little more than a scan
// for line breaks.
func quotesClose(text []byte, q int, comma byte) bool {
	for p := q; ; {
		if p > 0 && text[p-1] != comma {
			return false // a bare quote
		}
		for p++; ; p++ { // past the opening quote, or a "" in the field
			j := bytes.IndexByte(text[p:], '"')
			if j < 0 {
				return false // the field goes on over the line break
			}
			p += j + 1
			if p >= len(text) || text[p] != '"' {
				break
			}
		}
		switch {
		case p == len(text):
			return true
		case text[p] != comma:
			return false // a quote inside a quoted field
		}
		j := bytes.IndexByte(text[p:], '"')
		if j < 0 {
			return true
		}
		p += j
	}
}

// fullLine returns the line at buf[at:] as readLine does when that line
// ends with a line break in the buffer; otherwise size is 0.
func (x *Lexer) fullLine(at int) (text []byte, size int) {
	rest := x.buf[at:]
	i := bytes.IndexByte(rest, '\n')
	if i < 0 {
		return nil, 0
	}
	text = rest[:i]
	if i > 0 && text[i-1] == '\r' {
		text = text[:i-1]
	}
	return text, i + 1
}

// NextRun reads the next record as Next does and puts its fields into
// run, one after another with the separator between them, and where
// each ends into ends: field 0 is run[:ends[0]], field i is
// run[ends[i-1]+1:ends[i]]. It reuses the memory of run and ends. The
// Lexer must keep every field (no Keep).
//
// A record on one line is read straight into run, without the fields'
// positions: Record says its line (Line, FirstLine, LastLine), its
// place and how many fields it has, but not Vals. A record over several
// lines (a quoted line break) is read by Next, so Record.Vals holds each
// field and where it starts. The errors are Next's.
func (x *Lexer) NextRun(run []byte, ends []int32) ([]byte, []int32, error) {
	run, ends = run[:0], ends[:0]
	if r, e, ok := x.lineRun(run, ends); ok {
		return r, e, nil
	}
	if err := x.Next(); err != nil {
		return run, ends, err
	}
	rec := &x.rec
	for i := range rec.Fields {
		if i > 0 {
			run = append(run, x.comma)
		}
		run = append(run, rec.Vals[i].Val...)
		ends = append(ends, int32(len(run)))
	}
	return run, ends, nil
}

// lineRun is NextRun for a record that is one line of the buffer with
// no error in it; for any other it returns false, having changed
// nothing but run and ends, and Next reads the record.
func (x *Lexer) lineRun(run []byte, ends []int32) ([]byte, []int32, bool) {
	at, ln := x.off, x.line
	var (
		text []byte
		size int
	)
	for {
		if text, size = x.fullLine(at); size == 0 {
			return run, ends, false
		}
		if len(text) > 0 {
			break
		}
		at += size // a blank line
		ln++
	}
	comma := x.comma
	for p := 0; ; {
		if p < len(text) && text[p] == '"' {
			// A quoted field, which must end on this line with a quote
			// before a separator or the line's end.
			q := p + 1
			for {
				j := bytes.IndexByte(text[q:], '"')
				if j < 0 {
					return run, ends, false // it goes on over the line break
				}
				run = append(run, text[q:q+j]...)
				q += j + 1
				if q < len(text) && text[q] == '"' { // "" is a quote
					run = append(run, '"')
					q++
					continue
				}
				break
			}
			ends = append(ends, int32(len(run)))
			if q == len(text) {
				break
			}
			if text[q] != comma {
				return run, ends, false // an error: Next says where
			}
			run = append(run, comma)
			p = q + 1
			continue
		}
		// Unquoted fields, up to a quote that must start a field.
		j := bytes.IndexByte(text[p:], '"')
		if j < 0 {
			base := len(run)
			run = append(run, text[p:]...)
			ends = appendSeps(ends, text[p:], base, comma)
			ends = append(ends, int32(len(run)))
			break
		}
		if text[p+j-1] != comma {
			return run, ends, false // a bare quote: Next says where
		}
		base := len(run)
		run = append(run, text[p:p+j]...)
		ends = appendSeps(ends, text[p:p+j], base, comma)
		p += j
	}
	r := &x.rec
	r.Start, r.End, r.Fields = at, at+size, len(ends)
	r.Line, r.FirstLine, r.LastLine = ln, ln, ln
	x.off, x.line = at+size, ln+1
	return run, ends, true
}

// appendSeps appends to ends base+i for each i where seg[i] is sep,
// eight bytes at a time: a row of a form has a hundred short fields,
// for which a call of bytes.IndexByte each costs more than the scan.
func appendSeps(ends []int32, seg []byte, base int, sep byte) []int32 {
	const (
		low7 = 0x7f7f7f7f7f7f7f7f
		ones = 0x0101010101010101
	)
	// Room for a separator in every byte, once a row: the loop then
	// stores without growing ends (the row's ends are reused).
	ends = slices.Grow(ends, len(seg))
	out := ends[len(ends):cap(ends)]
	n := 0
	pat := uint64(sep) * ones
	i := 0
	for ; i+8 <= len(seg); i += 8 {
		v := binary.LittleEndian.Uint64(seg[i:]) ^ pat
		// The high bit of each byte that was sep (is 0 in v), exactly:
		// no carry crosses a byte.
		m := ^(((v & low7) + low7) | v | low7)
		for m != 0 {
			out[n] = int32(base + i + bits.TrailingZeros64(m)>>3)
			n++
			m &= m - 1
		}
	}
	for ; i < len(seg); i++ {
		if seg[i] == sep {
			out[n] = int32(base + i)
			n++
		}
	}
	return ends[:len(ends)+n]
}
