package surveycsv_test

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cxkit/cxkit/metrics"
	"github.com/cxkit/cxkit/metrics/surveycsv"
)

// An untested comparison has the shape of the test it would have run
// (metrics.md, "Comparing two groups", Fields): normal-based ones carry
// z, Welch ones t and df, NPS and the emotional index raw_diff, all
// null beside se, p and the interval, so that a reader of any compare
// object finds the same keys, tested or not.
func TestUntestedCompareKeepsItsTestsKeys(t *testing.T) {
	scale := metrics.Scale{Lo: 1, Hi: 7, Good: metrics.High}
	common := []string{"ci_high", "ci_low", "diff", "error", "file", "level", "method", "p", "previous", "se"}
	for _, tc := range []struct {
		name     string
		cfg      surveycsv.Config
		method   metrics.Method
		cur, old string
		key      string // which compare object
		want     []string
		wantHow  string
	}{
		{"a group new in this export, adjusted NPS", surveycsv.Config{Metric: surveycsv.NPS, By: "g"}, "",
			"nps,g\n9,A\n3,A\n10,N\n", "nps,g\n9,A\n3,A\n", "compare", []string{"p_holm", "raw_diff", "z"}, "adjusted-wald"},
		{"a group new in this export, Wald by name", surveycsv.Config{Metric: surveycsv.NPS, By: "g"}, metrics.Wald,
			"nps,g\n9,A\n3,A\n10,N\n", "nps,g\n9,A\n3,A\n", "compare", []string{"p_holm", "raw_diff", "z"}, "wald"},
		{"CES mean without spread", surveycsv.Config{Metric: surveycsv.CES, By: "g", Scale: scale}, "",
			"ces,g\n7,A\n7,A\n7,A\n", "ces,g\n3,A\n5,A\n6,A\n", "compare", []string{"df", "p_holm", "t"}, "welch"},
		{"CSAT mean without spread", surveycsv.Config{Metric: surveycsv.CSAT, By: "g", Scale: scale}, "",
			"csat,g\n7,A\n7,A\n7,A\n", "csat,g\n3,A\n5,A\n6,A\n", "compare_mean", []string{"df", "p_holm", "t"}, "welch"},
		{"CES good share of a new group", surveycsv.Config{Metric: surveycsv.CES, By: "g", Scale: scale}, "",
			"ces,g\n7,A\n2,A\n7,N\n", "ces,g\n3,A\n5,A\n6,A\n", "compare_good", []string{"p_holm", "z"}, "agresti-caffo"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cur, err := surveycsv.Read(strings.NewReader(tc.cur), "cur.csv", tc.cfg)
			if err != nil {
				t.Fatal(err)
			}
			old, err := surveycsv.Read(strings.NewReader(tc.old), "old.csv", cur.Earlier(tc.cfg))
			if err != nil {
				t.Fatal(err)
			}
			o := metrics.Options{Method: tc.method}
			s, err := surveycsv.Summarize(cur, o)
			if err != nil {
				t.Fatal(err)
			}
			if err := s.Compare(old, o); err != nil {
				t.Fatal(err)
			}
			b, err := json.Marshal(s)
			if err != nil {
				t.Fatal(err)
			}
			var v struct {
				Groups []map[string]any `json:"groups"`
			}
			if err := json.Unmarshal(b, &v); err != nil {
				t.Fatal(err)
			}
			var untested map[string]any
			for _, g := range v.Groups {
				if c, _ := g[tc.key].(map[string]any); c != nil && c["error"] != nil {
					untested = c
				}
			}
			if untested == nil {
				t.Fatalf("no untested %s among the groups: %s", tc.key, b)
			}
			want := slices.Sorted(slices.Values(append(slices.Clone(common), tc.want...)))
			got := make([]string, 0, len(untested))
			for k := range untested {
				got = append(got, k)
			}
			slices.Sort(got)
			if d := cmp.Diff(want, got); d != "" {
				t.Errorf("keys (-want +got)\n%s", d)
			}
			for _, k := range append([]string{"se", "p", "ci_low", "ci_high"}, tc.want...) {
				if k != "raw_diff" && untested[k] != nil {
					t.Errorf("%s = %v, want null", k, untested[k])
				}
			}
			if untested["method"] != tc.wantHow {
				t.Errorf("method %v, want %s", untested["method"], tc.wantHow)
			}
		})
	}
}
