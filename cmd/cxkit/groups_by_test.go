package main

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestByGroupsOneRule: every command with --by forms its groups by one
// rule (internal/groups): the cell trimmed, so " Арбат 5" and
// "Арбат 5 " are one group; blank cells one group, "" in JSON and
// "(blank)" in text (the report's audits name it "(none)", as an audit
// may lack the field); and names that are one place typed two ways
// (reports.md: full case folding, spaces and punctuation removed)
// warned of on stderr, by every command, in the same words.
func TestByGroupsOneRule(t *testing.T) {
	cells := []string{" Арбат 5", "Арбат 5 ", "арбат, 5", "", "  ", "Straße", "STRASSE"}
	warnings := []string{
		`warning: groups "STRASSE" and "Straße" differ only in case, spaces or punctuation: one place typed two ways?`,
		`warning: groups "Арбат 5" and "арбат, 5" differ only in case, spaces or punctuation: one place typed two ways?`,
	}
	named := []string{"STRASSE", "Straße", "Арбат 5", "арбат, 5"}

	var survey, csi, visits strings.Builder
	survey.WriteString("store,nps\n")
	csi.WriteString("store,q1,q2\n")
	visits.WriteString("date,in,out,store\n")
	for i, c := range cells {
		q := `"` + c + `"`
		survey.WriteString(q + "," + []string{"10", "9", "3", "8", "0", "7", "10"}[i] + "\n")
		csi.WriteString(q + ",4,5\n")
		visits.WriteString("2026-12-01,10:00,10:05," + q + "\n")
	}
	dir := t.TempDir()
	write := func(name, s string) string {
		p := dir + "/" + name
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	sheets := mallSheetsAt(t, cells)

	for _, tc := range []struct {
		cmd   string
		args  []string
		blank string // the group of blank cells in JSON
		text  string // and in text
	}{
		{"nps", []string{write("s.csv", survey.String()), "--column", "nps"}, "", "(blank)"},
		{"csi", []string{write("c.csv", csi.String()), "--scale", "1..5"}, "", "(blank)"},
		{"retail", []string{write("r.csv", visits.String())}, "", "(blank)"},
		{"report", []string{"../../examples/mall/mall.korto", write("v.jsonl", sheets), "--min-n", "1"}, "(none)", "(не указано)"},
	} {
		t.Run(tc.cmd, func(t *testing.T) {
			args := append([]string{tc.cmd}, tc.args...)
			args = append(args, "--by", "store")
			if tc.cmd == "report" {
				args[len(args)-1] = "location"
			}
			stdout, stderr, code := runCmd(t, "", append(args, "--json")...)
			if code != exitOK {
				t.Fatalf("exit %d, stderr:\n%s", code, stderr)
			}
			var got []string
			for _, l := range strings.Split(strings.TrimSuffix(stderr, "\n"), "\n") {
				got = append(got, strings.TrimPrefix(l, "cxkit "+tc.cmd+": "))
			}
			if d := cmp.Diff(warnings, got); d != "" {
				t.Errorf("stderr (-want +got):\n%s", d)
			}
			var out struct {
				Groups []struct{ Group string }
			}
			if err := json.Unmarshal([]byte(stdout), &out); err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, g := range out.Groups {
				names = append(names, g.Group)
			}
			slices.Sort(names)
			want := slices.Sorted(slices.Values(append([]string{tc.blank}, named...)))
			if d := cmp.Diff(want, names); d != "" {
				t.Errorf("JSON groups (-want +got):\n%s", d)
			}
			stdout, _, _ = runCmd(t, "", args...)
			if !strings.Contains(stdout, tc.text) {
				t.Errorf("text output does not name the blank group %q:\n%s", tc.text, stdout)
			}
		})
	}
}

// mallSheetsAt returns the first len(locations) sheets of the mall
// example as JSON Lines, the i-th at location locations[i].
func mallSheetsAt(t *testing.T, locations []string) string {
	t.Helper()
	f, err := os.Open("../../examples/mall/visits.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b strings.Builder
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for i := 0; i < len(locations) && sc.Scan(); i++ {
		var sheet map[string]any
		if err := json.Unmarshal(sc.Bytes(), &sheet); err != nil {
			t.Fatal(err)
		}
		sheet["audit"].(map[string]any)["location"] = locations[i]
		line, err := json.Marshal(sheet)
		if err != nil {
			t.Fatal(err)
		}
		b.Write(append(line, '\n'))
	}
	return b.String()
}

// TestSupportByWarns: support's --by keys are the tickets' fields as
// they are (metrics/support's Groups says why), but a channel or agent
// typed two ways is warned of in the words of every other --by, and a
// ticket without the field is "(none)" in text, "" in JSON.
func TestSupportByWarns(t *testing.T) {
	const tickets = `{"id": "1", "channel": "Email", "priority": "normal", "created": "2026-11-02T10:00:00Z", "events": [{"at": "2026-11-02T10:05:00Z", "type": "reply", "agent": "anna"}]}
{"id": "2", "channel": " email ", "priority": "normal", "created": "2026-11-02T10:00:00Z", "events": [{"at": "2026-11-02T10:05:00Z", "type": "reply", "agent": "Anna"}]}
{"id": "3", "priority": "normal", "created": "2026-11-02T10:00:00Z", "events": [{"at": "2026-11-02T10:05:00Z", "type": "reply", "agent": "boris"}]}
`
	name := filepath.Join(t.TempDir(), "tickets.jsonl")
	if err := os.WriteFile(name, []byte(tickets), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ by, warning string }{
		{"channel", `cxkit support: warning: groups " email " and "Email" differ only in case, spaces or punctuation: one place typed two ways?`},
		{"agent", `cxkit support: warning: groups "Anna" and "anna" differ only in case, spaces or punctuation: one place typed two ways?`},
	} {
		stdout, stderr, code := runCmd(t, "", "support", name, "--by", tc.by, "--json")
		if code != exitOK || stderr != tc.warning+"\n" {
			t.Errorf("--by %s: exit %d, stderr:\n%s\nwant:\n%s", tc.by, code, stderr, tc.warning)
		}
		var out struct{ Groups []struct{ Key string } }
		if err := json.Unmarshal([]byte(stdout), &out); err != nil {
			t.Fatal(err)
		}
		if tc.by == "channel" {
			var keys []string
			for _, g := range out.Groups {
				keys = append(keys, g.Key)
			}
			if d := cmp.Diff([]string{"", " email ", "Email"}, keys); d != "" {
				t.Errorf("JSON keys (-want +got):\n%s", d)
			}
			stdout, _, _ = runCmd(t, "", "support", name, "--by", tc.by)
			if !strings.Contains(stdout, "\n  (none) ") {
				t.Errorf("text does not name the ticket without a channel (none):\n%s", stdout)
			}
		}
	}
}
