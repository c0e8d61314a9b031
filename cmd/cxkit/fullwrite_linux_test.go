package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// runLimited runs cxkit args in a child process whose files may not grow
// past limit bytes (RLIMIT_FSIZE): writes past it fail with EFBIG, as
// they fail with ENOSPC on a full disk. The Go runtime ignores SIGXFSZ,
// so the write returns the error instead of killing the process.
func runLimited(t *testing.T, limit int, args ...string) (stderr string, code int) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestLimitedChild$")
	cmd.Env = append(os.Environ(),
		"CXKIT_TEST_FSIZE="+strconv.Itoa(limit),
		"CXKIT_TEST_ARGS="+strings.Join(args, "\x1f"))
	var errb strings.Builder
	cmd.Stderr = &errb
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		return errb.String(), ee.ExitCode()
	}
	if err != nil {
		t.Fatal(err)
	}
	return errb.String(), 0
}

// TestLimitedChild is the child of runLimited; alone it does nothing.
func TestLimitedChild(t *testing.T) {
	limit := os.Getenv("CXKIT_TEST_FSIZE")
	if limit == "" {
		t.Skip("the child process of runLimited")
	}
	n, err := strconv.ParseUint(limit, 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &syscall.Rlimit{Cur: n, Max: n}); err != nil {
		t.Fatal(err)
	}
	args := strings.Split(os.Getenv("CXKIT_TEST_ARGS"), "\x1f")
	os.Exit(run(&env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr}, args))
}

// fmt -w on a full disk must leave the checklist as it was: the old
// os.WriteFile emptied it first and cut it at the limit.
func TestFmtWriteFullDiskKeepsFile(t *testing.T) {
	var src strings.Builder
	src.WriteString("checklist m \"M\" {\nlevel 1 \"L\" {\n")
	for i := range 200 {
		src.WriteString("question q" + strconv.Itoa(i) + " \"Question\"   weight 2\n")
	}
	src.WriteString("}\n}\n")
	name := filepath.Join(t.TempDir(), "big.korto")
	if err := os.WriteFile(name, []byte(src.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	stderr, code := runLimited(t, src.Len()/2, "fmt", "-w", name)
	if code != exitInput {
		t.Errorf("exit %d, want %d; stderr:\n%s", code, exitInput, stderr)
	}
	got, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != src.String() {
		t.Errorf("the checklist changed on a failed write: %d bytes left of %d", len(got), src.Len())
	}
	ents, _ := os.ReadDir(filepath.Dir(name))
	if len(ents) != 1 {
		t.Errorf("left %d files in the folder, want the checklist alone", len(ents))
	}
}
