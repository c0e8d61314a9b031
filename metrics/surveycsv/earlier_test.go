package surveycsv_test

import (
	"errors"
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

// An earlier export without the --by or --weight column of the current
// one is wrong input, as one without its answer column is: the flags
// fitted the current file. It names both files; it is no ColumnError
// (a mistake in the flags, exit 2 in cxkit).
func TestEarlierWantsTheGroupAndWeightColumns(t *testing.T) {
	for _, tc := range []struct {
		name, old, missing string
		cfg                surveycsv.Config
	}{
		{"by", "nps,w\n9,1\n", `"store"`, surveycsv.Config{Metric: surveycsv.NPS, By: "store", Weight: "w"}},
		{"weight", "nps,store\n9,A\n", `"w"`, surveycsv.Config{Metric: surveycsv.NPS, By: "store", Weight: "w"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cur, err := surveycsv.Read(strings.NewReader("nps,store,w\n9,A,1\n"), "q4.csv", tc.cfg)
			if err != nil {
				t.Fatal(err)
			}
			_, err = surveycsv.Read(strings.NewReader(tc.old), "q3.csv", cur.Earlier(tc.cfg))
			var ce surveycsv.ColumnError
			if err == nil || errors.As(err, &ce) {
				t.Fatalf("err = %#v, want wrong input, not a ColumnError", err)
			}
			for _, w := range []string{"q3.csv", "q4.csv", tc.missing} {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("%v: does not name %s", err, w)
				}
			}
		})
	}
	// The current export still takes a missing column as the flag's
	// mistake.
	_, err := surveycsv.Read(strings.NewReader("nps\n9\n"), "q4.csv", surveycsv.Config{Metric: surveycsv.NPS, By: "store"})
	var ce surveycsv.ColumnError
	if !errors.As(err, &ce) {
		t.Errorf("current export without --by's column: %#v, want a ColumnError", err)
	}
}
