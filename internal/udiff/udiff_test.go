package udiff

import (
	"bytes"
	"strings"
	"testing"
)

func TestDiffLines(t *testing.T) {
	tests := []struct {
		a, b string
		want string // the ops, one rune each
	}{
		{"", "", ""},
		{"a\nb\nc\n", "a\nb\nc\n", "   "},
		{"a\nb\nc\n", "a\nc\n", " - "},
		{"a\nc\n", "a\nb\nc\n", " + "},
		{"a\nb\n", "x\ny\n", "--++"},
		{"a\nb\nc\nd\n", "b\nc\nd\ne\n", "-   +"},
		{"x\na\nb\nc\n", "a\nb\nc\nx\n", "-   +"},
	}
	for _, tt := range tests {
		ops := diffLines(splitKeepNewline([]byte(tt.a)), splitKeepNewline([]byte(tt.b)))
		var got strings.Builder
		for _, op := range ops {
			got.WriteByte(op.kind)
		}
		if got.String() != tt.want {
			t.Errorf("diffLines(%q, %q) = %q, want %q", tt.a, tt.b, got.String(), tt.want)
		}
	}
}

// A change in a long text is one hunk with three lines of context, in
// the header and line ranges patch reads.
func TestWrite(t *testing.T) {
	old := "1\n2\n3\n4\n5\n6\n7\n8\n9\n"
	new := "1\n2\n3\n4\nfive\n6\n7\n8\n9\n"
	var b bytes.Buffer
	if err := Write(&b, "a.korto", "a.korto (formatted)", []byte(old), []byte(new)); err != nil {
		t.Fatal(err)
	}
	want := "--- a.korto\n+++ a.korto (formatted)\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}
