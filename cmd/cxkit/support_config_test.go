package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSupportConfigFiles: the --standards and --calendar files are read
// by the library (support.ReadStandards, whose tests have every case);
// here, that its problems reach stderr whole, with exit 1.
func TestSupportConfigFiles(t *testing.T) {
	const tickets = "../../examples/support/tickets.jsonl"
	dir := t.TempDir()
	write := func(name, text string) string {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	for _, tc := range []struct {
		name, flag, text string
		code             int
		want             []string // in stderr
	}{
		{"ok-standards.json", "--standards", `{"standards": []}`, exitOK, nil},
		{"rules-standards.json", "--standards", "{\"standards\": [\n  {\"kpi\": \"fcr\", \"op\": \">=\", \"target\": \"75%\"},\n  {\"kpi\": \"fcrr\", \"op\": \">=\", \"target\": 1},\n  {\"kpi\": \"fcr\", \"op\": \"=>\", \"target\": 1}\n]}\n", exitInput,
			[]string{`rules-standards.json:3:3: unknown kpi "fcrr"; did you mean "fcr"?`, `rules-standards.json:4:3: unknown op "=>"`}},
		{"empty-standards.json", "--standards", "", exitInput, []string{"empty-standards.json: the file is empty"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := write(tc.name, tc.text)
			stdout, stderr, code := runCmd(t, "", "support", tickets, tc.flag, p)
			if code != tc.code {
				t.Fatalf("exit %d, want %d; stderr:\n%s", code, tc.code, stderr)
			}
			if code != exitOK && stdout != "" {
				t.Errorf("stdout %q on failure, want nothing", stdout)
			}
			for _, w := range tc.want {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr lacks %q:\n%s", w, stderr)
				}
			}
			if strings.Contains(stderr, "Go struct") {
				t.Errorf("stderr names Go types:\n%s", stderr)
			}
		})
	}
}
