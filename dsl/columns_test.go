package dsl

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/cxkit/cxkit/korto"
)

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
