package split

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestCuts: every cut but the ends falls just past a line break, in
// order, and a stretch without one runs to the end.
func TestCuts(t *testing.T) {
	for _, tt := range []struct {
		in    string
		start int64
		n     int
		want  []int64
	}{
		{"aa\nbb\ncc\ndd\n", 0, 2, []int64{0, 9, 12}},
		{"aa\nbb\ncc\ndd\n", 3, 3, []int64{3, 9, 12, 12}},
		{"aaaaaaaaaa\nb\n", 0, 4, []int64{0, 11, 13, 13, 13}},
		{"no line break", 0, 3, []int64{0, 13, 13, 13}},
		{strings.Repeat("x", 10000) + "\ny\n", 0, 2, []int64{0, 10001, 10003}},
	} {
		r := bytes.NewReader([]byte(tt.in))
		got, err := Cuts(r, tt.start, r.Size(), tt.n)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Cuts(%.20q, %d, %d) (-want +got):\n%s", tt.in, tt.start, tt.n, diff)
		}
	}
}

// TestSourceFromWhereItStands: a reader already read into is split from
// its position, and a plain reader is not split at all.
func TestSourceFromWhereItStands(t *testing.T) {
	r := strings.NewReader("header\nrest\n")
	r.Seek(7, 0)
	src, size, ok := Source(r)
	if !ok || size != 5 {
		t.Fatalf("Source = %v, %d, want the 5 bytes left", ok, size)
	}
	b := make([]byte, 5)
	src.ReadAt(b, 0)
	if string(b) != "rest\n" {
		t.Errorf("read %q, want the rest", b)
	}
	if _, _, ok := Source(io.LimitReader(r, 100)); ok {
		t.Error("a reader without ReadAt and Size was taken as splittable")
	}
}
