package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/cxkit/cxkit/dsl"
	"github.com/cxkit/cxkit/internal/golden"
	"github.com/cxkit/cxkit/korto"
)

const (
	diffV1        = "testdata/diff/v1.korto"
	diffV2        = "testdata/diff/v2.korto"
	diffReworded  = "testdata/diff/v1-reworded.korto"
	diffGoldenDir = "testdata/diff"
)

func runDiffCmd(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	return runCmd(t, stdin, append([]string{"diff"}, args...)...)
}

// diffGolden compares got with testdata/diff/name.
func diffGolden(t *testing.T, name, got string) {
	t.Helper()
	golden.Check(t, filepath.Join(diffGoldenDir, name), []byte(got))
}

func TestDiffGolden(t *testing.T) {
	for _, tt := range []struct {
		golden string
		args   []string
	}{
		{"v1-v2.txt", []string{diffV1, diffV2}},
		{"v1-v2.out.json", []string{"--json", diffV1, diffV2}},
		{"v2-v1.txt", []string{diffV2, diffV1}},
		{"reworded.txt", []string{diffV1, diffReworded}},
	} {
		t.Run(tt.golden, func(t *testing.T) {
			out, errs, code := runDiffCmd(t, "", tt.args...)
			if code != exitOK || errs != "" {
				t.Fatalf("exit %d, stderr:\n%s", code, errs)
			}
			diffGolden(t, tt.golden, out)
		})
	}
}

func TestDiffExitCode(t *testing.T) {
	for _, tt := range []struct {
		name string
		args []string
		want int
	}{
		{"incomparable", []string{diffV1, diffV2}, exitOK},
		{"incomparable with --exit-code", []string{diffV1, diffV2, "--exit-code"}, exitInput},
		{"comparable with --exit-code", []string{"--exit-code", diffV1, diffReworded}, exitOK},
		{"same file with --exit-code", []string{"--exit-code", diffV1, diffV1}, exitOK},
		{"one file", []string{diffV1}, exitUsage},
		{"three files", []string{diffV1, diffV2, diffV1}, exitUsage},
		{"both stdin", []string{"-", "-"}, exitUsage},
		{"unknown flag", []string{"--color", diffV1, diffV2}, exitUsage},
		{"missing file", []string{diffV1, "testdata/diff/nope.korto"}, exitInput},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, errs, code := runDiffCmd(t, "", tt.args...)
			if code != tt.want {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tt.want, errs)
			}
			if (code == exitOK) != (errs == "") { // every failure says why
				t.Errorf("exit %d with stderr %q", code, errs)
			}
		})
	}
}

func TestDiffNoChanges(t *testing.T) {
	src, err := os.ReadFile(diffV1)
	if err != nil {
		t.Fatal(err)
	}
	out, errs, code := runDiffCmd(t, string(src), diffV1, "-")
	if code != exitOK || errs != "" {
		t.Fatalf("exit %d, stderr:\n%s", code, errs)
	}
	want := "testdata/diff/v1.korto (branch 2026.1) -> <stdin> (branch 2026.1)\nno changes\n"
	if out != want {
		t.Errorf("got:\n%s\nwant:\n%s", out, want)
	}
}

// A checklist in its JSON form compares equal to its source.
func TestDiffJSONForm(t *testing.T) {
	src, err := os.ReadFile(diffV2)
	if err != nil {
		t.Fatal(err)
	}
	c, err := dsl.Parse(diffV2, src)
	if err != nil {
		t.Fatal(err)
	}
	data, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "v2.json")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, code := runDiffCmd(t, "", "--json", path, diffV2)
	if code != exitOK || errs != "" {
		t.Fatalf("exit %d, stderr:\n%s", code, errs)
	}
	var got korto.DiffReport
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if !got.Comparable || len(got.Changes) != 0 {
		t.Errorf("JSON form differs from its source: %+v", got.Changes)
	}
}

// A file with errors is not compared; its problems are shown with the
// source line, as check shows them.
func TestDiffInvalidInput(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.korto")
	src := "checklist x \"X\" {\n  scale stars 1..5\n  level 1 \"L\" {\n    question a \"A\" stras\n  }\n}\n"
	if err := os.WriteFile(bad, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	badJSON := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(badJSON, []byte(`{"id": "x", "levels": [{"number": 9, "items": []}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		file string
		want []string
	}{
		{bad, []string{"bad.korto:4:", `unknown scale "stras"; did you mean "stars"?`, "^"}},
		{badJSON, []string{"bad.json", "level 9 is outside 1..4 of model korto"}},
	} {
		out, errs, code := runDiffCmd(t, "", diffV1, tt.file)
		if code != exitInput || out != "" {
			t.Errorf("%s: exit %d, stdout %q", tt.file, code, out)
		}
		for _, w := range tt.want {
			if !strings.Contains(errs, w) {
				t.Errorf("%s: stderr lacks %q:\n%s", tt.file, w, errs)
			}
		}
	}
}

// A misspelt command is answered with the nearest one.
func TestDiffCommandTypo(t *testing.T) {
	var out, errb bytes.Buffer
	code := run(&env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb}, []string{"dfif", diffV1, diffV2})
	if code != exitUsage || !strings.Contains(errb.String(), `did you mean "diff"?`) {
		t.Errorf("exit %d, stderr:\n%s", code, errb.String())
	}
}

// The verdict agrees in number: one incomparable change "makes" scores
// incomparable.
func TestDiffVerdictOneChange(t *testing.T) {
	a := writeTemp(t, "a.korto", "checklist c \"C\" {\n  level 1 \"L\" {\n    question a \"A\"\n  }\n}\n")
	b := writeTemp(t, "b.korto", "checklist c \"C\" {\n  level 1 \"L\" {\n    question a \"A\" weight 2\n  }\n}\n")
	out, _, _ := runCmd(t, "", "diff", a, b)
	if !strings.Contains(out, "\n1 change; 1 (marked !) makes scores incomparable\n") {
		t.Errorf("verdict:\n%s", out)
	}
}

// What diff says beyond the changes: a renamed question's note on answer
// sheets, two different checklists, and an incomparable edition that
// kept its version.
func TestDiffNotesAndWarnings(t *testing.T) {
	const (
		v1      = "checklist apteka \"Аптека\" {\n  version \"2026.1\"\n  level 1 \"L\" {\n    question a \"Провизор поздоровался\"\n    question b \"B\"\n  }\n}\n"
		renamed = "checklist apteka \"Аптека\" {\n  version \"2026.1\"\n  level 1 \"L\" {\n    question greet \"Провизор поздоровался\"\n    question b \"B\"\n  }\n}\n"
		heavier = "checklist apteka \"Аптека\" {\n  version \"2026.1\"\n  level 1 \"L\" {\n    question a \"Провизор поздоровался\" weight 2\n    question b \"B\"\n  }\n}\n"
		bumped  = "checklist apteka \"Аптека\" {\n  version \"2026.2\"\n  level 1 \"L\" {\n    question a \"Провизор поздоровался\" weight 2\n    question b \"B\"\n  }\n}\n"
		kassa   = "checklist kassa \"Касса\" {\n  version \"2026.2\"\n  level 1 \"L\" {\n    question a \"Провизор поздоровался\"\n    question b \"B\"\n  }\n}\n"
	)
	old := writeTemp(t, "old.korto", v1)
	for _, tt := range []struct {
		name, src string
		want      []string // lines the output holds
		not       string   // a word it must not hold
	}{
		{"renamed", renamed, []string{
			"  question a renamed to greet",
			"    answer sheets must use the new ID greet; a sheet that still answers a is refused",
			"1 change; scores stay comparable"}, "warning"},
		{"version kept", heavier, []string{
			"! question a: weight 1 -> 2",
			`warning: the version is still "2026.1": give the new edition a new version so sheets and reports can tell them apart`}, ""},
		{"version bumped", bumped, []string{"! question a: weight 1 -> 2"}, "warning"},
		{"different checklists", kassa, []string{
			"warning: these are different checklists (apteka, kassa): diff compares two editions of one checklist"}, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out, errs, code := runCmd(t, "", "diff", old, writeTemp(t, "new.korto", tt.src))
			if code != exitOK || errs != "" {
				t.Fatalf("exit %d, stderr:\n%s", code, errs)
			}
			lines := strings.Split(out, "\n")
			for _, w := range tt.want {
				if !slices.Contains(lines, w) {
					t.Errorf("no line %q in:\n%s", w, out)
				}
			}
			if tt.not != "" && strings.Contains(out, tt.not) {
				t.Errorf("%q in:\n%s", tt.not, out)
			}
		})
	}
}

// --json carries the note and the warnings as fields of their own, next
// to the fields it always had.
func TestDiffJSONWarnings(t *testing.T) {
	a := writeTemp(t, "a.korto", "checklist apteka \"A\" {\n  level 1 \"L\" {\n    question a \"A\"\n  }\n}\n")
	b := writeTemp(t, "b.korto", "checklist kassa \"K\" {\n  level 1 \"L\" {\n    question q \"A\"\n  }\n}\n")
	out, _, code := runCmd(t, "", "diff", "--json", a, b)
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	var got struct {
		Changes []struct {
			Kind string `json:"kind"`
			Note string `json:"note"`
		} `json:"changes"`
		Warnings []struct {
			Kind    string `json:"kind"`
			Message string `json:"message"`
		} `json:"warnings"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Warnings) != 1 || got.Warnings[0].Kind != "different-checklists" {
		t.Errorf("warnings = %+v", got.Warnings)
	}
	notes := 0
	for _, c := range got.Changes {
		if c.Kind == "question-renamed" && strings.Contains(c.Note, "new ID q") {
			notes++
		}
	}
	if notes != 1 {
		t.Errorf("no note on the renamed question in:\n%s", out)
	}
}
