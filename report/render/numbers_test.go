package render

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cxkit/cxkit/korto"
	"github.com/cxkit/cxkit/metrics"
)

// An interval of shares is clipped to 0-100% and shows no negative
// zero: a lower bound of -0.0001 is 0.0% to the reader.
func TestCIText(t *testing.T) {
	tests := []struct {
		lo, hi *float64
		want   string
	}{
		{new(-0.0001), new(0.5), "0.0–50.0%"},
		{new(0.751), new(0.817), "75.1–81.7%"},
		{new(-0.2), new(1.3), "0.0–100.0%"},
		{nil, new(0.5), "—"},
	}
	for _, tt := range tests {
		if got := ciText(tt.lo, tt.hi); got != tt.want {
			t.Errorf("ciText = %q, want %q", got, tt.want)
		}
	}
}

func TestReportSurveyNoNegativeZero(t *testing.T) {
	v := &view{L: labelsRu}
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
