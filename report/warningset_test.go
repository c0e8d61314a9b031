package report

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Runs over parts of one input, their aggregates merged and their
// warnings gathered by a WarningSet with places in the whole, give what
// one Run over the whole gives: the same report (Complete) and the same
// warnings, each at its earliest place with the count of all parts.
func TestWarningSetSplitRuns(t *testing.T) {
	plan := mallPlan(t)
	data, err := os.ReadFile(mallLines)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	for i := range lines {
		switch i % 7 { // two warnings, first seen in the second part
		case 5:
			lines[i] = strings.Replace(lines[i], `"version":"2026.1"`, `"version":"2025.9"`, 1)
		case 6:
			lines[i] = strings.Replace(lines[i], `"version":"2026.1"`, `"version":"2027.0"`, 1)
		}
	}
	const name = "visits.jsonl"
	opts := Options{By: "location", Lang: "en", AllowDuplicates: true, Workers: 2}
	whole, err := Run(context.Background(), plan, []Source{{Name: name, R: strings.NewReader(strings.Join(lines, "\n")), Lines: true}}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(whole.Warnings) < 2 {
		t.Fatalf("the test made two warnings, Run gives %v", whole.Warnings)
	}

	// Three parts, the last first, as a cluster may finish them.
	cuts := []int{0, 4, 40, len(lines)}
	var set WarningSet
	var merged *Result
	for part := len(cuts) - 2; part >= 0; part-- {
		from, to := cuts[part], cuts[part+1]
		src := strings.Join(lines[from:to], "\n")
		res, err := Run(context.Background(), plan, []Source{{Name: "part", R: strings.NewReader(src), Lines: true}}, opts)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range res.Warnings {
			w.Where = fmt.Sprintf("%s:%d", name, from+w.Line)
			set.Add(w, 0, from+w.Line)
		}
		if merged == nil {
			merged = &Result{Aggregate: res.Aggregate, AuditorLog: res.AuditorLog}
		} else if err := merged.Aggregate.Merge(res.Aggregate); err != nil {
			t.Fatal(err)
		} else if err := merged.AuditorLog.Merge(res.AuditorLog); err != nil {
			t.Fatal(err)
		}
		merged.Sheets += res.Sheets
	}
	merged.Kept = merged.Aggregate.Len()
	merged.Warnings = set.List()
	merged.Complete(plan.Checklist(), opts)
	if diff := cmp.Diff(whole.Warnings, merged.Warnings); diff != "" {
		t.Errorf("warnings of the parts (-one run +parts):\n%s", diff)
	}
	if diff := cmp.Diff(whole.Report, merged.Report); diff != "" {
		t.Errorf("report of the parts (-one run +parts):\n%s", diff)
	}
}
