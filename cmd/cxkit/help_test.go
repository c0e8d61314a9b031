package main

import (
	"flag"
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

// TestHelpFlagSpelling: help lists each flag as the usage line and the
// docs write it (--json, -o), and the usage line names every flag the
// command takes, so that what help shows is what a user may type.
func TestHelpFlagSpelling(t *testing.T) {
	for name, c := range commands {
		var b strings.Builder
		printCommandHelp(&b, c)
		fs := newFlagSet(c, &b)
		c.Flags(fs)
		fs.VisitAll(func(f *flag.Flag) {
			spelt := "--" + f.Name
			if len(f.Name) == 1 {
				spelt = "-" + f.Name
			}
			if !strings.Contains(b.String(), "\n  "+spelt) {
				t.Errorf("cxkit help %s does not list %s", name, spelt)
			}
			if f.Name != "stdio" && !strings.Contains(c.UsageLine, spelt) {
				t.Errorf("the usage line of %s does not name %s: %s", name, spelt, c.UsageLine)
			}
		})
	}
}
