package dsl

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/cxkit/cxkit/korto"
)

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

// Columns of many nodes on one line, counted in one sweep, are the
// characters before each node.
func TestCharColumnsOneLongLine(t *testing.T) {
	src := "checklist x \"Ж\" { level 1 \"Ё\" { question a \"Я\" question b \"日本\" when " +
		strings.Repeat("a or ", 300) + "a } }\n"
	c, diags := ParseWithDiagnostics("x.korto", []byte(src))
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	var walk func(e *korto.Expr)
	n := 0
	walk = func(e *korto.Expr) {
		if e == nil {
			return
		}
		want := utf8.RuneCountInString(src[:e.Pos.Offset]) + 1
		if e.Pos.Column != want {
			t.Fatalf("node at offset %d: column %d, want %d", e.Pos.Offset, e.Pos.Column, want)
		}
		n++
		for _, a := range e.Args {
			walk(a)
		}
	}
	walk(c.Question("b").When)
	if n < 300 {
		t.Errorf("walked %d nodes", n)
	}
}
