package dsl

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// golden compares got with the file name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(name, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(name)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (run go test -update to accept)\n--- got:\n%s\n--- want:\n%s", name, got, want)
	}
}

// TestErrorsGolden parses every malformed file under testdata/errors and
// compares the rendered diagnostics with its .golden file. Each file
// shows one mistake a user can make, so the golden files are also the
// catalogue of messages.
func TestErrorsGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/errors/*.korto")
	if err != nil || len(files) == 0 {
		t.Fatalf("no test files: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".korto"), func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			c, diags := ParseWithDiagnostics(filepath.Base(file), src)
			if len(diags) == 0 {
				t.Fatalf("no diagnostics for %s", file)
			}
			if diags.HasErrors() != (c == nil || diags.HasErrors()) {
				t.Errorf("checklist returned with errors")
			}
			var out bytes.Buffer
			if err := Render(&out, diags, src); err != nil {
				t.Fatal(err)
			}
			golden(t, strings.TrimSuffix(file, ".korto")+".golden", out.Bytes())
		})
	}
}
