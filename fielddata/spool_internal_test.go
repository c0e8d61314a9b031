package fielddata

import (
	"bytes"
	"errors"
	"math"
	"testing"

	"github.com/cxkit/cxkit/korto"
)

// spooledRow is a row with every kind of answer a record holds: no
// answer, words below and above the one-byte tags, "na", numbers (those
// written as decimals, negative zero, NaN's bits, infinities), strings
// empty, long and not ASCII, and audit fields.
func spooledRow(t *testing.T) (rowSheet, []question, *spoolLines) {
	t.Helper()
	nums := []float64{math.Copysign(0, -1), -1e300, math.NaN(), 0, 4, -7, 2.7, 0.1, 1e-5, 1234.5678, -0.25,
		1 << 53, 1<<53 - 1, 1e15 + 0.5, math.Inf(1), math.MaxFloat64, math.SmallestNonzeroFloat64, 1.0 / 3}
	words := []int32{0, 1, tagWords - 1, tagWords, tagWords + 1, 1000}
	n := 12 + len(nums)
	rs := rowSheet{answers: make([]korto.Answer, n), given: make([]bool, n), word: make([]int32, n)}
	for _, f := range []auditField{{"id", "v-1"}, {"date", ""}, {"auditor", "Анна \"А\""}, {"x", string(make([]byte, 300))}} {
		rs.setAudit(f.key, f.val)
	}
	qs := make([]question, n)
	ids := make([][]byte, n)
	for i := range n {
		id := "q" + string(rune('a'+i))
		ids[i] = append(appendString([]byte{','}, id), ':')
		// Enough words for the highest word above, each its frag.
		qs[i].frags = make([][]byte, 1001)
		for w := range qs[i].frags {
			if w < 300 || w == 1000 {
				qs[i].frags[w] = newFrag(appendString(bytes.Clone(ids[i]), "w"+string(rune('0'+w%10))))
			}
		}
		rs.given[i], rs.word[i] = i != 3, noWord
		if i < len(words) {
			rs.word[i] = words[i]
		}
	}
	rs.word[3] = 7 // not given: its word is not read
	for i, x := range nums {
		rs.answers[12+i] = korto.Num(x)
	}
	rs.answers[6] = korto.Num(3)
	rs.answers[7] = korto.Str("4")
	rs.answers[8] = korto.Str("na")
	rs.answers[9] = korto.Str("")
	rs.answers[10] = korto.Str("ёж 😀 \x00")
	rs.answers[11] = korto.Str(string(make([]byte, 200)))
	head := appendString([]byte(`{"checklist":`), "c")
	head = appendString(append(head, `,"version":`...), "1")
	rs.head.Checklist, rs.head.Version = "c", "1"
	frags := make([][][]byte, n)
	for i := range qs {
		frags[i] = qs[i].frags
	}
	return rs, qs, &spoolLines{head: head, ids: ids, frags: frags}
}

// A row's record in the spool must give the line appendJSON writes of
// the row, record after record.
func TestSpooledRecord(t *testing.T) {
	rs, qs, sl := spooledRow(t)
	want := rs.appendJSON(nil, sl.ids, qs)
	rec := rs.appendSpooled(nil)
	got, err := sl.append(nil, append(rec, rec...)) // two records, read one after the other
	if err != nil {
		t.Fatal(err)
	}
	if w := append(bytes.Clone(want), want...); !bytes.Equal(got, w) {
		t.Errorf("the lines of the records differ:\n got %q\nwant %q", got, w)
	}
	rs.audit = nil
	want = rs.appendJSON(nil, sl.ids, qs)
	if got, err := sl.append(nil, rs.appendSpooled(nil)); err != nil || !bytes.Equal(got, want) {
		t.Errorf("without audit fields: %v\n got %q\nwant %q", err, got, want)
	}
}

// The spool's temporary file could be cut or changed by someone else:
// a record cut anywhere, or with any byte changed, gives
// errSpoolDamaged or a line, never a panic.
func TestSpooledRecordDamaged(t *testing.T) {
	rs, _, sl := spooledRow(t)
	rec := rs.appendSpooled(nil)
	for n := range len(rec) {
		if _, err := sl.append(nil, rec[:n]); n > 0 && !errors.Is(err, errSpoolDamaged) {
			t.Fatalf("the record cut to %d of %d bytes: error %v, want errSpoolDamaged", n, len(rec), err)
		}
	}
	for i := range rec {
		for _, b := range []byte{0, 1, 0x7f, 0x80, tagWords, tagWord, tagNumber, tagString, tagDecimal, tagDecimal + 6, tagDecimal + 7, 0xff} {
			bad := bytes.Clone(rec)
			bad[i] = b
			sl.append(nil, bad) // must not panic
		}
	}
}
