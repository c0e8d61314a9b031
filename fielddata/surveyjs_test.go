package fielddata_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/cxkit/cxkit/fielddata"
	"github.com/cxkit/cxkit/korto"
	"github.com/google/go-cmp/cmp"
)

// surveyJSResult is a sheet as a SurveyJS survey made by cxkit form
// --to surveyjs stores it: audit fields and answers side by side under
// their own names.
func surveyJSResult(t testing.TB, s *korto.Sheet) map[string]any {
	t.Helper()
	m := map[string]any{}
	for k, v := range s.Audit {
		m[k] = v
	}
	for k, a := range s.Answers {
		if a.Type == korto.AnswerNumber {
			m[k] = a.Number
		} else {
			m[k] = a.String
		}
	}
	return m
}

// SurveyJS results import as the sheets they hold, whether given as one
// object, an array or JSON Lines.
func TestSurveyJSRoundTrip(t *testing.T) {
	p, sheets := loadMall(t)
	sheets = sheets[:6]
	var objs []map[string]any
	for _, s := range sheets {
		objs = append(objs, surveyJSResult(t, s))
	}
	array, _ := json.MarshalIndent(objs, "", "  ")
	var lines bytes.Buffer
	for _, o := range objs {
		b, _ := json.Marshal(o)
		lines.Write(b)
		lines.WriteString("\r\n")
	}
	one, _ := json.Marshal(objs[0])
	for name, tc := range map[string]struct {
		data []byte
		n    int
	}{"array": {array, 6}, "lines": {lines.Bytes(), 6}, "object": {append([]byte("\ufeff"), one...), 1}} {
		t.Run(name, func(t *testing.T) {
			rd, got := readAll(t, p, tc.data, fielddata.Options{})
			if rd.Format() != fielddata.SurveyJS || len(rd.Warnings()) > 0 {
				t.Errorf("format %s, warnings %v", rd.Format(), rd.Warnings())
			}
			if len(got) != tc.n {
				t.Fatalf("%d sheets, want %d", len(got), tc.n)
			}
			for i, g := range got {
				if diff := cmp.Diff(sheets[i].Answers, g.Answers); diff != "" {
					t.Errorf("sheet %d (-want +got):\n%s", i, diff)
				}
				if diff := cmp.Diff(sheets[i].Audit, g.Audit); diff != "" {
					t.Errorf("sheet %d audit (-want +got):\n%s", i, diff)
				}
			}
		})
	}
}

// A SurveyJS boolean left at true/false answers yes/no; a bad value is
// placed at its line and column; an unknown key is warned about once.
func TestSurveyJSValues(t *testing.T) {
	p, sheets := loadMall(t)
	o := surveyJSResult(t, sheets[0])
	o["has_parking"] = true
	o["typo_q"] = 1
	b, _ := json.Marshal(o)
	good := string(b)
	o["clean_overall"] = "many"
	b, _ = json.Marshal(o)
	bad := string(b)
	in := good + "\n" + bad + "\n" + good + "\n"
	var problems []string
	_, err := fielddata.Import(new(bytes.Buffer), strings.NewReader(in), p, fielddata.ImportOptions{
		Options: fielddata.Options{Name: "r.jsonl"},
		Problem: func(e *fielddata.Error) { problems = append(problems, e.Error()) },
	})
	if !errors.Is(err, fielddata.ErrInvalid) {
		t.Fatalf("err %v", err)
	}
	col := utf8.RuneCountInString(bad[:strings.Index(bad, `"many"`)]) + 1
	typo := utf8.RuneCountInString(good[:strings.Index(good, `"typo_q"`)+9]) + 1
	want := []string{
		`r.jsonl:1:` + itoa(typo) + `: warning: column "typo_q" matches no question of checklist "mall_korto" and no audit field, and is left out`,
		`r.jsonl:2:` + itoa(col) + `: audit ` + sheets[0].Audit["id"] + `, question clean_overall: takes a whole number 1..5, not "many"`,
	}
	if diff := cmp.Diff(want, problems); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}
