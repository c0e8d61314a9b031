package report

import (
	"bufio"
	"bytes"
	"io"
	"testing"
)

// FuzzReadLine checks the JSON Lines framing against bytes.Split: every
// line comes back whole, in order, and a line over the limit comes back
// as one skipped line, whatever the buffer size splits.
func FuzzReadLine(f *testing.F) {
	f.Add([]byte("{\"a\":1}\n{\"b\":2}\n"), 8, 4)
	f.Add([]byte("short\n0123456789abcdef\n\nlast"), 10, 16)
	f.Add([]byte("\n\n\n"), 1, 16)
	f.Fuzz(func(t *testing.T, data []byte, limit, bufSize int) {
		limit = 1 + abs(limit)%64
		br := bufio.NewReaderSize(bytes.NewReader(data), 16+abs(bufSize)%64)
		want := bytes.Split(data, []byte("\n"))
		if len(want[len(want)-1]) == 0 {
			want = want[:len(want)-1] // a final line break ends the last line
		}
		for i := 0; ; i++ {
			line, tooLong, err := readLine(br, limit)
			if err == io.EOF && line == nil && !tooLong {
				if i != len(want) {
					t.Fatalf("%d lines, want %d", i, len(want))
				}
				return
			}
			if err != nil && err != io.EOF {
				t.Fatal(err)
			}
			if i >= len(want) {
				t.Fatalf("line %d past the %d of the input", i+1, len(want))
			}
			if over := len(want[i]) > limit; over != tooLong {
				t.Fatalf("line %d (%d bytes, limit %d): tooLong %v", i+1, len(want[i]), limit, tooLong)
			}
			if !tooLong && !bytes.Equal(line, want[i]) {
				t.Fatalf("line %d = %q, want %q", i+1, line, want[i])
			}
			if err == io.EOF {
				if i+1 != len(want) {
					t.Fatalf("EOF at line %d of %d", i+1, len(want))
				}
				return
			}
		}
	})
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
