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

func BenchmarkParseMall(b *testing.B) {
	src := mallSource(b)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	defer cputime.PerOp(b, "")()
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
	defer cputime.PerOp(b, "")()
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
	defer cputime.PerOp(b, "")()
	for b.Loop() {
		if _, err := Format(src); err != nil {
			b.Fatal(err)
		}
	}
}
