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
	if !strings.Contains(stderr, "-: 1 bad line;") {
		t.Errorf("stderr does not count 1 bad line:\n%s", stderr)
	}
}
