package textfmt

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Numbers printed with fixed decimals never show a negative zero: a
// bound of -0.0004 is 0.00 to the reader.
func TestFixedNoNegativeZero(t *testing.T) {
	tests := []struct {
		x    float64
		prec int
		want string
	}{
		{-0.0004, 2, "0.00"},
		{-0.04, 1, "0.0"},
		{-0.4, 0, "0"},
		{-0.005, 2, "-0.01"}, // rounds away from zero: a real negative
		{-0.06, 1, "-0.1"},
		{0.7, 2, "0.70"},
		{-12.34, 1, "-12.3"},
		{0, 1, "0.0"},
	}
	for _, tt := range tests {
		if got := Fixed(tt.x, tt.prec); got != tt.want {
			t.Errorf("Fixed(%g, %d) = %q, want %q", tt.x, tt.prec, got, tt.want)
		}
	}
	if got := Pct(-0.0001); got != "0.0%" {
		t.Errorf("Pct(-0.0001) = %q, want 0.0%%", got)
	}
	if got := PctOrDash(nil); got != "—" {
		t.Errorf("PctOrDash(nil) = %q, want —", got)
	}
}

func TestPluralRu(t *testing.T) {
	forms := [3]string{"лист", "листа", "листов"}
	want := map[int]string{
		0: "листов", 1: "лист", 2: "листа", 4: "листа", 5: "листов", 10: "листов",
		11: "листов", 12: "листов", 14: "листов", 15: "листов", 21: "лист", 22: "листа",
		25: "листов", 101: "лист", 111: "листов", 112: "листов", 122: "листа", 1001: "лист",
		-1: "лист", -12: "листов",
	}
	for n, w := range want {
		if got := Count("ru", n, forms); got != fmt.Sprintf("%d %s", n, w) {
			t.Errorf("Count(ru, %d) = %q, want %d %s", n, got, n, w)
		}
	}
	if got := Count("en", 1, [3]string{"sheet", "", "sheets"}); got != "1 sheet" {
		t.Errorf("Count(en, 1) = %q", got)
	}
	if got := Count("en", 21, [3]string{"sheet", "", "sheets"}); got != "21 sheets" {
		t.Errorf("Count(en, 21) = %q", got)
	}
}

// Columns line up by runes, so Cyrillic aligns like ASCII, right-aligned
// columns pad on the left, and no line ends in blanks.
func TestTable(t *testing.T) {
	tb := Table{Indent: "  ", Right: RightCols(false, true)}
	tb.Add("точка", "n", "")
	tb.Add("ТЦ Европа", "12", "x")
	tb.Add("a", "3")
	var b strings.Builder
	if err := tb.Write(&b); err != nil {
		t.Fatal(err)
	}
	want := "" +
		"  точка       n\n" +
		"  ТЦ Европа  12  x\n" +
		"  a           3\n"
	if d := cmp.Diff(want, b.String()); d != "" {
		t.Errorf("table (-want +got):\n%s", d)
	}
}
