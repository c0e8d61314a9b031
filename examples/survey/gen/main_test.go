package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestCommittedExportsAreCurrent regenerates the example exports and
// compares them with the committed ones, so the README's numbers never
// drift from the generator.
func TestCommittedExportsAreCurrent(t *testing.T) {
	dir := t.TempDir()
	for q, name := range []string{"q3.csv", "q4.csv"} {
		path := filepath.Join(dir, name)
		if err := write(path, q); err != nil {
			t.Fatal(err)
		}
		got, _ := os.ReadFile(path)
		want, err := os.ReadFile(filepath.Join("..", name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from the generator's output: run go run ./examples/survey/gen examples/survey", name)
		}
	}
}
