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
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("korto: %s larger than %d MiB: %w", what, limit>>20, ErrTooLarge)
	}
	return data, nil
}
