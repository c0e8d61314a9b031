// Package jsonl frames JSON Lines for every reader of the module: the
// support tickets, the agent-time records, the post-service survey and
// the report's answer sheets. It finds the lines and numbers them; what
// a line means is its caller's business.
//
// One rule for all of them: lines end at "\n", and a "\r" before it
// (Windows) is not part of the line; a UTF-8 byte order mark at the
// start of the input (PowerShell, Notepad) is dropped, as RFC 8259 lets
// a reader do; lines that hold only white space are skipped but
// counted; a line longer than the reader's limit is a diagnostic of its
// line, never a reason to hold the whole input in memory. Leading white
// space stays in the line, so that a column a decoder reports within it
// is the column in the file.
package jsonl

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"

	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/internal/textenc"
)

// ErrTooLong is the Err of the diagnostic for a line over the limit.
var ErrTooLong = errors.New("jsonl: line over the limit")

// Reader reads the lines of JSON Lines input one at a time, holding
// only the current one.
type Reader struct {
	br     *bufio.Reader
	max    int
	line   int   // number of the last line read, blank or not
	offset int64 // bytes read through the end of that line
	buf    []byte
	skip   bool  // the rest of a line over the limit is still to be read
	err    error // sticky: the end of the input or a read error
}

// bufSize is the read buffer: a sheet or a ticket is a few KiB, so most
// lines come straight out of it without a copy.
const bufSize = 64 << 10

// NewReader returns a Reader of r taking lines of at most max bytes
// (without the line break). A *bufio.Reader of at least 64 KiB is used
// as it is, so that a caller may peek at the input first.
func NewReader(r io.Reader, max int) *Reader {
	return newReaderSize(r, max, bufSize)
}

func newReaderSize(r io.Reader, max, size int) *Reader {
	return &Reader{br: bufio.NewReaderSize(r, size), max: max}
}

// Next returns the next line that is not blank, without its line
// break. The line is valid until the next call. A line over the limit
// gives a *diag.Diagnostic with its line, the code diag.CodeLimit and
// the Err ErrTooLong, before the rest of it is read: a caller that
// stops there never reads an endless line (/dev/zero) further; the next
// call goes on after that line. At the end of the input Next returns
// io.EOF; a read error is returned as it is, and again by every later
// call.
func (r *Reader) Next() ([]byte, error) {
	for {
		if r.skip {
			if err := r.skipLine(); err != nil {
				return nil, err
			}
		}
		if r.err != nil {
			return nil, r.err
		}
		line, err := r.read()
		if err != nil {
			return nil, err
		}
		if r.line == 1 {
			line = textenc.TrimBOM(line)
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		return line, nil
	}
}

// StartAfter numbers the lines from n+1 on, for a reader of a part of
// a larger input that starts after line n; only line 1 loses a byte
// order mark. Call it before the first Next.
func (r *Reader) StartAfter(n int) { r.line = n }

// Line returns the number of the line Next last returned, or of the
// line over the limit it last reported, counting from 1 and counting
// blank lines.
func (r *Reader) Line() int { return r.line }

// Offset returns how many bytes of the input the lines so far took, line
// breaks and blank lines included: the progress through the input.
func (r *Reader) Offset() int64 { return r.offset }

// read reads one line. A line that fits the buffer is a slice of it.
func (r *Reader) read() ([]byte, error) {
	frag, err := r.br.ReadSlice('\n')
	line := frag
	if err == bufio.ErrBufferFull {
		r.buf = append(r.buf[:0], frag...)
		for err == bufio.ErrBufferFull && len(r.buf) <= r.max+2 { // +2: "\r\n"
			frag, err = r.br.ReadSlice('\n')
			r.buf = append(r.buf, frag...)
		}
		line = r.buf
	}
	r.offset += int64(len(line))
	switch {
	case err == io.EOF && len(line) == 0:
		r.err = io.EOF
		return nil, io.EOF
	case err != nil && err != io.EOF && err != bufio.ErrBufferFull:
		r.err = err
		return nil, err
	}
	r.line++
	if err == io.EOF {
		r.err = io.EOF // the last line, without a line break
	}
	if err == bufio.ErrBufferFull {
		r.skip = true // the line goes on past the limit: over it
	} else {
		line = bytes.TrimSuffix(line, []byte("\n"))
		line = bytes.TrimSuffix(line, []byte("\r"))
	}
	if len(line) > r.max {
		return nil, &diag.Diagnostic{Pos: diag.Pos{Line: r.line}, Code: diag.CodeLimit,
			Message: "the line is longer than " + SizeText(r.max), Err: ErrTooLong}
	}
	return line, nil
}

// skipLine reads the rest of a line over the limit, holding none of it.
func (r *Reader) skipLine() error {
	r.skip = false
	for {
		frag, err := r.br.ReadSlice('\n')
		r.offset += int64(len(frag))
		switch err {
		case bufio.ErrBufferFull:
			continue
		case nil:
			return nil
		case io.EOF:
			r.err = io.EOF
			return nil
		default:
			r.err = err
			return err
		}
	}
}

// SizeText says a size limit for people: whole MiB, or bytes below one.
func SizeText(n int) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}
