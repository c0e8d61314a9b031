// Package cxkittest runs the cxkit command of the working tree, for
// tests that hold the Beam pipelines to its output byte for byte.
package cxkittest

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
)

var (
	once   sync.Once
	bin    string
	errOut string
)

// root is the cxkit module's directory: two levels up from this file.
func root() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "..")
}

// Root returns the path of a file of the cxkit module, such as
// "examples/survey/q4.csv".
func Root(rel string) string { return filepath.Join(root(), rel) }

// Run runs cxkit with args and returns its standard output; it fails
// the test when cxkit fails. The command is built once per process.
func Run(t testing.TB, args ...string) string {
	t.Helper()
	once.Do(func() {
		dir, err := os.MkdirTemp("", "cxkittest")
		if err != nil {
			errOut = err.Error()
			return
		}
		bin = filepath.Join(dir, "cxkit")
		cmd := exec.Command("go", "build", "-o", bin, "./cmd/cxkit")
		cmd.Dir = root()
		if out, err := cmd.CombinedOutput(); err != nil {
			errOut = err.Error() + "\n" + string(out)
		}
	})
	if errOut != "" {
		t.Fatalf("building cxkit: %s", errOut)
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(bin, args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("cxkit %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return stdout.String()
}
