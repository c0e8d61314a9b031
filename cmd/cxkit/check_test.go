package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// runDSLCmd runs one cxkit command in-process.
func runDSLCmd(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	return runCmd(t, stdin, args...)
}

// writeKorto writes a checklist into a temporary directory.
func writeKorto(t *testing.T, name, src string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

const okKorto = `checklist ok "OK" {
  level 1 "L" {
    question q "Q"
  }
}
`

const badKorto = `checklist bad "Bad" {
  level 1 "L" pass 85 {
    question q "Q" critcal
  }
}
`

func TestCheckExitCodes(t *testing.T) {
	good := writeKorto(t, "good.korto", okKorto)
	bad := writeKorto(t, "bad.korto", badKorto)
	warn := writeKorto(t, "warn.korto", "checklist w \"W\" {\n  level 1 \"L\" {\n    question f \"F\" unscored\n  }\n}\n")
	tests := []struct {
		name     string
		args     []string
		stdin    string
		code     int
		summary  string // lines of stderr, in order
		inStderr []string
	}{
		{"valid", []string{"check", good}, "", exitOK, good + ": ok\n", nil},
		{"warnings only", []string{"check", warn}, "", exitOK, warn + ": ok, 1 warning\n", []string{"warning: level 1 has no scored question"}},
		{"errors", []string{"check", good, bad}, "", exitInput, good + ": ok\n" + bad + ": 2 errors\n",
			[]string{bad + ":2:20: pass takes a percentage", "   2 |   level 1 \"L\" pass 85 {\n     |                    ^\nhint: write 85%", `did you mean "critical"?`}},
		{"stdin", []string{"check", "-"}, okKorto, exitOK, "<stdin>: ok\n", nil},
		{"missing file", []string{"check", filepath.Join(t.TempDir(), "none.korto")}, "", exitInput, "", []string{"none.korto"}},
		{"no files", []string{"check"}, "", exitUsage, "", []string{"usage: cxkit check"}},
		{"bad flag", []string{"check", "--nope", good}, "", exitUsage, "", []string{"-nope"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := runDSLCmd(t, tt.stdin, tt.args...)
			if code != tt.code {
				t.Errorf("exit code %d, want %d\nstderr:\n%s", code, tt.code, stderr)
			}
			// Everything check says is a diagnostic, the summary too:
			// stdout stays empty without --json.
			if stdout != "" {
				t.Errorf("stdout is not empty:\n%s", stdout)
			}
			checkLinesInOrder(t, stderr, strings.Split(strings.TrimSuffix(tt.summary, "\n"), "\n"))
			for _, s := range tt.inStderr {
				if !strings.Contains(stderr, s) {
					t.Errorf("stderr lacks %q:\n%s", s, stderr)
				}
			}
		})
	}
}

func TestCheckJSON(t *testing.T) {
	bad := writeKorto(t, "bad.korto", badKorto)
	stdout, _, code := runDSLCmd(t, "", "check", "--json", bad)
	if code != exitInput {
		t.Errorf("exit code %d, want %d", code, exitInput)
	}
	var got []checkProblem
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatalf("%v\n%s", err, stdout)
	}
	want := []checkProblem{
		{File: bad, Line: 2, Column: 20, Severity: "error", Code: "number-kind", Message: "pass takes a percentage, like pass 85%", Hint: "write 85%"},
		{File: bad, Line: 3, Column: 20, Severity: "error", Code: "unknown-keyword", Message: `unknown keyword "critcal"; did you mean "critical"?`},
	}
	if diff := cmp.Diff(want, got, cmp.FilterPath(func(p cmp.Path) bool { return p.Last().String() == ".Hint" && p.Index(-2).String() != "[0]" }, cmp.Ignore())); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestExport(t *testing.T) {
	good := writeKorto(t, "good.korto", okKorto)
	stdout, stderr, code := runDSLCmd(t, "", "export", good)
	if code != exitOK {
		t.Fatalf("exit code %d: %s", code, stderr)
	}
	want := `{
  "id": "ok",
  "title": {
    "text": "OK"
  },
  "levels": [
    {
      "number": 1,
      "title": {
        "text": "L"
      },
      "items": [
        {
          "question": {
            "id": "q",
            "text": {
              "text": "Q"
            },
            "kind": {
              "type": "yesno"
            }
          }
        }
      ]
    }
  ]
}
`
	if diff := cmp.Diff(want, stdout); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}

	_, stderr, code = runDSLCmd(t, badKorto, "export", "-")
	if code != exitInput || !strings.Contains(stderr, "<stdin>:2:20:") {
		t.Errorf("export of a bad file: exit %d, stderr:\n%s", code, stderr)
	}
	if _, _, code := runDSLCmd(t, "", "export", good, good); code != exitUsage {
		t.Errorf("export with two files: exit %d, want %d", code, exitUsage)
	}
}

// TestCheckExportJSONForm reads a checklist's JSON form the way every
// other command does: check validates it, and export prints it back
// unchanged (the JSON form round-trips). Both used to parse it as .korto
// source and fail at the first colon.
func TestCheckExportJSONForm(t *testing.T) {
	src, err := os.ReadFile("../../dsl/testdata/spec_example.korto")
	if err != nil {
		t.Fatal(err)
	}
	form, stderr, code := runDSLCmd(t, string(src), "export", "-")
	if code != exitOK {
		t.Fatalf("export of the spec's example: exit %d\n%s", code, stderr)
	}
	path := writeKorto(t, "mall.json", form)
	again, stderr, code := runDSLCmd(t, "", "export", path)
	if code != exitOK {
		t.Fatalf("export %s: exit %d\n%s", path, code, stderr)
	}
	if diff := cmp.Diff(form, again); diff != "" {
		t.Errorf("export of the JSON form changed it (-first +second):\n%s", diff)
	}

	noLevels := writeKorto(t, "empty.json", `{"id": "t", "title": {"text": "T"}, "levels": []}`)
	misspelt := writeKorto(t, "typo.json", `{"id": "t", "title": {"text": "T"}, "levles": []}`)
	tests := []struct {
		name     string
		args     []string
		code     int
		stdout   string
		summary  string // the end of stderr
		inStderr string
	}{
		{"check valid", []string{"check", path}, exitOK, "", path + ": ok\n", ""},
		{"check rule", []string{"check", noLevels}, exitInput, "", noLevels + ": 1 error\n", noLevels + `:1:1: checklist "t" has no levels`},
		{"check unknown field", []string{"check", misspelt}, exitInput, "", misspelt + ": 1 error\n", `unknown field "levles"`},
		{"export rule", []string{"export", noLevels}, exitInput, "", "", noLevels + `:1:1: checklist "t" has no levels`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := runDSLCmd(t, "", tt.args...)
			if code != tt.code {
				t.Errorf("exit code %d, want %d\nstderr:\n%s", code, tt.code, stderr)
			}
			if diff := cmp.Diff(tt.stdout, stdout); diff != "" {
				t.Errorf("stdout (-want +got):\n%s", diff)
			}
			if tt.summary != "" && !strings.HasSuffix(stderr, tt.summary) {
				t.Errorf("stderr does not end with %q:\n%s", tt.summary, stderr)
			}
			if !strings.Contains(stderr, tt.inStderr) {
				t.Errorf("stderr lacks %q:\n%s", tt.inStderr, stderr)
			}
		})
	}
}

// TestCheckLineOrder: check prints a file's problems in the order of its
// lines, also when the parser gives up early (here at the missing
// closing brace) and the scanner's complaint about line 16 was found
// before the parser's about line 2.
func TestCheckLineOrder(t *testing.T) {
	src := "checklist apteka \"Аптека\" {\n  version 2026.1\n  level 1 \"Основа\" {\n" +
		strings.Repeat("    question q \"Q\"\n", 0) +
		"    question a \"А\"\n    question b \"Б\" weight 1,5\n  }\n"
	_, stderr, code := runDSLCmd(t, src, "check", "-")
	if code != exitInput {
		t.Fatalf("exit %d, want %d", code, exitInput)
	}
	var lines []string
	for _, l := range strings.Split(stderr, "\n") {
		if strings.HasPrefix(l, "<stdin>:") && !strings.HasPrefix(l, "<stdin>: ") { // not the summary
			lines = append(lines, strings.SplitN(l, ":", 3)[1])
		}
	}
	if want := []string{"2", "5", "7"}; !slices.Equal(lines, want) {
		t.Errorf("problems at lines %v, want %v:\n%s", lines, want, stderr)
	}
}
