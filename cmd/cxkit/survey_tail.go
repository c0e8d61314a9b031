package main

import (
	"bytes"
	"io"
	"unicode/utf8"
)

// surveyTail passes reads through and keeps the latest lines, so that
// the byte column of an encoding/csv ParseError can be told in
// characters, as cxkit tells every column. It keeps at least the last
// surveyTailKeep bytes, whole lines where it can; a column on a line it
// no longer holds stays in bytes.
type surveyTail struct {
	r    io.Reader
	buf  []byte
	line int  // the line buf starts on, counting from 1
	mid  bool // buf starts in the middle of that line
}

const surveyTailKeep = 64 << 10

func newSurveyTail(r io.Reader) *surveyTail { return &surveyTail{r: r, line: 1} }

func (t *surveyTail) Read(p []byte) (int, error) {
	n, err := t.r.Read(p)
	t.buf = append(t.buf, p[:n]...)
	if len(t.buf) > 2*surveyTailKeep {
		cut := len(t.buf) - surveyTailKeep
		if i := bytes.LastIndexByte(t.buf[:cut], '\n'); i >= 0 {
			t.line += bytes.Count(t.buf[:i+1], []byte{'\n'})
			cut, t.mid = i+1, false
		} else {
			t.mid = true
		}
		t.buf = append(t.buf[:0], t.buf[cut:]...)
	}
	return n, err
}

// column returns byte column col (1-based) of line in characters, or col
// itself when the line is no longer held. A byte order mark at the start
// of line 1 is not counted: the CSV reader never sees it.
func (t *surveyTail) column(line, col int) int {
	if line < t.line || line == t.line && t.mid {
		return col
	}
	b := t.buf
	for l := t.line; l < line; l++ {
		i := bytes.IndexByte(b, '\n')
		if i < 0 {
			return col
		}
		b = b[i+1:]
	}
	if line == 1 {
		b = bytes.TrimPrefix(b, []byte("\ufeff"))
	}
	if col < 1 || col-1 > len(b) {
		return col
	}
	return utf8.RuneCount(b[:col-1]) + 1
}
