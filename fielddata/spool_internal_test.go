package fielddata

import (
	"math"
	"testing"

	"github.com/cxkit/cxkit/korto"
	"github.com/google/go-cmp/cmp"
)

// A row's record in the spool must give back every answer appendJSON
// writes: no answer, words below and above the one-byte tags, numbers
// (those written as decimals, negative zero and NaN's bits too),
// strings empty, long and not ASCII, and the audit fields in the order
// they came.
func TestSpooledRecord(t *testing.T) {
	nums := []float64{math.Copysign(0, -1), -1e300, math.NaN(), 0, 4, -7, 2.7, 0.1, 1e-5, 1234.5678, -0.25,
		1 << 53, 1<<53 - 1, 1e15 + 0.5, math.Inf(1), math.MaxFloat64, math.SmallestNonzeroFloat64, 1.0 / 3}
	n := 12 + len(nums)
	in := rowSheet{
		answers: make([]korto.Answer, n), given: make([]bool, n), word: make([]int32, n),
		audit: []auditField{{"id", "v-1"}, {"date", ""}, {"auditor", "Анна \"А\""}, {"x", string(make([]byte, 300))}},
	}
	words := []int32{0, 1, tagWords - 1, tagWords, tagWords + 1, 1 << 20}
	for i := range n {
		in.given[i], in.word[i] = i != 3, noWord
		if i < len(words) {
			in.word[i] = words[i]
		}
	}
	in.word[3] = 7 // not given: its word is not read
	for i, x := range nums {
		in.answers[12+i] = korto.Num(x)
	}
	in.answers[6] = korto.Num(3)
	in.answers[7] = korto.Str("4")
	in.answers[8] = korto.Str("na")
	in.answers[9] = korto.Str("")
	in.answers[10] = korto.Str("ёж 😀 \x00")
	in.answers[11] = korto.Str(string(make([]byte, 200)))
	qs := make([]question, n)

	want := rowSheet{answers: make([]korto.Answer, n), given: in.given, word: make([]int32, n), audit: in.audit}
	for i := range n {
		want.word[i] = noWord
		switch {
		case !in.given[i]:
		case in.word[i] >= 0:
			want.word[i] = in.word[i]
		default:
			want.answers[i] = in.answers[i]
		}
	}
	rec := in.appendSpooled(nil, qs)
	rec = in.appendSpooled(rec, qs) // two records, read one after the other
	for range 2 {
		got := rowSheet{answers: make([]korto.Answer, n), given: make([]bool, n), word: make([]int32, n)}
		rec = got.readSpooled(rec)
		opts := []cmp.Option{cmp.AllowUnexported(rowSheet{}, auditField{}), cmp.Comparer(func(a, b korto.Answer) bool {
			return a.Type == b.Type && a.String == b.String && math.Float64bits(a.Number) == math.Float64bits(b.Number)
		})}
		if d := cmp.Diff(want, got, opts...); d != "" {
			t.Fatalf("the record read back differs (-want +got):\n%s", d)
		}
	}
	if len(rec) != 0 {
		t.Errorf("%d bytes left after the records", len(rec))
	}

	// Without the questions' words (AppendSheet's way) a word is not
	// what appendJSON writes, so the record keeps the answer instead.
	rec = in.appendSpooled(nil, nil)
	got := rowSheet{answers: make([]korto.Answer, n), given: make([]bool, n), word: make([]int32, n)}
	got.readSpooled(rec)
	for i := range n {
		if in.given[i] && got.word[i] != noWord {
			t.Errorf("question %d: word %d, want none without qs", i, got.word[i])
		}
	}
}
