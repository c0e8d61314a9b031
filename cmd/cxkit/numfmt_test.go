package main

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cxkit/cxkit/korto"
	"github.com/cxkit/cxkit/metrics"
)

// Numbers printed with fixed decimals never show a negative zero: a
// bound of -0.0004 is 0.00 to the reader.
func TestFixedNoNegativeZero(t *testing.T) {
	tests := []struct {
		x    float64
		prec int
		want string
	}{
		{-0.0004, 2, "0.00"},
		{-0.04, 1, "0.0"},
		{-0.4, 0, "0"},
		{-0.005, 2, "-0.01"}, // rounds away from zero: a real negative
		{-0.06, 1, "-0.1"},
		{0.7, 2, "0.70"},
		{-12.34, 1, "-12.3"},
		{0, 1, "0.0"},
	}
	for _, tt := range tests {
		if got := fixed(tt.x, tt.prec); got != tt.want {
			t.Errorf("fixed(%g, %d) = %q, want %q", tt.x, tt.prec, got, tt.want)
		}
	}
	if got := pct(-0.0001); got != "0.0%" {
		t.Errorf("pct(-0.0001) = %q, want 0.0%%", got)
	}
	if got := ciText(new(-0.0001), new(0.5)); got != "0.0–50.0%" {
		t.Errorf("ciText = %q", got)
	}
}

func TestReportSurveyNoNegativeZero(t *testing.T) {
	v := &reportView{L: reportLabelsRu}
	tests := []struct {
		s    korto.SurveySummary
		want string
	}{
		{korto.SurveySummary{Emotion: &metrics.EmotionResult{Index: 0.4, CI: metrics.Interval{Lo: -0.0001, Hi: 0.7}}},
			"0.40 (95% ДИ 0.00 … 0.70)"},
		{korto.SurveySummary{NPS: &metrics.NPSResult{NPS: -0.01, CI: metrics.Interval{Lo: -0.04, Hi: 30}}},
			"0.0 (95% ДИ 0.0 … 30.0)"},
	}
	for _, tt := range tests {
		if d := cmp.Diff(tt.want, v.surveyValue(tt.s)); d != "" {
			t.Errorf("surveyValue (-want +got):\n%s", d)
		}
	}
}

// The survey commands print through fixed too: a difference of -0.04
// points is +0.0, not -0.0, and a value that rounds to zero has no sign.
func TestSurveyNumbersNoNegativeZero(t *testing.T) {
	got := []string{surveyDiff(surveyNPS, -0.04), surveyDiff(surveyEmotion, -0.001), surveyValue(surveyEmotion, -0.0004), surveyValue(surveyCSAT, -0.01)}
	want := []string{"+0.0 points", "+0.00", "0.00", "0.0%"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("got %q, want %q", got[i], want[i])
		}
	}
}
