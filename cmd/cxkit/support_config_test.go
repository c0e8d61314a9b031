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
		{"rules-standards.json", "--standards", "{\"standards\": [\n  {\"kpi\": \"fcr\", \"op\": \">=\", \"target\": \"75%\"},\n  {\"kpi\": \"fcrr\", \"op\": \">=\", \"target\": 1},\n  {\"kpi\": \"fcr\", \"op\": \"=>\", \"target\": 1}\n]}\n", exitInput,
			[]string{`rules-standards.json:3:3: standards[1]: unknown kpi "fcrr"; did you mean "fcr"?`, `rules-standards.json:4:3: standards[2]: unknown op "=>"`}},
		{"bom-calendar.json", "--calendar", withBOM("../../examples/support/calendar.json"), exitOK, nil},
		{"syntax-standards.json", "--standards", "{\n  \"standards\": [\n    {\"name\": \"x\",}\n  ]\n}\n", exitInput,
			[]string{"syntax-standards.json:3:18: "}},
		{"syntax-calendar.json", "--calendar", "{\n\"x\": 1,\n}", exitInput, []string{"syntax-calendar.json:3:1: "}},
		{"type-standards.json", "--standards", "{\"standards\": [\n {\"name\": 3}\n]}", exitInput,
			[]string{"type-standards.json:2:11: /standards/0/name: want a string, not a number"}},
		// Decoded as strictly as a checklist: every one of these was
		// accepted or reported without a position before.
		{"unknown-standards.json", "--standards", "{\"standards\": [\n {\"kpi\": \"fcr\", \"op\": \">=\", \"traget\": 0.75}\n]}", exitInput,
			[]string{`unknown-standards.json:2:29: unknown field "traget" in /standards/0; did you mean "target"?`}},
		{"unknown-top-standards.json", "--standards", `{"standards": [], "owner": "x"}`, exitInput,
			[]string{`unknown-top-standards.json:1:19: unknown field "owner" in the standards file (the fields here are $schema, name, standards)`}},
		{"case-calendar.json", "--calendar", `{"Week": {"mon": ["09:00-17:00"]}}`, exitInput,
			[]string{`case-calendar.json:1:2: unknown field "Week" in the calendar; did you mean "week"?`}},
		{"twice-calendar.json", "--calendar", "{\"week\": {\"mon\": [\"09:00-17:00\"]},\n \"week\": {}}", exitInput,
			[]string{`twice-calendar.json:2:2: field "week" is given twice in the calendar`}},
		{"trailing-standards.json", "--standards", "{\"standards\": []}\n{\"standards\": []}\n", exitInput,
			[]string{"trailing-standards.json:2:1: JSON syntax: invalid character '{' after top-level value"}},
		{"target-standards.json", "--standards", `{"standards": [{"kpi": "fcr", "op": ">=", "target": "most"}]}`, exitInput,
			[]string{`target-standards.json:1:53: /standards/0/target: "most" is not a number, a duration like 2m or 24h, or a percentage like 75%`}},
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
