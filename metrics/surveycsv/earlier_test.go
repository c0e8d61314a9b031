package surveycsv_test

import (
	"strings"
	"testing"

	"github.com/cxkit/cxkit/metrics/surveycsv"
)

// An earlier export must hold the column the current one was read from:
// one named otherwise is refused, naming both files, even though the
// current one found its column as the metric's default.
func TestEarlierWantsTheSameColumn(t *testing.T) {
	cfg := surveycsv.Config{Metric: surveycsv.NPS}
	cur, err := surveycsv.Read(strings.NewReader("NPS\n9\n10\n"), "q4.csv", cfg)
	if err != nil {
		t.Fatal(err)
	}
	ec := cur.Earlier(cfg)
	if ec.Column != "NPS" || ec.ComparedWith != "q4.csv" {
		t.Errorf("Earlier: column %q, compared with %q", ec.Column, ec.ComparedWith)
	}
	if _, err := surveycsv.Read(strings.NewReader("nps\n9\n"), "q3.csv", ec); err != nil {
		t.Errorf("the same column in another case: %v", err)
	}
	_, err = surveycsv.Read(strings.NewReader("score\n9\n"), "q3.csv", ec)
	if err == nil || !strings.Contains(err.Error(), "q3.csv") || !strings.Contains(err.Error(), "q4.csv") {
		t.Errorf("another column: %v", err)
	}
}
