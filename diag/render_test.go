package diag

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// TestRenderCaret checks that the caret stands under the reported
// character column whatever precedes it on the line.
func TestRenderCaret(t *testing.T) {
	tests := []struct {
		name string
		line string
		col  int // character column, 1-based
		want string
	}{
		{"ascii", `question q "Q" critcal`, 16, "   1 | question q \"Q\" critcal\n     |                ^\n"},
		{"tab", "\tquestion x", 11, "   1 |     question x\n     |              ^\n"},
		{"cyrillic", `question вход "Вход" ведро`, 22, "   1 | question вход \"Вход\" ведро\n     |                      ^\n"},
		{"wide", `question q "検査" x`, 17, "   1 | question q \"検査\" x\n     |                   ^\n"},
		{"past the end", `question q`, 11, "   1 | question q\n     |           ^\n"},
		{"invalid byte", "question \xff x", 12, "   1 | question \uFFFD x\n     |            ^\n"},
		{"byte-order mark", "\uFEFFchecklist t \"T\" { levl", 19, "   1 | checklist t \"T\" { levl\n     |                   ^\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &Diagnostic{Pos: Pos{File: "f", Line: 1, Column: tt.col}, Message: "m", Hint: "h"}
			var b strings.Builder
			if err := Render(&b, List{d}, []byte(tt.line+"\n")); err != nil {
				t.Fatal(err)
			}
			want := "f:1:" + strconv.Itoa(tt.col) + ": m\n" + tt.want + "hint: h\n"
			if diff := cmp.Diff(want, b.String()); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestRenderWithoutPosition(t *testing.T) {
	ds := List{
		{Pos: Pos{File: "big.korto"}, Message: "too big", Hint: "split it"},
		{Severity: SeverityWarning, Message: "no position"},
	}
	var b strings.Builder
	if err := Render(&b, ds, []byte("x\n")); err != nil {
		t.Fatal(err)
	}
	want := "big.korto: too big\nhint: split it\nwarning: no position\n"
	if diff := cmp.Diff(want, b.String()); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// randomLine mixes ASCII, Cyrillic, CJK (two cells), combining marks (no
// cell), tabs and a control character.
func randomLine(rng *rand.Rand, n int) []byte {
	alphabet := []string{"a", "b", " ", "ж", "я", "日", "\u0301", "\t", "\x01", "x"}
	var b strings.Builder
	for range n {
		b.WriteString(alphabet[rng.IntN(len(alphabet))])
	}
	return []byte(b.String())
}

// The cursor Render uses gives the same byte columns as byteColumn, for
// columns in any order and past the end of the line.
func TestColumnCursorAgrees(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 1))
	for range 200 {
		line := randomLine(rng, rng.IntN(60))
		var c columnCursor
		for range 30 {
			col := 1 + rng.IntN(utf8.RuneCount(line)+5)
			if got, want := c.byteColumn(1, line, col), byteColumn(line, col); got != want {
				t.Fatalf("%q column %d: cursor %d, byteColumn %d", line, col, got, want)
			}
		}
	}
}

// The excerpt of a window is the excerpt of the whole line whenever the
// line is shorter than the window, and no wider than the whole line's
// when it is longer.
func TestExcerptWindow(t *testing.T) {
	rng := rand.New(rand.NewPCG(12, 1))
	for range 300 {
		line := randomLine(rng, rng.IntN(1500))
		col := 1 + rng.IntN(len(line)+3)
		for col <= len(line) && !utf8.RuneStart(line[col-1]) {
			col++
		}
		got, gotPad := excerpt(line, col)
		want, wantPad := excerptCells(line, col, false, false)
		from, to := excerptWindow(line, col-1)
		if from == 0 && to == len(line) {
			if got != want || gotPad != wantPad {
				t.Fatalf("%q col %d: window gives %q/%d, whole line %q/%d", line, col, got, gotPad, want, wantPad)
			}
			continue
		}
		if w := utf8.RuneCountInString(got); w > 4*maxExcerpt+2 {
			t.Errorf("excerpt of %d characters", w)
		}
	}
}

// byteColumn is the slow, obvious form of columnCursor.byteColumn, to
// test it against: it returns the 1-based byte column of the 1-based character
// column col in line, for drawing a caret under it.
func byteColumn(line []byte, col int) int {
	off := 0
	for n := 1; n < col && off < len(line); n++ {
		_, size := utf8.DecodeRune(line[off:])
		off += size
	}
	if off >= len(line) && col > 1 {
		// Past the end (e.g. "expected ) at the end of the line").
		return len(line) + (col - 1 - utf8.RuneCount(line)) + 1
	}
	return off + 1
}
