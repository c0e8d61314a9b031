package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// One invalid sheet is counted in the singular, in both languages.
func TestReportOneSkippedSheet(t *testing.T) {
	bad := filepath.Join(reportDir, "bad")
	for _, tt := range []struct{ lang, want string }{
		{"", "; 1 неверный лист пропущен (список в stderr)\n"},
		{"en", "; 1 invalid sheet skipped (listed on stderr)\n"},
	} {
		args := []string{reportChecklist, filepath.Join(bad, "s-01.json"), filepath.Join(bad, "s-04.json"), "--skip-invalid"}
		if tt.lang != "" {
			args = append(args, "--lang", tt.lang)
		}
		out, errs, code := runReportCmd(t, "", args...)
		if code != exitOK {
			t.Fatalf("exit %d: %s", code, errs)
		}
		if !strings.Contains(out, tt.want) {
			t.Errorf("--lang %q: no %q in\n%s", tt.lang, tt.want, out)
		}
	}
}

func TestScoreArgumentCount(t *testing.T) {
	_, errs, code := runCmd(t, "", "score", "testdata/score/shop.korto")
	if code != exitUsage || !strings.Contains(errs, "got 1 argument\n") {
		t.Errorf("exit %d, stderr:\n%s", code, errs)
	}
}
