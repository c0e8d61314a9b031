package lsp

import (
	"os"
	"strings"
	"testing"

	"github.com/cxkit/cxkit/dsl"
)

// mallTexts returns the mall checklist and the same with a mistake
// typed into it: the benchmarks alternate them, as a user types a
// mistake and takes it back, so that half the parses take the parser's
// recovery path.
func mallTexts(b *testing.B) [2]string {
	src, err := os.ReadFile("../examples/mall/mall.korto")
	if err != nil {
		b.Fatal(err)
	}
	return [2]string{string(src), strings.Replace(string(src), "question has_parking", "question has_parking =", 1)}
}

// BenchmarkChangeMall measures what an edit of the 124-question mall
// checklist costs an editor: the didChange notification, the parse and
// checks, and the diagnostics published back, over the protocol (an
// in-process pipe). BenchmarkParseMall, the baseline, is the parse and
// checks of the same texts alone; BenchmarkAnalyzeMall adds what the
// server learns besides (names, line index).
func BenchmarkChangeMall(b *testing.B) {
	texts := mallTexts(b)
	c := newClient(b)
	c.open(uri, texts[0])
	b.ResetTimer()
	for i := range b.N {
		c.change(uri, texts[i%2], int32(i+2))
	}
}

func BenchmarkAnalyzeMall(b *testing.B) {
	texts := mallTexts(b)
	b.ResetTimer()
	for i := range b.N {
		analyze(uri, int32(i), []byte(texts[i%2]), nil)
	}
}

func BenchmarkParseMall(b *testing.B) {
	texts := mallTexts(b)
	b.ResetTimer()
	for i := range b.N {
		dsl.ParseWithDiagnostics("mall.korto", []byte(texts[i%2]))
	}
}
