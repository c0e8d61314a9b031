package main

import (
	"bytes"
	"os"
	"testing"
)

// The program prints byte for byte what cxkit nps --json prints: the
// command's test keeps that output as a golden file, of the command run
// in cmd/cxkit on ../../examples/survey/q4.csv, which names the same
// file from here.
func TestSameAsCommand(t *testing.T) {
	want, err := os.ReadFile("../../cmd/cxkit/testdata/survey/q4_weighted.json")
	if err != nil {
		t.Fatal(err)
	}
	var got bytes.Buffer
	if err := run(&got, "../../examples/survey/q4.csv"); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want) {
		t.Errorf("the program's JSON differs from cxkit nps --json (cmd/cxkit/testdata/survey/q4_weighted.json)")
	}
}
