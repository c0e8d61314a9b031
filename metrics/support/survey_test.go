package support

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/metrics"
)

// A bad line contributes nothing, not the scores that came before its
// bad one: line 1 has a good CES and a rating off 1..5, line 2 an NPS
// off 0..10, so every KPI is line 3's.
func TestSurveySkipsBadLineWhole(t *testing.T) {
	s := NewSurvey()
	err := s.Read(strings.NewReader("{\"ces\": 2, \"rating\": 7}\n{\"ces\": 4, \"rating\": 5, \"nps\": 11}\n{\"ces\": 6, \"rating\": 5, \"nps\": 9}\n"))
	var errs Errors
	if !errors.As(err, &errs) || len(errs) != 2 {
		t.Fatalf("error %v, want Errors of lines 1 and 2", err)
	}
	v, out := s.Values()
	if d := cmp.Diff(map[string]float64{"ces": 6, "rating": 5, "nps": 100}, v); d != "" {
		t.Errorf("values (-want +got):\n%s", d)
	}
	want := map[string]any{
		"answers": 1,
		"ces":     map[string]any{"n": int64(1), "mean": 6.0},
		"rating":  map[string]any{"n": int64(1), "mean": 5.0},
		"nps":     map[string]any{"n": int64(1), "nps": 100.0, "ci_low": -48.49864942025203, "ci_high": 98.49864942025202},
	}
	if d := cmp.Diff(want, out); d != "" {
		t.Errorf("summary (-want +got):\n%s", d)
	}
}

// Lines are read strictly: a name in the wrong case, a field given twice
// or data after the object is a bad line with its column, not an answer
// quietly dropped or replaced.
func TestSurveyStrictLines(t *testing.T) {
	err := NewSurvey().Read(strings.NewReader("{\"ces\": 3, \"Rating\": 4}\n{\"ces\": 3, \"ces\": 4}\n{\"nps\": 9} x\n"))
	var errs diag.List
	if !errors.As(err, &errs) {
		t.Fatalf("error %v, want a diag.List", err)
	}
	type placed struct {
		Line, Column     int
		Pointer, Code    string
		Subject, Message string
	}
	var got []placed
	for _, e := range errs {
		got = append(got, placed{e.Line, e.Column, e.Pointer, e.Code, e.Subject, e.Message})
	}
	want := []placed{
		{1, 12, "/Rating", diag.CodeUnknownKey, "survey answer", `unknown field "Rating" in the answer; did you mean "rating"?`},
		{2, 12, "/ces", diag.CodeDuplicateKey, "survey answer", `field "ces" is given twice in the answer`},
		{3, 12, "", diag.CodeSyntax, "survey answer", `JSON syntax: invalid character 'x' after top-level value`},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("errors (-want +got):\n%s", d)
	}
	if s := errs[0].Error(); s != `1:12: survey answer: unknown field "Rating" in the answer; did you mean "rating"?` {
		t.Errorf("Error() = %q", s)
	}
}

// A score off its scale is placed at its key, and errors.Is finds the
// metric's range error behind it.
func TestSurveyOutOfRange(t *testing.T) {
	err := NewSurvey().Read(strings.NewReader("{\"ces\": 3}\n{\"rating\": 9}\n"))
	l := diag.As(err)
	if len(l) != 1 || l[0].Line != 2 || l[0].Pointer != "/rating" || l[0].Code != diag.CodeOutOfRange || !errors.Is(err, metrics.ErrRange) {
		t.Errorf("err %v (%+v), want line 2's /rating out of range", err, l)
	}
}

// A file written with a byte order mark and CRLF reads like one without;
// shares count only the answers that gave them.
func TestSurveyByteOrderMark(t *testing.T) {
	s := NewSurvey()
	if err := s.Read(strings.NewReader("\ufeff{\"ces\": 2, \"found\": true}\r\n{\"ces\": 3, \"complaint\": true}\r\n{\"found\": false}\r\n")); err != nil {
		t.Fatal(err)
	}
	v, _ := s.Values()
	if d := cmp.Diff(map[string]float64{"ces": 2.5, "success_rate": 0.5, "things_gone_wrong": 1000}, v); d != "" {
		t.Errorf("values (-want +got):\n%s", d)
	}
}
