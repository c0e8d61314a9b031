package korto

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// streamItem is what the tests compare of one Next call.
type streamItem struct {
	Line     int    // SheetReader.Line
	Audit    string // the sheet's audit id, when a sheet came back
	Problems []scProblem
}

// readStream reads every sheet of r with sr and records each result.
func readStream(t *testing.T, sr *SheetReader) []streamItem {
	t.Helper()
	var out []streamItem
	for range 1000 {
		s, err := sr.Next()
		if err == io.EOF {
			return out
		}
		it := streamItem{Line: sr.Line()}
		if s != nil {
			it.Audit = s.Audit["id"]
			it.Problems = scProblems(s.Warnings)
		}
		if err != nil {
			var se *SheetError
			if !errors.As(err, &se) {
				t.Fatalf("Next: %v (%T), want a *SheetError", err, err)
			}
			if se.Line != sr.Line() {
				t.Errorf("SheetError.Line %d, Line() %d", se.Line, sr.Line())
			}
			it.Problems = append(it.Problems, scProblems(AsAnswerErrors(err))...)
		}
		out = append(out, it)
	}
	t.Fatal("Next never returned io.EOF")
	return nil
}

// compactSheet is scMallSheet on one line, with its audit id set to id.
func compactSheet(t *testing.T, id string) string {
	t.Helper()
	var b bytes.Buffer
	if err := json.Compact(&b, []byte(scMallSheet)); err != nil {
		t.Fatal(err)
	}
	return strings.Replace(b.String(), `"v-0017"`, `"`+id+`"`, 1)
}

func TestSheetReader(t *testing.T) {
	p := scCompile(t, specMall())
	a, b, c := compactSheet(t, "a"), compactSheet(t, "b"), compactSheet(t, "c")
	indented := func(id string) string { return strings.Replace(scMallSheet, `"v-0017"`, `"`+id+`"`, 1) }
	ok := func(line int, id string) streamItem { return streamItem{Line: line, Audit: id} }
	tests := []struct {
		name   string
		stream string
		want   []streamItem
	}{
		{"empty", "", nil},
		{"blank lines only", "\n \r\n\t\n", nil},
		{"JSON Lines", a + "\n" + b + "\n" + c + "\n", []streamItem{ok(1, "a"), ok(2, "b"), ok(3, "c")}},
		{"no newline at the end, CRLF, blank lines", a + "\r\n\r\n" + b + "\r\n" + c, []streamItem{ok(1, "a"), ok(3, "b"), ok(4, "c")}},
		{"indented sheets one after another", indented("a") + "\n" + indented("b") + "\n\n" + indented("c"),
			[]streamItem{ok(1, "a"), ok(12, "b"), ok(24, "c")}},
		{"indented and lines mixed", a + "\n" + indented("b") + "\n" + c + "\n", []streamItem{ok(1, "a"), ok(2, "b"), ok(13, "c")}},
		{"two sheets on one line", a + " " + b + "\n" + c, []streamItem{ok(1, "a"), ok(1, "b"), ok(2, "c")}},
		{"byte-order marks of files joined with cat", "\ufeff" + indented("a") + "\n\ufeff" + indented("b"),
			[]streamItem{ok(1, "a"), ok(12, "b")}},
		{"a wrong answer: the sheet comes back with its errors, the stream goes on",
			a + "\n" + strings.Replace(b, `"has_parking":"yes"`, `"has_parking":"maybe"`, 1) + "\n" + c,
			[]streamItem{ok(1, "a"),
				{Line: 2, Audit: "b", Problems: []scProblem{{Code: CodeWrongType, Pointer: "/answers/has_parking", Question: "has_parking"}}},
				ok(3, "c")}},
		{"a warning", a + "\n" + strings.Replace(b, `"2026.1"`, `"2025.4"`, 1),
			[]streamItem{ok(1, "a"), {Line: 2, Audit: "b", Problems: []scProblem{{Code: CodeVersionMismatch, Pointer: "/version", Warning: true}}}}},
		{"a line cut short: syntax error at its line and column in the stream",
			a + "\n" + b[:40] + "\n" + c + "\n",
			[]streamItem{ok(1, "a"), {Line: 2, Problems: []scProblem{{Code: CodeSyntax, Line: 2, Column: 41}}}, ok(3, "c")}},
		{"the last line cut short", a + "\n" + b[:40],
			[]streamItem{ok(1, "a"), {Line: 2, Problems: []scProblem{{Code: CodeSyntax, Line: 2, Column: 41}}}}},
		{"a broken indented sheet ends where the next sheet starts",
			strings.Replace(indented("a"), `"entrance": "yes",`, `"entrance": "yes",,`, 1) + "\n" + indented("b"),
			[]streamItem{{Line: 1, Problems: []scProblem{{Code: CodeSyntax, Line: 6, Column: 23}}}, ok(12, "b")}},
		{"a second sheet that is cut short, after the first on its line",
			a + " " + b[:30] + "\n" + c,
			[]streamItem{ok(1, "a"), {Line: 1, Problems: []scProblem{{Code: CodeSyntax, Line: 1, Column: utf8.RuneCountInString(a) + 32}}}, ok(2, "c")}},
		{"junk between sheets", a + "\nxyz\n" + c,
			[]streamItem{ok(1, "a"), {Line: 2, Problems: []scProblem{{Code: CodeSyntax, Line: 2, Column: 1}}}, ok(3, "c")}},
		{"not an object", "[1, 2]\n" + c,
			[]streamItem{{Line: 1, Problems: []scProblem{{Code: CodeNotObject}}}, ok(2, "c")}},
	}
	readers := []struct {
		name string
		wrap func(io.Reader) io.Reader
	}{
		{"whole", func(r io.Reader) io.Reader { return r }},
		{"one byte a read", iotest.OneByteReader},
		{"half a read", iotest.HalfReader},
		{"EOF with the data", iotest.DataErrReader},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, rd := range readers {
				got := readStream(t, p.NewSheetReader(rd.wrap(strings.NewReader(tt.stream))))
				if diff := cmp.Diff(tt.want, got); diff != "" {
					t.Errorf("%s (-want +got):\n%s", rd.name, diff)
				}
			}
		})
	}
}

// Each sheet of a stream is the sheet ReadAnswers reads from its line
// alone, and its syntax errors are those of its line, moved to the line
// in the stream.
func TestSheetReaderAgreesWithReadAnswers(t *testing.T) {
	p := scCompile(t, specMall())
	lines := []string{
		compactSheet(t, "a"),
		strings.Replace(compactSheet(t, "b"), `"speed":4`, `"speed":6`, 1),
		`{"checklist": "mall_basic", "answers": {"entrance": "yes", "entrance": "no"}}`,
		`{"checklist": "mall_basic", "answers": {"entrance": tru}}`,
		`{"checklist": "mall_basic", "answers": {"queue": 1e999}}`,
		`  {"answers": []}`,
	}
	sr := p.NewSheetReader(strings.NewReader(strings.Join(lines, "\n")))
	for i, line := range lines {
		want, wantErr := p.ReadAnswers(strings.NewReader(line))
		got, gotErr := sr.Next()
		if sr.Line() != i+1 {
			t.Errorf("line %d: Line() = %d", i+1, sr.Line())
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("line %d: sheet (-ReadAnswers +SheetReader):\n%s", i+1, diff)
		}
		wantErrs := AsAnswerErrors(wantErr)
		for _, e := range wantErrs {
			if e.Line > 0 {
				e.Line += i
				for _, l := range lines[:i] {
					e.Offset += len(l) + 1
				}
			}
		}
		if diff := cmp.Diff(wantErrs, AsAnswerErrors(gotErr)); diff != "" {
			t.Errorf("line %d: errors (-ReadAnswers +SheetReader):\n%s", i+1, diff)
		}
	}
	if _, err := sr.Next(); err != io.EOF {
		t.Errorf("after the last sheet: %v, want io.EOF", err)
	}
}

func TestSheetReaderStops(t *testing.T) {
	t.Run("read error", func(t *testing.T) {
		boom := errors.New("disk on fire")
		r := io.MultiReader(strings.NewReader(compactSheet(t, "a")+"\n"), iotest.ErrReader(boom))
		sr := NewSheetReader(r)
		if s, err := sr.Next(); err != nil || s.Audit["id"] != "a" {
			t.Fatalf("first sheet: %v, %v", s, err)
		}
		for range 2 { // the error sticks
			if _, err := sr.Next(); !errors.Is(err, boom) {
				t.Errorf("Next: %v, want %v", err, boom)
			}
		}
	})
	t.Run("a sheet too long", func(t *testing.T) {
		r := io.MultiReader(strings.NewReader(`{"checklist": "x", "answers": {"a": "`), neverEnding('a'))
		_, err := NewSheetReader(r).Next()
		if err == nil || AsAnswerErrors(err) != nil || !strings.Contains(err.Error(), "longer than 64 MiB") {
			t.Errorf("Next: %v, want the stream stopped at a sheet too long", err)
		}
	})
}

type neverEnding byte

func (b neverEnding) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(b)
	}
	return len(p), nil
}

// ReadAnswers holds one sheet; a second one points at NewSheetReader.
func TestReadAnswersSecondSheet(t *testing.T) {
	a := compactSheet(t, "a")
	_, err := ReadAnswers(strings.NewReader(a + "\n" + a + "\n"))
	want := AnswerErrors{{Code: CodeSyntax, Pos: Pos{Line: 2, Column: 1, Offset: len(a) + 1},
		Message: "another JSON value after the answer sheet: a sheet file holds one sheet; put several in a JSON Lines file, one a line, for cxkit report"}}
	if diff := cmp.Diff(want, AsAnswerErrors(err)); diff != "" {
		t.Errorf("ReadAnswers (-want +got):\n%s", diff)
	}
}

// Next returns a sheet once it is whole, without waiting for the input
// after it: a stream that comes in slowly is read as it comes. (Were
// Next to wait, the writer, which waits for the first sheet before it
// writes the second, would never go on.)
func TestSheetReaderDoesNotWaitForMore(t *testing.T) {
	a, b := compactSheet(t, "a"), compactSheet(t, "b")
	r, w := io.Pipe()
	first := make(chan struct{})
	go func() {
		// The first sheet in two writes, so that Next must read on.
		io.WriteString(w, a[:len(a)/2])
		io.WriteString(w, a[len(a)/2:]+"\n")
		<-first
		io.WriteString(w, b+"\n")
		w.Close()
	}()
	sr := NewSheetReader(r)
	s, err := sr.Next()
	if err != nil || s.Audit["id"] != "a" {
		t.Fatalf("first sheet: %v, %v", s, err)
	}
	close(first)
	if s, err := sr.Next(); err != nil || s.Audit["id"] != "b" {
		t.Fatalf("second sheet: %v, %v", s, err)
	}
	if _, err := sr.Next(); err != io.EOF {
		t.Fatalf("at the end: %v, want io.EOF", err)
	}
}
