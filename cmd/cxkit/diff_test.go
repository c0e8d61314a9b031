package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cxkit/cxkit/dsl"
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
	checkGolden(t, filepath.Join(diffGoldenDir, name), []byte(got))
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
	var got diffOutput
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
	if !strings.HasSuffix(out, "1 change; 1 (marked !) makes scores incomparable\n") {
		t.Errorf("verdict:\n%s", out)
	}
}
