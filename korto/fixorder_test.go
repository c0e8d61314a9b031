package korto

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestCompareFix(t *testing.T) {
	// Named in checklist order; the sort must give reports.md's order.
	keys := map[string]FixKey{
		"heavy-l2":    {Level: 2, FailureRate: 1, Weight: 5},
		"plain-l1":    {Level: 1, FailureRate: 0.5, Weight: 1},
		"often-l1":    {Level: 1, FailureRate: 0.9, Weight: 1},
		"critical-l2": {Level: 2, Critical: true, FailureRate: 0.1, Weight: 1},
		"twin-a-l1":   {Level: 1, FailureRate: 0.5, Weight: 1},
		"heavier-l1":  {Level: 1, FailureRate: 0.5, Weight: 3},
	}
	order := []string{"heavy-l2", "plain-l1", "often-l1", "critical-l2", "twin-a-l1", "heavier-l1"}
	slices.SortStableFunc(order, func(a, b string) int { return CompareFix(keys[a], keys[b]) })
	want := []string{"often-l1", "heavier-l1", "plain-l1", "twin-a-l1", "critical-l2", "heavy-l2"}
	if diff := cmp.Diff(want, order); diff != "" {
		t.Errorf("what-to-fix order (-want +got):\n%s", diff)
	}
}
