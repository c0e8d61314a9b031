package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const messyKorto = `checklist m "M" {
level 1 "L" {
question q "Q"   weight 2 critical
}
}
`

const canonicalKorto = `checklist m "M" {
  level 1 "L" {
    question q "Q" weight 2 critical
  }
}
`

func TestFmt(t *testing.T) {
	messy := writeKorto(t, "messy.korto", messyKorto)
	canon := writeKorto(t, "canon.korto", canonicalKorto)
	bad := writeKorto(t, "bad.korto", "checklist x {\n}\n")
	tests := []struct {
		name   string
		args   []string
		stdin  string
		code   int
		stdout string
	}{
		{"print", []string{"fmt", messy}, "", exitOK, canonicalKorto},
		{"stdin", []string{"fmt", "-"}, messyKorto, exitOK, canonicalKorto},
		{"diff of a canonical file", []string{"fmt", "-d", canon}, "", exitOK, ""},
		{"diff", []string{"fmt", "-d", messy}, "", exitInput, "--- " + messy + "\n+++ " + messy + " (formatted)\n" +
			"@@ -1,5 +1,5 @@\n checklist m \"M\" {\n-level 1 \"L\" {\n-question q \"Q\"   weight 2 critical\n-}\n+  level 1 \"L\" {\n+    question q \"Q\" weight 2 critical\n+  }\n }\n"},
		{"syntax error", []string{"fmt", bad}, "", exitInput, ""},
		{"no files", []string{"fmt"}, "", exitUsage, ""},
		{"write stdin", []string{"fmt", "-w", "-"}, messyKorto, exitUsage, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := runDSLCmd(t, tt.stdin, tt.args...)
			if code != tt.code {
				t.Errorf("exit code %d, want %d\nstderr:\n%s", code, tt.code, stderr)
			}
			if diff := cmp.Diff(tt.stdout, stdout); diff != "" {
				t.Errorf("stdout (-want +got):\n%s", diff)
			}
		})
	}
}

func TestFmtSyntaxErrorNamesFile(t *testing.T) {
	bad := writeKorto(t, "bad.korto", "checklist x {\n}\n")
	_, stderr, _ := runDSLCmd(t, "", "fmt", bad)
	if !strings.HasPrefix(stderr, bad+":1:13: expected the checklist title") {
		t.Errorf("stderr:\n%s", stderr)
	}
}

func TestFmtWrite(t *testing.T) {
	path := writeKorto(t, "m.korto", messyKorto)
	if err := os.Chmod(path, 0o600); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, code := runDSLCmd(t, "", "fmt", "-w", path)
	if code != exitOK || stdout != "" {
		t.Fatalf("fmt -w: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(canonicalKorto, string(got)); diff != "" {
		t.Errorf("written file (-want +got):\n%s", diff)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600 kept", fi.Mode().Perm())
	}
}

// TestFmtDiffApplies checks the unified diff with patch(1), when it is
// installed: applying it to the original must give the formatted file.
func TestFmtDiffApplies(t *testing.T) {
	patch, err := exec.LookPath("patch")
	if err != nil {
		t.Skip("patch not installed")
	}
	src, err := os.ReadFile("../../examples/mall/mall.korto")
	if err != nil {
		t.Skip(err)
	}
	// Disarrange the file: no indentation, and every comment removed
	// from odd lines, so the diff has many hunks.
	var b strings.Builder
	for i, line := range strings.Split(string(src), "\n") {
		line = strings.TrimLeft(line, " ")
		if i%7 == 3 {
			line += " "
		}
		b.WriteString(line)
		if i < strings.Count(string(src), "\n") {
			b.WriteByte('\n')
		}
	}
	dir := t.TempDir()
	orig := filepath.Join(dir, "mall.korto")
	if err := os.WriteFile(orig, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	diff, stderr, code := runDSLCmd(t, "", "fmt", "-d", orig)
	if code != exitInput {
		t.Fatalf("fmt -d: exit %d, stderr %s", code, stderr)
	}
	want, _, _ := runDSLCmd(t, "", "fmt", orig)
	out := filepath.Join(dir, "patched.korto")
	cmd := exec.Command(patch, "-s", "-o", out, orig)
	cmd.Stdin = strings.NewReader(diff)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("patch: %v\n%s\ndiff:\n%s", err, msg, diff)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf("patched file differs from fmt output:\n%s", cmp.Diff(want, string(got)))
	}
}

// fmt turns a JSON checklist (cxkit export) back into .korto source that
// exports to the same JSON, for every example; -w and -d on JSON are
// usage errors, since the result is not JSON.
func TestFmtJSONChecklist(t *testing.T) {
	files, _ := filepath.Glob("../../examples/*/*.korto")
	if len(files) == 0 {
		t.Fatal("no example checklists")
	}
	for _, f := range files {
		exported, errs, code := runCmd(t, "", "export", f)
		if code != exitOK {
			t.Fatalf("export %s: exit %d: %s", f, code, errs)
		}
		jsonFile := writeTemp(t, "c.json", exported)
		src, errs, code := runCmd(t, "", "fmt", jsonFile)
		if code != exitOK {
			t.Fatalf("fmt %s as JSON: exit %d: %s", f, code, errs)
		}
		again, errs, code := runCmd(t, "", "export", writeTemp(t, "c.korto", src))
		if code != exitOK {
			t.Fatalf("export of fmt's output for %s: exit %d: %s\n%s", f, code, errs, src)
		}
		if again != exported {
			t.Errorf("%s: JSON -> fmt -> export differs from the first export", f)
		}
		if _, _, code := runCmd(t, "", "fmt", "-w", jsonFile); code != exitUsage {
			t.Errorf("fmt -w on JSON: exit %d, want %d", code, exitUsage)
		}
	}
}
