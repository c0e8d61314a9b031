package korto

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestAggregatorMergeSelf checks that merging an aggregator into itself
// is refused and counts nothing: it would double every count.
func TestAggregatorMergeSelf(t *testing.T) {
	a := newTestAggregator(t, AggregateOptions{GroupBy: "location"})
	addAll(t, a, aggAudits)
	want := a.Report()
	err := a.Merge(a)
	if err == nil || !strings.Contains(err.Error(), "itself") {
		t.Errorf("Merge(a, a) error %v, want one that says it merges itself", err)
	}
	if diff := cmp.Diff(want, a.Report()); diff != "" {
		t.Errorf("a refused Merge changed the report (-before +after)\n%s", diff)
	}
}
