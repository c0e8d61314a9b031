package korto

import (
	"bytes"
	"errors"
	"io"
	"testing"
	"testing/iotest"

	"github.com/google/go-cmp/cmp"
)

// FuzzSheetReader reads arbitrary bytes as a stream of sheets. It must
// never panic and always come to an end, with every bad sheet reported
// as a *SheetError placed in the stream, and read the same sheets and
// problems whether the input comes whole or a byte a read. And the
// input cut at each 0x1e byte (the ASCII record separator) into pieces:
// the pieces that ReadAnswers takes for sheets, joined by newlines, must
// read as exactly those sheets, each equal to the sheet and problems
// Plan.ReadAnswers gives for its piece alone.
//
// Run it as
//
//	go test ./korto -run '^$' -fuzz FuzzSheetReader -fuzztime 30s
func FuzzSheetReader(f *testing.F) {
	f.Add([]byte(scMallSheet + "\x1e" + scMallSheet))
	f.Add([]byte(`{"checklist": "mall_basic", "answers": {"entrance": "yes"}}` + "\n" + `{"checklist": "mall_basic", "ans`))
	f.Add([]byte("\ufeff{\"checklist\": \"x\", \"answers\": {}}\x1e{\"answers\":\n{\"a\": 1}, \"checklist\": \"mall_basic\"}\x1e[1]"))
	f.Add([]byte("{\"a\": 1\n{\"checklist\": \"mall_basic\", \"answers\": {\"has_parking\": \"maybe\"}}\r\nxyz\n\n"))
	p := scCompile(f, specMall())
	f.Fuzz(func(t *testing.T, data []byte) {
		// The whole input as one stream, read in one go and a byte at a
		// time: the same sheets and problems either way.
		whole := fuzzReadAll(p.NewSheetReader(bytes.NewReader(data)))
		bytewise := fuzzReadAll(p.NewSheetReader(iotest.OneByteReader(bytes.NewReader(data))))
		if diff := cmp.Diff(whole, bytewise); diff != "" {
			t.Fatalf("read whole (-) and a byte at a time (+) differ:\n%s", diff)
		}
		sr := p.NewSheetReader(bytes.NewReader(data))
		last := 0
		for n := 0; ; n++ {
			if n > len(data) {
				t.Fatalf("%d sheets from %d bytes: the reader is not moving on", n, len(data))
			}
			_, err := sr.Next()
			if err == io.EOF {
				break
			}
			if sr.Line() < max(last, 1) {
				t.Fatalf("sheet %d at line %d, after one at line %d", n, sr.Line(), last)
			}
			last = sr.Line()
			if err == nil {
				continue
			}
			var se *SheetError
			if !errors.As(err, &se) || len(se.Errs) == 0 {
				t.Fatalf("Next: %v (%T), want a *SheetError", err, err)
			}
			for _, e := range se.Errs {
				if e.Line != 0 && (e.Line < se.Line || e.Offset < 0 || e.Offset > len(data)) {
					t.Fatalf("syntax error %+v of the sheet at line %d is out of place", e, se.Line)
				}
			}
		}

		// The pieces that are sheets, as a stream of JSON Lines or
		// indented sheets.
		var sheets [][]byte
		for _, piece := range bytes.Split(data, []byte{0x1e}) {
			if _, err := ReadAnswers(bytes.NewReader(piece)); err == nil {
				sheets = append(sheets, piece)
			}
		}
		sr = p.NewSheetReader(bytes.NewReader(bytes.Join(sheets, []byte("\n"))))
		for i, piece := range sheets {
			want, wantErr := p.ReadAnswers(bytes.NewReader(piece))
			got, gotErr := sr.Next()
			if gotErr != nil && AsAnswerErrors(gotErr) == nil {
				t.Fatalf("sheet %d: %v", i, gotErr)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Fatalf("sheet %d (-alone +streamed):\n%s", i, diff)
			}
			if diff := cmp.Diff(AsAnswerErrors(wantErr), AsAnswerErrors(gotErr)); diff != "" {
				t.Fatalf("sheet %d: problems (-alone +streamed):\n%s", i, diff)
			}
		}
		if _, err := sr.Next(); err != io.EOF {
			t.Fatalf("after %d sheets: %v, want io.EOF", len(sheets), err)
		}
	})
}

// fuzzRead is one result of SheetReader.Next.
type fuzzRead struct {
	Line  int
	Sheet *Sheet
	Err   string
}

// fuzzReadAll reads every sheet of sr, up to 10,000.
func fuzzReadAll(sr *SheetReader) []fuzzRead {
	var out []fuzzRead
	for range 10000 {
		s, err := sr.Next()
		if err == io.EOF {
			break
		}
		r := fuzzRead{Line: sr.Line(), Sheet: s}
		if err != nil {
			r.Err = err.Error()
		}
		out = append(out, r)
	}
	return out
}
