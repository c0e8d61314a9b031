package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

func TestPluralRu(t *testing.T) {
	forms := [3]string{"лист", "листа", "листов"}
	want := map[int]string{
		0: "листов", 1: "лист", 2: "листа", 4: "листа", 5: "листов", 10: "листов",
		11: "листов", 12: "листов", 14: "листов", 15: "листов", 21: "лист", 22: "листа",
		25: "листов", 101: "лист", 111: "листов", 112: "листов", 122: "листа", 1001: "лист",
	}
	for n, w := range want {
		if got := countIn("ru", n, forms); got != fmt.Sprintf("%d %s", n, w) {
			t.Errorf("countIn(ru, %d) = %q, want %d %s", n, got, n, w)
		}
	}
	if got := countIn("en", 1, [3]string{"sheet", "", "sheets"}); got != "1 sheet" {
		t.Errorf("countIn(en, 1) = %q", got)
	}
	if got := countIn("en", 21, [3]string{"sheet", "", "sheets"}); got != "21 sheets" {
		t.Errorf("countIn(en, 21) = %q", got)
	}
}

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
