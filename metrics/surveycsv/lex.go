package surveycsv

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"
)

// lexer splits CSV text into records the way encoding/csv does with
// FieldsPerRecord -1 and strict quotes (the same records, the same
// errors at the same lines and columns), but it keeps only the fields
// it is asked for, as slices of its buffer, and allocates nothing per
// record once its buffers have grown. A quoted field it keeps is copied
// into a scratch buffer of its own, without its quotes.
//
// Lines are counted from 1 at the lexer's first byte plus base; a
// record never needs more than its own bytes, so a lexer can start at
// any record boundary of a file (see read.go).
type lexer struct {
	src  io.Reader
	buf  []byte
	off  int  // next unread byte of buf
	eof  bool // buf holds the rest of the input
	rerr error
	// pos is the input offset of buf[0], for the workers' boundaries.
	pos int64

	comma byte
	line  int // the line buf[off] is on

	// want[i] is the index in rec of field i, or -1 when it is not kept.
	want []int
	rec  lexRecord
}

// lexRecord is one record: the kept fields, where each starts, and how
// many fields it has.
type lexRecord struct {
	fields  int
	line    int // the line the record starts on
	start   int // offset in buf of its first byte (after skipped blank lines)
	end     int // offset in buf just past it
	firstLn int // the line of field 0
	lastLn  int // the line of the last field
	vals    []lexField
	scratch [][]byte // per kept field, for quoted values
}

type lexField struct {
	val []byte
	ok  bool // the record has this field
	// line and col are where the field starts, as encoding/csv's
	// FieldPos gives them (col in bytes, from 1); lineStart is the
	// offset in buf of that line's first byte, to count characters.
	line, col, lineStart int
}

// MaxRecordSize is the longest row (all its cells, quoted newlines
// included) a reader takes, in bytes; a real row is a few hundred.
const MaxRecordSize = 1 << 20

// errShort means the buffer ends before the record does: read more and
// parse the record again from its start.
var errShort = errors.New("surveycsv: record continues past the buffer")

func newLexer(src io.Reader, comma byte, want []int, nkeep int) *lexer {
	x := &lexer{src: src, comma: comma, line: 1, want: want, buf: make([]byte, 0, 64<<10)}
	x.rec.vals = make([]lexField, nkeep)
	x.rec.scratch = make([][]byte, nkeep)
	return x
}

// fill reads more input, keeping buf[keep:], and reports whether
// anything new came (or the end was reached).
func (x *lexer) fill(keep int) error {
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
		// The buffer grows only for a record that does not fit: one
		// endless cell (/dev/zero, a binary file) would take all memory.
		if len(x.buf) >= MaxRecordSize {
			x.eof, x.rerr = true, fmt.Errorf("line %d: a row longer than %d MiB: not a CSV file, or a cell left unclosed by a quote", x.line, MaxRecordSize>>20)
			return x.rerr
		}
		x.buf = append(x.buf, make([]byte, cap(x.buf))...)[:len(x.buf)]
	}
	for {
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
		if n > 0 {
			return nil
		}
	}
}

// lexLine is one line as encoding/csv's readLine returns it: text is the
// line without its newline ("\r\n" counts as one), nl whether it had
// one, size its bytes in the input.
type lexLine struct {
	text  []byte
	start int // offset in buf
	nl    bool
	size  int
}

// readLine returns the line at buf[at:]. size 0 means the end of input.
func (x *lexer) readLine(at int) (lexLine, error) {
	rest := x.buf[at:]
	i := bytes.IndexByte(rest, '\n')
	if i < 0 {
		if !x.eof {
			return lexLine{}, errShort
		}
		l := lexLine{text: rest, start: at, size: len(rest)}
		// As encoding/csv: a trailing \r before the end is dropped.
		if n := len(rest); n > 0 && rest[n-1] == '\r' {
			l.text = rest[:n-1]
		}
		return l, nil
	}
	l := lexLine{text: rest[:i], start: at, nl: true, size: i + 1}
	if i > 0 && rest[i-1] == '\r' {
		l.text = rest[:i-1]
	}
	return l, nil
}

// next parses the record at buf[off:], reading more input as needed. It
// returns io.EOF at the end, a *csv.ParseError for a record encoding/csv
// would refuse (its Column in bytes), or a read error.
func (x *lexer) next() error {
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

// parse is one try at next on what the buffer holds; it changes
// nothing but x.rec until the record is whole.
func (x *lexer) parse() error {
	at, line := x.off, x.line
	var l lexLine
	for {
		var err error
		if l, err = x.readLine(at); err != nil {
			return err
		}
		if l.size == 0 {
			x.off, x.line = at, line
			return io.EOF
		}
		if len(l.text) > 0 {
			break
		}
		// A blank line (or a lone \r at the end) is skipped.
		at += l.size
		if l.nl {
			line++
		}
	}
	r := &x.rec
	for i := range r.vals {
		r.vals[i] = lexField{}
	}
	r.start, r.line, r.fields = at, line, 0
	text := l.text
	col, lineStart := 1, at
	// keep records the end of a field, val when it is kept.
	keep := func(k int, val []byte, fline, fcol, fstart int) {
		if k >= 0 {
			r.vals[k] = lexField{val: val, ok: true, line: fline, col: fcol, lineStart: fstart}
		}
		if r.fields == 0 {
			r.firstLn = fline
		}
		r.lastLn = fline
		r.fields++
	}
	bad := func(ln, c int, e error) error {
		return &csv.ParseError{StartLine: r.line, Line: ln, Column: c, Err: e}
	}
fields:
	for {
		k := x.slot(r.fields)
		if len(text) == 0 || text[0] != '"' {
			i := bytes.IndexByte(text, x.comma)
			field := text
			if i >= 0 {
				field = text[:i]
			}
			if j := bytes.IndexByte(field, '"'); j >= 0 {
				return bad(line, col+j, csv.ErrBareQuote)
			}
			keep(k, field, line, col, lineStart)
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
		fline, fcol, fstart := line, col, lineStart
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
				return bad(line, col-1, csv.ErrQuote)
			}
			lineLen := len(text)
			if l.nl {
				lineLen++
			}
			if lineLen == 0 {
				return bad(line, col, csv.ErrQuote) // the input ends inside quotes
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
				line++
				col = 1
				lineStart = l.start
			}
			text = l.text
		}
	}
	r.end = l.start + l.size
	x.off = r.end
	x.line = line
	if l.nl {
		x.line++
	}
	return nil
}

// slot returns where field i is kept, or -1. A lexer without want
// keeps every field (the header).
func (x *lexer) slot(i int) int {
	if x.want != nil {
		if i < len(x.want) {
			return x.want[i]
		}
		return -1
	}
	if i >= len(x.rec.vals) {
		x.rec.vals = append(x.rec.vals, lexField{})
		x.rec.scratch = append(x.rec.scratch, nil)
	}
	return i
}

// keepScratch keeps a quoted value's buffer, grown, for the next record.
func (x *lexer) keepScratch(k int, val []byte) {
	if k >= 0 {
		x.rec.scratch[k] = val
	}
}

// charCol turns field f's byte column into characters, as cxkit counts
// columns everywhere.
func (x *lexer) charCol(f lexField) int {
	return utf8.RuneCount(x.buf[f.lineStart:f.lineStart+f.col-1]) + 1
}

// lineCharCol does the same for a byte column of the line starting at
// lineStart (a parse error's).
func (x *lexer) lineCharCol(lineStart, col int) int {
	end := min(lineStart+col-1, len(x.buf))
	return utf8.RuneCount(x.buf[lineStart:end]) + 1
}
