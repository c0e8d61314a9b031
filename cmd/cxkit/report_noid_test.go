package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"
)

// TestReportNoIDGolden: a critical failure or a comment of a sheet
// without an audit id (line 4: no id and no date; line 7: an id of
// spaces) or without a date (s-01) keeps reports.md's fields in the
// JSON, with the strings as the sheet has them, while text, HTML and
// Excel name where the sheet was read, the one way a manager can find
// it, and a dash for no date.
func TestReportNoIDGolden(t *testing.T) {
	const sheets = reportDir + "/noid.jsonl"
	html := filepath.Join(t.TempDir(), "noid.html")
	book := filepath.Join(t.TempDir(), "noid.xlsx")
	for _, tt := range []struct {
		golden string
		args   []string
	}{
		{"noid.txt", []string{reportChecklist, sheets, "--by", "location", "--html", html, "--xlsx", book}},
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
	for _, want := range []string{
		// the critical failure, then the comment, of each sheet
		`<td class="place"><bdi>без id, лист ` + sheets + `:4</bdi>`,
		`— · <bdi class="place">без id, лист ` + sheets + `:4</bdi></span><bdi>Кассир не поздоровался</bdi>`,
		`<td class="place"><bdi>без id, лист ` + sheets + `:7</bdi>`,
		`2026-11-07 · <bdi class="place">без id, лист ` + sheets + `:7</bdi></span><bdi>Всё чисто, кроме пола</bdi>`,
	} {
		if !strings.Contains(string(page), want) {
			t.Errorf("the HTML does not name the sheet without an id: no %s", want)
		}
	}

	f, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, tt := range []struct {
		sheet string
		want  [][]string
	}{
		{"Критичные нарушения", [][]string{
			{"группа", "аудит", "дата", "вопрос", "текст"},
			{"Центр", "без id, лист " + sheets + ":7", "2026-11-07", "floor", "Пол чистый"},
			{"Север", "s-01", "—", "floor", "Пол чистый"},
			{"Юг", "без id, лист " + sheets + ":4", "—", "floor", "Пол чистый"},
		}},
		{"Комментарии", [][]string{
			{"группа", "аудит", "дата", "вопрос", "текст"},
			{"Центр", "без id, лист " + sheets + ":7", "2026-11-07", "comment", "Всё чисто, кроме пола"},
			{"Север", "s-03", "2026-11-03", "comment", "Долго искали пакеты"},
			{"Юг", "без id, лист " + sheets + ":4", "—", "comment", "Кассир не поздоровался"},
		}},
	} {
		rows, err := f.GetRows(tt.sheet)
		if err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff(tt.want, rows); d != "" {
			t.Errorf("workbook sheet %q (-want +got):\n%s", tt.sheet, d)
		}
	}

	out, _, _ := runReportCmd(t, "", reportChecklist, sheets, "--by", "location", "--json")
	var rep struct {
		CriticalFailures []map[string]string `json:"critical_failures"`
		Groups           []struct {
			Comments []map[string]string `json:"comments"`
		} `json:"groups"`
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
	var comments []map[string]string
	for _, g := range rep.Groups {
		comments = append(comments, g.Comments...)
	}
	// reports.md's three fields and the date the aggregate has always
	// listed; "audit" is the id as the sheet has it, as in
	// critical_failures.
	wantComments := []map[string]string{
		{"audit": "  ", "date": "2026-11-07", "question": "comment", "text": "Всё чисто, кроме пола"},
		{"audit": "s-03", "date": "2026-11-03", "question": "comment", "text": "Долго искали пакеты"},
		{"audit": "", "date": "", "question": "comment", "text": "Кассир не поздоровался"},
	}
	if d := cmp.Diff(wantComments, comments); d != "" {
		t.Errorf("comments (-want +got):\n%s", d)
	}
}
