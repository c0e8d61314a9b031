package fielddata

import (
	"testing"
)

var quoteCorpus = []string{"", "yes", "a b", "~", "\\x7f\x7f", "<&>", "\"q\"", "back\\slash", "tab\there",
	"нет", "\xff", "ёж\xffж", "a\u2028b", "\u2029", "\u00a0", "😀", "\xed\xa0\x80", "Продавец: \"да\""}

// appendString's short cut must quote as jsontext does.
func TestAppendStringPlain(t *testing.T) {
	for _, s := range quoteCorpus {
		want := string(appendStringSlow(nil, s))
		if got := string(appendString(nil, s)); got != want {
			t.Errorf("appendString(%q) = %s, want %s", s, got, want)
		}
	}
}

func FuzzAppendString(f *testing.F) {
	for _, s := range quoteCorpus {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := string(appendString(nil, s)), string(appendStringSlow(nil, s)); got != want {
			t.Errorf("appendString(%q) = %s, jsontext says %s", s, got, want)
		}
	})
}

// appendFrag writes what append writes, for frags shorter and longer
// than its block, cut as appendJSON cuts them, into lines with and
// without room to spare.
func TestAppendFrag(t *testing.T) {
	for n := range 2*fragCopy + 2 {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte('a' + i%26)
		}
		frag := newFrag(b)
		for _, cut := range []int{0, 1} {
			if cut > n {
				continue
			}
			f := frag[cut:]
			for _, room := range []int{0, 1, fragCopy - 1, fragCopy, 3 * fragCopy} {
				dst := append(make([]byte, 0, 5+room), "head:"...)
				want := append([]byte("head:"), f...)
				if got := appendFrag(dst, f); string(got) != string(want) {
					t.Errorf("frag of %d bytes from %d, room %d: %q, want %q", n, cut, room, got, want)
				}
			}
		}
	}
}
