package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cxkit/cxkit/metrics"
	"github.com/cxkit/cxkit/metrics/surveycsv"
	"github.com/google/go-cmp/cmp"
)

// The tests below pin what a service manager's review of the survey
// commands asked for: messages a person running a Russian Excel export
// can act on.

// TestSurveyColumnsInCharacters: the column of a bad cell counts
// characters, as every other cxkit message does, not bytes: "Садовая 1,"
// is ten characters but seventeen bytes. Quoted fields, doubled quotes
// and fields that span lines count as they stand in the file.
func TestSurveyColumnsInCharacters(t *testing.T) {
	tests := []struct {
		name, in string
		args     []string
		want     string
	}{
		{"answer", "", []string{"testdata/survey/nps_ru.csv", "--column", "Оценка NPS"},
			`nps_ru.csv:6:11: row 5, column "Оценка NPS": "десять" is not a whole number`},
		{"weight", "Магазин,nps,вес\nЦентр,9,один\n", []string{"-", "--weight", "вес"},
			`<stdin>:2:9: row 1, column "вес": weight "один"`},
		{"quoted", "a,b,nps\n\"Ё, \"\"ё\"\"\",ж,x\n", []string{"-"},
			`<stdin>:2:14: row 1, column "nps": "x" is not a whole number`},
		{"multi-line field", "a,b,nps\n\"ёё\nжж\",ж,x\n", []string{"-"},
			`<stdin>:3:7: row 1, column "nps": "x" is not a whole number`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, stderr, code := runCmd(t, tt.in, append([]string{"nps"}, tt.args...)...)
			if code != exitInput || !strings.Contains(stderr, tt.want) {
				t.Errorf("exit %d, stderr:\n%s\nwant %q", code, stderr, tt.want)
			}
		})
	}
}

// TestSurveyWeightCells: Russian Excel saves CSV with semicolons and
// decimal commas, so there "1,2" is a weight of 1.2; in a comma-separated
// file it is an error that says to write a decimal point. The messages
// speak to a manager; only a weight outside what float64 sums can hold
// names the exact bounds.
func TestSurveyWeightCells(t *testing.T) {
	tests := []struct {
		cell         string
		decimalComma bool
		want         float64
		err          string
	}{
		{"1,2", true, 1.2, ""},
		{" 0,5 ", true, 0.5, ""},
		{"1.2", true, 1.2, ""},
		{"0", false, 0, ""},
		{"1,2", false, 0, `weight "1,2": a weight must be 0 or a positive number; use a decimal point: 1.2`},
		{"1,2,3", true, 0, `weight "1,2,3": a weight must be 0 or a positive number`},
		{"-1,5", true, 0, `weight "-1,5": a weight must be 0 or a positive number`},
		{"-1,5", false, 0, `weight "-1,5": a weight must be 0 or a positive number`},
		{"1,5e-200", true, 0, `weight "1,5e-200": a positive weight must lie between 1e-100 and 1e+100`},
		{"-2", false, 0, `weight "-2": a weight must be 0 or a positive number`},
		{"", false, 0, `weight "": a weight must be 0 or a positive number`},
		{"NaN", false, 0, `weight "NaN": a weight must be 0 or a positive number`},
		{"abc", false, 0, `weight "abc": a weight must be 0 or a positive number`},
		{"1e-200", false, 0, `weight "1e-200": a positive weight must lie between 1e-100 and 1e+100`},
		{"1e300", false, 0, `weight "1e300": a positive weight must lie between 1e-100 and 1e+100`},
	}
	for _, tt := range tests {
		w, err := surveycsv.ParseWeight(tt.cell, tt.decimalComma)
		msg := ""
		if err != nil {
			msg = err.Error()
		}
		if diff := cmp.Diff([]any{tt.want, tt.err}, []any{w, msg}); diff != "" {
			t.Errorf("surveyWeight(%q, %v) (-want +got):\n%s", tt.cell, tt.decimalComma, diff)
		}
	}

	// The whole command: a semicolon export weighs 9 by 3 and 0 by 1.
	v := surveyJSONIn(t, "nps;вес\n9;1,5\n0;0,5\n", "nps", "-", "--weight", "вес")
	if diff := cmp.Diff([]any{0.75, 0.25}, []any{v["promoter_share"], v["detractor_share"]}, surveyApprox); diff != "" {
		t.Error(diff)
	}
	_, stderr, code := runCmd(t, "nps,вес\n9,\"1,5\"\n", "nps", "-", "--weight", "вес")
	if want := `<stdin>:2:3: row 1, column "вес": weight "1,5": a weight must be 0 or a positive number; use a decimal point: 1.5`; code != exitInput || !strings.Contains(stderr, want) {
		t.Errorf("exit %d, stderr:\n%s\nwant %q", code, stderr, want)
	}
}

// surveyJSONIn runs a survey command on stdin with --json.
func surveyJSONIn(t *testing.T, stdin string, args ...string) map[string]any {
	t.Helper()
	out, errs, code := runCmd(t, stdin, append(args, "--json")...)
	if code != exitOK {
		t.Fatalf("cxkit %v: exit %d\n%s", args, code, errs)
	}
	var v map[string]any
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatalf("cxkit %v: %v\n%s", args, err, out)
	}
	return v
}

// TestSurveyNotUTF8: Excel's plain "CSV" in a Russian locale is
// Windows-1251. Its header and cells are not UTF-8, and instead of
// column names printed as escapes (and a usage error) the message says
// how to save the file, with exit 1.
func TestSurveyNotUTF8(t *testing.T) {
	const want = "<stdin>: not UTF-8 text (saved as Windows-1251?)\nhint: in Excel choose Save As → CSV UTF-8\n"
	for name, in := range map[string]string{
		// "Оценка;nps" and a row, in Windows-1251.
		"header": "\xce\xf6\xe5\xed\xea\xe0;nps\n1;9\n",
		// "Центр" in Windows-1251 in a cell no command option names.
		"cell": "nps,store\n9,\xd6\xe5\xed\xf2\xf0\n",
	} {
		t.Run(name, func(t *testing.T) {
			_, stderr, code := runCmd(t, in, "nps", "-", "--column", "nps")
			if code != exitInput || stderr != want {
				t.Errorf("exit %d, stderr (-want +got):\n%s", code, cmp.Diff(want, stderr))
			}
		})
	}
}

// TestSurveyShortRows: Excel leaves out a row's trailing empty cells, so
// a short row reads as if they were there and empty. A row longer than
// the header is an error: its cells cannot be told apart.
func TestSurveyShortRows(t *testing.T) {
	v := surveyJSONIn(t, "id,store,nps,comment\n1,north,9,fine\n2,north\n3,south,0\n4\n", "nps", "-", "--by", "store")
	var groups []any
	for _, g := range v["groups"].([]any) {
		m := g.(map[string]any)
		groups = append(groups, []any{m["group"], m["n"]})
	}
	got := []any{v["n"], v["blank"], v["rows"], groups}
	want := []any{2.0, 2.0, 4.0, []any{[]any{"north", 1.0}, []any{"south", 1.0}}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}

	// A missing weight is an empty one, named without a column number.
	_, stderr, code := runCmd(t, "nps,store,w\n9,a,1\n10,b\n", "nps", "-", "--weight", "w")
	if want := `<stdin>:3: row 2, column "w": weight "": a weight must be 0 or a positive number` + "\n"; code != exitInput || !strings.HasSuffix(stderr, want) {
		t.Errorf("missing weight: exit %d, stderr:\n%s\nwant %q", code, stderr, want)
	}

	_, stderr, code = runCmd(t, "a,b,nps,c,d\n1,2,9,3,4\n1,2,9,3,4\n1,2,9,3,4,5,6\n1,2,x,3,4,5\n", "nps", "-")
	const hint = "hint: put a cell that holds the separator in double quotes\n"
	want2 := "<stdin>:4: row 3: 7 cells, but the header has 5\n" + hint + "<stdin>:5: row 4: 6 cells, but the header has 5\n" + hint
	if code != exitInput || stderr != want2 {
		t.Errorf("long rows: exit %d, stderr (-want +got):\n%s", code, cmp.Diff(want2, stderr))
	}
}

// TestSurveyDuplicateColumns: a header naming one column twice makes
// the column a command reads ambiguous, which is an error naming both
// positions; a duplicate the command does not read is only a warning.
func TestSurveyDuplicateColumns(t *testing.T) {
	tests := []struct {
		in     string
		args   []string
		code   int
		stderr string
	}{
		{"a,nps,nps\n1,9,10\n", nil, exitInput,
			`cxkit nps: <stdin>: the header has 2 columns named "nps" (columns 2 and 3), so the answer column is ambiguous: rename one of them` + "\n"},
		{"a,nps,NPS\n1,9,10\n", []string{"--column", "Nps"}, exitInput,
			`cxkit nps: <stdin>: the header has 2 columns named "nps" (columns 2 and 3), so --column is ambiguous: rename one of them` + "\n"},
		{"g,nps,g,g\nx,9,y,z\n", []string{"--by", "g"}, exitInput,
			`cxkit nps: <stdin>: the header has 3 columns named "g" (columns 1, 3 and 4), so --by is ambiguous: rename all but one` + "\n"},
		{"w,nps,w\n1,9,1\n", []string{"--weight", "w"}, exitInput,
			`cxkit nps: <stdin>: the header has 2 columns named "w" (columns 1 and 3), so --weight is ambiguous: rename one of them` + "\n"},
		// Exact spelling wins over a match up to case.
		{"a,nps,NPS\n1,9,10\n", nil, exitOK, ""},
		// Unread duplicates warn; nameless columns (a spreadsheet's
		// empty ones) do not.
		{"a,nps,a,,\n1,9,2,,\n", nil, exitOK,
			`cxkit nps: warning: <stdin>: the header has 2 columns named "a" (columns 1 and 3); none of them is read` + "\n"},
	}
	for _, tt := range tests {
		_, stderr, code := runCmd(t, tt.in, append([]string{"nps", "-"}, tt.args...)...)
		if code != tt.code || stderr != tt.stderr {
			t.Errorf("%q %v: exit %d (want %d), stderr (-want +got):\n%s", tt.in, tt.args, code, tt.code, cmp.Diff(tt.stderr, stderr))
		}
	}
}

// TestSurveyDidYouMean: a misspelt column name gets the nearest header
// name, as misspelt commands and checklist names do.
func TestSurveyDidYouMean(t *testing.T) {
	const in = "id,store,nps,weight\n1,a,9,1\n"
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--by", "storee"}, `<stdin>: no column "storee" for --by; did you mean "store"? (columns: "id", "store", "nps", "weight")`},
		{[]string{"--weight", "wieght"}, `<stdin>: no column "wieght" for --weight; did you mean "weight"? (columns: `},
		{[]string{"--column", "np"}, `<stdin>: no column "np" for --column; did you mean "nps"? (columns: `},
		{[]string{"--by", "region"}, `<stdin>: no column "region" for --by (columns: `},
	}
	for _, tt := range tests {
		_, stderr, code := runCmd(t, in, append([]string{"nps", "-"}, tt.args...)...)
		if code != exitUsage || !strings.Contains(stderr, tt.want) {
			t.Errorf("%v: exit %d, stderr:\n%s\nwant %q", tt.args, code, stderr, tt.want)
		}
	}
	// Without --column the default name is suggested against too.
	_, stderr, _ := runCmd(t, "id,npss\n1,9\n", "nps", "-")
	if want := `There is no column "nps"; did you mean "npss"? Name it with --column (columns: "id", "npss")`; !strings.Contains(stderr, want) {
		t.Errorf("stderr:\n%s\nwant %q", stderr, want)
	}
}

// TestSurveyPlaceholders: N/A, a dash and the like in an answer cell
// stay errors (a metric must not guess what they mean) and say that an
// empty cell is skipped; other bad cells do not get that hint.
func TestSurveyPlaceholders(t *testing.T) {
	const hint = "; leave the cell empty to skip an answer"
	for _, cell := range []string{"N/A", "n/a", "-", "—", "#N/A", "н/д"} {
		for _, k := range []string{"nps", "csat", "emotion"} {
			_, stderr, code := runCmd(t, k+"\n"+cell+"\n", k, "-")
			if code != exitInput || !strings.HasSuffix(stderr, hint+"\n") {
				t.Errorf("%s %q: exit %d, stderr %q; want it to end %q", k, cell, code, stderr, hint)
			}
		}
	}
	_, stderr, _ := runCmd(t, "nps\nten\n", "nps", "-")
	if strings.Contains(stderr, hint) {
		t.Errorf("a word that is no placeholder got the hint: %q", stderr)
	}
	want := `<stdin>:2:1: row 1, column "nps": "N/A" is not a whole number (NPS answers are 0..10)` + hint + "\n"
	if _, stderr, _ := runCmd(t, "nps\nN/A\n", "nps", "-"); stderr != want {
		t.Errorf("(-want +got):\n%s", cmp.Diff(want, stderr))
	}
}

// TestSurveyTextLabels: every bracketed interval says it is one and at
// which level, CES names the points its good share counts, and a group
// whose interval is wide is "too uncertain to rank", whatever its size.
func TestSurveyTextLabels(t *testing.T) {
	const in = "ces,csat\n1,5\n2,4\n5,3\n9,1\n10,2\n3,5\n"
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"ces", "-", "--scale", "1..10", "--good", "low", "--level", "0.9"}, "  answers 1–5: 66.7%, 90% CI ["},
		{[]string{"ces", "-", "--scale", "1..10", "--good", "high"}, "  answers 6–10: 33.3%, 95% CI ["},
		{[]string{"csat", "-", "--level", "0.99"}, "  mean 3.33 on 1..5, 99% CI ["},
	}
	for _, tt := range tests {
		out, stderr, code := runCmd(t, in, tt.args...)
		if code != exitOK || !strings.Contains(out, tt.want) {
			t.Errorf("%v: exit %d, stderr %q, stdout:\n%s\nwant %q", tt.args, code, stderr, out, tt.want)
		}
	}
	for _, s := range []struct {
		scale string
		good  string
		want  string
	}{{"1..7", "high", "5–7"}, {"1..5", "low", "1–2"}, {"0..1", "high", "1"}, {"1..4", "high", "3–4"}} {
		sc, err := metrics.ParseScale(s.scale, s.good)
		if err != nil {
			t.Fatal(err)
		}
		if got := surveyGoodPoints(sc); got != s.want {
			t.Errorf("surveyGoodPoints(%s %s) = %q, want %q", s.scale, s.good, got, s.want)
		}
	}
}

// TestSurveyCompareClipped: an NPS difference lies in -200..200, so with
// four answers on each side (NPS 50 against -50, se 61 of the
// difference) the plain Wald interval stops at 200 instead of reaching
// 220.
func TestSurveyCompareClipped(t *testing.T) {
	old := filepath.Join(t.TempDir(), "old.csv")
	if err := os.WriteFile(old, []byte("nps\n0\n0\n0\n10\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	v := surveyJSONIn(t, "nps\n10\n10\n10\n0\n", "nps", "-", "--compare", old, "--method", "wald")
	c := v["compare"].(map[string]any)
	if diff := cmp.Diff([]any{100.0, 200.0}, []any{c["diff"], c["ci_high"]}, surveyApprox); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
	if lo := c["ci_low"].(float64); !(lo > -21 && lo < -19) {
		t.Errorf("ci_low %v, want the unclipped end near -20", lo)
	}
}

// TestSurveyParseErrorColumn: a row the CSV reader cannot read is
// located in characters too (at the offending quote, where encoding/csv
// puts it), after a byte order mark and after more lines than the
// window a fixed window of the input would keep.
func TestSurveyParseErrorColumn(t *testing.T) {
	long := strings.Repeat("9,Садовая\n", 20000) // 300 KB before the bad row
	for name, tt := range map[string]struct{ in, want string }{
		"short": {"nps,store\n9,\"Арбат\" 5\n", `<stdin>:2:9: row 1: extraneous or missing " in quoted-field`},
		"bom":   {"\ufeffnps,store\n9,Арбат\n10,Тверская \"1\"\n", `<stdin>:3:13: row 2: bare " in non-quoted-field`},
		"long":  {"nps,store\n" + long + "9,Тверская \"1\"\n", `<stdin>:20002:12: row 20001: bare " in non-quoted-field`},
	} {
		t.Run(name, func(t *testing.T) {
			_, stderr, code := runCmd(t, tt.in, "nps", "-")
			if code != exitInput || !strings.Contains(stderr, tt.want) {
				t.Errorf("exit %d, stderr:\n%s\nwant %q", code, stderr, tt.want)
			}
		})
	}
}
