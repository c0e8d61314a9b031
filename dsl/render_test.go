package dsl

import (
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cxkit/cxkit/korto"
)

// TestRenderCaret checks that the caret stands under the reported
// character column whatever precedes it on the line.
func TestRenderCaret(t *testing.T) {
	tests := []struct {
		name string
		line string
		col  int // character column, 1-based
		want string
	}{
		{"ascii", `question q "Q" critcal`, 16, "   1 | question q \"Q\" critcal\n     |                ^\n"},
		{"tab", "\tquestion x", 11, "   1 |     question x\n     |              ^\n"},
		{"cyrillic", `question вход "Вход" ведро`, 22, "   1 | question вход \"Вход\" ведро\n     |                      ^\n"},
		{"wide", `question q "検査" x`, 17, "   1 | question q \"検査\" x\n     |                   ^\n"},
		{"past the end", `question q`, 11, "   1 | question q\n     |           ^\n"},
		{"invalid byte", "question \xff x", 12, "   1 | question \uFFFD x\n     |            ^\n"},
		{"byte-order mark", "\uFEFFchecklist t \"T\" { levl", 19, "   1 | checklist t \"T\" { levl\n     |                   ^\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &korto.Diagnostic{Pos: korto.Pos{File: "f", Line: 1, Column: tt.col}, Message: "m", Hint: "h"}
			var b strings.Builder
			if err := Render(&b, korto.Diagnostics{d}, []byte(tt.line+"\n")); err != nil {
				t.Fatal(err)
			}
			want := "f:1:" + strconv.Itoa(tt.col) + ": m\n" + tt.want + "hint: h\n"
			if diff := cmp.Diff(want, b.String()); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestRenderWithoutPosition(t *testing.T) {
	ds := korto.Diagnostics{
		{Pos: korto.Pos{File: "big.korto"}, Message: "too big", Hint: "split it"},
		{Severity: korto.SeverityWarning, Message: "no position"},
	}
	var b strings.Builder
	if err := Render(&b, ds, []byte("x\n")); err != nil {
		t.Fatal(err)
	}
	want := "big.korto: too big\nhint: split it\nwarning: no position\n"
	if diff := cmp.Diff(want, b.String()); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

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
