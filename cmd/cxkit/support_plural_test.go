package main

import (
	"strings"
	"testing"
)

// TestSupportOneBadLine: the count of bad lines agrees in number, as every
// other count in the command's output does.
func TestSupportOneBadLine(t *testing.T) {
	_, stderr, code := runCmd(t, "not json\n", "support", "-")
	if code != exitInput {
		t.Fatalf("exit %d, want %d; stderr:\n%s", code, exitInput, stderr)
	}
	if !strings.Contains(stderr, "<stdin>: 1 bad line;") {
		t.Errorf("stderr does not count 1 bad line:\n%s", stderr)
	}
}

// TestSupportNoTickets: an empty tickets file is a valid stream of no
// tickets (exit 0, every KPI without data), but the command says so on
// stderr, since an empty export is more often a mistake than a quiet day.
func TestSupportNoTickets(t *testing.T) {
	for _, args := range [][]string{{"support", "-"}, {"support", "-", "--json"}} {
		stdout, stderr, code := runCmd(t, "", args...)
		if code != exitOK || stdout == "" {
			t.Errorf("%q: exit %d, stdout %d bytes; want 0 and a report", args, code, len(stdout))
		}
		if !strings.Contains(stderr, "warning: -: no tickets") {
			t.Errorf("%q: stderr does not warn of no tickets:\n%s", args, stderr)
		}
	}
}
