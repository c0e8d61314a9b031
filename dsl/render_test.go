package dsl

import (
	"strings"
	"testing"

	"github.com/cxkit/cxkit/korto"
)

// Nil arguments are errors or skipped, never a panic.
func TestNilArguments(t *testing.T) {
	d := &korto.Diagnostic{Pos: korto.Pos{File: "a.korto", Line: 1, Column: 1}, Severity: korto.SeverityError, Code: "x", Message: "bad"}
	var b strings.Builder
	tests := []struct {
		name    string
		call    func() error
		wantErr bool
	}{
		{"ParseReader(nil)", func() error { _, err := ParseReader("x.korto", nil); return err }, true},
		{"Print(nil writer)", func() error { return Print(nil, &korto.Checklist{}) }, true},
		{"Render(nil writer)", func() error { return Render(nil, korto.Diagnostics{d}, nil) }, true},
		{"Render of nil entries", func() error { return Render(&b, korto.Diagnostics{nil, d, nil}, []byte("x\n")) }, false},
	}
	for _, tt := range tests {
		var err error
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("%s panicked: %v", tt.name, r)
				}
			}()
			err = tt.call()
		}()
		if (err != nil) != tt.wantErr {
			t.Errorf("%s: error %v, want an error: %v", tt.name, err, tt.wantErr)
		}
	}
	if want := "a.korto:1:1: bad\n   1 | x\n     | ^\n"; b.String() != want {
		t.Errorf("Render skipping nil entries wrote %q, want %q", b.String(), want)
	}
}
