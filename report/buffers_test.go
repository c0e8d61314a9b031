package report

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestRunJobBuffersReused: a JSON Lines source of many batches (each a
// job whose lines share one buffer, handed back and reused when its
// worker is done) gives the report one worker gives, with any number of
// workers: a buffer reused while its lines were still being read would
// mix sheets.
func TestRunJobBuffersReused(t *testing.T) {
	plan := mallPlan(t)
	lines := mallSheetLines(t)
	const n = 12*jobLines + 17
	run := func(workers int) *Result {
		t.Helper()
		src := []Source{{Name: "many.jsonl", R: &sheetsReader{lines: lines, n: n}, Lines: true}}
		res, err := Run(context.Background(), plan, src, Options{By: "location", Period: "month", Workers: workers})
		if err != nil {
			t.Fatal(err)
		}
		if res.Kept != n {
			t.Fatalf("workers %d: %d sheets kept, want %d", workers, res.Kept, n)
		}
		return res
	}
	want := run(1)
	for _, workers := range []int{2, 4} {
		if d := cmp.Diff(want.Report, run(workers).Report); d != "" {
			t.Errorf("workers %d: report differs from one worker's (-want +got):\n%s", workers, d)
		}
	}
}
