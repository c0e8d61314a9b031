package strictjson

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cxkit/cxkit/diag"
)

// A decoding error becomes one diagnostic with its kind's code, and a
// problem found after decoding, known by its pointer alone, is placed at
// the value's line and column in the file (or its nearest parent's).
func TestDiagnosticsInFile(t *testing.T) {
	type placed struct {
		File         string
		Line, Column int
		Pointer      string
		Code         string
	}
	data := []byte("{\n  \"a\": [1,\n    2],\n  \"b\": {\"c\": true}\n}")
	var v map[string]any
	err := Decode([]byte(`{"a": 1, "a": 2}`), &v, "the test")
	l := Diagnostics(err)
	if len(l) != 1 || l[0].Code != diag.CodeDuplicateKey || l[0].Pointer != "/a" {
		t.Fatalf("Diagnostics(%v) = %v", err, l)
	}
	if _, ok := errors.AsType[*Error](l.Err()); !ok {
		t.Error("errors.As finds no *Error behind the diagnostic")
	}
	checked := diag.List{
		{Pointer: "/a/1", Code: diag.CodeOutOfRange},
		{Pointer: "/b/nope", Code: diag.CodeMissingKey},
		{Code: diag.CodeBadValue},
		{Pos: diag.Pos{Line: 9, Column: 9}, Pointer: "/a", Code: diag.CodeSyntax},
	}
	var got []placed
	for _, d := range InFile("f.json", data, checked) {
		got = append(got, placed{d.File, d.Line, d.Column, d.Pointer, d.Code})
	}
	want := []placed{
		{"f.json", 3, 5, "/a/1", diag.CodeOutOfRange},
		{"f.json", 4, 8, "/b/nope", diag.CodeMissingKey},
		{"f.json", 0, 0, "", diag.CodeBadValue},
		{"f.json", 9, 9, "/a", diag.CodeSyntax},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("InFile (-want +got):\n%s", d)
	}
	if checked[0].File != "" {
		t.Error("InFile changed the list it was given")
	}
	if Diagnostics(nil) != nil {
		t.Error("Diagnostics(nil) is not nil")
	}
	if l := Diagnostics(errors.New("odd")); len(l) != 1 || l[0].Code != diag.CodeSyntax {
		t.Errorf("Diagnostics of a plain error = %v", l)
	}
}
