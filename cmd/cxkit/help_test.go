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

// TestCommandHelpOnStdout: cli.md gives --help no stream of its own, so
// a command's --help (and -h) behaves like "cxkit --help" and "cxkit
// help NAME": the usage on standard output, nothing on standard error,
// exit 0. A wrong flag still prints the problem and usage on standard
// error with exit 2.
func TestCommandHelpOnStdout(t *testing.T) {
	for _, arg := range []string{"--help", "-h", "-help"} {
		stdout, stderr, code := runCmd(t, "", "report", arg)
		if code != exitOK || stderr != "" {
			t.Errorf("report %s: exit %d, stderr %q; want 0 and nothing", arg, code, stderr)
		}
		if !strings.Contains(stdout, "usage: cxkit report") || !strings.Contains(stdout, "-period") {
			t.Errorf("report %s: stdout is not the usage:\n%s", arg, stdout)
		}
	}
	stdout, stderr, code := runCmd(t, "", "report", "--bogus")
	if code != exitUsage || stdout != "" || !strings.Contains(stderr, "flag provided but not defined: -bogus") || !strings.Contains(stderr, "usage: cxkit report") {
		t.Errorf("report --bogus: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}
