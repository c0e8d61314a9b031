package main

import (
	"bytes"
	"os"
	"testing"
)

// The program prints byte for byte what cxkit support --json prints: the
// command's test keeps that output as a golden file.
func TestSameAsCommand(t *testing.T) {
	want, err := os.ReadFile("../../cmd/cxkit/testdata/support/example.json")
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir("../..")
	var got bytes.Buffer
	if err := run(&got); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want) {
		t.Errorf("the program's JSON differs from cxkit support --json (cmd/cxkit/testdata/support/example.json)")
	}
}
