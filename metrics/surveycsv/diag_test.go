package surveycsv

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/metrics"
)

// placed is what a test checks of a diagnostic: where, which code and
// what it says.
type placed struct {
	File         string
	Line, Column int
	Row          int
	Field        string
	Code         string
	Message      string
}

func places(l diag.List) []placed {
	out := make([]placed, len(l))
	for i, d := range l {
		out[i] = placed{d.File, d.Line, d.Column, d.Row, d.Field, d.Code, d.Message}
	}
	return out
}

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

// TestReadDiagnostics: each problem of a survey file is a diagnostic
// with its code, its place in the file (line and column in characters,
// data row and the column's header name) and what is wrong.
func TestReadDiagnostics(t *testing.T) {
	tests := []struct {
		name string
		in   string
		cfg  Config
		want []placed
	}{
		{
			name: "bad cells",
			in:   "nps,w\n11,1\neleven,1\n5,-2\n",
			cfg:  Config{Weight: "w"},
			want: []placed{
				{"s.csv", 2, 1, 1, "nps", diag.CodeBadCell, "NPS score 11 is outside 0..10"},
				{"s.csv", 3, 1, 2, "nps", diag.CodeBadCell, `"eleven" is not a whole number (NPS answers are 0..10)`},
				{"s.csv", 4, 3, 3, "w", diag.CodeBadCell, `weight "-2": a weight must be 0 or a positive number`},
			},
		},
		{
			name: "columns in characters",
			in:   "имя,nps\nЁж,x\n",
			want: []placed{{"s.csv", 2, 4, 1, "nps", diag.CodeBadCell, `"x" is not a whole number (NPS answers are 0..10)`}},
		},
		{
			name: "long row",
			in:   "nps\n1\n2,3\n",
			want: []placed{{"s.csv", 3, 0, 2, "", diag.CodeCellCount, "2 cells, but the header has 1"}},
		},
		{
			name: "bare quote",
			in:   "nps\n1\n2\"x\n",
			want: []placed{{"s.csv", 3, 2, 2, "", diag.CodeSyntax, `bare " in non-quoted-field`}},
		},
		{
			name: "not UTF-8",
			in:   "nps,g\n1,\xcf\xf0\n",
			want: []placed{{"s.csv", 0, 0, 0, "", diag.CodeEncoding, "not UTF-8 text (saved as Windows-1251?)"}},
		},
		{
			name: "UTF-16",
			in:   "\xff\xfen\x00p\x00s\x00\n\x00",
			want: []placed{{"s.csv", 0, 0, 0, "", diag.CodeEncoding, "not UTF-8 text (saved as UTF-16)"}},
		},
		{
			name: "empty",
			in:   "",
			want: []placed{{"s.csv", 0, 0, 0, "", diag.CodeSyntax, "empty file: want a header row"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.cfg.Metric = NPS
			_, err := Read(strings.NewReader(tt.in), "s.csv", tt.cfg)
			got := diag.As(err)
			if got == nil {
				t.Fatalf("err %v holds no diagnostics", err)
			}
			if diff := cmp.Diff(tt.want, places(got)); diff != "" {
				t.Errorf("diagnostics (-want +got):\n%s", diff)
			}
		})
	}
}

// A bad cell keeps the metric's error behind it for errors.Is, and the
// list past MaxCellErrors counts the rest in a last CodeLimit line.
func TestReadDiagnosticsErrorsIsAndLimit(t *testing.T) {
	in := "nps\n" + strings.Repeat("11\n", MaxCellErrors+5)
	_, err := Read(strings.NewReader(in), "s.csv", Config{Metric: NPS})
	if !errors.Is(err, metrics.ErrRange) {
		t.Errorf("errors.Is(%v, metrics.ErrRange) = false", err)
	}
	var l diag.List
	if !errors.As(err, &l) || len(l) != MaxCellErrors+1 {
		t.Fatalf("err %v: want a list of %d", err, MaxCellErrors+1)
	}
	last := l[len(l)-1]
	if last.Code != diag.CodeLimit || last.Error() != "s.csv: 5 more bad cells not shown" {
		t.Errorf("last = %q (%s), want the count of the rest", last.Error(), last.Code)
	}
	var d *diag.Diagnostic
	if !errors.As(err, &d) || d.Row != 1 || d.Field != "nps" {
		t.Errorf("errors.As *diag.Diagnostic = %+v, want row 1's cell", d)
	}
}

// A weights file's problems are placed in it: a JSON decoding error at
// its line and column, a bad weight at its key's value; a CSV file's at
// the cell.
func TestReadCSIWeightsDiagnostics(t *testing.T) {
	tests := []struct {
		name, in string
		want     []placed
	}{
		{"json type", "{\n \"speed\": \"2\"}", []placed{{"w", 2, 11, 0, "", diag.CodeWrongType, "/speed: want a number, not a string"}}},
		{"json weight", "{\"speed\": 2,\n \"price\": -1}", []placed{{"w", 2, 11, 0, "", diag.CodeBadWeight, "weight -1: a weight is 0 or a positive number between 1e-100 and 1e+100"}}},
		{"csv", "attribute,weight\nspeed,x\n", []placed{{"w", 2, 7, 1, "weight", diag.CodeBadCell, `weight "x": a weight must be 0 or a positive number`}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadCSIWeights([]byte(tt.in), "w")
			if diff := cmp.Diff(tt.want, places(diag.As(err))); diff != "" {
				t.Errorf("diagnostics of %v (-want +got):\n%s", err, diff)
			}
		})
	}
}
