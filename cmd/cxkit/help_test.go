package main

import (
	"strings"
	"testing"
)

// TestHelpHelp: "help" is listed among the commands, so "cxkit help help"
// explains it like any other command instead of calling it unknown.
func TestHelpHelp(t *testing.T) {
	stdout, stderr, code := runCmd(t, "", "help", "help")
	if code != exitOK || stderr != "" {
		t.Fatalf("exit %d, stderr %q; want 0 and nothing", code, stderr)
	}
	if !strings.Contains(stdout, "usage: cxkit <command>") {
		t.Errorf("stdout is not the help text:\n%s", stdout)
	}
}
