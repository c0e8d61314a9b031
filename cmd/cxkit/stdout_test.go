package main

import (
	"errors"
	"os"
	"strings"
	"testing"
)

// failAfter accepts n bytes, then fails every write, as a disk that fills
// up does.
type failAfter struct{ n int }

var errDiskFull = errors.New("no space left on device")

func (w *failAfter) Write(p []byte) (int, error) {
	if len(p) <= w.n {
		w.n -= len(p)
		return len(p), nil
	}
	n := w.n
	w.n = 0
	return n, errDiskFull
}

// stdoutCommands are runs that succeed and print to standard output, in
// text and JSON.
var stdoutCommands = [][]string{
	{"fmt", "../../examples/mall/mall.korto"},
	{"check", "--json", "../../examples/mall/mall.korto"},
	{"export", "../../examples/mall/mall.korto"},
	{"schema", "../../examples/mall/mall.korto"},
	{"score", "testdata/report/shop.korto", "testdata/report/visits/" + firstVisit()},
	{"report", "testdata/report/shop.korto", "testdata/report/visits.jsonl"},
	{"nps", "testdata/survey/issue4.csv", "--column", "nps"},
	{"nps", "testdata/survey/issue4.csv", "--column", "nps", "--json"},
	{"csat", "testdata/survey/csat.csv"},
	{"support", "../../examples/support/tickets.jsonl"},
	{"support", "../../examples/support/tickets.jsonl", "--json"},
	{"help"},
}

func firstVisit() string {
	ents, err := os.ReadDir("testdata/report/visits")
	if err != nil || len(ents) == 0 {
		return "missing"
	}
	return ents[0].Name()
}

// Every command whose output cannot be written in full exits 1 and says
// so: a truncated report must not pass for a whole one.
func TestFailedStdoutWriteExits1(t *testing.T) {
	for _, args := range stdoutCommands {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			var whole strings.Builder
			if code := run(&env{stdin: strings.NewReader(""), stdout: &whole, stderr: &strings.Builder{}}, args); code != exitOK {
				t.Fatalf("the run itself fails: exit %d", code)
			}
			for _, n := range []int{0, whole.Len() / 2, whole.Len() - 1} {
				var errb strings.Builder
				code := run(&env{stdin: strings.NewReader(""), stdout: &failAfter{n: n}, stderr: &errb}, args)
				if code != exitInput || !strings.Contains(errb.String(), errDiskFull.Error()) {
					t.Errorf("output cut at %d of %d bytes: exit %d, stderr %q; want exit %d and the error",
						n, whole.Len(), code, errb.String(), exitInput)
				}
			}
		})
	}
}

// The same through a real file that is always full.
func TestDevFull(t *testing.T) {
	f, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	var errb strings.Builder
	code := run(&env{stdin: strings.NewReader(""), stdout: f, stderr: &errb}, []string{"fmt", "../../examples/mall/mall.korto"})
	if code != exitInput || !strings.Contains(errb.String(), "no space left") {
		t.Errorf("fmt > /dev/full: exit %d, stderr %q", code, errb.String())
	}
}
