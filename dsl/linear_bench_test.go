package dsl

import (
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/cxkit/cxkit/korto"
)

// Diagnostics and long conditions must cost the same per term, or per
// problem, however many there are on one line (issue 11, item 4). The
// baseline, measured in the same run, is the lexer on the same source.
// Run them as
//
//	go test ./dsl -run '^$' -bench 'Linear' -count 3

var linearSizes = []int{1000, 10000, 100000}

// BenchmarkLinearOrChain parses "when a or a or ..." of n terms.
func BenchmarkLinearOrChain(b *testing.B) {
	for _, n := range linearSizes {
		src := []byte("checklist x \"X\" {\n  level 1 \"L\" {\n    question a \"A\"\n    question b \"B\" when " +
			strings.Repeat("a or ", n-1) + "a\n  }\n}\n")
		b.Run(fmt.Sprintf("n=%d/Parse", n), func(b *testing.B) {
			for b.Loop() {
				if _, err := Parse("x.korto", src); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/term")
		})
		b.Run(fmt.Sprintf("n=%d/scan", n), func(b *testing.B) {
			for b.Loop() {
				scan("x.korto", src)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/term")
		})
	}
}

// BenchmarkLinearRenderOneLine renders n problems placed along one line
// of n questions.
func BenchmarkLinearRenderOneLine(b *testing.B) {
	for _, n := range linearSizes {
		src := []byte("checklist x \"X\" { level 1 \"L\" { " + strings.Repeat("question a \"Ж\" ", n) + "} }\n")
		diags := make(korto.Diagnostics, n)
		for i := range diags {
			off := 33 + 15*i
			diags[i] = &korto.Diagnostic{Pos: korto.Pos{File: "x.korto", Line: 1, Column: off + 1 - i, Offset: off},
				Severity: korto.SeverityError, Code: "duplicate", Message: "duplicate question ID \"a\""}
		}
		b.Run(fmt.Sprintf("n=%d/Render", n), func(b *testing.B) {
			for b.Loop() {
				if err := Render(io.Discard, diags, src); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/problem")
		})
		b.Run(fmt.Sprintf("n=%d/scan", n), func(b *testing.B) {
			for b.Loop() {
				scan("x.korto", src)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/problem")
		})
	}
}
