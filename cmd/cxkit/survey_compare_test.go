package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cxkit/cxkit/metrics"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// TestSurveyCompareSameColumn: --compare reads the earlier export's
// column of the same name as the one the answers came from. An earlier
// export without it is wrong input (exit 1), even when it has a single
// column: that column holds some other question, and the difference
// would compare unlike things.
func TestSurveyCompareSameColumn(t *testing.T) {
	old := filepath.Join(t.TempDir(), "old.csv")
	if err := os.WriteFile(old, []byte("foo\n1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"nps", "csat", "emotion"} {
		t.Run(k, func(t *testing.T) {
			stdout, stderr, code := runCmd(t, "", k, "../../examples/survey/q3.csv", "--compare", old)
			if code != exitInput {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, exitInput, stderr)
			}
			if stdout != "" {
				t.Errorf("stdout %q, want nothing", stdout)
			}
			if want := `old.csv: no column "` + k + `"`; !strings.Contains(stderr, want) {
				t.Errorf("stderr lacks %q:\n%s", want, stderr)
			}
		})
	}
}

// An earlier export without the --by or --weight column that the
// current one has is wrong input (exit 1), like one without the answer
// column, not a usage mistake: the flags fitted the current file.
func TestSurveyCompareGroupColumn(t *testing.T) {
	old := filepath.Join(t.TempDir(), "old.csv")
	if err := os.WriteFile(old, []byte("nps\n9\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, flags := range [][]string{{"--by", "g"}, {"--weight", "w"}} {
		args := append([]string{"nps", "-", "--compare", old}, flags...)
		stdout, stderr, code := runCmd(t, "nps,g,w\n9,A,1\n3,A,2\n", args...)
		if code != exitInput || stdout != "" {
			t.Errorf("%v: exit %d, stdout %q, want %d and nothing; stderr:\n%s", flags, code, stdout, exitInput, stderr)
		}
	}
}

// TestSurveyCompareFields pins the compare object of metrics.md,
// "Comparing two groups": diff, se, p, ci_low, ci_high, level and
// previous always; z for NPS, the index and shares, t and df for
// means; raw_diff for NPS and the index; p_holm per group with --by.
func TestSurveyCompareFields(t *testing.T) {
	q4, q3 := "../../examples/survey/q4.csv", "../../examples/survey/q3.csv"
	base := []string{"diff", "se", "p", "ci_low", "ci_high", "level", "previous", "file", "method", "metric"}
	for _, tt := range []struct {
		args  []string
		extra []string
	}{
		{[]string{"nps", q4}, []string{"z", "raw_diff"}},
		{[]string{"emotion", q4}, []string{"z", "raw_diff"}},
		{[]string{"csat", q4}, []string{"z"}},
		{[]string{"ces", q4, "--scale", "1..7", "--good", "high"}, []string{"t", "df"}},
	} {
		v := surveyJSON(t, append(tt.args, "--compare", q3, "--by", "store")...)
		want := append(append([]string{}, base...), tt.extra...)
		if diff := cmp.Diff(want, keysOf(v["compare"]), sortStrings); diff != "" {
			t.Errorf("%s compare (-want +got)\n%s", tt.args[0], diff)
		}
		var ps, holm []float64
		for _, g := range v["groups"].([]any) {
			c := g.(map[string]any)["compare"]
			if diff := cmp.Diff(append(want, "p_holm"), keysOf(c), sortStrings); diff != "" {
				t.Errorf("%s group compare (-want +got)\n%s", tt.args[0], diff)
				continue
			}
			ps = append(ps, c.(map[string]any)["p"].(float64))
			holm = append(holm, c.(map[string]any)["p_holm"].(float64))
		}
		if diff := cmp.Diff(metrics.Holm(ps), holm); diff != "" {
			t.Errorf("%s p_holm is not Holm over the groups' p (-want +got)\n%s", tt.args[0], diff)
		}
	}
}

func keysOf(v any) []string {
	var ks []string
	for k := range v.(map[string]any) {
		ks = append(ks, k)
	}
	return ks
}

var sortStrings = cmpopts.SortSlices(func(a, b string) bool { return a < b })

// TestSurveyLevelRefused: a level whose quantile is not finite is a
// usage error, exit 2, not an infinite interval (nps and csi alike: both
// ask metrics.CheckLevel).
func TestSurveyLevelRefused(t *testing.T) {
	for _, level := range []string{"0.9999999999999999", "1e-17", "1", "0"} {
		for _, args := range [][]string{{"nps", "-"}, {"csi", "-", "--scale", "1..10"}} {
			_, stderr, code := runCmd(t, "a\n9\n", append(args, "--level", level)...)
			if code != exitUsage || !strings.Contains(stderr, "--level") {
				t.Errorf("%s --level %s: exit %d, stderr %q", args[0], level, code, stderr)
			}
		}
	}
}

// TestSurveyOneAnswer: one CES or CSAT answer says nothing about the
// spread: se and the mean's interval are null and "—", never se 0 beside
// the whole scale.
func TestSurveyOneAnswer(t *testing.T) {
	v := surveyJSONIn(t, "ces\n6\n", "ces", "-", "--scale", "1..7", "--good", "high")
	if diff := cmp.Diff([]any{nil, nil, nil}, []any{v["se"], v["ci_low"], v["ci_high"]}); diff != "" {
		t.Errorf("ces (-want +got)\n%s", diff)
	}
	v = surveyJSONIn(t, "csat\n4\n", "csat", "-")
	if diff := cmp.Diff([]any{nil, nil, nil}, []any{v["mean_se"], v["mean_ci_low"], v["mean_ci_high"]}); diff != "" {
		t.Errorf("csat (-want +got)\n%s", diff)
	}
	out, _, _ := runCmd(t, "ces\n6\n", "ces", "-", "--scale", "1..7", "--good", "high")
	if !strings.Contains(out, "se —") || strings.Contains(out, "se 0") {
		t.Errorf("ces text:\n%s", out)
	}
	// Five answers of 7 against more varied ones: no test, and why.
	old := filepath.Join(t.TempDir(), "old.csv")
	if err := os.WriteFile(old, []byte("ces\n3\n5\n6\n4\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	v = surveyJSONIn(t, "ces\n7\n7\n7\n7\n7\n", "ces", "-", "--scale", "1..7", "--good", "high", "--compare", old)
	if e, _ := v["compare"].(map[string]any)["error"].(string); !strings.Contains(e, "every answer") {
		t.Errorf("compare of five 7s: %v", v["compare"])
	}
	// The text says it once: "no test: ... same ...", not again at the end.
	out, _, _ = runCmd(t, "ces\n7\n7\n7\n7\n7\n", "ces", "-", "--scale", "1..7", "--good", "high", "--compare", old)
	if strings.Count(out, "no test") != 1 || !strings.Contains(out, "no test: comparing CES means: every answer") {
		t.Errorf("compare of five 7s, text:\n%s", out)
	}
}

// TestSurveyCompareUntested: a comparison without a test keeps the
// contract's fields (metrics.md: compare keeps diff, se, p, ci_low,
// ci_high, level and previous, and z or t and df), null, with the
// reason in error and the method the test would have used; a group
// that the earlier export lacks gets one too, with previous null and
// p_holm null, and Holm counts only the groups tested.
func TestSurveyCompareUntested(t *testing.T) {
	old := filepath.Join(t.TempDir(), "old.csv")
	if err := os.WriteFile(old, []byte("nps,g\n9,A\n3,A\n10,A\n7,B\n0,B\n10,B\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	v := surveyJSONIn(t, "nps,g\n10,A\n9,A\n10,A\n8,B\n6,B\n10,B\n9,C\n2,C\n", "nps", "-", "--by", "g", "--compare", old)
	tested := 0
	for _, g := range v["groups"].([]any) {
		g := g.(map[string]any)
		c := g["compare"].(map[string]any)
		if g["group"] != "C" {
			tested++
			continue
		}
		want := map[string]any{"diff": nil, "se": nil, "p": nil, "ci_low": nil, "ci_high": nil, "level": 0.95,
			"method": "adjusted-wald", "z": nil, "raw_diff": nil,
			"previous": nil, "p_holm": nil, "file": old, "error": `no answers of group "C" in ` + old + " to compare with"}
		if diff := cmp.Diff(want, c); diff != "" {
			t.Errorf("compare of a new group (-want +got)\n%s", diff)
		}
	}
	if tested != 2 {
		t.Errorf("%d groups tested, want 2", tested)
	}

	if err := os.WriteFile(old, []byte("ces\n3\n5\n6\n4\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	v = surveyJSONIn(t, "ces\n7\n7\n7\n7\n7\n", "ces", "-", "--scale", "1..7", "--good", "high", "--compare", old, "--level", "0.9")
	c := v["compare"].(map[string]any)
	for _, k := range []string{"se", "p", "ci_low", "ci_high"} {
		if x, ok := c[k]; !ok || x != nil {
			t.Errorf("untested compare: %s = %v (present %v), want null", k, x, ok)
		}
	}
	// The plain difference stays: 7 - (3+5+6+4)/4.
	if c["level"] != 0.9 || c["previous"] == nil || c["diff"] != 2.5 {
		t.Errorf("untested compare: level %v, diff %v, previous %v", c["level"], c["diff"], c["previous"])
	}
	// Identical inputs differ by exactly 0, tested or not (metrics.md).
	sevens := filepath.Join(t.TempDir(), "sevens.csv")
	if err := os.WriteFile(sevens, []byte("ces\n7\n7\n7\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	v = surveyJSON(t, "ces", sevens, "--scale", "1..7", "--good", "high", "--compare", sevens)
	for _, k := range []string{"compare", "compare_good"} {
		if d := v[k].(map[string]any)["diff"]; d != 0.0 {
			t.Errorf("%s of identical inputs: diff %v, want 0", k, d)
		}
	}
}

// TestSurveyCompareAlso: metrics.md compares CSAT's top-box share and
// CES's good share by Agresti–Caffo and CSAT's and CES's means by Welch.
// The headline keeps its test under compare (CSAT: the share, CES: the
// mean); the other one is beside it, compare_mean for CSAT and
// compare_good for CES, per group too with its own Holm. Worked numbers
// by hand (Python, plain formulas):
//
//	CSAT means 5,4,3,5,2,4,5,1 against 5,2,3,1,3,4,5,4,4: diff 0.180556,
//	se = sqrt(va/8 + vb/9) = 0.693551, t 0.260335, df 14.144703.
//	CES 1..7 good share 5 of 5 against 2 of 6: p̃ 6/7 and 3/8,
//	diff 48.214286 points, se 21.630901 (the first side has no
//	spread, so its mean is untested, but the share is).
func TestSurveyCompareAlso(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	approx := cmpopts.EquateApprox(0, 1e-6)
	old := write("c0.csv", "csat\n5\n2\n3\n1\n3\n4\n5\n4\n4\n")
	v := surveyJSONIn(t, "csat\n5\n4\n3\n5\n2\n4\n5\n1\n", "csat", "-", "--compare", old)
	if v["compare"].(map[string]any)["method"] != "agresti-caffo" {
		t.Errorf("csat compare: %v", v["compare"])
	}
	m := v["compare_mean"].(map[string]any)
	got := []any{m["method"], m["diff"], m["se"], m["t"], m["df"]}
	if diff := cmp.Diff([]any{"welch", 0.180556, 0.693551, 0.260335, 14.144703}, got, cmpopts.EquateApprox(0, 1e-6)); diff != "" {
		t.Errorf("csat compare_mean (-want +got)\n%s", diff)
	}

	old = write("e0.csv", "ces\n2\n6\n4\n3\n5\n1\n")
	v = surveyJSONIn(t, "ces\n7\n7\n7\n7\n7\n", "ces", "-", "--scale", "1..7", "--good", "high", "--compare", old)
	if v["compare"].(map[string]any)["p"] != nil {
		t.Errorf("ces compare of five 7s: %v", v["compare"])
	}
	g := v["compare_good"].(map[string]any)
	got = []any{g["method"], g["diff"], g["se"]}
	if diff := cmp.Diff([]any{"agresti-caffo", 48.214286, 21.630901}, got, approx); diff != "" {
		t.Errorf("ces compare_good (-want +got)\n%s", diff)
	}

	// Per group, each test has its own Holm over the groups.
	q4, q3 := "../../examples/survey/q4.csv", "../../examples/survey/q3.csv"
	v = surveyJSON(t, "csat", q4, "--by", "store", "--compare", q3)
	var ps, holm []float64
	for _, g := range v["groups"].([]any) {
		c := g.(map[string]any)["compare_mean"].(map[string]any)
		ps = append(ps, c["p"].(float64))
		holm = append(holm, c["p_holm"].(float64))
	}
	if diff := cmp.Diff(metrics.Holm(ps), holm); len(ps) < 2 || diff != "" {
		t.Errorf("compare_mean p_holm over %d groups (-want +got)\n%s", len(ps), diff)
	}
	for _, k := range []string{"nps", "emotion"} {
		v := surveyJSON(t, k, q4, "--compare", q3)
		if _, ok := v["compare_mean"]; ok {
			t.Errorf("%s has compare_mean", k)
		}
		if _, ok := v["compare_good"]; ok {
			t.Errorf("%s has compare_good", k)
		}
	}
}
