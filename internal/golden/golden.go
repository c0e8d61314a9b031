// Package golden compares what a test produced with a file committed
// beside it, or rewrites that file when the tests run with -update.
// To rewrite a package's files:
//
//	go test ./dsl -update   # then read the diff before committing
//
// Every package's golden tests use it, so the flag and the wording of a
// mismatch are the same everywhere, and two copies of the flag in one
// test binary cannot collide.
package golden

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files instead of comparing with them")

// Update reports whether the tests run with -update, for a test that
// writes a committed file other than through [Check].
func Update() bool { return *update }

// Check compares got with the file at path. Under -update it writes got
// to path instead, making its directory; a missing file is an error
// that says how to create it.
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -update creates it)", err)
	}
	if d := cmp.Diff(string(want), string(got)); d != "" {
		t.Errorf("%s differs (-want +got; if the change is meant, go test -update rewrites it):\n%s", path, d)
	}
}
