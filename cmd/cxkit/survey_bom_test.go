package main

import (
	"strings"
	"testing"
)

// TestSurveyBOM: a UTF-8 byte order mark (spreadsheets write one) is not
// part of the first cell: a quoted first header reads, and a file that
// holds nothing but the mark is an empty file.
func TestSurveyBOM(t *testing.T) {
	stdout, stderr, code := runCmd(t, "\ufeff\"nps\"\r\n9\r\n", "nps", "-")
	if code != exitOK || !strings.Contains(stdout, `column "nps"`) {
		t.Errorf("quoted header after a BOM: exit %d, stderr %q, stdout:\n%s", code, stderr, stdout)
	}
	_, stderr, code = runCmd(t, "\ufeff", "nps", "-")
	if code != exitInput || !strings.Contains(stderr, "empty file") {
		t.Errorf("a lone BOM: exit %d, stderr %q; want 1 and an empty file", code, stderr)
	}
}
