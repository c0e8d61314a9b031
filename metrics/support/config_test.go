package support

import (
	"os"
	"strings"
	"testing"
)

// TestReadConfigFiles: standards and calendar files are read like every
// other input (a UTF-8 byte order mark and CRLF line ends are fine), and
// a broken one is reported as file:line:col with the field at fault in
// the file's own JSON names, not Go's.
func TestReadConfigFiles(t *testing.T) {
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
		ok               bool
		want             []string // in the error
	}{
		{"bom-standards.json", "--standards", withBOM("../../examples/support/standards.json"), true, nil},
		{"rules-standards.json", "--standards", "{\"standards\": [\n  {\"kpi\": \"fcr\", \"op\": \">=\", \"target\": \"75%\"},\n  {\"kpi\": \"fcrr\", \"op\": \">=\", \"target\": 1},\n  {\"kpi\": \"fcr\", \"op\": \"=>\", \"target\": 1}\n]}\n", false,
			[]string{`rules-standards.json:3:3: unknown kpi "fcrr"; did you mean "fcr"?`, `rules-standards.json:4:3: unknown op "=>"`}},
		{"bom-calendar.json", "--calendar", withBOM("../../examples/support/calendar.json"), true, nil},
		{"syntax-standards.json", "--standards", "{\n  \"standards\": [\n    {\"name\": \"x\",}\n  ]\n}\n", false,
			[]string{"syntax-standards.json:3:18: "}},
		{"syntax-calendar.json", "--calendar", "{\n\"x\": 1,\n}", false, []string{"syntax-calendar.json:3:1: "}},
		{"type-standards.json", "--standards", "{\"standards\": [\n {\"name\": 3}\n]}", false,
			[]string{"type-standards.json:2:11: /standards/0/name: want a string, not a number"}},
		// Decoded as strictly as a checklist: every one of these was
		// accepted or reported without a position before.
		{"unknown-standards.json", "--standards", "{\"standards\": [\n {\"kpi\": \"fcr\", \"op\": \">=\", \"traget\": 0.75}\n]}", false,
			[]string{`unknown-standards.json:2:29: unknown field "traget" in /standards/0; did you mean "target"?`}},
		{"unknown-top-standards.json", "--standards", `{"standards": [], "owner": "x"}`, false,
			[]string{"unknown-top-standards.json:1:19: unknown field \"owner\" in the standards file\nhint: the fields here are $schema, name, standards\n"}},
		{"case-calendar.json", "--calendar", `{"Week": {"mon": ["09:00-17:00"]}}`, false,
			[]string{`case-calendar.json:1:2: unknown field "Week" in the calendar; did you mean "week"?`}},
		{"twice-calendar.json", "--calendar", "{\"week\": {\"mon\": [\"09:00-17:00\"]},\n \"week\": {}}", false,
			[]string{`twice-calendar.json:2:2: field "week" is given twice in the calendar`}},
		{"trailing-standards.json", "--standards", "{\"standards\": []}\n{\"standards\": []}\n", false,
			[]string{"trailing-standards.json:2:1: JSON syntax: invalid character '{' after top-level value"}},
		{"target-standards.json", "--standards", `{"standards": [{"kpi": "fcr", "op": ">=", "target": "most"}]}`, false,
			[]string{`target-standards.json:1:53: /standards/0/target: "most" is not a number, a duration like 2m or 24h, or a percentage like 75%`}},
		{"empty-standards.json", "--standards", "", false, []string{"empty-standards.json: the file is empty"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var err error
			if tc.flag == "--standards" {
				_, err = ReadStandards(tc.name, []byte(tc.text))
			} else {
				_, err = ReadCalendar(tc.name, []byte(tc.text))
			}
			if (err == nil) != tc.ok {
				t.Fatalf("error %v, want ok %v", err, tc.ok)
			}
			for _, w := range tc.want {
				if !strings.Contains(shown(err), w) {
					t.Errorf("error lacks %q:\n%v", w, shown(err))
				}
			}
			if err != nil && strings.Contains(shown(err), "Go struct") {
				t.Errorf("error names Go types:\n%v", err)
			}
		})
	}
}
