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

// TestAggregatorAddMissingLevels checks that a result that leaves out
// levels of the checklist is refused, naming them, and counts nothing: a
// left-out level would count as not passed in every PassedShare.
func TestAggregatorAddMissingLevels(t *testing.T) {
	full := aggAudits[3].result() // passes level 1
	tests := []struct {
		name   string
		levels []LevelResult
		want   string // "" for no error
	}{
		{"every level", full.Levels, ""},
		{"no levels", nil, "levels 1, 2 are missing from the result"},
		{"level 2 left out", full.Levels[:1], "level 2 is missing from the result"},
		{"level 1 left out", full.Levels[1:], "level 1 is missing from the result"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := newTestAggregator(t, AggregateOptions{})
			r := full
			r.Levels = tt.levels
			err := a.Add(r)
			got := ""
			if err != nil {
				got = err.Error()
			}
			if tt.want == "" && err != nil || !strings.Contains(got, tt.want) {
				t.Fatalf("Add: error %q, want one that says %q", got, tt.want)
			}
			wantLen := int64(1)
			if tt.want != "" {
				wantLen = 0
			}
			if a.Len() != wantLen {
				t.Errorf("Len %d after Add, want %d", a.Len(), wantLen)
			}
		})
	}
}

// TestAggregatorMergeOptionsMessage checks that Merge words a mismatch
// of options as the report does, not as a printed Go struct, and that
// options that mean the same merge.
func TestAggregatorMergeOptionsMessage(t *testing.T) {
	tests := []struct {
		name string
		a, b AggregateOptions
		want string // "" for no error
	}{
		{"group by differs", AggregateOptions{GroupBy: "location"}, AggregateOptions{GroupBy: "auditor"},
			`korto: Merge: aggregates with different options: one groups by "location", the other groups by "auditor"`},
		{"one does not group", AggregateOptions{}, AggregateOptions{GroupBy: "month"},
			`korto: Merge: aggregates with different options: one does not group, the other groups by "month"`},
		{"top problems differ", AggregateOptions{TopProblems: 5}, AggregateOptions{TopProblems: -1},
			`korto: Merge: aggregates with different options: one lists the top 5 problems, the other every question that failed as a top problem`},
		{"the default length is the default", AggregateOptions{}, AggregateOptions{TopProblems: DefaultTopProblems}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := newTestAggregator(t, tt.a).Merge(newTestAggregator(t, tt.b))
			got := ""
			if err != nil {
				got = err.Error()
			}
			if got != tt.want {
				t.Errorf("Merge error\n got %s\nwant %s", got, tt.want)
			}
		})
	}
}
