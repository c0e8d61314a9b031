package strictjson

import (
	"math/rand/v2"
	"testing"
)

// Lines agrees with Position on every offset, in order and at random,
// with a byte order mark, multi-byte characters and blank lines.
func TestLinesAgreesWithPosition(t *testing.T) {
	for _, doc := range []string{
		"",
		"\n",
		"{}",
		"\ufeff{\"a\": 1}",
		"\ufeff\n\n{\"é\": [1,\n 2, \"ж\"]}\n",
		"{\"a\":\"日本語\",\"b\":[true,false,null]}",
		"\r\n{\r\n}\r\n",
	} {
		data := []byte(doc)
		check := func(l *Lines, off int) {
			t.Helper()
			gl, gc := l.Position(off)
			wl, wc := Position(data, off)
			if gl != wl || gc != wc {
				t.Errorf("%q at %d: Lines says %d:%d, Position %d:%d", doc, off, gl, gc, wl, wc)
			}
		}
		l := NewLines(data)
		for off := -1; off <= len(data)+1; off++ {
			check(l, off)
		}
		rng := rand.New(rand.NewPCG(1, uint64(len(doc))))
		for range 200 {
			check(l, rng.IntN(len(data)+3)-1)
		}
	}
}
