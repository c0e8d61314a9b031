package korto

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"testing"
)

// BenchmarkSheetReader reads the 1,000 sheets of BenchmarkReportJSONL as
// one stream, beside what it is measured against on the same data:
//
//   - stdlib-decoder: the baseline, encoding/json's Decoder decoding the
//     stream into a map[string]any per sheet (no checks at all);
//   - ReadAnswers: the way embedders had to do it, a bufio.Scanner
//     handing each line to ReadAnswers (JSON Lines only);
//   - SheetReader: NewSheetReader, checking each sheet's form as
//     ReadAnswers does;
//
// first on JSON Lines (lines/...), then on the same sheets indented and
// one after another (indented/..., where ReadAnswers by lines cannot go),
// and with the checks against the checklist (plan/...).
//
//	go test ./korto -run '^$' -bench 'SheetReader' -benchmem -count 5
func BenchmarkSheetReader(b *testing.B) {
	c := genChecklist(100)
	p, err := Compile(c)
	if err != nil {
		b.Fatal(err)
	}
	lines := benchSheetLines(b, c, 1000)
	jsonl := append(bytes.Join(lines, []byte("\n")), '\n')
	var indented bytes.Buffer
	for _, l := range lines {
		if err := json.Indent(&indented, l, "", "  "); err != nil {
			b.Fatal(err)
		}
		indented.WriteByte('\n')
	}
	run := func(name string, data []byte, read func(r io.Reader) int) {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if n := read(bytes.NewReader(data)); n != len(lines) {
					b.Fatalf("read %d sheets, want %d", n, len(lines))
				}
			}
		})
	}
	stdlib := func(r io.Reader) int {
		dec := json.NewDecoder(r)
		n := 0
		for {
			var m map[string]any
			if err := dec.Decode(&m); err == io.EOF {
				return n
			} else if err != nil {
				b.Fatal(err)
			}
			n++
		}
	}
	stream := func(newReader func(io.Reader) *SheetReader) func(r io.Reader) int {
		return func(r io.Reader) int {
			sr := newReader(r)
			n := 0
			for {
				if _, err := sr.Next(); err == io.EOF {
					return n
				} else if err != nil {
					b.Fatal(err)
				}
				n++
			}
		}
	}
	byLines := func(read func(io.Reader) (*Sheet, error)) func(r io.Reader) int {
		return func(r io.Reader) int {
			sc := bufio.NewScanner(r)
			sc.Buffer(nil, 4<<20)
			n := 0
			for sc.Scan() {
				if _, err := read(bytes.NewReader(sc.Bytes())); err != nil {
					b.Fatal(err)
				}
				n++
			}
			return n
		}
	}
	run("lines/stdlib-decoder", jsonl, stdlib)
	run("lines/ReadAnswers", jsonl, byLines(ReadAnswers))
	run("lines/SheetReader", jsonl, stream(NewSheetReader))
	run("indented/stdlib-decoder", indented.Bytes(), stdlib)
	run("indented/SheetReader", indented.Bytes(), stream(NewSheetReader))
	run("plan/ReadAnswers", jsonl, byLines(p.ReadAnswers))
	run("plan/SheetReader", jsonl, stream(p.NewSheetReader))
}

// BenchmarkReportJSONLStream is BenchmarkReportJSONL/scored reading the
// lines as one stream with a SheetReader instead of a ReadAnswers per
// line.
func BenchmarkReportJSONLStream(b *testing.B) {
	c := genChecklist(100)
	p, err := Compile(c)
	if err != nil {
		b.Fatal(err)
	}
	lines := benchSheetLines(b, c, 1000)
	jsonl := append(bytes.Join(lines, []byte("\n")), '\n')
	var (
		bound  Bound
		scores Scores
	)
	b.SetBytes(int64(len(jsonl)))
	b.ReportAllocs()
	for b.Loop() {
		agg, err := NewAggregator(c, AggregateOptions{GroupBy: "location"})
		if err != nil {
			b.Fatal(err)
		}
		sr := NewSheetReader(bytes.NewReader(jsonl))
		for {
			s, err := sr.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			if err := p.BindInto(&bound, s); err != nil {
				b.Fatal(err)
			}
			p.ScoreInto(&scores, &bound)
			if err := agg.AddScored(p, s, &scores); err != nil {
				b.Fatal(err)
			}
		}
		if rep := agg.Report(); rep.Overall.N != int64(len(lines)) {
			b.Fatalf("aggregated %d sheets, want %d", rep.Overall.N, len(lines))
		}
	}
}
