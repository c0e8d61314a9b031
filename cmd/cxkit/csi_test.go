package main

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cxkit/cxkit/internal/golden"
)

// TestCSICommandJSON checks cli.md's fields on a file worked by hand.
// speed 8,7,9,5,6 (mean 7), polite 9,10,9,6,7,8 (mean 49/6), price
// 7,6,8,4,5,6 (mean 6) on 1..10 with equal weights:
// (6 + 43/6 + 5) / 27 · 100.
func TestCSICommandJSON(t *testing.T) {
	v := surveyJSON(t, "csi", "testdata/csi/stores.csv", "--scale", "1..10", "--by", "store")
	if diff := cmp.Diff(100*(6+43.0/6+5)/27, v["csi"], surveyApprox); diff != "" {
		t.Errorf("csi (-want +got)\n%s", diff)
	}
	if v["n"] != 6.0 {
		t.Errorf("n = %v, want 6", v["n"])
	}
	attrs := v["attributes"].([]any)
	var names []string
	for _, a := range attrs {
		m := a.(map[string]any)
		for _, k := range []string{"name", "mean", "ci_low", "ci_high", "weight"} {
			if _, ok := m[k]; !ok {
				t.Errorf("attribute %v has no %q", m["name"], k)
			}
		}
		names = append(names, m["name"].(string))
	}
	if diff := cmp.Diff([]string{"speed", "polite", "price"}, names); diff != "" {
		t.Errorf("attributes: every column but --by (-want +got)\n%s", diff)
	}
	// speed: mean 7, sd sqrt(2.5), t(0.975, 4) = 2.7764451051977987.
	speed := attrs[0].(map[string]any)
	half := 2.7764451051977987 * 1.5811388300841898 / 2.23606797749979
	if diff := cmp.Diff(map[string]any{"mean": 7.0, "ci_low": 7 - half, "ci_high": 7 + half, "weight": 1.0, "n": 5.0},
		map[string]any{"mean": speed["mean"], "ci_low": speed["ci_low"], "ci_high": speed["ci_high"], "weight": speed["weight"], "n": speed["n"]}, surveyApprox); diff != "" {
		t.Errorf("speed (-want +got)\n%s", diff)
	}
	groups := v["groups"].([]any)
	if g := groups[0].(map[string]any); g["group"] != "Тверская" || g["n"] != 3.0 {
		t.Errorf("first group %v %v, want the higher index, Тверская, n 3", g["group"], g["n"])
	}
}

// TestCSICommandWeights: a semicolon CSV of weights with decimal commas
// (speed 2, polite 1.5, price 0.5) and the columns named.
func TestCSICommandWeights(t *testing.T) {
	v := surveyJSON(t, "csi", "testdata/csi/stores.csv", "--scale", "1..10", "--by", "store", "--weights", "testdata/csi/weights.csv")
	want := 100 * (2*6 + 1.5*43.0/6 + 0.5*5) / (9 * 4)
	if diff := cmp.Diff(want, v["csi"], surveyApprox); diff != "" {
		t.Errorf("csi (-want +got)\n%s", diff)
	}
	// Weights of attributes the file does not rate are an error.
	_, errs, code := surveyRun(t, "", "csi", "testdata/csi/stores.csv", "--scale", "1..10", "--columns", "polite", "--weights", "testdata/csi/weights.csv")
	if code != exitInput || !strings.Contains(errs, `weighs "price", which is not an attribute column`) {
		t.Errorf("exit %d, want 1 naming the extra weight\n%s", code, errs)
	}
}

// TestCSICommandOneRespondent: the index needs only the means
// (metrics.md), so one respondent has one; its attributes have no
// interval (null), as one CSAT or CES answer has none. It exited 1.
func TestCSICommandOneRespondent(t *testing.T) {
	v := surveyJSONIn(t, "a,b\n8,7\n", "csi", "-", "--scale", "1..10")
	if diff := cmp.Diff(100*(8+7-2)/18.0, v["csi"], surveyApprox); diff != "" {
		t.Errorf("csi (-want +got)\n%s", diff)
	}
	a := v["attributes"].([]any)[0].(map[string]any)
	want := map[string]any{"name": "a", "n": 1.0, "mean": 8.0, "sd": nil, "ci_low": nil, "ci_high": nil, "level": 0.95, "weight": 1.0}
	if diff := cmp.Diff(want, a); diff != "" {
		t.Errorf("attribute a (-want +got)\n%s", diff)
	}
}

func TestCSICommandErrors(t *testing.T) {
	for _, tc := range []struct {
		name, stdin string
		args        []string
		code        int
		want        []string
	}{
		{"no scale", "a\n1\n", []string{"csi", "-"}, exitUsage, []string{"--scale"}},
		{"off the scale", "a,b\n1,2\n11,3\n4,x\n", []string{"csi", "-", "--scale", "1..10"}, exitInput,
			[]string{"<stdin>:3:1: row 2, column \"a\": rating 11 is outside the scale 1..10", "<stdin>:4:3: row 3, column \"b\": \"x\" is not a whole number"}},
		{"placeholder", "a,b\n1,2\nn/a,3\n", []string{"csi", "-", "--scale", "1..10"}, exitInput, []string{"leave the cell empty"}},
		{"unknown column", "a,b\n1,2\n", []string{"csi", "-", "--scale", "1..10", "--columns", "a,c"}, exitUsage, []string{`no column "c" for --columns`}},
		{"nobody rated", "a,b\n,2\n", []string{"csi", "-", "--scale", "1..10"}, exitInput, []string{`attribute "a"`, "no respondent rated it"}},
		{"weights miss one", "a,b\n1,2\n3,4\n", []string{"csi", "-", "--scale", "1..10", "--weights", "testdata/csi/weights.csv"}, exitInput, []string{"no weight for attribute \"a\""}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, errs, code := surveyRun(t, tc.stdin, tc.args...)
			if code != tc.code {
				t.Errorf("exit %d, want %d\n%s", code, tc.code, errs)
			}
			for _, w := range tc.want {
				if !strings.Contains(errs, w) {
					t.Errorf("stderr lacks %q:\n%s", w, errs)
				}
			}
		})
	}
}

func TestCSICommandText(t *testing.T) {
	out, errs, code := surveyRun(t, "", "csi", "testdata/csi/stores.csv", "--scale", "1..10", "--by", "store")
	if code != exitOK {
		t.Fatalf("exit %d\n%s", code, errs)
	}
	golden.Check(t, "testdata/csi/stores.txt", []byte(out))
}

// A label column left out of --by is named once, as a usage mistake, not
// as a bad cell on every row.
func TestCSICommandLabelColumn(t *testing.T) {
	_, errs, code := surveyRun(t, "", "csi", "testdata/csi/stores.csv", "--scale", "1..10")
	if code != exitUsage || strings.Count(errs, "\n") != 1 || !strings.Contains(errs, `column "store" holds no number`) {
		t.Errorf("exit %d, want 2 and one line naming the column\n%s", code, errs)
	}
}
