package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runCmd runs cxkit in-process with args, feeding stdin, and returns what
// it wrote and its exit code.
func runCmd(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(&env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb}, args)
	return out.String(), errb.String(), code
}

func TestUnknownCommandSuggests(t *testing.T) {
	_, stderr, code := runCmd(t, "", "scroe")
	if code != exitUsage || !strings.Contains(stderr, `did you mean "score"?`) {
		t.Errorf("exit %d, stderr %q; want exit %d and a suggestion of score", code, stderr, exitUsage)
	}
}

// "cxkit help NAME" prints the command's summary, usage and flags on
// stdout, as the general help promises.
func TestHelpCommand(t *testing.T) {
	for name, c := range commands {
		t.Run(name, func(t *testing.T) {
			stdout, stderr, code := runCmd(t, "", "help", name)
			if code != exitOK || stderr != "" {
				t.Fatalf("exit %d, stderr %q", code, stderr)
			}
			want := c.Short + "\n\nusage: cxkit " + c.UsageLine + "\n"
			if !strings.HasPrefix(stdout, want) {
				t.Errorf("stdout starts %q, want %q", stdout[:min(len(stdout), len(want))], want)
			}
			if strings.Count(stdout, "\n  -") == 0 && name != "export" {
				t.Errorf("no flags listed:\n%s", stdout)
			}
		})
	}
	_, stderr, code := runCmd(t, "", "help", "scroe")
	if code != exitUsage || !strings.Contains(stderr, `did you mean "score"?`) {
		t.Errorf("help of an unknown command: exit %d, stderr %q", code, stderr)
	}
}

// writeTemp writes body to a file called name in a fresh temporary
// directory and returns its path.
func writeTemp(t *testing.T, name, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}
