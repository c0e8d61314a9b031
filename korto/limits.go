package korto

import (
	"errors"
	"fmt"
	"io"
)

// Limits on input, so that a hostile or mistaken file (/dev/zero, a
// database dump) fails fast with an error instead of taking all memory.
// Real inputs are far below them: a checklist of a thousand questions is
// under 1 MiB as JSON, an answer sheet a few KiB.
const (
	// MaxSheetSize is the largest answer sheet ReadAnswers, Plan.ReadAnswers
	// and a SheetReader take, in bytes.
	MaxSheetSize = 64 << 20
	// MaxChecklistJSONSize is the largest JSON checklist DecodeChecklist
	// takes, in bytes: the JSON form is about four times the size of
	// the .korto source, whose parser takes 8 MiB.
	MaxChecklistJSONSize = 32 << 20
)

// ErrTooLarge is wrapped by the error of a reader given more than its
// limit; test for it with errors.Is.
var ErrTooLarge = errors.New("input too large")

// readLimited reads all of r, or fails with ErrTooLarge once it has
// read more than limit bytes of it: the input is not read to its end.
func readLimited(r io.Reader, limit int64, what string) ([]byte, error) {
	var data []byte
	if l, ok := r.(interface{ Len() int }); ok {
		// A reader that knows what it holds (bytes.Reader, strings.Reader,
		// bytes.Buffer: a line of JSON Lines handed over) is read into
		// one slice of that size, not grown into from 512 bytes.
		data = make([]byte, 0, min(int64(l.Len()), limit)+1)
	}
	data, err := readAllInto(data, io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, errTooLarge(what, limit)
	}
	return data, nil
}

func errTooLarge(what string, limit int64) error {
	return fmt.Errorf("korto: %s larger than %d MiB: %w", what, limit>>20, ErrTooLarge)
}

// readAllInto is io.ReadAll appending to data.
func readAllInto(data []byte, r io.Reader) ([]byte, error) {
	if cap(data) == 0 {
		return io.ReadAll(r)
	}
	for {
		n, err := r.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return data, err
		}
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)] // room to see the end
		}
	}
}
