package main

import (
	"strings"
	"testing"
)

// TestReportByUnknownField: audit fields are open (any key of the sheet's
// audit object), so --by a field no audit has is not a usage error, but a
// league table of one row, the audits without the field ("(не указано)"
// in this Russian report), is almost always a typo, and the command says
// so on stderr; stdout is the report as before.
func TestReportByUnknownField(t *testing.T) {
	const mall, visits = "../../examples/mall/mall.korto", "../../examples/mall/visits.jsonl"
	stdout, stderr, code := runCmd(t, "", "report", mall, visits, "--by", "locaton")
	if code != exitOK || !strings.Contains(stdout, "  —  (не указано)  72 ") {
		t.Fatalf("exit %d, want 0 and a report with one group, (не указано); stderr:\n%s", code, stderr)
	}
	if !strings.Contains(stderr, `warning: no audit has the field "locaton"`) {
		t.Errorf("stderr does not warn of the field no audit has:\n%s", stderr)
	}
	_, stderr, _ = runCmd(t, "", "report", mall, visits, "--by", "location")
	if strings.Contains(stderr, "warning") {
		t.Errorf("--by location warns:\n%s", stderr)
	}
}
