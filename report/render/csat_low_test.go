package render_test

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cxkit/cxkit/dsl"
	"github.com/cxkit/cxkit/korto"
	"github.com/cxkit/cxkit/report"
	"github.com/cxkit/cxkit/report/render"
)

// A csat range followed by low makes the bottom points the good ones
// (language.md); the report says so instead of calling the share the
// top two, and keeps "top two" for the usual csat.
func TestTextCSATLow(t *testing.T) {
	const src = `checklist sv "S" {
  level 1 "L" {
    question a "A"
  }
  survey {
    question c "Complaints" csat 1..5 low
    question h "Happy" csat 1..5
    question g "Good?" csat 1..2 low
  }
}
`
	c, err := dsl.Parse("sv.korto", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	plan, err := korto.Compile(c)
	if err != nil {
		t.Fatal(err)
	}
	const sheets = `{"checklist":"sv","audit":{"id":"x1"},"answers":{"a":"yes","c":1,"h":5,"g":1}}
{"checklist":"sv","audit":{"id":"x2"},"answers":{"a":"yes","c":2,"h":4,"g":2}}
{"checklist":"sv","audit":{"id":"x3"},"answers":{"a":"yes","c":5,"h":1,"g":1}}
{"checklist":"sv","audit":{"id":"x4"},"answers":{"a":"yes","c":1,"h":4,"g":1}}
`
	res, err := report.Run(context.Background(), plan, []report.Source{{Name: "s.jsonl", R: strings.NewReader(sheets), Lines: true}}, report.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := render.Text(&b, plan.Checklist(), res, render.Options{Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	var got []string
	survey, _, _ := strings.Cut(b.String(), "What goes with")
	for _, l := range strings.Split(survey, "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "CSAT") || strings.Contains(l, "(top") || strings.Contains(l, "(bottom") {
			got = append(got, strings.TrimSpace(l))
		}
	}
	want := []string{
		"CSAT c 1..5 (lower is better) — Complaints",
		"n=4  75.0% (95% CI 30.1–95.4%) (bottom two); mean 2.25 (95% CI 1.00 … 5.00)",
		"CSAT h 1..5 — Happy",
		"n=4  75.0% (95% CI 30.1–95.4%) (top two); mean 3.50 (95% CI 1.00 … 5.00)",
		"CSAT g 1..2 (lower is better) — Good?",
		"n=4  75.0% (95% CI 30.1–95.4%) (bottom point); mean 1.25 (95% CI 1.00 … 2.00)",
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("CSAT lines (-want +got):\n%s\nreport:\n%s", d, b.String())
	}
}
