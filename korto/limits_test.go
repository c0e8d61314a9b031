package korto

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// zeros is /dev/zero: it never ends.
type zeros struct{ read int64 }

func (z *zeros) Read(p []byte) (int, error) {
	clear(p)
	z.read += int64(len(p))
	return len(p), nil
}

// An endless input fails with ErrTooLarge after the limit, without being
// read to its end (which never comes).
func TestReadAnswersEndlessInput(t *testing.T) {
	p, err := Compile(genChecklist(3))
	if err != nil {
		t.Fatal(err)
	}
	for name, read := range map[string]func(*zeros) error{
		"ReadAnswers":      func(z *zeros) error { _, err := ReadAnswers(z); return err },
		"Plan.ReadAnswers": func(z *zeros) error { _, err := p.ReadAnswers(z); return err },
	} {
		z := &zeros{}
		err := read(z)
		if !errors.Is(err, ErrTooLarge) {
			t.Errorf("%s: err %v, want ErrTooLarge", name, err)
		}
		if z.read > 2*MaxSheetSize {
			t.Errorf("%s read %d bytes, past the limit of %d", name, z.read, MaxSheetSize)
		}
	}
}

func TestDecodeChecklistTooLarge(t *testing.T) {
	data := bytes.Repeat([]byte(" "), MaxChecklistJSONSize+1)
	copy(data, "{}")
	_, err := DecodeChecklist(data)
	if err == nil || !strings.Contains(err.Error(), "larger than 32 MiB") {
		t.Errorf("err %v, want the size limit", err)
	}
}
