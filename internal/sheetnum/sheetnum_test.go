package sheetnum

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
)

// tenth is 0.1 as a variable: constant expressions are exact, sums of
// floats are not.
var tenth = 0.1

// How an answer sheet spells a number, pinned: the sheets korto writes
// and the lines of an import are compared byte for byte, and a change
// here changes every file of sheets written since.
func TestAppend(t *testing.T) {
	for _, tt := range []struct {
		x    float64
		want string
	}{
		{0, "0"},
		{math.Copysign(0, -1), "-0"}, // kept: it reads back as -0
		{1, "1"},
		{-7, "-7"},
		{4.5, "4.5"},
		{-2.25, "-2.25"},
		{0.1, "0.1"},
		{2.7, "2.7"},
		{999999, "999999"}, // the largest whole number in plain digits
		{-999999, "-999999"},
		{999999.5, "999999.5"},
		{1e6, "1e+06"},
		{1234567, "1.234567e+06"},
		{1e-4, "0.0001"}, // the smallest in plain digits
		{-0.000123, "-0.000123"},
		{1e-5, "1e-05"},
		{1.5e-7, "1.5e-07"},
		{tenth + 2*tenth, "0.30000000000000004"}, // float sums, not exact constants
		{1.0 / 3, "0.3333333333333333"},
		{1e21, "1e+21"},
		{1e100, "1e+100"},
		{-1e-100, "-1e-100"},
		{math.MaxFloat64, "1.7976931348623157e+308"},
		{math.SmallestNonzeroFloat64, "5e-324"},
		{1 << 53, "9.007199254740992e+15"},
		{1<<53 + 2, "9.007199254740994e+15"}, // past 2^53 only even integers exist
		{-(1<<53 + 2), "-9.007199254740994e+15"},
		{1 << 63, "9.223372036854776e+18"},
		{1 << 64, "1.8446744073709552e+19"},
	} {
		got := string(Append(nil, tt.x))
		if got != tt.want {
			t.Errorf("Append(%v) = %q, want %q", tt.x, got, tt.want)
		}
		if back, err := strconv.ParseFloat(got, 64); err != nil || math.Float64bits(back) != math.Float64bits(tt.x) {
			t.Errorf("%q reads back as %v (%v), not %v", got, back, err, tt.x)
		}
	}
}

// The short cuts write what FormatFloat writes, at the edges of the
// numbers they take and past them, and append to what dst holds.
func TestAppendAsFormatFloat(t *testing.T) {
	xs := []float64{0, math.Copysign(0, -1), 1, -1, 10, 100, 4.5, -2.25, 999999, -999999,
		1e6, -1e6, 1e6 - 0.5, 1234567, 1e21, 1e-7, 0.1, math.MaxFloat64, math.SmallestNonzeroFloat64,
		math.Nextafter(1e6, 0), math.Nextafter(-1e6, 0), math.Inf(1), math.Inf(-1), math.NaN()}
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
		xs = append(xs, float64(m%1_000_000)/math.Pow10(k), float64(m)/math.Pow10(k+6), r.Float64()*math.Pow(10, float64(r.IntN(12)-6)))
	}
	for _, x := range xs {
		want := "n=" + strconv.FormatFloat(x, 'g', -1, 64)
		if got := string(Append([]byte("n="), x)); got != want {
			t.Errorf("Append(%v) = %q, want %q", x, got, want)
		}
	}
}

// Decimal finds the fewest decimals that give x back, and no more than
// MaxDecimals.
func TestDecimal(t *testing.T) {
	type dec struct {
		m  int64
		k  int
		ok bool
	}
	for _, tt := range []struct {
		x    float64
		want dec
	}{
		{0, dec{0, 0, true}},
		{math.Copysign(0, -1), dec{}}, // would read back as +0
		{42, dec{42, 0, true}},
		{-2.75, dec{-275, 2, true}},
		{2.7, dec{27, 1, true}},
		{0.000001, dec{1, 6, true}},
		{0.0000001, dec{}}, // seven decimals
		{tenth + 2*tenth, dec{}},
		{1 << 53, dec{}}, // past the exact whole numbers
		{1<<53 - 1, dec{1<<53 - 1, 0, true}},
		{math.NaN(), dec{}},
		{math.Inf(-1), dec{}},
	} {
		m, k, ok := Decimal(tt.x)
		if got := (dec{m, k, ok}); got != tt.want {
			t.Errorf("Decimal(%v) = %v, want %v", tt.x, got, tt.want)
		}
		if ok && float64(m)/math.Pow10(k) != tt.x {
			t.Errorf("Decimal(%v): %d/10^%d is not it", tt.x, m, k)
		}
	}
}

// FuzzAppend holds Append's short cuts to FormatFloat on any float, and
// on decimals m/10^k made of any m and k.
func FuzzAppend(f *testing.F) {
	f.Add(2.7, int64(27), uint8(1))
	f.Add(1e-4, int64(-999999999999), uint8(6))
	f.Add(math.Copysign(0, -1), int64(5), uint8(3))
	f.Fuzz(func(t *testing.T, x float64, m int64, k uint8) {
		for _, x := range []float64{x, float64(m) / math.Pow10(int(k%16))} {
			if got, want := string(Append(nil, x)), strconv.FormatFloat(x, 'g', -1, 64); got != want {
				t.Errorf("Append(%v) = %s, FormatFloat says %s", x, got, want)
			}
		}
	})
}
