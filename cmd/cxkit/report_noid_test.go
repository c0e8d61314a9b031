package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestReportNoIDGolden: a critical failure of a sheet without an audit
// id (line 4: no id and no date; line 7: an id of spaces) or without a
// date (s-01) keeps reports.md's fields in the JSON, with the strings
// as the sheet has them, while text and HTML name where the sheet was
// read, the one way a manager can find it, and a dash for no date.
func TestReportNoIDGolden(t *testing.T) {
	const sheets = reportDir + "/noid.jsonl"
	html := filepath.Join(t.TempDir(), "noid.html")
	for _, tt := range []struct {
		golden string
		args   []string
	}{
		{"noid.txt", []string{reportChecklist, sheets, "--by", "location", "--html", html}},
		{"noid-en.txt", []string{reportChecklist, sheets, "--lang", "en", "--workers", "2"}},
		{"noid.json", []string{reportChecklist, sheets, "--by", "location", "--json"}},
	} {
		t.Run(tt.golden, func(t *testing.T) {
			out, errs, code := runReportCmd(t, "", tt.args...)
			if code != exitOK || errs != "" {
				t.Fatalf("exit %d, stderr:\n%s", code, errs)
			}
			reportGolden(t, tt.golden, []byte(out))
		})
	}
	page, err := os.ReadFile(html)
	if err != nil {
		t.Fatal(err)
	}
	reportGolden(t, "noid.html", page)
	if !strings.Contains(string(page), "без id, лист "+sheets+":4") {
		t.Errorf("the HTML does not name the sheet without an id")
	}

	out, _, _ := runReportCmd(t, "", reportChecklist, sheets, "--by", "location", "--json")
	var rep struct {
		CriticalFailures []map[string]string `json:"critical_failures"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	want := []map[string]string{
		{"group": "Центр", "audit": "  ", "date": "2026-11-07", "question": "floor", "title": "Пол чистый"},
		{"group": "Север", "audit": "s-01", "date": "", "question": "floor", "title": "Пол чистый"},
		{"group": "Юг", "audit": "", "date": "", "question": "floor", "title": "Пол чистый"},
	}
	if d := cmp.Diff(want, rep.CriticalFailures); d != "" {
		t.Errorf("critical_failures: reports.md's fields and no other (-want +got):\n%s", d)
	}
}
