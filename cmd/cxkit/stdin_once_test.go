package main

import (
	"strings"
	"testing"
)

// TestStdinReadOnce: standard input exists once, so a command line that
// names "-" for two inputs is a usage error (exit 2) that says so, on
// every command, instead of a second reader seeing an empty file and
// blaming the input (exit 1), or the same sheets being read twice.
func TestStdinReadOnce(t *testing.T) {
	const mall = "../../examples/mall/mall.korto"
	const tickets = "../../examples/support/tickets.jsonl"
	for _, args := range [][]string{
		{"check", "-", "-"},
		{"check", "-", mall, "-"},
		{"fmt", "-", "-"},
		{"fmt", "-d", "-", "-"},
		{"diff", "-", "-"},
		{"score", "-", "-"},
		{"report", "-", "-"},
		{"report", mall, "-", "-"},
		{"nps", "-", "--compare", "-"},
		{"csat", "-", "--compare", "-"},
		{"ces", "-", "--compare", "-", "--scale", "1..7", "--good", "high"},
		{"emotion", "-", "--compare", "-"},
		{"support", "-", "--standards", "-"},
		{"support", "-", "--calendar", "-"},
		{"support", "-", "--agent-time", "-"},
		{"support", "-", "--survey", "-"},
		{"support", tickets, "--calendar", "-", "--survey", "-"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			stdout, stderr, code := runCmd(t, "", args...)
			if code != exitUsage {
				t.Errorf("exit %d, want %d (usage); stderr:\n%s", code, exitUsage, stderr)
			}
			if stdout != "" {
				t.Errorf("stdout %q, want nothing", stdout)
			}
			if !strings.Contains(stderr, "standard input") {
				t.Errorf("stderr does not say standard input is given twice:\n%s", stderr)
			}
		})
	}
}
