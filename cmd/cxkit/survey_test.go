package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cxkit/cxkit/internal/golden"
	"github.com/cxkit/cxkit/metrics/surveycsv"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// surveyRun runs cxkit with args and returns stdout, stderr and the
// exit code.
func surveyRun(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	return runCmd(t, stdin, args...)
}

func surveyJSON(t *testing.T, args ...string) map[string]any {
	t.Helper()
	out, errs, code := surveyRun(t, "", append(args, "--json")...)
	if code != exitOK {
		t.Fatalf("cxkit %v: exit %d\n%s", args, code, errs)
	}
	var v map[string]any
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatalf("cxkit %v: %v\n%s", args, err, out)
	}
	return v
}

func surveyGolden(t *testing.T, name, got string) {
	t.Helper()
	golden.Check(t, filepath.Join("testdata", "survey", name), []byte(got))
}

var surveyApprox = cmpopts.EquateApprox(0, 1e-9)

// TestNPSCommandJSON checks the contract's fields on issue 4's vector:
// NPS -30, se 17.4642491966, adjusted-Wald interval from mpmath.
func TestNPSCommandJSON(t *testing.T) {
	v := surveyJSON(t, "nps", "testdata/survey/issue4.csv", "--column", "nps")
	got := map[string]any{}
	for _, k := range []string{"n", "promoters", "passives", "detractors", "nps", "se", "ci_low", "ci_high", "blank", "method"} {
		got[k] = v[k]
	}
	want := map[string]any{
		"n": 20.0, "promoters": 4.0, "passives": 6.0, "detractors": 10.0, "blank": 1.0,
		"nps": -30.0, "se": 17.4642491966, "ci_low": -57.89744615624394, "ci_high": 5.723533112765679,
		"method": "adjusted-wald",
	}
	if diff := cmp.Diff(want, got, surveyApprox); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}

	// Plain Wald and another level are options.
	v = surveyJSON(t, "nps", "testdata/survey/issue4.csv", "--method", "wald", "--level", "0.9")
	z90 := 1.6448536269514727
	if diff := cmp.Diff([]any{-30 - z90*17.464249196572981, -30 + z90*17.464249196572981, 0.9},
		[]any{v["ci_low"], v["ci_high"], v["level"]}, surveyApprox); diff != "" {
		t.Error(diff)
	}
}

func TestNPSCommandGroups(t *testing.T) {
	v := surveyJSON(t, "nps", "testdata/survey/issue4.csv", "--by", "store")
	groups := v["groups"].([]any)
	var names []string
	var nps []float64
	for _, g := range groups {
		m := g.(map[string]any)
		names = append(names, m["group"].(string))
		nps = append(nps, m["nps"].(float64))
		if m["too_few_to_rank"] != true {
			t.Errorf("group %v with 10 answers not flagged", m["group"])
		}
	}
	// south: 4 promoters of 10 = 40; north: 10 detractors of 10 = -100.
	if diff := cmp.Diff([]string{"south", "north"}, names); diff != "" {
		t.Error(diff)
	}
	if diff := cmp.Diff([]float64{40, -100}, nps, surveyApprox); diff != "" {
		t.Error(diff)
	}
	out, _, code := surveyRun(t, "", "nps", "testdata/survey/issue4.csv", "--by", "store")
	if code != exitOK || !strings.Contains(out, "interval wider than 20 points: too uncertain to rank") {
		t.Errorf("exit %d, text:\n%s", code, out)
	}
}

func TestSurveyCommandsVectors(t *testing.T) {
	// Issue 4: 42/32/10/9/14 on 5..1 give CSAT 69.1588785047%.
	v := surveyJSON(t, "csat", "testdata/survey/csat.csv")
	if diff := cmp.Diff(69.1588785047, v["csat"], surveyApprox); diff != "" {
		t.Error(diff)
	}
	// CES 2.0, semicolon-separated: mean 4.6, 60% agree.
	v = surveyJSON(t, "ces", "testdata/survey/ces_semicolon.csv", "--scale", "1..7", "--good", "high")
	if diff := cmp.Diff([]any{4.6, 60.0}, []any{v["mean"], v["good_share"]}, surveyApprox); diff != "" {
		t.Error(diff)
	}
	// 5 positive, 3 neutral, 2 negative: 0.3.
	v = surveyJSON(t, "emotion", "testdata/survey/ces_semicolon.csv")
	if diff := cmp.Diff(0.3, v["index"], surveyApprox); diff != "" {
		t.Error(diff)
	}
}

func TestSurveyCommandErrors(t *testing.T) {
	tests := []struct {
		args []string
		code int
		want string // in stderr
	}{
		{[]string{"nps", "testdata/survey/bad_cell.csv"}, exitInput, `bad_cell.csv:4:3: row 3, column "nps": "eleven" is not a whole number`},
		{[]string{"nps", "testdata/survey/out_of_range.csv"}, exitInput, `out_of_range.csv:3:3: row 2, column "nps": NPS score 11 is outside 0..10`},
		{[]string{"nps", "testdata/survey/bad_weight.csv", "--weight", "weight"}, exitInput, `row 2, column "weight": weight "-2"`},
		{[]string{"nps", "testdata/survey/issue4.csv", "--column", "score"}, exitUsage, `no column "score" for --column`},
		{[]string{"nps", "testdata/survey/ces_semicolon.csv"}, exitUsage, `which column holds the answers? There is no column "nps"; name it with --column (columns: `},
		{[]string{"nps", "testdata/survey/issue4.csv", "--by", "region"}, exitUsage, `no column "region" for --by`},
		{[]string{"ces", "testdata/survey/ces_semicolon.csv"}, exitUsage, "the scale is never guessed"},
		{[]string{"ces", "testdata/survey/ces_semicolon.csv", "--scale", "1..5", "--good", "high"}, exitInput, "CES score 7 is outside 1..5"},
		{[]string{"nps", "testdata/survey/issue4.csv", "--method", "wilson"}, exitUsage, "--method"},
		{[]string{"nps", "testdata/survey/issue4.csv", "--level", "95"}, exitUsage, "--level"},
		{[]string{"nps"}, exitUsage, "want one CSV file"},
		{[]string{"nps", "testdata/survey/missing.csv"}, exitInput, "missing.csv"},
		{[]string{"nps", "-"}, exitInput, "empty file"},
	}
	for _, tt := range tests {
		_, errs, code := surveyRun(t, "", tt.args...)
		if code != tt.code || !strings.Contains(errs, tt.want) {
			t.Errorf("cxkit %v: exit %d (want %d), stderr:\n%s\nwant it to contain %q", tt.args, code, tt.code, errs, tt.want)
		}
	}
	// Broken CSV names the line and the row.
	for in, want := range map[string]string{
		"nps,store\n9,a\n10,b,c\n": "<stdin>:3: row 2: 3 cells, but the header has 2",
		"nps,store\n9,a\n\"10,b\n": "<stdin>:3:7: row 2: extraneous or missing \" in quoted-field",
	} {
		_, errs, code := surveyRun(t, in, "nps", "-")
		if code != exitInput || !strings.Contains(errs, want) {
			t.Errorf("%q: exit %d, stderr %q, want %q", in, code, errs, want)
		}
	}
	// Only blank answers: no NPS, and an error that says so.
	_, errs, code := surveyRun(t, "nps\n\n \n", "nps", "-")
	if code != exitInput || !strings.Contains(errs, "no answers") {
		t.Errorf("blank column: exit %d, %s", code, errs)
	}
}

// TestNPSCompareQuarters answers "are we better than last quarter?" on
// the example exports, and pins the text output.
func TestNPSCompareQuarters(t *testing.T) {
	args := []string{"nps", "../../examples/survey/q4.csv", "--column", "nps", "--by", "store", "--compare", "../../examples/survey/q3.csv"}
	v := surveyJSON(t, args...)
	c := v["compare"].(map[string]any)
	prev := c["previous"].(map[string]any)
	diff := v["nps"].(float64) - prev["nps"].(float64)
	if d := cmp.Diff(diff, c["raw_diff"], surveyApprox); d != "" {
		t.Error(d)
	}
	if p := c["p"].(float64); !(p >= 0 && p <= 1) {
		t.Errorf("p = %v", p)
	}
	out, errs, code := surveyRun(t, "", args...)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	surveyGolden(t, "q4_vs_q3.txt", out)

	out, _, _ = surveyRun(t, "", "nps", "../../examples/survey/q4.csv", "--by", "store", "--weight", "weight", "--json")
	surveyGolden(t, "q4_weighted.json", out)
	for _, cmdArgs := range [][]string{
		{"csat", "../../examples/survey/q4.csv", "--by", "store", "--compare", "../../examples/survey/q3.csv"},
		{"ces", "../../examples/survey/q4.csv", "--scale", "1..7", "--good", "high", "--by", "channel"},
		{"emotion", "../../examples/survey/q4.csv", "--by", "store"},
	} {
		out, errs, code := surveyRun(t, "", cmdArgs...)
		if code != exitOK {
			t.Fatalf("%v: exit %d: %s", cmdArgs, code, errs)
		}
		surveyGolden(t, cmdArgs[0]+"_q4.txt", out)
	}
}

// FuzzNPSCSV feeds arbitrary bytes to the survey CSV reader: it must
// never panic, and whatever it accepts must be a well-formed NPS.
func FuzzNPSCSV(f *testing.F) {
	for _, name := range []string{"issue4.csv", "bad_cell.csv", "out_of_range.csv", "bad_weight.csv", "ces_semicolon.csv", "nps_ru.csv"} {
		b, err := os.ReadFile(filepath.Join("testdata", "survey", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("\ufeffnps;store\n10;a\n\"9\";b\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		cfg := surveycsv.Config{Metric: surveycsv.NPS, Column: "nps", By: "store"}
		d, err := surveycsv.Read(bytes.NewReader(data), "fuzz.csv", cfg)
		if err != nil {
			return
		}
		r, err := d.All.Result()
		if err != nil {
			return // no answers
		}
		if r.N <= 0 || r.Value < -100 || r.Value > 100 || r.CI.Lo > r.CI.Hi {
			t.Fatalf("bad result %+v from %q", r, data)
		}
		var sum int64
		for _, g := range d.Groups {
			gr, err := g.Acc.Result()
			if err != nil {
				t.Fatalf("group with answers failed: %v", err)
			}
			sum += gr.N
		}
		if len(d.Groups) > 0 && sum != r.N {
			t.Fatalf("groups hold %d answers, the whole %d", sum, r.N)
		}
	})
}

// TestSurveySingleColumn: without --column, a file with one column is
// read whatever its header says; with two, the name is needed.
func TestSurveySingleColumn(t *testing.T) {
	out, errs, code := surveyRun(t, "score\n9\n10\n3\n", "nps", "-")
	if code != exitOK || !strings.HasPrefix(out, `NPS of column "score" in -: 3 answers`) {
		t.Errorf("exit %d\n%s%s", code, out, errs)
	}
	_, errs, code = surveyRun(t, "score,store\n9,a\n", "nps", "-")
	if code != exitUsage || !strings.Contains(errs, `There is no column "nps"; name it with --column (columns: "score", "store")`) {
		t.Errorf("exit %d\n%s", code, errs)
	}
}

// A group whose every answer has weight zero has no result, but its
// answers are still counted in n, as they are in the overall n.
func TestSurveyGroupWithZeroWeights(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "w.csv")
	if err := os.WriteFile(file, []byte("nps,g,w\n10,A,1\n9,A,2\n3,B,0\n5,B,0\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	v := surveyJSON(t, "nps", file, "--by", "g", "--weight", "w")
	var got []any
	for _, g := range v["groups"].([]any) {
		m := g.(map[string]any)
		got = append(got, []any{m["group"], m["n"], m["error"] != nil})
	}
	want := []any{[]any{"A", 2.0, false}, []any{"B", 2.0, true}}
	if d := cmp.Diff(want, got); d != "" || v["n"] != 4.0 {
		t.Errorf("n %v; groups (-want +got):\n%s", v["n"], d)
	}
	out, _, _ := surveyRun(t, "", "nps", file, "--by", "g", "--weight", "w")
	if !strings.Contains(out, "  B  2      —") {
		t.Errorf("text lacks the group's 2 answers:\n%s", out)
	}
}

// Every bad cell of a file is reported in one run, up to a cap, as
// answer sheets and checklists report every problem at once.
func TestSurveyEveryBadCell(t *testing.T) {
	_, errs, code := surveyRun(t, "nps,w\n11,1\neleven,1\n9,-2\n5,1\n", "nps", "-", "--weight", "w")
	want := `<stdin>:2:1: row 1, column "nps": NPS score 11 is outside 0..10
<stdin>:3:1: row 2, column "nps": "eleven" is not a whole number (NPS answers are 0..10)
<stdin>:4:3: row 3, column "w": weight "-2": a weight must be 0 or a positive number
`
	if code != exitInput || errs != want {
		t.Errorf("exit %d, stderr (-want +got):\n%s", code, cmp.Diff(want, errs))
	}

	var b strings.Builder
	b.WriteString("nps\n")
	for range surveycsv.MaxCellErrors + 5 {
		b.WriteString("x\n")
	}
	_, errs, code = surveyRun(t, b.String(), "nps", "-")
	lines := strings.Split(strings.TrimSuffix(errs, "\n"), "\n")
	if code != exitInput || len(lines) != surveycsv.MaxCellErrors+1 || lines[len(lines)-1] != "<stdin>: 5 more bad cells not shown" {
		t.Errorf("exit %d, %d lines, last %q", code, len(lines), lines[len(lines)-1])
	}
}
