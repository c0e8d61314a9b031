package korto

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"testing"
)

// benchSheetLines returns n answer sheets of c as JSON Lines, answered at
// random (genSheet) and spread over five locations.
func benchSheetLines(tb testing.TB, c *Checklist, n int) [][]byte {
	tb.Helper()
	rng := rand.New(rand.NewPCG(7, 11))
	lines := make([][]byte, n)
	for i := range lines {
		s := genSheet(c, rng)
		s.Version = c.Version
		s.Audit = map[string]string{"id": fmt.Sprintf("v-%05d", i), "location": fmt.Sprintf("ТЦ %d", i%5)}
		b, err := json.Marshal(s)
		if err != nil {
			tb.Fatal(err)
		}
		lines[i] = b
	}
	return lines
}

func benchBytes(lines [][]byte) int64 {
	var n int64
	for _, l := range lines {
		n += int64(len(l)) + 1
	}
	return n
}

// BenchmarkReportJSONL is what `cxkit report` does per sheet, on one
// core: read each JSON line (ReadAnswers), check it against the checklist
// and score it, and aggregate it by location; then the report. 1,000
// sheets of a 100-question checklist per iteration. "scored" is the
// command's way (BindInto, ScoreInto and AddScored, reusing buffers),
// "result" the plain one (Score builds a Result, then Add). Compare with
// BenchmarkDecodeSheetsJSON, which only decodes the same lines.
func BenchmarkReportJSONL(b *testing.B) {
	c := genChecklist(100)
	p, err := Compile(c)
	if err != nil {
		b.Fatal(err)
	}
	lines := benchSheetLines(b, c, 1000)
	run := func(b *testing.B, add func(a *Aggregator, s *Sheet) error) {
		b.SetBytes(benchBytes(lines))
		b.ReportAllocs()
		for b.Loop() {
			agg, err := NewAggregator(c, AggregateOptions{GroupBy: "location"})
			if err != nil {
				b.Fatal(err)
			}
			for _, line := range lines {
				s, err := ReadAnswers(bytes.NewReader(line))
				if err != nil {
					b.Fatal(err)
				}
				if err := add(agg, s); err != nil {
					b.Fatal(err)
				}
			}
			if rep := agg.Report(); rep.Overall.N != int64(len(lines)) {
				b.Fatalf("aggregated %d sheets, want %d", rep.Overall.N, len(lines))
			}
		}
	}
	b.Run("scored", func(b *testing.B) {
		var (
			bound  Bound
			scores Scores
		)
		run(b, func(agg *Aggregator, s *Sheet) error {
			if err := p.BindInto(&bound, s); err != nil {
				return err
			}
			p.ScoreInto(&scores, &bound)
			return agg.AddScored(p, s, &scores)
		})
	})
	b.Run("result", func(b *testing.B) {
		run(b, func(agg *Aggregator, s *Sheet) error {
			r, err := p.Score(s)
			if err != nil {
				return err
			}
			return agg.Add(r)
		})
	})
}

// BenchmarkReportJSONLReadOnly is the reading of BenchmarkReportJSONL
// alone (ReadAnswers: syntax, duplicate keys, the envelope), to tell how
// much of the pipeline checking, scoring and aggregation take.
func BenchmarkReportJSONLReadOnly(b *testing.B) {
	c := genChecklist(100)
	lines := benchSheetLines(b, c, 1000)
	b.SetBytes(benchBytes(lines))
	b.ReportAllocs()
	for b.Loop() {
		for _, line := range lines {
			if _, err := ReadAnswers(bytes.NewReader(line)); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkDecodeSheetsJSON is the baseline: encoding/json alone
// decoding the same lines, into a map and into a struct.
func BenchmarkDecodeSheetsJSON(b *testing.B) {
	c := genChecklist(100)
	lines := benchSheetLines(b, c, 1000)
	b.Run("map", func(b *testing.B) {
		b.SetBytes(benchBytes(lines))
		b.ReportAllocs()
		for b.Loop() {
			for _, line := range lines {
				var m map[string]any
				if err := json.Unmarshal(line, &m); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("struct", func(b *testing.B) {
		b.SetBytes(benchBytes(lines))
		b.ReportAllocs()
		for b.Loop() {
			for _, line := range lines {
				var s struct {
					Checklist string            `json:"checklist"`
					Version   string            `json:"version"`
					Audit     map[string]string `json:"audit"`
					Answers   map[string]any    `json:"answers"`
				}
				if err := json.Unmarshal(line, &s); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}

// BenchmarkAggregateAdd is the aggregation alone: adding scored results.
func BenchmarkAggregateAdd(b *testing.B) {
	c := genChecklist(100)
	p, err := Compile(c)
	if err != nil {
		b.Fatal(err)
	}
	lines := benchSheetLines(b, c, 1000)
	results := make([]Result, len(lines))
	for i, line := range lines {
		s, err := p.ReadAnswers(bytes.NewReader(line))
		if err != nil {
			b.Fatal(err)
		}
		if results[i], err = p.Score(s); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		agg, _ := NewAggregator(c, AggregateOptions{GroupBy: "location"})
		for _, r := range results {
			if err := agg.Add(r); err != nil {
				b.Fatal(err)
			}
		}
	}
}
