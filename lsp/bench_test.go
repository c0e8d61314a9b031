package lsp

import (
	"os"
	"strings"
	"testing"

	"github.com/cxkit/cxkit/dsl"
)

// BenchmarkChangeMall measures what an edit of the 124-question mall
// checklist costs an editor: the didChange notification, the parse and
// checks, and the diagnostics published back, over the protocol. The
// baseline, BenchmarkParseMall, is the parse and checks alone.
func BenchmarkChangeMall(b *testing.B) {
	src, err := os.ReadFile("../examples/mall/mall.korto")
	if err != nil {
		b.Fatal(err)
	}
	c := newClient(b)
	c.open(uri, string(src))
	// Each change types a mistake and takes it back, as a user does.
	bad := strings.Replace(string(src), "question has_parking", "question has_parking =", 1)
	b.ResetTimer()
	for i := range b.N {
		text := string(src)
		if i%2 == 1 {
			text = bad
		}
		c.change(uri, text, int32(i+2))
	}
	b.StopTimer()
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/1000, "ms/change")
}

func BenchmarkParseMall(b *testing.B) {
	src, err := os.ReadFile("../examples/mall/mall.korto")
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for range b.N {
		dsl.ParseWithDiagnostics("mall.korto", src)
	}
}
