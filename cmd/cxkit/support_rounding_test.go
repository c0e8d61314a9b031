package main

import (
	"os"
	"strings"
	"testing"
)

// A value that fails its standard by less than the printed unit shows
// the unit that makes the difference (issue 17): an e-mail answered in
// 1d 00h 30m against "<= 1d 00h" must not print as 1d 00h.
func TestSupportStandardShowsTheDifference(t *testing.T) {
	tickets := `{"id": "E1", "channel": "email", "created": "2026-11-02T10:00:00Z", "events": [{"at": "2026-11-03T10:30:00Z", "type": "reply", "agent": "anna"}, {"at": "2026-11-03T11:00:00Z", "type": "solved"}]}` + "\n"
	standards := `{"standards": [
	  {"kpi": "first_response", "channels": ["email"], "op": "<=", "target": "24h"},
	  {"kpi": "fcr", "op": ">=", "target": 0.75}
	]}`
	dir := t.TempDir()
	if err := os.WriteFile(dir+"/s.json", []byte(standards), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, code := runCmd(t, tickets, "support", "-", "--standards", dir+"/s.json")
	if code != exitOK {
		t.Fatalf("exit %d\n%s", code, errs)
	}
	for _, want := range []string{"<= 1d 00h 00m", "1d 00h 30m", "FAILED by 30m 00s"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}
