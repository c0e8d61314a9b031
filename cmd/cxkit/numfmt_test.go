package main

import "testing"

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
