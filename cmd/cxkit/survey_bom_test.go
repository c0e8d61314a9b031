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

// TestSurveyUTF16: a CSV saved as UTF-16 (Excel's "Unicode text") gets
// one message saying how to save it, with or without its byte order
// mark, not cells garbled by NULs.
func TestSurveyUTF16(t *testing.T) {
	le := func(s string) string {
		var b strings.Builder
		for _, r := range s {
			b.WriteByte(byte(r))
			b.WriteByte(0)
		}
		return b.String()
	}
	for name, in := range map[string]string{
		"bom":    "\xff\xfe" + le("nps\r\n9\r\n10\r\n"),
		"no bom": le("nps\r\n9\r\n10\r\n"),
	} {
		_, stderr, code := runCmd(t, in, "nps", "-")
		if code != exitInput || !strings.Contains(stderr, "UTF-16") || !strings.Contains(stderr, "CSV UTF-8") {
			t.Errorf("%s: exit %d, stderr %q; want 1 and how to save as UTF-8", name, code, stderr)
		}
	}
}
