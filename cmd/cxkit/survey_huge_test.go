package main

import (
	"strings"
	"testing"
)

// TestSurveyHugeHeader: a CSV whose header is one enormous cell, or
// thousands of cells, still gets a message a person can read: column
// names are cut short and the list of columns is capped.
func TestSurveyHugeHeader(t *testing.T) {
	for name, csv := range map[string]string{
		"long name":    strings.Repeat("a", 1<<20) + "\n",
		"many columns": strings.Repeat("col,", 5000) + "x\n",
		"long answer":  "nps\n" + strings.Repeat("9", 1<<20) + "\n",
	} {
		t.Run(name, func(t *testing.T) {
			stdout, stderr, code := runCmd(t, csv, "nps", "-")
			if code == exitOK {
				t.Fatalf("exit 0, want a failure; stdout:\n%.200s", stdout)
			}
			if len(stderr) > 2000 {
				t.Errorf("stderr is %d bytes, want a short message:\n%.300s…", len(stderr), stderr)
			}
		})
	}
}
