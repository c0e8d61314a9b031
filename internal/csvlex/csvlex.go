// Package csvlex splits CSV text into records without allocating per
// field: the one CSV lexer of cxkit, shared by the survey, retail and
// CSI readers (metrics/surveycsv) and by the import of field data
// (fielddata).
//
// A Lexer gives the records encoding/csv gives with FieldsPerRecord -1
// and strict quotes, and the same errors at the same lines and columns,
// and like encoding/csv it reads on after a record it refuses, from the
// line after the error. It differs in what it hands out: each field is
// a slice of its buffer (a quoted field a slice of a scratch buffer,
// without its quotes), valid until the next call to Next, and it may
// keep only the fields it is asked for. Once its buffers have grown, a
// record costs no allocation.
//
// A file can be lexed by many goroutines: one finds where its records
// end (Skim, which costs little more than a scan for line breaks and
// quotes) and hands runs of whole records to others, each with a Lexer
// Reset to its run; NextRun gives a record as one run of bytes, without
// the fields' positions, which only a record to complain about needs.
//
// DecimalPoint is the one rule of what a decimal comma in a cell is,
// shared by the same readers.
package csvlex

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"
)

// Lexer reads records from an io.Reader. Lines are counted from 1 at
// its first byte, or from where Start says; a record never needs more
// than its own bytes, so a Lexer can start at any record boundary of a
// file (metrics/surveycsv's workers do).
type Lexer struct {
	src  io.Reader
	buf  []byte
	off  int  // next unread byte of buf
	eof  bool // buf holds the rest of the input
	rerr error
	pos  int64 // the input offset of buf[0]

	comma byte
	line  int // the line buf[off] is on

	// want[i] is the slot of field i, or -1 when it is not kept; nil
	// keeps every field, field i in slot i.
	want []int
	rec  Record
	// skimming makes parse keep no field, whatever want says (Skim).
	skimming bool
}

// Record is the record Next read last. Its slices are valid until the
// next call to Next.
type Record struct {
	// Fields is how many fields the record has, kept or not.
	Fields int
	// Line is the line the record starts on; FirstLine and LastLine
	// are the lines of its first and last field (a quoted field may hold
	// line breaks).
	Line, FirstLine, LastLine int
	// Start and End are the offsets in Buffer of its first byte and
	// just past it (its line break included).
	Start, End int
	// Vals are the kept fields, by slot.
	Vals    []Field
	scratch [][]byte // per slot, for quoted values
}

// Field is one kept field.
type Field struct {
	Val []byte
	OK  bool // the record has this field
	// Line and Col are where the field starts, as encoding/csv's
	// FieldPos gives them (Col in bytes, from 1); LineStart is the
	// offset in Buffer of that line's first byte, to count characters
	// (see CharCol).
	Line, Col, LineStart int
}

// MaxRecordSize is the longest record (its fields, quoted line breaks
// included) a Lexer takes, in bytes; a real row is a few hundred. A
// longer one ends the input with an error: one endless cell (/dev/zero,
// a binary file) would otherwise take all memory.
const MaxRecordSize = 1 << 20

// LongRecordError is a record longer than MaxRecordSize, which ends the
// input.
type LongRecordError struct {
	Line int // where the record starts
}

func (e *LongRecordError) Error() string {
	return fmt.Sprintf("line %d: %s", e.Line, e.Message())
}

// Message says what is wrong, without the line.
func (e *LongRecordError) Message() string {
	return fmt.Sprintf("a row longer than %d MiB: not a CSV file, or a cell left unclosed by a quote", MaxRecordSize>>20)
}

// errShort means the buffer ends before the record does: read more and
// parse the record again from its start.
var errShort = errors.New("csvlex: record continues past the buffer")

// New returns a Lexer of src with the separator comma, keeping every
// field.
func New(src io.Reader, comma byte) *Lexer {
	return &Lexer{src: src, comma: comma, line: 1, buf: make([]byte, 0, 64<<10)}
}

// Keep makes the Lexer keep only some fields from the next record on:
// field i goes to slot want[i] of Record.Vals when want[i] >= 0, and
// fields past len(want) are dropped; slots is how many there are. A
// field not kept costs no copy even when quoted.
func (x *Lexer) Keep(want []int, slots int) {
	x.want = want
	x.rec.Vals = make([]Field, slots)
	x.rec.scratch = make([][]byte, slots)
}

// Start says that the Lexer's first byte is at input offset pos, on
// line line; it must be called before the first read.
func (x *Lexer) Start(pos int64, line int) { x.pos, x.line = pos, line }

// Comma returns the separator.
func (x *Lexer) Comma() byte { return x.comma }

// SetComma changes the separator, for the records not read yet.
func (x *Lexer) SetComma(c byte) { x.comma = c }

// Offset returns the input offset of the next unread byte.
func (x *Lexer) Offset() int64 { return x.pos + int64(x.off) }

// Line returns the line of the next unread byte.
func (x *Lexer) Line() int { return x.line }

// Record returns the record Next read last.
func (x *Lexer) Record() *Record { return &x.rec }

// Bytes returns the record's bytes as the input has them.
func (x *Lexer) Bytes() []byte { return x.buf[x.rec.Start:x.rec.End] }

// Peek returns at least n unread bytes, or all the rest of the input
// when it has fewer, without reading past them: for telling the
// separator and the encoding from a file's start.
func (x *Lexer) Peek(n int) ([]byte, error) {
	for !x.eof && len(x.buf)-x.off < n {
		if err := x.fill(x.off); err != nil {
			return nil, err
		}
	}
	return x.buf[x.off:], nil
}

// Skip skips n unread bytes (at most those Peek returned), such as a
// byte order mark. Lines are not counted in them.
func (x *Lexer) Skip(n int) { x.off += min(n, len(x.buf)-x.off) }

// fill reads more input, dropping buf[:keep].
func (x *Lexer) fill(keep int) error {
	if x.eof {
		return x.rerr
	}
	if keep > 0 {
		n := copy(x.buf, x.buf[keep:])
		x.buf = x.buf[:n]
		x.off -= keep
		x.pos += int64(keep)
	}
	if len(x.buf) == cap(x.buf) {
		// The buffer grows only for a record that does not fit.
		if len(x.buf) >= MaxRecordSize {
			x.eof, x.rerr = true, &LongRecordError{Line: x.line}
			return x.rerr
		}
		// Doubled exactly (append would round up past the limit).
		nb := make([]byte, len(x.buf), 2*cap(x.buf))
		copy(nb, x.buf)
		x.buf = nb
	}
	// The buffer is filled whole, however little each read gives (a
	// pipe's few kilobytes): a record that did not fit is parsed again
	// from its start, so that work stays in proportion to the input
	// only if the buffer at least doubles what it holds between tries.
	for len(x.buf) < cap(x.buf) {
		n, err := x.src.Read(x.buf[len(x.buf):cap(x.buf)])
		x.buf = x.buf[:len(x.buf)+n]
		if err == io.EOF {
			x.eof = true
			return nil
		}
		if err != nil {
			x.eof, x.rerr = true, err
			return err
		}
	}
	return nil
}

// line is one line as encoding/csv's readLine returns it: text is the
// line without its line break ("\r\n" counts as one), nl whether it had
// one, size its bytes in the input.
type line struct {
	text  []byte
	start int // offset in buf
	nl    bool
	size  int
}

// readLine returns the line at buf[at:]. size 0 means the end of input.
func (x *Lexer) readLine(at int) (line, error) {
	rest := x.buf[at:]
	i := bytes.IndexByte(rest, '\n')
	if i < 0 {
		if !x.eof {
			return line{}, errShort
		}
		l := line{text: rest, start: at, size: len(rest)}
		// As encoding/csv: a trailing \r before the end is dropped.
		if n := len(rest); n > 0 && rest[n-1] == '\r' {
			l.text = rest[:n-1]
		}
		return l, nil
	}
	l := line{text: rest[:i], start: at, nl: true, size: i + 1}
	if i > 0 && rest[i-1] == '\r' {
		l.text = rest[:i-1]
	}
	return l, nil
}

// Next reads the next record, reading more input as needed. It returns
// io.EOF at the end; a *csv.ParseError for a record encoding/csv would
// refuse (Column in bytes, see ErrorCol), after which the next call
// reads on from the line after the error, as encoding/csv does; or the
// read error, which ends the input.
func (x *Lexer) Next() error {
	for {
		err := x.parse()
		if err != errShort {
			return err
		}
		if err := x.fill(x.off); err != nil {
			return err
		}
	}
}

// parse is one try at Next on what the buffer holds; it changes nothing
// but x.rec until the record is whole or refused.
func (x *Lexer) parse() error {
	at, ln := x.off, x.line
	var l line
	for {
		var err error
		if l, err = x.readLine(at); err != nil {
			return err
		}
		if l.size == 0 {
			x.off, x.line = at, ln
			return io.EOF
		}
		if len(l.text) > 0 {
			break
		}
		// A blank line (or a lone \r at the end) is skipped.
		at += l.size
		if l.nl {
			ln++
		}
	}
	r := &x.rec
	if !x.skimming {
		for i := range r.Vals {
			r.Vals[i] = Field{}
		}
	}
	r.Start, r.Line, r.Fields = at, ln, 0
	text := l.text
	col, lineStart := 1, at
	// keep records the end of a field, val when it is kept.
	keep := func(k int, val []byte, fline, fcol, fstart int) {
		if k >= 0 {
			r.Vals[k] = Field{Val: val, OK: true, Line: fline, Col: fcol, LineStart: fstart}
		}
		if r.Fields == 0 {
			r.FirstLine = fline
		}
		r.LastLine = fline
		r.Fields++
	}
	// bad refuses the record; the next one starts after the line the
	// error is on, which encoding/csv has read whole by then.
	bad := func(c int, e error) error {
		r.End = l.start + l.size
		x.off, x.line = r.End, ln
		if l.nl {
			x.line++
		}
		return &csv.ParseError{StartLine: r.Line, Line: ln, Column: c, Err: e}
	}
fields:
	for {
		k := x.slot(r.Fields)
		if len(text) == 0 || text[0] != '"' {
			i := bytes.IndexByte(text, x.comma)
			field := text
			if i >= 0 {
				field = text[:i]
			}
			if j := bytes.IndexByte(field, '"'); j >= 0 {
				return bad(col+j, csv.ErrBareQuote)
			}
			keep(k, field, ln, col, lineStart)
			if i < 0 {
				break
			}
			text = text[i+1:]
			col += i + 1
			continue
		}
		// A quoted field: its value is copied only when it is kept.
		var val []byte
		if k >= 0 {
			val = r.scratch[k][:0]
		}
		fline, fcol, fstart := ln, col, lineStart
		text = text[1:]
		col++
		for {
			if i := bytes.IndexByte(text, '"'); i >= 0 {
				if k >= 0 {
					val = append(val, text[:i]...)
				}
				text = text[i+1:]
				col += i + 1
				switch {
				case len(text) > 0 && text[0] == '"': // "" is a quote
					if k >= 0 {
						val = append(val, '"')
					}
					text = text[1:]
					col++
					continue
				case len(text) > 0 && text[0] == x.comma:
					x.keepScratch(k, val)
					keep(k, val, fline, fcol, fstart)
					text = text[1:]
					col++
					continue fields
				case len(text) == 0:
					x.keepScratch(k, val)
					keep(k, val, fline, fcol, fstart)
					break fields
				}
				return bad(col-1, csv.ErrQuote)
			}
			lineLen := len(text)
			if l.nl {
				lineLen++
			}
			if lineLen == 0 {
				return bad(col, csv.ErrQuote) // the input ends inside quotes
			}
			if k >= 0 {
				val = append(val, text...)
				if l.nl {
					val = append(val, '\n')
				}
			}
			col += lineLen
			var err error
			if l, err = x.readLine(l.start + l.size); err != nil {
				return err
			}
			if l.nl || len(l.text) > 0 {
				ln++
				col = 1
				lineStart = l.start
			}
			text = l.text
		}
	}
	r.End = l.start + l.size
	x.off = r.End
	x.line = ln
	if l.nl {
		x.line++
	}
	return nil
}

// slot returns where field i is kept, or -1.
func (x *Lexer) slot(i int) int {
	if x.skimming {
		return -1
	}
	if x.want != nil {
		if i < len(x.want) {
			return x.want[i]
		}
		return -1
	}
	if i >= len(x.rec.Vals) {
		x.rec.Vals = append(x.rec.Vals, Field{})
		x.rec.scratch = append(x.rec.scratch, nil)
	}
	return i
}

// keepScratch keeps a quoted value's buffer, grown, for the next record.
func (x *Lexer) keepScratch(k int, val []byte) {
	if k >= 0 {
		x.rec.scratch[k] = val
	}
}

// CharCol returns the column of field f of the current record in
// characters, as cxkit counts columns everywhere, rather than bytes.
func (x *Lexer) CharCol(f Field) int {
	return utf8.RuneCount(x.buf[f.LineStart:f.LineStart+f.Col-1]) + 1
}

// ErrorCol returns the column of pe, the error Next just returned, in
// characters.
func (x *Lexer) ErrorCol(pe *csv.ParseError) int {
	// The line the error is on starts at or after the record, which
	// starts after any blank lines before it.
	ls := x.rec.Start
	for l := x.rec.Line; l < pe.Line; l++ {
		ls += bytes.IndexByte(x.buf[ls:], '\n') + 1
	}
	end := min(ls+pe.Column-1, len(x.buf))
	return utf8.RuneCount(x.buf[ls:end]) + 1
}
