package fielddata

import (
	"os"
	"slices"

	"github.com/cxkit/cxkit/dsl"
	"github.com/cxkit/cxkit/korto"
	"math"
	"strconv"
	"testing"
)

// parseNumber's shortcut for whole numbers gives what ParseFloat does.
func TestParseNumberWhole(t *testing.T) {
	for _, s := range []string{"0", "7", "007", "10", "999999999999999", "9999999999999999", "12345678901234567890", "-0", "+3", "4.0", "1e3"} {
		got, ok := parseNumber(s, false)
		want, err := strconv.ParseFloat(s, 64)
		if !ok || err != nil || got != want || math.Signbit(got) != math.Signbit(want) {
			t.Errorf("parseNumber(%q) = %v, %v; ParseFloat: %v, %v", s, got, ok, want, err)
		}
	}
}

var numberCorpus = []string{"", "0", "7", "007", "-0", "+3", "4.0", "1e3", "2.7", "0.1", ".5", "5.", ".", ",",
	"4,5", ",5", "4,", "1,2.3", "1.2,3", "1.2.3", "4,5,6", "1234567890.12345", "123456789012345.6",
	"9999999999999999", "0.000000000000001", "0.30000000000000004", "3.14159265358979", "99.99", "1_0", "0x10",
	"Inf", "NaN", " 4", "4 ", "٤", "１"}

// parseNumber's short cut gives what the slow path gives, with and
// without decimal commas.
func TestParseNumberShortCut(t *testing.T) {
	for _, s := range numberCorpus {
		for _, dc := range []bool{false, true} {
			checkParseNumber(t, s, dc)
		}
	}
	for i := range 20000 { // decimals of every length the short cut takes
		s := strconv.FormatFloat(float64(i)*1.37/float64(1+i%997), 'f', i%16, 64)
		checkParseNumber(t, s, false)
	}
}

func checkParseNumber(t *testing.T, s string, dc bool) {
	t.Helper()
	got, ok := parseNumber(s, dc)
	want, wok := parseNumberSlow(s, dc)
	if ok != wok || got != want && !(math.IsNaN(got) && math.IsNaN(want)) || math.Signbit(got) != math.Signbit(want) {
		t.Errorf("parseNumber(%q, %v) = %v, %v; the slow path: %v, %v", s, dc, got, ok, want, wok)
	}
}

func FuzzParseNumber(f *testing.F) {
	for _, s := range numberCorpus {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(checkParseNumber)
}

// The cells a question prepares (question.known) are read as answer
// reads them without: the same answer and word, with and without
// decimal commas, for the words in every letter case, "na" written many
// ways, numbers and text. The checklist has an option spelt "NA", a
// text question with na and one without, and words that differ only by
// case, where case is not forgiven.
func TestKnownCellsAsAnswer(t *testing.T) {
	src := `checklist known "Known" {
  scale stars 1..5
  choice size {
    NA "not asked" = 0
    s "small" = 0.5
    S "big" = 1
  }
  level 1 "One" {
    question open "Open?"
    question size_q "Size" size na
    question mood "Mood" stars na
    question wait "Wait" measure "min" target <= 5
  }
  survey {
    question note "Note" text na
    question free "Free" text
    question feel "Feel" emotion na
  }
}
`
	c, err := dsl.Parse("known.korto", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	mall, err := os.ReadFile("../examples/mall/mall.korto")
	if err != nil {
		t.Fatal(err)
	}
	mc, err := dsl.Parse("mall.korto", mall)
	if err != nil {
		t.Fatal(err)
	}
	cells := []string{"", " ", "na", "NA", "Na", "nA", "N/A", "n/a", " na", "na ", "н/п", "Н/П", "Не применимо", "не применимо",
		"Not applicable", "NOT APPLICABLE", "Nicht zutreffend", "yes", "Yes", "YES", "no", "No", " yes ", "true", "1", "4", "4.5",
		"4,5", " 4 ", "07", "1e3", "-2", "positive", "Positive", "s", "S", "m", "full", "Full", "partly", "all", "none", "x"}
	n := 0
	for _, c := range []*korto.Checklist{c, mc} {
		p, err := korto.Compile(c)
		if err != nil {
			t.Fatal(err)
		}
		l := newLayout("x.csv", CSV, p)
		for _, q := range l.questions() {
			bare := q
			bare.known = knownCells{}
			n += q.known.len()
			for _, s := range append(slices.Clip(q.words), cells...) {
				for _, dc := range []bool{false, true} {
					a, w, ok := answer(&q, korto.Str(s), dc)
					ba, bw, bok := answer(&bare, korto.Str(s), dc)
					if a != ba || w != bw || ok != bok {
						t.Errorf("%s: cell %q (decimal comma %v): %v %d %v, without the prepared cells %v %d %v", q.id, s, dc, a, w, ok, ba, bw, bok)
					}
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("no question prepared a cell")
	}
}
