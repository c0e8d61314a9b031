package fielddata

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
)

// appendNumber's short cut must write what FormatFloat writes, at the
// edges of the whole numbers it takes and past them.
func TestAppendNumberAsFormatFloat(t *testing.T) {
	xs := []float64{0, math.Copysign(0, -1), 1, -1, 10, 100, 4.5, -2.25, 999999, -999999,
		1e6, -1e6, 1e6 - 0.5, 1234567, 1e21, 1e-7, 0.1, math.MaxFloat64, math.SmallestNonzeroFloat64,
		math.Inf(1), math.Inf(-1), math.NaN()}
	for i := range 2000 {
		xs = append(xs, float64(i-1000), float64(i)*997, float64(i)/8)
	}
	// Decimals, at the edges of the short cut's range and its digits.
	xs = append(xs, 1e-4, -1e-4, 1e-5, 9.9e-5, 0.00011, 0.000123456, 1e6-1e-6, 999999.5, 999999.999999,
		0.1+0.2, 1.0/3, 2.675, 1e-6, 123456.7890123, math.Nextafter(0.1, 1), math.Nextafter(2.7, 0))
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		k := r.IntN(8)
		m := r.Int64N(2_000_000_000_000) - 1_000_000_000_000
		xs = append(xs, float64(m%1_000_000)/pow10[k], float64(m)/pow10[k+6], r.Float64()*math.Pow(10, float64(r.IntN(12)-6)))
	}
	for _, x := range xs {
		want := strconv.FormatFloat(x, 'g', -1, 64)
		if got := string(appendNumber(nil, x)); got != want {
			t.Errorf("appendNumber(%v) = %q, want %q", x, got, want)
		}
	}
}

// FuzzAppendNumber holds appendNumber's short cuts to FormatFloat on
// any float, and on decimals m/10^k made of any m and k.
func FuzzAppendNumber(f *testing.F) {
	f.Add(2.7, int64(27), uint8(1))
	f.Add(1e-4, int64(-999999999999), uint8(6))
	f.Add(math.Copysign(0, -1), int64(5), uint8(3))
	f.Fuzz(func(t *testing.T, x float64, m int64, k uint8) {
		for _, x := range []float64{x, float64(m) / pow10[k%16]} {
			if got, want := string(appendNumber(nil, x)), strconv.FormatFloat(x, 'g', -1, 64); got != want {
				t.Errorf("appendNumber(%v) = %s, FormatFloat says %s", x, got, want)
			}
		}
	})
}

var quoteCorpus = []string{"", "yes", "a b", "~", "\\x7f\x7f", "<&>", "\"q\"", "back\\slash", "tab\there",
	"нет", "\xff", "ёж\xffж", "a\u2028b", "\u2029", "\u00a0", "😀", "\xed\xa0\x80", "Продавец: \"да\""}

// appendString's short cut must quote as jsontext does.
func TestAppendStringPlain(t *testing.T) {
	for _, s := range quoteCorpus {
		want := string(appendStringSlow(nil, s))
		if got := string(appendString(nil, s)); got != want {
			t.Errorf("appendString(%q) = %s, want %s", s, got, want)
		}
	}
}

func FuzzAppendString(f *testing.F) {
	for _, s := range quoteCorpus {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := string(appendString(nil, s)), string(appendStringSlow(nil, s)); got != want {
			t.Errorf("appendString(%q) = %s, jsontext says %s", s, got, want)
		}
	})
}

// appendFrag writes what append writes, for frags shorter and longer
// than its block, cut as appendJSON cuts them, into lines with and
// without room to spare.
func TestAppendFrag(t *testing.T) {
	for n := range 2*fragCopy + 2 {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte('a' + i%26)
		}
		frag := newFrag(b)
		for _, cut := range []int{0, 1} {
			if cut > n {
				continue
			}
			f := frag[cut:]
			for _, room := range []int{0, 1, fragCopy - 1, fragCopy, 3 * fragCopy} {
				dst := append(make([]byte, 0, 5+room), "head:"...)
				want := append([]byte("head:"), f...)
				if got := appendFrag(dst, f); string(got) != string(want) {
					t.Errorf("frag of %d bytes from %d, room %d: %q, want %q", n, cut, room, got, want)
				}
			}
		}
	}
}
