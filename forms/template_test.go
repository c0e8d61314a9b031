package forms_test

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/cxkit/cxkit/dsl"
	"github.com/cxkit/cxkit/fielddata"
	"github.com/cxkit/cxkit/forms"
	"github.com/cxkit/cxkit/korto"
	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"
)

// The template of every example checklist has its two sheets, the IDs
// in row 1 and the texts in row 2, audit fields first, frozen header
// rows, and a rule on every answer column but free text (a number that
// may be "na" included, TestTemplateNumberOrNA).
func TestTemplateLayout(t *testing.T) {
	for name, c := range exampleChecklists(t) {
		t.Run(name, func(t *testing.T) {
			data, err := forms.Template(c, forms.Options{})
			if err != nil {
				t.Fatal(err)
			}
			f, err := excelize.OpenReader(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if got := f.GetSheetList(); len(got) < 2 || got[0] != "answers" || got[1] != "checklist" {
				t.Errorf("sheets %v", got)
			}
			rows, err := f.GetRows("answers")
			if err != nil || len(rows) < 2 {
				t.Fatalf("rows %v, %v", rows, err)
			}
			var want, texts []string
			want = append(want, forms.AuditFields...)
			w := c.Words("")
			texts = append(texts, w.AuditID, w.Location, w.Date, w.Auditor)
			ruled := map[string]bool{}
			for q := range c.Questions() {
				want = append(want, q.ID)
				texts = append(texts, q.Text.Text)
				ruled[q.ID] = q.Kind.EffectiveType() != korto.KindText
			}
			if diff := cmp.Diff(want, rows[0]); diff != "" {
				t.Errorf("row 1 (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(texts, rows[1]); diff != "" {
				t.Errorf("row 2 (-want +got):\n%s", diff)
			}
			panes, err := f.GetPanes("answers")
			if err != nil || !panes.Freeze || panes.YSplit != 2 {
				t.Errorf("panes %+v, %v: want rows 1-2 frozen", panes, err)
			}
			dvs, err := f.GetDataValidations("answers")
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]bool{}
			for _, dv := range dvs {
				first, _, _ := strings.Cut(dv.Sqref, ":")
				col, _, err := excelize.SplitCellName(first)
				if err != nil {
					t.Fatal(err)
				}
				n, _ := excelize.ColumnNameToNumber(col)
				got[rows[0][n-1]] = true
			}
			for id, want := range ruled {
				if got[id] != want {
					t.Errorf("question %s: rule %v, want %v", id, got[id], want)
				}
			}
			qrows, err := f.GetRows("checklist")
			if err != nil || len(qrows) < len(want)-len(forms.AuditFields)+1 {
				t.Errorf("checklist sheet has %d rows: %v", len(qrows), err)
			}
		})
	}
}

// A template filled in as a person would (numbers as numbers, "na"
// written three ways, empty cells for unanswered questions, a date
// typed as a date) imports as the sheets it was filled from, and they
// score the same.
func TestTemplateRoundTrip(t *testing.T) {
	c := exampleChecklists(t)["mall"]
	p, err := korto.Compile(c)
	if err != nil {
		t.Fatal(err)
	}
	sheets := readSheets(t, "../examples/mall/visits.jsonl")[:20]
	data, err := forms.Template(c, forms.Options{})
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	header, err := f.GetRows("answers")
	if err != nil {
		t.Fatal(err)
	}
	na := []string{"na", "N/A", c.Words("").NA}
	for i, s := range sheets {
		r := i + 3
		for j, id := range header[0] {
			cell, _ := excelize.CoordinatesToCellName(j+1, r)
			var v any
			if j < len(forms.AuditFields) {
				v = s.Audit[id]
				if id == "date" && i == 0 {
					d, err := time.Parse("2006-01-02", s.Audit[id])
					if err != nil {
						t.Fatal(err)
					}
					v = d
				}
			} else if a, ok := s.Answers[id]; ok {
				switch {
				case a.IsNA():
					v = na[(i+j)%3]
				case a.Type == korto.AnswerNumber:
					v = a.Number
				default:
					v = a.String
				}
			}
			if v != nil {
				if err := f.SetCellValue("answers", cell, v); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	rd := importFilled(t, f, p)
	if rd.Format() != fielddata.XLSX || len(rd.Warnings()) > 0 {
		t.Errorf("format %s, warnings %v", rd.Format(), rd.Warnings())
	}
	for i, s := range sheets {
		got, err := rd.Next()
		if err != nil {
			t.Fatalf("row %d: %v", i+3, err)
		}
		if diff := cmp.Diff(s.Audit, got.Audit); diff != "" {
			t.Errorf("row %d audit (-want +got):\n%s", i+3, diff)
		}
		if diff := cmp.Diff(s.Answers, got.Answers); diff != "" {
			t.Fatalf("row %d answers (-want +got):\n%s", i+3, diff)
		}
		want, err := p.Score(s)
		if err != nil {
			t.Fatal(err)
		}
		have, err := p.Score(got)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, have); diff != "" {
			t.Errorf("row %d score (-want +got):\n%s", i+3, diff)
		}
	}
	if s, err := rd.Next(); err != io.EOF {
		t.Errorf("after the last row: %v, %v", s, err)
	}
}

// importFilled saves the filled template f and opens it for import with
// the plan p.
func importFilled(t *testing.T, f *excelize.File, p *korto.Plan) *fielddata.Reader {
	t.Helper()
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	rd, err := fielddata.NewReader(&buf, p, fielddata.Options{Name: "visits.xlsx"})
	if err != nil {
		t.Fatal(err)
	}
	return rd
}

func readSheets(t *testing.T, name string) []*korto.Sheet {
	t.Helper()
	fh, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	sr := korto.NewSheetReader(bufio.NewReader(fh))
	var out []*korto.Sheet
	for {
		s, err := sr.Next()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
}

// templateOf parses a checklist of one level holding questions, writes
// its template and opens it, closed when t ends, with the rules of its
// answers sheet.
func templateOf(t *testing.T, questions string) (*korto.Checklist, *excelize.File, []*excelize.DataValidation) {
	t.Helper()
	c, err := dsl.Parse("s.korto", []byte(`checklist s "S" {
  level 1 "L" {`+questions+`
  }
}`))
	if err != nil {
		t.Fatal(err)
	}
	data, err := forms.Template(c, forms.Options{})
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	dvs, err := f.GetDataValidations("answers")
	if err != nil {
		t.Fatal(err)
	}
	return c, f, dvs
}

// forms.md: every answer score accepts can be entered, and nothing else.
// A scale longer than a drop-down row takes a whole-number rule; one that
// allows "na" cannot say "na" in a number rule, so it gets the list of
// its points and "na" (it had no rule at all).
func TestTemplateLongScaleRules(t *testing.T) {
	_, f, dvs := templateOf(t, `
    question wide "Wide" scale 0..20
    question widena "Wide or na" scale 0..20 na
    question wait "Wait" measure "min" target <= 5 na`)
	type rule struct{ Type, Formula1, Formula2 string }
	got := map[string]rule{}
	for _, dv := range dvs {
		first, _, _ := strings.Cut(dv.Sqref, ":")
		v, err := f.GetCellValue("answers", strings.TrimRight(first, "0123456789")+"1")
		if err != nil {
			t.Fatal(err)
		}
		got[v] = rule{dv.Type, dv.Formula1, dv.Formula2}
	}
	var points []string
	for i := range 21 {
		points = append(points, strconv.Itoa(i))
	}
	want := map[string]rule{
		"wide":   {"whole", "0", "20"},
		"widena": {"list", `"` + strings.Join(append(points, "na"), ",") + `"`, ""},
		"wait":   {"custom", `IF(ISNUMBER(G3),AND(G3>=-1000000000000000,G3<=1000000000000000),G3="na")`, ""},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("rules by column (-want +got):\n%s", d)
	}
}

// A number that may also be "na" (a measure, or a scale too long for a
// drop-down) gets a custom rule over the column's answer cells that
// takes a number in the question's range or "na" and nothing else; and
// what it lets through, typed as a person would, imports as the answers
// meant.
func TestTemplateNumberOrNA(t *testing.T) {
	_, f, dvs := templateOf(t, `
    question wait "Wait" measure "min" target <= 5 na
    question huge "Huge" scale 0..40000 na
    question plain "Plain" measure "min" target <= 5`)
	type rule struct{ Type, Sqref, Formula1, Formula2 string }
	var got []rule
	for _, dv := range dvs {
		got = append(got, rule{dv.Type, dv.Sqref, dv.Formula1, dv.Formula2})
	}
	// Columns A-D are the audit fields.
	want := []rule{
		{"custom", "E3:E1002", `IF(ISNUMBER(E3),AND(E3>=-1000000000000000,E3<=1000000000000000),E3="na")`, ""},
		{"custom", "F3:F1002", `IF(ISNUMBER(F3),AND(F3=INT(F3),F3>=0,F3<=40000),F3="na")`, ""},
		{"decimal", "G3:G1002", "-1000000000000000", "1000000000000000"},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("rules (-want +got):\n%s", d)
	}

	// What each rule takes, by excelize's formula engine: the rule's
	// formula put in a cell beside the answer (its references moved
	// there), over typed answers.
	for _, tt := range []struct {
		col   string
		cells []any
		takes []bool
	}{
		{"E", []any{4.5, 0, -1, "na", "NA", "Na", "abc", "4,5", " na", true}, []bool{true, true, true, true, true, true, false, false, false, false}},
		{"F", []any{12, 0, 40000, "na", 2.5, 40001, -1, "abc"}, []bool{true, true, true, true, false, false, false, false}},
	} {
		for i, v := range tt.cells {
			if err := f.SetCellValue("answers", tt.col+"3", v); err != nil {
				t.Fatal(err)
			}
			var formula string
			for _, r := range got {
				if strings.HasPrefix(r.Sqref, tt.col+"3:") {
					formula = strings.ReplaceAll(r.Formula1, tt.col+"3", "answers!"+tt.col+"3")
				}
			}
			if err := f.SetCellFormula("checklist", "Z1", formula); err != nil {
				t.Fatal(err)
			}
			res, err := f.CalcCellValue("checklist", "Z1")
			took, _ := strconv.ParseBool(res) // TRUE, or 1
			if takes := err == nil && took; takes != tt.takes[i] {
				t.Errorf("column %s, %#v: rule gives %q, %v; want taken %v", tt.col, v, res, err, tt.takes[i])
			}
		}
	}
}

// What the number-or-na rule lets through imports as the answer it
// means: numbers as numbers, and "na" in any case (Excel compares text
// without case, so "NA" and "Na" pass its rule).
func TestTemplateNumberOrNAImports(t *testing.T) {
	c, f, _ := templateOf(t, `
    question wait "Wait" measure "min" target <= 5 na
    question huge "Huge" scale 0..40000 na`)
	p, err := korto.Compile(c)
	if err != nil {
		t.Fatal(err)
	}
	rows := []struct {
		wait, huge any
		want       map[string]korto.Answer
	}{
		{4.5, 12, map[string]korto.Answer{"wait": korto.Num(4.5), "huge": korto.Num(12)}},
		{0, 40000, map[string]korto.Answer{"wait": korto.Num(0), "huge": korto.Num(40000)}},
		{-1, 0, map[string]korto.Answer{"wait": korto.Num(-1), "huge": korto.Num(0)}},
		{"na", "NA", map[string]korto.Answer{"wait": korto.NA, "huge": korto.NA}},
		{"Na", "nA", map[string]korto.Answer{"wait": korto.NA, "huge": korto.NA}},
	}
	for i, r := range rows {
		row := []any{fmt.Sprint("a-", i), nil, nil, nil, r.wait, r.huge}
		if err := f.SetSheetRow("answers", fmt.Sprint("A", i+3), &row); err != nil {
			t.Fatal(err)
		}
	}
	rd := importFilled(t, f, p)
	for i, r := range rows {
		got, err := rd.Next()
		if err != nil {
			t.Fatalf("row %d: %v", i+3, err)
		}
		if d := cmp.Diff(r.want, got.Answers); d != "" {
			t.Errorf("row %d (-want +got):\n%s", i+3, d)
		}
	}
	if s, err := rd.Next(); err != io.EOF {
		t.Errorf("after the last row: %v, %v", s, err)
	}
}
