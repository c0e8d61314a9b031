package surveycsv

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cxkit/cxkit/diag"
)

// TestRows: every cell of every row, short rows padded, a long row a
// cell error, and problems placed at the cell (in characters) or row.
func TestRows(t *testing.T) {
	in := "\ufeffмагазин;дата;n\r\nЦентр;\"05.12\n2026\";1,5\nСевер\nЮг;a;b;c\nЗапад;x;y\n"
	r, err := NewRows(strings.NewReader(in), "f.csv")
	if err != nil {
		t.Fatal(err)
	}
	if !r.DecimalComma() {
		t.Error("a semicolon file has decimal commas")
	}
	var got [][]string
	for {
		ok, err := r.Next()
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			break
		}
		got = append(got, append([]string(nil), r.Record()...))
		switch r.Row() {
		case 2:
			r.CellError(2, errors.New("missing"))
		case 4:
			r.CellError(2, errors.New("bad"))
			r.RowError(errors.New("whole row"))
		}
	}
	want := [][]string{{"Центр", "05.12\n2026", "1,5"}, {"Север", "", ""}, {"Запад", "x", "y"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("rows (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"магазин", "дата", "n"}, r.Header()); diff != "" {
		t.Errorf("header (-want +got):\n%s", diff)
	}
	var ce diag.List
	if !errors.As(r.Err(), &ce) {
		t.Fatalf("Err() = %v, want a diag.List", r.Err())
	}
	wantErrs := []placed{
		{"f.csv", 4, 0, 2, "n", diag.CodeBadCell, "missing"},
		{"f.csv", 5, 0, 3, "", diag.CodeCellCount, "4 cells, but the header has 3"},
		{"f.csv", 6, 9, 4, "n", diag.CodeBadCell, "bad"},
		{"f.csv", 6, 0, 4, "", diag.CodeBadCell, "whole row"},
	}
	if diff := cmp.Diff(wantErrs, places(ce)); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
	if _, err := r.Find("--by", "магазн"); !strings.Contains(err.Error(), `did you mean "магазин"?`) {
		t.Errorf("Find of a misspelt column: %v", err)
	}
}

// zeroReader is /dev/zero.
type zeroReader struct{ read int }

func (z *zeroReader) Read(p []byte) (int, error) {
	clear(p)
	z.read += len(p)
	return len(p), nil
}

// One endless cell stops the reader at MaxRecordSize instead of taking
// all memory.
func TestRowsRecordLimit(t *testing.T) {
	z := &zeroReader{}
	_, err := NewRows(z, "zero.csv")
	if err == nil || !strings.Contains(err.Error(), "longer than 1 MiB") {
		t.Errorf("err %v, want the row limit", err)
	}
	if z.read > 4*MaxRecordSize {
		t.Errorf("read %d bytes past a %d limit", z.read, MaxRecordSize)
	}
}
