package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A --lang the checklist has no texts in leaves the texts in its own
// language (with a warning); the fixed labels stay in that language
// too, instead of switching to English around Russian texts.
func TestLabelsFollowShownLanguage(t *testing.T) {
	dir := t.TempDir()
	en := filepath.Join(dir, "en.korto")
	enVisit := filepath.Join(dir, "en.json")
	write := func(name, text string) {
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(en, "checklist corner \"Corner shop\" {\n  lang en\n  level 1 \"Basics\" {\n    question floor \"The floor is clean\"\n  }\n}\n")
	write(enVisit, `{"checklist": "corner", "answers": {"floor": "yes"}}`)

	tests := []struct {
		name string
		args []string
		want []string // lines the output starts with
	}{
		{"report, Russian checklist, --lang de",
			[]string{"report", reportChecklist, reportVisits, "--lang", "de"},
			[]string{"Отчёт по аудитам: Магазин у дома", "аудитов: 9", "среднее: "}},
		{"score, Russian checklist, --lang de",
			[]string{"score", "testdata/score/shop.korto", "testdata/score/visit.json", "--lang", "de"},
			[]string{"Магазин у дома", "Аудит", "Оценка:"}},
		{"report, English checklist, --lang ru",
			[]string{"report", en, enVisit, "--lang", "ru"},
			[]string{"Audit report: Corner shop", "audits: 1", "mean: "}},
		{"score, English checklist, --lang ru",
			[]string{"score", en, enVisit, "--lang", "ru"},
			[]string{"Corner shop (corner)", "Score:"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errs, code := runCmd(t, "", tt.args...)
			if code != exitOK || !strings.Contains(errs, "warning: the checklist has no") {
				t.Fatalf("exit %d, stderr:\n%s", code, errs)
			}
			checkLinesInOrder(t, out, tt.want)
		})
	}
}
