package korto

import (
	"math"
	"math/big"
	"math/bits"
)

// Aggregates must merge exactly: partial aggregates built by many
// goroutines, files or machines have to give the same report, bit for
// bit, as one pass over all audits. Floating-point sums depend on the
// order of the additions, so the aggregator keeps its sums in fixed
// point instead: a share x in [0,1] is counted as the integer
// round(x * 2^53). For x >= 1/2 that is exact, and below it the rounding
// is at most 2^-54 (about 5.6e-17), under half an ulp of 1, so the
// means come out as the correctly rounded means of the inputs for all
// practical purposes; and integer sums are exact in any order. Sums are
// 128 bits wide and sums of squares 192 bits, so they cannot overflow
// before about 2^74 audits.

// fixedOne is the fixed-point value of a share of 1.
const fixedOne = 1 << fixedBits

const fixedBits = 53

// toFixed converts a share in [0,1] to fixed point. The caller has
// checked the range.
func toFixed(x float64) uint64 { return uint64(math.Round(x * fixedOne)) }

// uint128 is an unsigned 128-bit integer: hi*2^64 + lo.
type uint128 struct{ hi, lo uint64 }

func (u *uint128) add64(v uint64) {
	var carry uint64
	u.lo, carry = bits.Add64(u.lo, v, 0)
	u.hi += carry
}

func (u *uint128) add(v uint128) {
	var carry uint64
	u.lo, carry = bits.Add64(u.lo, v.lo, 0)
	u.hi, _ = bits.Add64(u.hi, v.hi, carry)
}

func (u uint128) big() *big.Int {
	b := new(big.Int).SetUint64(u.hi)
	b.Lsh(b, 64)
	return b.Or(b, new(big.Int).SetUint64(u.lo))
}

// uint192 is an unsigned 192-bit integer: top*2^128 + mid*2^64 + lo.
type uint192 struct{ top, mid, lo uint64 }

func (u *uint192) add(v uint192) {
	var c uint64
	u.lo, c = bits.Add64(u.lo, v.lo, 0)
	u.mid, c = bits.Add64(u.mid, v.mid, c)
	u.top, _ = bits.Add64(u.top, v.top, c)
}

func (u uint192) big() *big.Int {
	b := new(big.Int).SetUint64(u.top)
	b.Lsh(b, 64)
	b.Or(b, new(big.Int).SetUint64(u.mid))
	b.Lsh(b, 64)
	return b.Or(b, new(big.Int).SetUint64(u.lo))
}

// moments accumulates n, the sum and the sum of squares of shares in
// [0,1], exactly, for a mean and a standard deviation.
type moments struct {
	n     int64
	sum   uint128 // sum of q = toFixed(x)
	sumSq uint192 // sum of q*q
}

func (m *moments) add(x float64) {
	q := toFixed(x)
	m.n++
	m.sum.add64(q)
	hi, lo := bits.Mul64(q, q)
	m.sumSq.add(uint192{0, hi, lo})
}

func (m *moments) merge(o *moments) {
	m.n += o.n
	m.sum.add(o.sum)
	m.sumSq.add(o.sumSq)
}

// mean returns the mean, correctly rounded from the exact sums; ok is
// false when there is nothing to average.
func (m *moments) mean() (mean float64, ok bool) {
	if m.n == 0 {
		return 0, false
	}
	den := new(big.Int).Lsh(big.NewInt(m.n), fixedBits)
	mean, _ = new(big.Rat).SetFrac(m.sum.big(), den).Float64()
	return mean, true
}

// variance returns the sample variance (n-1 in the denominator),
// computed exactly as (n*Σq² - (Σq)²) / (n(n-1)) / 2^106 and rounded
// once, so equal values give exactly 0; ok is false for n < 2.
func (m *moments) variance() (v float64, ok bool) {
	if m.n < 2 {
		return 0, false
	}
	n := big.NewInt(m.n)
	s := m.sum.big()
	num := new(big.Int).Mul(n, m.sumSq.big())
	num.Sub(num, s.Mul(s, s))
	den := new(big.Int).Mul(n, big.NewInt(m.n-1))
	den.Lsh(den, 2*fixedBits)
	v, _ = new(big.Rat).SetFrac(num, den).Float64()
	return v, true
}

// fixedMean returns sum / (n * 2^53), correctly rounded, for a sum kept
// without squares; ok is false when n is 0.
func fixedMean(sum uint128, n int64) (float64, bool) {
	m := moments{n: n, sum: sum}
	return m.mean()
}
