package support

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
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
	var errs Errors
	if !errors.As(err, &errs) {
		t.Fatalf("error %v, want Errors", err)
	}
	var lines []string
	for _, e := range errs {
		lines = append(lines, e.Error())
	}
	all := strings.Join(lines, "\n")
	for _, want := range []string{
		`line 1: survey answer: column 12: unknown field "Rating" in the answer; did you mean "rating"?`,
		`line 2: survey answer: column 12: field "ces" is given twice in the answer`,
		`line 3: survey answer: column 12: JSON syntax: invalid character 'x' after top-level value`,
	} {
		if !strings.Contains(all, want) {
			t.Errorf("errors lack %q:\n%s", want, all)
		}
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
