package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"os"
	"testing"

	"github.com/cxkit/cxkit/dsl"
	"github.com/cxkit/cxkit/korto"
)

// The whole league pipeline over the 72 mall visits held in memory:
// read and check each sheet, score it, aggregate by location, report.
// BenchmarkLeagueBaselineDecode is the floor it is measured against:
// encoding/json decoding the same lines into generic maps and nothing
// more.
func BenchmarkLeaguePipeline(b *testing.B) {
	lines, c := benchInput(b)
	plan, err := korto.Compile(c)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(lines)))
	b.ReportAllocs()
	for b.Loop() {
		agg, err := korto.NewAggregator(c, korto.AggregateOptions{GroupBy: "location"})
		if err != nil {
			b.Fatal(err)
		}
		sheets := korto.NewSheetReader(bytes.NewReader(lines))
		for {
			s, err := sheets.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			r, err := plan.Score(s)
			if err != nil {
				b.Fatal(err)
			}
			if err := agg.Add(r); err != nil {
				b.Fatal(err)
			}
		}
		_ = agg.Report()
	}
}

func BenchmarkLeagueBaselineDecode(b *testing.B) {
	lines, _ := benchInput(b)
	b.SetBytes(int64(len(lines)))
	b.ReportAllocs()
	for b.Loop() {
		sc := bufio.NewScanner(bytes.NewReader(lines))
		sc.Buffer(nil, 4<<20)
		for sc.Scan() {
			var m map[string]any
			if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func benchInput(b *testing.B) ([]byte, *korto.Checklist) {
	b.Helper()
	lines, err := os.ReadFile("../mall/visits.jsonl")
	if err != nil {
		b.Fatal(err)
	}
	src, err := os.ReadFile("../mall/mall.korto")
	if err != nil {
		b.Fatal(err)
	}
	c, err := dsl.Parse("mall.korto", src)
	if err != nil {
		b.Fatal(err)
	}
	return lines, c
}
