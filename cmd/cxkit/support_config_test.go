package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSupportConfigFiles: the --standards and --calendar files are read
// like every other input (a UTF-8 byte order mark and CRLF line ends are
// fine), and a broken one is reported as file:line:col with the field
// at fault in the file's own JSON names, not Go's.
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
	withBOM := func(src string) string {
		t.Helper()
		b, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		return "\ufeff" + strings.ReplaceAll(string(b), "\n", "\r\n")
	}
	for _, tc := range []struct {
		name, flag, text string
		code             int
		want             []string // in stderr
	}{
		{"bom-standards.json", "--standards", withBOM("../../examples/support/standards.json"), exitOK, nil},
		{"bom-calendar.json", "--calendar", withBOM("../../examples/support/calendar.json"), exitOK, nil},
		{"syntax-standards.json", "--standards", "{\n  \"standards\": [\n    {\"name\": \"x\",}\n  ]\n}\n", exitInput,
			[]string{"syntax-standards.json:3:18: "}},
		{"syntax-calendar.json", "--calendar", "{\n\"x\": 1,\n}", exitInput, []string{"syntax-calendar.json:3:1: "}},
		{"type-standards.json", "--standards", "{\"standards\": [\n {\"name\": 3}\n]}", exitInput,
			[]string{"type-standards.json:2:", "standards.name", "want a string, not a number"}},
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
