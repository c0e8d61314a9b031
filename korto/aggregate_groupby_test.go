package korto

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A value typed with a stray space is the same place: one row of the
// league table, not two rows that look alike.
func TestAggregatorGroupByTrimsSpaces(t *testing.T) {
	tests := []struct {
		name  string
		by    string
		audit []map[string]string
		want  []string // groups in report order, with their sizes
	}{
		{"trailing and leading spaces", "location",
			[]map[string]string{{"location": "Аптека №1 Невский"}, {"location": "Аптека №1 Невский "}, {"location": "\tАптека №1 Невский"}},
			[]string{"Аптека №1 Невский:3"}},
		{"blank is no value", "location",
			[]map[string]string{{"location": "A"}, {"location": "  "}},
			[]string{"A:1", NoGroup + ":1"}},
		{"inner spaces kept", "location",
			[]map[string]string{{"location": "A  B"}, {"location": "A B"}},
			[]string{"A  B:1", "A B:1"}},
		{"month from a padded date", "month",
			[]map[string]string{{"date": " 2026-03-01"}, {"date": "2026-03-02 "}},
			[]string{"2026-03:2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := newTestAggregator(t, AggregateOptions{GroupBy: tt.by})
			for _, fields := range tt.audit {
				r := audit{score: new(0.8), l1: new(0.8), l2: new(0.8), vals: [4]float64{1, 1, 1, 1}, rec: -1}.result()
				for k, v := range fields {
					r.Audit[k] = v
				}
				if err := a.Add(r); err != nil {
					t.Fatal(err)
				}
			}
			var got []string
			for _, g := range a.Report().Groups {
				got = append(got, fmt.Sprintf("%s:%d", g.Group, g.N))
			}
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("groups (-want +got):\n%s", d)
			}
		})
	}
}
