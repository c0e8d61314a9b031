package korto

import (
	"bytes"
	"encoding/json"
	"io"
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
		if _, es := parseSheet(line); len(es) > 0 {
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
