package jsonl

import (
	"bufio"
	"bytes"
	"io"
	"strings"
	"testing"
)

// BenchmarkFraming finds the lines of 10,000 ticket-sized lines (660
// bytes), against bufio.Scanner, which two of the readers used before.
//
//	go test ./internal/jsonl -run '^$' -bench Framing -count 6
func BenchmarkFraming(b *testing.B) {
	line := `{"id": "T1", "events": [` + strings.Repeat(`{"at": "2026-11-02T13:02:00Z", "type": "reply"},`, 13) + `{}]}` + "\n"
	data := bytes.Repeat([]byte(line), 10000)
	b.Run("scanner", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			sc := bufio.NewScanner(bytes.NewReader(data))
			sc.Buffer(make([]byte, 0, 64<<10), 16<<20)
			n := 0
			for sc.Scan() {
				n += len(bytes.TrimSpace(sc.Bytes()))
			}
		}
	})
	b.Run("jsonl", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			r := NewReader(bytes.NewReader(data), 16<<20)
			n := 0
			for {
				l, err := r.Next()
				if err == io.EOF {
					break
				}
				n += len(l)
			}
		}
	})
}
