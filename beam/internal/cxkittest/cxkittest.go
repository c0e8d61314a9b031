// Package cxkittest runs the cxkit command of the working tree, for
// tests that hold the Beam pipelines to its output byte for byte.
package cxkittest

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

var (
	once   sync.Once
	dir    string
	bin    string
	errOut string
)

// Cleanup removes the cxkit built for the tests; TestMain calls it
// after the tests, so that runs do not pile binaries up in the
// temporary folder.
func Cleanup() {
	if dir != "" {
		os.RemoveAll(dir)
	}
}

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
	stdout, _ := Output(t, args...)
	return stdout
}

// Output runs cxkit with args and returns its standard output and
// standard error (warnings, sheets left out); it fails the test when
// cxkit fails.
func Output(t testing.TB, args ...string) (stdout, stderr string) {
	t.Helper()
	stdout, stderr, err := run(t, args)
	if err != nil {
		t.Fatalf("cxkit %s: %v\n%s", strings.Join(args, " "), err, stderr)
	}
	return stdout, stderr
}

// Fail runs cxkit with args, which must fail with exit code 1 (bad
// input), and returns what it printed on standard error.
func Fail(t testing.TB, args ...string) string {
	t.Helper()
	_, stderr, err := run(t, args)
	if code := exitCode(err); code != 1 {
		t.Fatalf("cxkit %s: exit code %d (%v), want 1\n%s", strings.Join(args, " "), code, err, stderr)
	}
	return stderr
}

// Exit runs cxkit with args and returns what it printed on standard
// error and its exit code.
func Exit(t testing.TB, args ...string) (stderr string, code int) {
	t.Helper()
	_, stderr, err := run(t, args)
	return stderr, exitCode(err)
}

func exitCode(err error) int {
	if err == nil {
		return 0
	}
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode()
	}
	return -1
}

func run(t testing.TB, args []string) (stdout, stderr string, err error) {
	t.Helper()
	once.Do(func() {
		var err error
		dir, err = os.MkdirTemp("", "cxkittest")
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
	var out, errBuf bytes.Buffer
	cmd := exec.Command(bin, args...)
	cmd.Stdout, cmd.Stderr = &out, &errBuf
	err = cmd.Run()
	return out.String(), errBuf.String(), err
}

// WriteTimedVisits writes n answer sheets into files JSON Lines files
// part-00.jsonl, part-01.jsonl, ... of dir: the mall's visits over and
// over with unique IDs and, from a fixed seed, the times forms record
// (audit fields "started" and "ended"): visits of 4 to 70 minutes, to
// the second or (as some forms write them) to the minute without a
// zone, and a few untimed or ending before they start. Every auditor
// has visits in several files.
func WriteTimedVisits(t testing.TB, dir string, n, files int) {
	t.Helper()
	b, err := os.ReadFile(Root("examples/mall/visits.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	rng := rand.New(rand.NewPCG(uint64(n), uint64(files)))
	outs := make([]strings.Builder, files)
	start := time.Date(2026, 7, 1, 9, 0, 0, 0, time.FixedZone("", 3*3600))
	for i := range n {
		line := strings.Replace(lines[i%len(lines)], `"id":"v-`, fmt.Sprintf(`"id":"t%06d-`, i), 1)
		s := start.Add(time.Duration(rng.IntN(90*24*3600)) * time.Second)
		d := time.Duration(4*60+rng.IntN(66*60)) * time.Second
		var times string
		switch rng.IntN(10) {
		case 0: // untimed
		case 1: // the end before the start: not timed
			times = fmt.Sprintf(`"started":%q,"ended":%q,`, s.Format(time.RFC3339), s.Add(-d).Format(time.RFC3339))
		case 2:
			const minutes = "2006-01-02T15:04"
			times = fmt.Sprintf(`"started":%q,"ended":%q,`, s.Format(minutes), s.Add(d).Format(minutes))
		default:
			times = fmt.Sprintf(`"started":%q,"ended":%q,`, s.Format(time.RFC3339), s.Add(d).Format(time.RFC3339))
		}
		line = strings.Replace(line, `"audit":{`, `"audit":{`+times, 1)
		o := &outs[rng.IntN(files)]
		o.WriteString(line)
		o.WriteByte('\n')
	}
	for i := range outs {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("part-%02d.jsonl", i)), []byte(outs[i].String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
