package binstate

import (
	"math"
	"testing"
)

// What a Writer writes, a Reader reads back, bit for bit, and nothing
// is left over.
func TestRoundTrip(t *testing.T) {
	w := &Writer{B: []byte("magic\n")}
	w.Uint(math.MaxUint64)
	w.Int(math.MinInt64)
	w.Str("Анна")
	w.Float(math.Copysign(0, -1))
	w.Float(0.1 + 0.2)
	r := &Reader{B: w.B}
	if !r.Magic([]byte("magic\n")) {
		t.Fatal("magic not read")
	}
	if u, i, s := r.Uint(), r.Int(), r.Str(); u != math.MaxUint64 || i != math.MinInt64 || s != "Анна" {
		t.Errorf("read %d %d %q", u, i, s)
	}
	if z, f := r.Float(), r.Float(); math.Float64bits(z) != math.Float64bits(math.Copysign(0, -1)) || f != 0.1+0.2 {
		t.Errorf("read %v %v", z, f)
	}
	r.End()
	if r.Err != nil {
		t.Fatal(r.Err)
	}
}

// A length longer than the bytes left is an error, not an allocation;
// after the first error every read gives zero.
func TestBadInput(t *testing.T) {
	w := &Writer{}
	w.Uint(1 << 40)
	r := &Reader{B: w.B}
	if r.Str() != "" || r.Err == nil {
		t.Fatalf("a string of 2^40 bytes in %d: err %v", len(w.B), r.Err)
	}
	if r.Uint() != 0 || r.Float() != 0 {
		t.Error("reads after an error must give zero")
	}
	r = &Reader{B: []byte{0x80}}
	if r.Uint(); r.Err == nil {
		t.Error("a truncated varint: want an error")
	}
	w = &Writer{}
	w.Int(-1)
	w.Uint(3)
	r = &Reader{B: w.B}
	if r.NonNeg(); r.Err == nil {
		t.Error("a negative count: want an error")
	}
	r = &Reader{B: w.B[1:]}
	if r.Index(3); r.Err == nil {
		t.Error("index 3 of 3: want an error")
	}
}
