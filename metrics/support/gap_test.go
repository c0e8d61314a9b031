package support_test

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cxkit/cxkit/metrics/support"
)

// Gap is the distance from the value to the nearest value that passes:
// for about, to the edge of target ± tolerance, not to the target, so
// "1.14 against 0.5 ± 0.1" misses by 0.54. The row carries the
// tolerance, so a report can print "0.5 ± 0.1".
func TestRowGapAndTolerance(t *testing.T) {
	about := support.Standard{KPI: "rating", Op: support.About, Target: 4, Tolerance: tgt(0.5)}
	between := support.Standard{KPI: "rating", Op: support.Between, Target: 3.5, Max: tgt(4.5)}
	atLeast := support.Standard{KPI: "rating", Op: support.GreaterEqual, Target: 4}
	type out struct {
		Passed    bool
		Gap       float64
		Tolerance any
	}
	for _, tt := range []struct {
		name  string
		st    support.Standard
		value float64
		want  out
	}{
		{"about, above", about, 4.8, out{false, 0.3, 0.5}},
		{"about, below", about, 3, out{false, -0.5, 0.5}},
		{"about, inside", about, 4.2, out{true, 0, 0.5}},
		{"about, on the edge", about, 4.5, out{true, 0, 0.5}},
		{"between, above", between, 4.9, out{false, 0.4, nil}},
		{"between, below", between, 3, out{false, -0.5, nil}},
		{"between, inside", between, 4, out{true, 0, nil}},
		{"at least, short", atLeast, 3.5, out{false, -0.5, nil}},
		{"at least, over", atLeast, 4.5, out{true, 0.5, nil}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			acc := support.NewAccumulator(support.Options{})
			rows, err := acc.Evaluate(&support.StandardSet{Standards: []support.Standard{tt.st}},
				support.Inputs{Survey: map[string]float64{"rating": tt.value}})
			if err != nil {
				t.Fatal(err)
			}
			r := rows[0]
			got := out{Passed: *r.Passed, Gap: math.Round(*r.Gap*1e9) / 1e9, Tolerance: val(r.Tolerance)}
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("row (-want +got):\n%s", d)
			}
			b, err := json.Marshal(r)
			if err != nil {
				t.Fatal(err)
			}
			if has := strings.Contains(string(b), `"tolerance":`); has != (tt.st.Op == support.About) {
				t.Errorf("JSON %s: tolerance present = %v", b, has)
			}
		})
	}
}
