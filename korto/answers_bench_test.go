package korto

import (
	"bytes"
	"encoding/json"
	"io"
	"strings"
	"testing"

	"github.com/go-json-experiment/json/jsontext"
)

// BenchmarkReadSheetLines measures the answer-sheet reader alone on the
// lines of BenchmarkReportJSONL (1,000 random sheets of a 100-question
// checklist per iteration), beside what it is measured against:
//
//   - ReadAnswers: the exported reader, which first copies the input;
//   - parse: the reader on bytes already in memory, as a JSON Lines
//     scanner hands them out;
//   - stdlib-map: encoding/json decoding each line into a map[string]any,
//     the baseline of issue 3 (no duplicate keys found, no checks);
//   - jsontext-tokens: jsontext reading every token, with the reader's
//     options, and building nothing: the floor for any reader built on it.
//
// Run it as
//
//	go test ./korto -run '^$' -bench 'ReadSheetLines' -count 5
func BenchmarkReadSheetLines(b *testing.B) {
	lines := benchSheetLines(b, genChecklist(100), 1000)
	bench := func(name string, read func(line []byte) error) {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(benchBytes(lines))
			b.ReportAllocs()
			for b.Loop() {
				for _, line := range lines {
					if err := read(line); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
	bench("ReadAnswers", func(line []byte) error {
		_, err := ReadAnswers(bytes.NewReader(line))
		return err
	})
	bench("parse", func(line []byte) error {
		if _, es := parseSheet(line, nil); len(es) > 0 {
			return es
		}
		return nil
	})
	bench("stdlib-map", func(line []byte) error {
		var m map[string]any
		return json.Unmarshal(line, &m)
	})
	var dec jsontext.Decoder
	bench("jsontext-tokens", func(line []byte) error {
		dec.Reset(bytes.NewBuffer(line), sheetDecoderOptions...)
		for {
			if _, err := dec.ReadToken(); err != nil {
				if err == io.EOF {
					return nil
				}
				return err
			}
		}
	})
}

// BenchmarkReadAndScore is one JSON sheet read and scored into a Result,
// by the pairs of calls an embedder may choose, beside the baseline of
// encoding/json decoding the same sheet:
//
//   - Plan.ReadAnswers+Score checks the answers twice: once in the
//     reader, once in Score (which must, as it cannot know the sheet was
//     not changed in between);
//
//   - ReadAnswers+Score checks the form in the reader and the answers
//     once, in Score;
//
//   - ReadAnswers+BindInto+ScoreInto is the hot path: one check, no
//     Result, reused buffers.
//
//     go test ./korto -run '^$' -bench 'ReadAndScore' -benchmem -count 5
func BenchmarkReadAndScore(b *testing.B) {
	p, data := benchSheetJSON(b)
	run := func(name string, f func() error) {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if err := f(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	run("stdlib", func() error {
		var s Sheet
		return json.Unmarshal([]byte(data), &s)
	})
	run("Plan.ReadAnswers+Score", func() error {
		s, err := p.ReadAnswers(strings.NewReader(data))
		if err != nil {
			return err
		}
		_, err = p.Score(s)
		return err
	})
	run("ReadAnswers+Score", func() error {
		s, err := ReadAnswers(strings.NewReader(data))
		if err != nil {
			return err
		}
		_, err = p.Score(s)
		return err
	})
	var (
		bound  Bound
		scores Scores
	)
	run("ReadAnswers+BindInto+ScoreInto", func() error {
		s, err := ReadAnswers(strings.NewReader(data))
		if err != nil {
			return err
		}
		if err := p.BindInto(&bound, s); err != nil {
			return err
		}
		p.ScoreInto(&scores, &bound)
		return nil
	})
}
