package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestHTMLToDash: --html writes a page beside the report on stdout, so
// "--html -" cannot mean standard output; it is a usage error, and no
// file named "-" is left behind in the working directory.
func TestHTMLToDash(t *testing.T) {
	mall, err := filepath.Abs("../../examples/mall/mall.korto")
	if err != nil {
		t.Fatal(err)
	}
	visit := filepath.Join(filepath.Dir(mall), "visit-01.json")
	t.Chdir(t.TempDir())
	for _, args := range [][]string{
		{"score", mall, visit, "--html", "-"},
		{"report", mall, visit, "--html", "-"},
	} {
		stdout, stderr, code := runCmd(t, "", args...)
		if code != exitUsage || stdout != "" || !strings.Contains(stderr, "--html") {
			t.Errorf("%s: exit %d, stdout %d bytes, stderr %q; want 2, nothing, a word on --html", args[0], code, len(stdout), stderr)
		}
		if _, err := os.Stat("-"); err == nil {
			t.Errorf("%s: wrote a file named -", args[0])
			os.Remove("-")
		}
	}
}
