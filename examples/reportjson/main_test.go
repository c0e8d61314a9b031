package main

import (
	"bytes"
	"os"
	"testing"
)

// The program prints byte for byte what cxkit report --json prints: the
// command's test keeps that output as a golden file.
func TestSameAsCommand(t *testing.T) {
	want, err := os.ReadFile("../../cmd/cxkit/testdata/report/mall.json")
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir("../..")
	var got bytes.Buffer
	if err := run(&got); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want) {
		t.Errorf("the program's JSON differs from cxkit report --json (cmd/cxkit/testdata/report/mall.json)")
	}
}
