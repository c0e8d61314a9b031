package jsonl

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/internal/textenc"
	"github.com/google/go-cmp/cmp"
)

// record is what a Reader gives for one line: the text and its line
// number, or the code of the diagnostic.
type record struct {
	Line int
	Text string
	Code string
}

// readAll reads r to its end, going on after lines over the limit.
func readAll(t *testing.T, r *Reader) []record {
	t.Helper()
	var out []record
	for {
		b, err := r.Next()
		if err == io.EOF {
			return out
		}
		if d, ok := errors.AsType[*diag.Diagnostic](err); ok {
			if d.Line != r.Line() || !errors.Is(err, ErrTooLong) {
				t.Fatalf("diagnostic %v at line %d, reader at %d", d, d.Line, r.Line())
			}
			out = append(out, record{Line: d.Line, Code: d.Code})
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, record{Line: r.Line(), Text: string(b)})
	}
}

func TestReader(t *testing.T) {
	tests := []struct {
		name string
		in   string
		max  int
		want []record
	}{
		{"lines", "{\"a\":1}\n{\"b\":2}\n", 100, []record{{1, `{"a":1}`, ""}, {2, `{"b":2}`, ""}}},
		{"no final line break", "{}\n[]", 100, []record{{1, "{}", ""}, {2, "[]", ""}}},
		{"CRLF", "{}\r\n[]\r\n", 100, []record{{1, "{}", ""}, {2, "[]", ""}}},
		{"a CR before the end of the input", "{}\r", 100, []record{{1, "{}", ""}}},
		{"blank lines counted, not given", "\n  \n{}\n\t\r\n\n[]\n\n", 100, []record{{3, "{}", ""}, {6, "[]", ""}}},
		{"BOM at the start", "\ufeff{}\n\ufeff[]\n", 100, []record{{1, "{}", ""}, {2, "\ufeff[]", ""}}},
		{"BOM alone", "\ufeff\n{}\n", 100, []record{{2, "{}", ""}}},
		{"leading space kept", "  {}  \n", 100, []record{{1, "  {}  ", ""}}},
		{"at the limit", "12345\n123456\n1234\n", 5, []record{{1, "12345", ""}, {2, "", diag.CodeLimit}, {3, "1234", ""}}},
		{"the CR is not counted", "12345\r\n", 5, []record{{1, "12345", ""}}},
		{"over the limit at the end", "{}\n0123456789", 5, []record{{1, "{}", ""}, {2, "", diag.CodeLimit}}},
		{"empty", "", 5, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, size := range []int{16, 64 << 10} {
				got := readAll(t, newReaderSize(strings.NewReader(tt.in), tt.max, size))
				if diff := cmp.Diff(tt.want, got); diff != "" {
					t.Errorf("buffer %d: records differ (-want +got):\n%s", size, diff)
				}
				one := readAll(t, newReaderSize(iotest.OneByteReader(strings.NewReader(tt.in)), tt.max, size))
				if diff := cmp.Diff(tt.want, one); diff != "" {
					t.Errorf("buffer %d, one byte a read: records differ (-want +got):\n%s", size, diff)
				}
			}
		})
	}
}

// A line far longer than the buffer is read whole; the progress counts
// every byte.
func TestReaderLongLine(t *testing.T) {
	long := "{\"s\":\"" + strings.Repeat("я", 100<<10) + "\"}"
	in := long + "\n\n{}\n"
	r := NewReader(strings.NewReader(in), 1<<20)
	want := []record{{1, long, ""}, {3, "{}", ""}}
	if diff := cmp.Diff(want, readAll(t, r)); diff != "" {
		t.Errorf("records differ (-want +got):\n%s", diff)
	}
	if r.Offset() != int64(len(in)) {
		t.Errorf("offset %d, want %d", r.Offset(), len(in))
	}
}

// zeros is /dev/zero: no line break, no end.
type zeros struct{ read int }

func (z *zeros) Read(p []byte) (int, error) {
	clear(p)
	z.read += len(p)
	return len(p), nil
}

// An endless line is reported at the limit, without reading on.
func TestReaderEndlessLine(t *testing.T) {
	z := &zeros{}
	r := NewReader(z, 1<<20)
	_, err := r.Next()
	if !errors.Is(err, ErrTooLong) || err.Error() != "1: the line is longer than 1 MiB" {
		t.Errorf("err %v, want line 1 over 1 MiB", err)
	}
	if z.read > 2<<20 {
		t.Errorf("read %d bytes for a limit of 1 MiB", z.read)
	}
}

// A read error comes back as it is, from then on.
func TestReaderError(t *testing.T) {
	boom := errors.New("boom")
	r := NewReader(io.MultiReader(strings.NewReader("{}\n{\"a\""), iotest.ErrReader(boom)), 100)
	if b, err := r.Next(); err != nil || string(b) != "{}" {
		t.Fatalf("first line %q, %v", b, err)
	}
	for range 2 {
		if _, err := r.Next(); err != boom {
			t.Errorf("err %v, want %v", err, boom)
		}
	}
}

// A bufio.Reader the caller peeked at is read on, not wrapped.
func TestReaderKeepsBufio(t *testing.T) {
	br := bufioReader("{}\n[]\n")
	if b, _ := br.Peek(2); string(b) != "{}" {
		t.Fatalf("peek %q", b)
	}
	r := NewReader(br, 100)
	if r.br != br {
		t.Error("the bufio.Reader was wrapped")
	}
	if diff := cmp.Diff([]record{{1, "{}", ""}, {2, "[]", ""}}, readAll(t, r)); diff != "" {
		t.Errorf("records differ (-want +got):\n%s", diff)
	}
}

// FuzzReader checks the framing against a plain model over bytes.Split:
// every line comes back in order with its number, CR and the BOM
// dropped, blank ones skipped, and a line over the limit is reported as
// such, whatever the buffer size and the reads split.
func FuzzReader(f *testing.F) {
	f.Add([]byte("{\"a\":1}\n{\"b\":2}\n"), 8, 4, false)
	f.Add([]byte("short\n0123456789abcdef\n\nlast"), 10, 16, true)
	f.Add([]byte("\n\n\n"), 1, 16, false)
	f.Add([]byte("\ufeff{}\r\n \r\n[]"), 3, 0, true)
	f.Fuzz(func(t *testing.T, data []byte, max, bufSize int, oneByte bool) {
		max = 1 + abs(max)%64
		var in io.Reader = bytes.NewReader(data)
		if oneByte {
			in = iotest.OneByteReader(in)
		}
		got := readAll(t, newReaderSize(in, max, 16+abs(bufSize)%64))
		var want []record
		lines := bytes.Split(data, []byte("\n"))
		if len(lines[len(lines)-1]) == 0 {
			lines = lines[:len(lines)-1] // a final line break ends the last line
		}
		for i, l := range lines {
			l = bytes.TrimSuffix(l, []byte("\r"))
			switch {
			case len(l) > max:
				want = append(want, record{Line: i + 1, Code: diag.CodeLimit})
				continue
			case i == 0:
				l = bytes.TrimPrefix(l, []byte(textenc.BOM))
			}
			if len(bytes.TrimSpace(l)) > 0 {
				want = append(want, record{Line: i + 1, Text: string(l)})
			}
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("records differ (-want +got):\n%s", diff)
		}
	})
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func bufioReader(s string) *bufio.Reader {
	return bufio.NewReaderSize(strings.NewReader(s), bufSize)
}
