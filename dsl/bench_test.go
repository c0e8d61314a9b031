package dsl

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/cxkit/cxkit/internal/cputime"
	"github.com/cxkit/cxkit/korto"
)

// The mall checklist (100+ questions) is the benchmark input: parsing
// it is compared with decoding its JSON form with encoding/json, the
// baseline every tool that skips the language would use.
const mallFile = "../examples/mall/mall.korto"

func mallSource(b *testing.B) []byte {
	b.Helper()
	src, err := os.ReadFile(mallFile)
	if err != nil {
		b.Skipf("benchmark input: %v", err)
	}
	return src
}

// reportCPU reports, when the returned func is called, the process's CPU
// time per op since reportCPU was: on the shared machine the benchmarks
// run on it varies much less than wall time.
func reportCPU(b *testing.B) func() {
	start := cputime.Process()
	return func() { b.ReportMetric(float64(cputime.Process()-start)/float64(b.N), "cpu-ns/op") }
}

func BenchmarkParseMall(b *testing.B) {
	src := mallSource(b)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	defer reportCPU(b)()
	for b.Loop() {
		if _, err := Parse("mall.korto", src); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodeMallJSON(b *testing.B) {
	src := mallSource(b)
	c, err := Parse("mall.korto", src)
	if err != nil {
		b.Fatal(err)
	}
	data, err := json.Marshal(c)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	defer reportCPU(b)()
	for b.Loop() {
		var got korto.Checklist
		if err := json.Unmarshal(data, &got); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkScanMall measures the lexer alone, to show where parse time
// goes.
func BenchmarkScanMall(b *testing.B) {
	src := mallSource(b)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		scan("mall.korto", src)
	}
}

func BenchmarkFormatMall(b *testing.B) {
	src := mallSource(b)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	defer reportCPU(b)()
	for b.Loop() {
		if _, err := Format(src); err != nil {
			b.Fatal(err)
		}
	}
}
