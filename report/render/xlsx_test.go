package render_test

import (
	"bytes"
	"context"
	"math"
	"slices"
	"strconv"
	"testing"

	"github.com/cxkit/cxkit/report"
	"github.com/cxkit/cxkit/report/render"
	"github.com/xuri/excelize/v2"
)

// The workbook holds the numbers of the report, as numbers (to Excel's
// 15 significant digits): each league
// row is its group's, in league order, each top problem its question's,
// and writing twice gives the same bytes.
func TestXLSX(t *testing.T) {
	plan := compile(t, "../../examples/mall/mall.korto")
	sources, err := report.Sources(nil, "../../examples/mall/visits.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	res, err := report.Run(context.Background(), plan, sources, report.Options{By: "location", Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	var a, b bytes.Buffer
	for _, buf := range []*bytes.Buffer{&a, &b} {
		if err := render.XLSX(buf, plan.Checklist(), res, render.Options{Lang: "en"}); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two writes of one report differ")
	}
	f, err := excelize.OpenReader(&a)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := f.GetSheetList(), []string{"Summary", "League", "Levels", "Top problems", "Critical failures", "Comments"}; !slices.Equal(got, want) {
		t.Errorf("sheets %v, want %v", got, want)
	}
	// number reads a cell's raw value as a number.
	number := func(sheet, cell string) float64 {
		t.Helper()
		s, err := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		x, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatalf("%s!%s = %q, not a number", sheet, cell, s)
		}
		return x
	}
	text := func(sheet, cell string) string {
		t.Helper()
		s, err := f.GetCellValue(sheet, cell)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	if got := number("Summary", "B6"); !near(got, *res.Overall.Score.Mean) {
		t.Errorf("mean %v, want %v", got, *res.Overall.Score.Mean)
	}
	if got := text("Summary", "B6"); got != "82.69%" {
		t.Errorf("mean shown as %q, want a percentage", got)
	}
	for i, g := range res.Groups {
		row := strconv.Itoa(i + 2)
		if got := text("League", "B"+row); got != g.Group {
			t.Errorf("league row %d: group %q, want %q", i+1, got, g.Group)
		}
		if got := number("League", "D"+row); !near(got, *g.Mean) {
			t.Errorf("league row %d: mean %v, want %v", i+1, got, *g.Mean)
		}
		if got := number("League", "C"+row); got != float64(g.N) {
			t.Errorf("league row %d: n %v, want %d", i+1, got, g.N)
		}
	}
	if len(res.Overall.TopProblems) == 0 {
		t.Fatal("the mall visits have no top problems")
	}
	for i, q := range res.Overall.TopProblems {
		row := strconv.Itoa(i + 2)
		if got := text("Top problems", "B"+row); got != q.ID {
			t.Errorf("problem %d: %q, want %q", i+1, got, q.ID)
		}
		if got := number("Top problems", "H"+row); !near(got, *q.FailureRate) {
			t.Errorf("problem %d: failure rate %v, want %v", i+1, got, *q.FailureRate)
		}
	}
	rows, err := f.GetRows("Critical failures")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows)-1 != len(res.CriticalFailures) {
		t.Errorf("%d critical failures, want %d", len(rows)-1, len(res.CriticalFailures))
	}
}

// near allows for Excel's 15 significant digits, which excelize keeps.
func near(a, b float64) bool { return math.Abs(a-b) <= 1e-12 }
