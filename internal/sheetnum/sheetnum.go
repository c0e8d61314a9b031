// Package sheetnum spells the numbers of answer sheets, the one way
// korto (Answer.MarshalJSON, its messages) and fielddata (the lines of
// an import, a number kept as a text answer, the spool) write them, so
// that a sheet is the same bytes whichever package wrote it.
//
// The spelling is strconv's shortest 'g' form, which reads back exactly
// (7, 4.5, -0, 1e+06, 1e-05, 9.007199254740994e+15). A checklist's own
// numbers are spelled by korto.FormatNumber instead, in the plain
// decimals the language reads.
package sheetnum

import (
	"math"
	"strconv"
)

// Append appends x as strconv.FormatFloat(x, 'g', -1, 64) writes it.
// Most answers are small whole numbers (points, scales, NPS), which 'g'
// writes as plain digits below a million, or have a digit or two after
// the point (4.5, 2.75 minutes); those skip the float formatting, since
// an import spells one a cell.
func Append(dst []byte, x float64) []byte {
	if x == math.Trunc(x) && x > -1e6 && x < 1e6 && (x != 0 || !math.Signbit(x)) {
		return strconv.AppendInt(dst, int64(x), 10)
	}
	// Between 1e-4 and 1e6 'g' writes no exponent. There, x is the
	// float nearest to m/10^k when the quotient of the two, both exact,
	// is x (it is rounded once); m has at most 12 digits, and no other
	// decimal of 15 digits or fewer reads as x, so m's digits with the
	// point k from the right are x's shortest form, which 'g' writes.
	if a := math.Abs(x); a >= 1e-4 && a < 1e6 {
		if m, k, ok := Decimal(x); ok {
			return appendDecimal(dst, m, k)
		}
	}
	return strconv.AppendFloat(dst, x, 'g', -1, 64)
}

// MaxDecimals is the most digits after the point Decimal looks for.
const MaxDecimals = 6

// pow10 are the powers of ten Decimal multiplies by, each exact.
var pow10 = [MaxDecimals + 1]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6}

// Decimal returns the whole m and the least k (up to MaxDecimals) for
// which x is the float nearest to m/10^k: the quotient of the two, both
// exact, is rounded once, so float64(m)/10^k gives x back. It is how
// most numbers of a checklist's answers were written. -0 is no such
// quotient (it comes back as 0), nor is a number with more decimals.
func Decimal(x float64) (m int64, k int, ok bool) {
	if x == 0 && math.Signbit(x) {
		return 0, 0, false
	}
	for k, p := range pow10 {
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
