// Package binstate writes and reads the saved states of the library's
// mergeable accumulators (korto.Aggregator, support.Accumulator): a
// magic string, then unsigned and signed varints, length-prefixed
// strings and float64 bit patterns (encoding/binary), so that partial
// results travel between machines and merge there exactly.
//
// A Reader keeps the first problem it meets and returns zeros after it,
// so a decoder reads field after field and checks Err once; lengths are
// checked against the bytes left, so that a corrupted state cannot make
// the reader allocate more than its input justifies.
package binstate

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
)

// Writer appends a state to B.
type Writer struct{ B []byte }

// Uint appends an unsigned varint.
func (w *Writer) Uint(x uint64) { w.B = binary.AppendUvarint(w.B, x) }

// Int appends a signed varint.
func (w *Writer) Int(x int64) { w.B = binary.AppendVarint(w.B, x) }

// Str appends a length-prefixed string.
func (w *Writer) Str(s string) {
	w.Uint(uint64(len(s)))
	w.B = append(w.B, s...)
}

// Float appends the eight bytes of x's bit pattern, so that it is
// restored exactly (a NaN's payload and a negative zero included).
func (w *Writer) Float(x float64) { w.B = binary.LittleEndian.AppendUint64(w.B, math.Float64bits(x)) }

// Reader reads a state from B; the first problem sticks in Err and every
// read after it returns zeros.
type Reader struct {
	B   []byte
	Err error
}

// Magic consumes m when the state continues with it and reports whether
// it did; it sets no error, so the caller says what was expected.
func (r *Reader) Magic(m []byte) bool {
	if r.Err != nil || len(r.B) < len(m) || string(r.B[:len(m)]) != string(m) {
		return false
	}
	r.B = r.B[len(m):]
	return true
}

var errNumber = errors.New("truncated or bad number")

// Uint reads an unsigned varint.
func (r *Reader) Uint() uint64 {
	if r.Err != nil {
		return 0
	}
	x, n := binary.Uvarint(r.B)
	if n <= 0 {
		r.Err = errNumber
		return 0
	}
	r.B = r.B[n:]
	return x
}

// Int reads a signed varint.
func (r *Reader) Int() int64 {
	if r.Err != nil {
		return 0
	}
	x, n := binary.Varint(r.B)
	if n <= 0 {
		r.Err = errNumber
		return 0
	}
	r.B = r.B[n:]
	return x
}

// Float reads a float64 written by Writer.Float.
func (r *Reader) Float() float64 {
	if r.Err != nil {
		return 0
	}
	if len(r.B) < 8 {
		r.Err = errNumber
		return 0
	}
	x := math.Float64frombits(binary.LittleEndian.Uint64(r.B))
	r.B = r.B[8:]
	return x
}

// Count reads a length, checking that the rest of the state can hold
// that many entries of at least min bytes each.
func (r *Reader) Count(min int) int {
	n := r.Uint()
	if r.Err == nil && n > uint64(len(r.B)/min) {
		r.Err = errors.New("a length longer than the state")
		return 0
	}
	return int(n)
}

// Str reads a length-prefixed string.
func (r *Reader) Str() string {
	n := r.Count(1)
	if r.Err != nil {
		return ""
	}
	s := string(r.B[:n])
	r.B = r.B[n:]
	return s
}

// NonNeg reads a count, which no accumulator saves below zero.
func (r *Reader) NonNeg() int64 {
	x := r.Int()
	if x < 0 && r.Err == nil {
		r.Err = errors.New("a negative count")
	}
	return x
}

// NonNegInt is NonNeg for the int counts of an accumulator, refusing
// one that does not fit.
func (r *Reader) NonNegInt() int {
	x := r.NonNeg()
	if x > math.MaxInt && r.Err == nil {
		r.Err = errors.New("a count too large for this machine")
	}
	return int(x)
}

// Index reads an index into a list of n entries.
func (r *Reader) Index(n int) int {
	x := r.Uint()
	if r.Err == nil && x >= uint64(n) {
		r.Err = fmt.Errorf("index %d out of %d", x, n)
	}
	return int(x)
}

// End sets Err when bytes are left after the state.
func (r *Reader) End() {
	if r.Err == nil && len(r.B) > 0 {
		r.Err = fmt.Errorf("%d bytes after the state", len(r.B))
	}
}
