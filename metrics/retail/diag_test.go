package retail

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cxkit/cxkit/diag"
)

// shown is err as cxkit prints it: every diagnostic of a list, or the
// error's text.
func shown(err error) string {
	if l := diag.As(err); l != nil {
		var b strings.Builder
		diag.Render(&b, l, nil)
		return b.String()
	}
	return err.Error()
}

// Shown is shown for the tests of package retail_test.
var Shown = shown

// TestReadSheetDiagnostics: a bad cell of a visit sheet is a diagnostic
// at its line, column (in characters), row and header name; a visit
// that is wrong as a whole is placed at its row.
func TestReadSheetDiagnostics(t *testing.T) {
	type placed struct {
		Line, Column, Row int
		Field, Code       string
	}
	in := "дата,вход,units,amount\n2026-11-14,25:00,1,10\n2026-11-14,12:00,,100\n2026-11-14,12:00,2,12,9\n"
	_, err := ReadSheet(strings.NewReader(in), "v.csv", "")
	var l diag.List
	if !errors.As(err, &l) {
		t.Fatalf("err %v, want a diag.List", err)
	}
	var got []placed
	for _, d := range l {
		if d.File != "v.csv" {
			t.Errorf("%v: file %q, want v.csv", d, d.File)
		}
		got = append(got, placed{d.Line, d.Column, d.Row, d.Field, d.Code})
	}
	want := []placed{
		{2, 12, 1, "вход", diag.CodeBadCell},
		{3, 0, 2, "", diag.CodeBadCell},
		{4, 0, 3, "", diag.CodeCellCount},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
}
