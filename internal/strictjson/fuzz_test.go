package strictjson

import (
	"bytes"
	"errors"
	"github.com/go-json-experiment/json/jsontext"
	"testing"
	"unicode/utf8"

	"github.com/cxkit/cxkit/internal/textenc"
)

// FuzzDecode holds Decode to its contract on any input: no panic, and
// every error an *Error with a message, placed inside the input at a
// line and column that agree with its byte offset.
func FuzzDecode(f *testing.F) {
	f.Add([]byte(`{"title": "x", "rules": [{"name": "a", "channels": ["chat"], "level": "low", "limit": 3}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var v doc
		err := Decode(data, &v, "the rules file")
		if err == nil {
			// Every value Values reports starts where it says.
			Values(data, func(ptr jsontext.Pointer, off int) {
				if off < 0 || off >= len(data) || !bytes.ContainsRune([]byte(`{["-0123456789tfn`), rune(data[off])) {
					t.Fatalf("value %q placed at offset %d, which does not start a value", ptr, off)
				}
			})
			return
		}
		e, ok := errors.AsType[*Error](err)
		if !ok {
			t.Fatalf("error %v (%T) is not an *Error", err, err)
		}
		if e.Message == "" || e.Kind < Syntax || e.Kind > BadValue {
			t.Fatalf("error %+v: want a kind and a message", e)
		}
		body := bytes.TrimPrefix(data, []byte(textenc.BOM))
		skipped := len(data) - len(body)
		if e.Offset < skipped || e.Offset > len(data) {
			t.Fatalf("offset %d outside the %d bytes after a %d-byte mark", e.Offset, len(data), skipped)
		}
		before := body[:e.Offset-skipped]
		line := 1 + bytes.Count(before, []byte{'\n'})
		col := 1 + utf8.RuneCount(before[bytes.LastIndexByte(before, '\n')+1:])
		if e.Line != line || e.Column != col {
			t.Fatalf("placed at %d:%d, but offset %d is at %d:%d", e.Line, e.Column, e.Offset, line, col)
		}
	})
}
