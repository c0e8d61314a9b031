package forms_test

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cxkit/cxkit/dsl"
	"github.com/cxkit/cxkit/fielddata"
	"github.com/cxkit/cxkit/forms"
	"github.com/cxkit/cxkit/korto"
)

// TestSurveyJSGolden writes the SurveyJS survey of every example
// checklist, and the English-first one.
func TestSurveyJSGolden(t *testing.T) {
	for name, c := range exampleChecklists(t) {
		for _, lang := range []string{"", "en"} {
			s, err := forms.SurveyJSSurvey(c, forms.Options{Lang: lang})
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			file := name + ".surveyjs.json"
			if lang != "" {
				file = name + "." + lang + ".surveyjs.json"
			}
			goldenFile(t, file, indented(t, s))
		}
	}
}

// TestSurveyJSShape checks the layout forms.md fixes: the audit fields
// on the first page, a page per level, every question once under its
// own ID with the cx properties, and visibleIf exactly on `when`.
func TestSurveyJSShape(t *testing.T) {
	for name, c := range exampleChecklists(t) {
		s, err := forms.SurveyJSSurvey(c, forms.Options{})
		if err != nil {
			t.Fatal(err)
		}
		var audit []string
		for _, e := range s.Pages[0].Elements {
			audit = append(audit, e.Name)
		}
		if diff := cmp.Diff(forms.AuditFields, audit); diff != "" {
			t.Errorf("%s: audit page (-want +got):\n%s", name, diff)
		}
		if got, want := len(s.Pages)-1, len(c.Levels); got != want && got != want+1 {
			t.Errorf("%s: %d pages after the audit for %d levels", name, got, want)
		}
		seen := map[string]*forms.SurveyJSElement{}
		var walk func(es []*forms.SurveyJSElement)
		walk = func(es []*forms.SurveyJSElement) {
			for _, e := range es {
				if e.Type == "panel" {
					walk(e.Elements)
					continue
				}
				if seen[e.Name] != nil {
					t.Errorf("%s: %q twice", name, e.Name)
				}
				seen[e.Name] = e
			}
		}
		for _, p := range s.Pages[1:] {
			walk(p.Elements)
		}
		for q := range c.Questions() {
			e := seen[q.ID]
			if e == nil {
				t.Errorf("%s: no question %q", name, q.ID)
				continue
			}
			if (q.When != nil) != (e.VisibleIf != "") {
				t.Errorf("%s: %q: when %v, visibleIf %q", name, q.ID, q.When != nil, e.VisibleIf)
			}
			if e.Type == "boolean" && (e.ValueTrue != "yes" || e.ValueFalse != "no") {
				t.Errorf("%s: %q: boolean stores %q/%q", name, q.ID, e.ValueTrue, e.ValueFalse)
			}
			if e.IsRequired == q.Optional {
				t.Errorf("%s: %q: isRequired %v, optional %v", name, q.ID, e.IsRequired, q.Optional)
			}
			if q.Critical != e.CxCritical {
				t.Errorf("%s: %q: cxCritical %v", name, q.ID, e.CxCritical)
			}
		}
	}
}

// TestSurveyJSExpr pins the visibleIf spelling of each kind of `when`.
func TestSurveyJSExpr(t *testing.T) {
	c := &korto.Checklist{ID: "x", Title: korto.Text{Text: "X"}, Levels: []*korto.Level{{Number: 1, Items: []korto.Item{
		{Question: &korto.Question{ID: "a", Text: korto.Text{Text: "A"}}},
		{Question: &korto.Question{ID: "n", Text: korto.Text{Text: "N"}, Kind: korto.Kind{Type: korto.KindMeasure}}},
		{Question: &korto.Question{ID: "q", Text: korto.Text{Text: "Q"}}},
	}}}}
	atom := func(op korto.ExprOp, q string) *korto.Expr { return &korto.Expr{Op: op, Question: q} }
	for _, tc := range []struct {
		when *korto.Expr
		want string
	}{
		{atom(korto.ExprYes, "a"), "{a} = 'yes'"},
		{&korto.Expr{Op: korto.ExprNot, Args: []*korto.Expr{atom(korto.ExprYes, "a")}}, "!({a} = 'yes')"},
		{&korto.Expr{Op: korto.ExprIn, Question: "a", Options: []string{"yes", "no"}}, "{a} anyof ['yes', 'no']"},
		{&korto.Expr{Op: korto.ExprCmp, Question: "a", Cmp: korto.OpNe, Options: []string{"no"}}, "{a} notempty and {a} != 'na' and {a} != 'no'"},
		{&korto.Expr{Op: korto.ExprCmp, Question: "n", Cmp: korto.OpGt, Number: new(float64(5))}, "{n} notempty and {n} != 'na' and {n} > 5"},
		{&korto.Expr{Op: korto.ExprOr, Args: []*korto.Expr{
			atom(korto.ExprYes, "a"),
			{Op: korto.ExprCmp, Question: "n", Cmp: korto.OpLe, Number: new(2.5)},
		}}, "{a} = 'yes' or ({n} notempty and {n} != 'na' and {n} <= 2.5)"},
	} {
		c.Levels[0].Items[2].Question.When = tc.when
		s, err := forms.SurveyJSSurvey(c, forms.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if got := s.Pages[1].Elements[2].VisibleIf; got != tc.want {
			t.Errorf("visibleIf = %q, want %q", got, tc.want)
		}
	}
}

// The survey records when the audit started and ended under the audit
// fields' own names, and a result that carries them (SurveyJS writes
// the times as JSON writes a Date) imports them into the sheet's audit,
// beside the answers, with no warning.
func TestSurveyJSTimes(t *testing.T) {
	c := exampleChecklists(t)["mall"]
	s, err := forms.SurveyJSSurvey(c, forms.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, v := range s.CalculatedValues {
		if !v.IncludeIntoResult || !strings.Contains(v.Expression, "currentDate()") {
			t.Errorf("%s: %+v does not record a time in the result", v.Name, v)
		}
		names = append(names, v.Name)
	}
	if diff := cmp.Diff([]string{"started", "ended"}, names); diff != "" {
		t.Fatalf("calculated values (-want +got):\n%s", diff)
	}
	for _, v := range s.CalculatedValues {
		if c.Question(v.Name) != nil {
			t.Errorf("%s is a question of the checklist too", v.Name)
		}
	}

	p, err := korto.Compile(c)
	if err != nil {
		t.Fatal(err)
	}
	visit := readSheets(t, "../examples/mall/visits.jsonl")[0]
	result := map[string]any{"started": "2026-12-05T06:15:08.294Z", "ended": "2026-12-05T06:41:30.007Z"}
	for k, v := range visit.Audit {
		result[k] = v
	}
	for id, a := range visit.Answers {
		if a.Type == korto.AnswerNumber {
			result[id] = a.Number
		} else {
			result[id] = a.String
		}
	}
	rd, err := fielddata.NewReader(bytes.NewReader(indented(t, result)), p, fielddata.Options{Name: "result.json", Format: fielddata.SurveyJS})
	if err != nil {
		t.Fatal(err)
	}
	sheet, err := rd.Next()
	if err != nil {
		t.Fatal(err)
	}
	if len(rd.Warnings()) > 0 {
		t.Errorf("warnings %v", rd.Warnings())
	}
	if got := [2]string{sheet.Audit["started"], sheet.Audit["ended"]}; got != [2]string{"2026-12-05T06:15:08.294Z", "2026-12-05T06:41:30.007Z"} {
		t.Errorf("audit started, ended = %q", got)
	}
	if diff := cmp.Diff(visit.Answers, sheet.Answers); diff != "" {
		t.Errorf("answers (-want +got):\n%s", diff)
	}
}

// forms.md: "Every answer cxkit score accepts can be entered, including
// na where the question allows it, and nothing else can." A measure that
// allows na is a text box with a pattern; whatever the pattern lets
// through must import, and a number and "na" must get through.
func TestSurveyJSMeasureNAPattern(t *testing.T) {
	c, err := dsl.Parse("m.korto", []byte(`checklist m "M" {
  level 1 "L" {
    question wait "Wait" measure "min" target <= 5 na
  }
}`))
	if err != nil {
		t.Fatal(err)
	}
	s, err := forms.SurveyJSSurvey(c, forms.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var pattern string
	for _, p := range s.Pages {
		for _, e := range p.Elements {
			if e.Name == "wait" && len(e.Validators) == 1 {
				pattern, _ = e.Validators[0]["regex"].(string)
			}
		}
	}
	re, err := regexp.Compile(pattern)
	if pattern == "" || err != nil {
		t.Fatalf("no regex validator on the measure: %q %v", pattern, err)
	}
	p, err := korto.Compile(c)
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range []string{"4.5", "-3", "12", "0", "na", "4,5", " 4.5 ", "4.", ".5", "1e3", "abc", "NA", "4.5.1"} {
		result := `{"id": "a1", "wait": ` + strconv.Quote(in) + `}`
		rd, err := fielddata.NewReader(strings.NewReader(result), p, fielddata.Options{Name: "r.json", Format: fielddata.SurveyJS})
		if err != nil {
			t.Fatal(err)
		}
		_, err = rd.Next()
		if re.MatchString(in) && err != nil {
			t.Errorf("%q: the form takes it, the import refuses it: %v", in, err)
		}
	}
	for _, in := range []string{"4.5", "-3", "12", "na"} {
		if !re.MatchString(in) {
			t.Errorf("%q: a valid answer the form refuses", in)
		}
	}
}

// forms.md: "Every answer cxkit score accepts can be entered, including
// na where the question allows it, and nothing else can." A scale of
// more points than a rating row is a text box: a number box with its
// range and a whole-number pattern, or, with na, a text box whose
// pattern takes a whole number or "na" and whose expression keeps the
// number in range. What the pattern lets through (in range) must
// import; 2.5, which score refuses on a scale, must not get through.
func TestSurveyJSLongScalePattern(t *testing.T) {
	c, err := dsl.Parse("s.korto", []byte(`checklist s "S" {
  level 1 "L" {
    question wide "Wide" scale 0..20 optional
    question widena "Wide or na" scale 0..20 na optional
  }
}`))
	if err != nil {
		t.Fatal(err)
	}
	s, err := forms.SurveyJSSurvey(c, forms.Options{})
	if err != nil {
		t.Fatal(err)
	}
	p, err := korto.Compile(c)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		id        string
		valid     []string
		inputType string
		range_    string // the expression validator, "" for none
	}{
		{"wide", []string{"0", "7", "20"}, "number", ""},
		{"widena", []string{"0", "7", "20", "na"}, "", "{widena} = 'na' or ({widena} >= 0 and {widena} <= 20)"},
	} {
		var el *forms.SurveyJSElement
		for _, pg := range s.Pages {
			for i := range pg.Elements {
				if pg.Elements[i].Name == tc.id {
					el = pg.Elements[i]
				}
			}
		}
		if el == nil || len(el.Validators) == 0 || el.InputType != tc.inputType {
			t.Fatalf("%s: element %+v, want a text box (inputType %q) with a pattern", tc.id, el, tc.inputType)
		}
		pattern, _ := el.Validators[0]["regex"].(string)
		re, err := regexp.Compile(pattern)
		if pattern == "" || err != nil {
			t.Fatalf("%s: no regex validator first: %q %v", tc.id, pattern, err)
		}
		var expr string
		if len(el.Validators) > 1 {
			expr, _ = el.Validators[1]["expression"].(string)
		}
		if expr != tc.range_ {
			t.Errorf("%s: range expression %q, want %q", tc.id, expr, tc.range_)
		}
		for _, in := range tc.valid {
			if !re.MatchString(in) {
				t.Errorf("%s: %q, a valid answer, is refused by the form", tc.id, in)
			}
		}
		for _, in := range []string{"2.5", "7.0", "4,5", "abc", "NA", "1e1", "", "-"} {
			if re.MatchString(in) {
				t.Errorf("%s: the form takes %q", tc.id, in)
			}
		}
		for _, in := range []string{"0", "7", "20", " 7 ", "na", "-0", "020"} {
			if !re.MatchString(in) {
				continue
			}
			result := `{"id": "a1", "` + tc.id + `": ` + strconv.Quote(in) + `}`
			rd, err := fielddata.NewReader(strings.NewReader(result), p, fielddata.Options{Name: "r.json", Format: fielddata.SurveyJS})
			if err != nil {
				t.Fatal(err)
			}
			sh, err := rd.Next()
			if err != nil {
				t.Errorf("%s: %q: the form takes it, the import refuses it: %v", tc.id, in, err)
				continue
			}
			if err := p.Check(sh); err != nil {
				t.Errorf("%s: %q imports as a sheet score refuses: %v", tc.id, in, err)
			}
		}
	}
}
