package main

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/korto"
)

// Every command that takes a checklist reads it through loadChecklist,
// so a JSON checklist is held to the same rules everywhere.
func TestLoadChecklistJSON(t *testing.T) {
	misspelt := writeTemp(t, "misspelt.json", `{"id":"x","title":{"text":"X"},"levels":[{"number":1,"title":{"text":"A"},"weigth":2,"items":[]}]}`)
	invalid := writeTemp(t, "invalid.json", `{"id":"x","title":{"text":"X"},"levels":[{"number":5,"title":{"text":"A"},"items":[]}]}`)
	const visit = "testdata/score/visit.json"
	tests := []struct {
		name       string
		args       []string
		wantStderr []string
	}{
		{"score, unknown field", []string{"score", misspelt, visit}, []string{"misspelt.json:1:75: unknown field \"weigth\" in /levels/0; did you mean \"weight\"?", "hint: the fields here are"}},
		{"schema, unknown field", []string{"schema", misspelt}, []string{`unknown field "weigth"`}},
		{"report, unknown field", []string{"report", misspelt, visit}, []string{`unknown field "weigth"`}},
		{"diff, unknown field", []string{"diff", misspelt, misspelt}, []string{`unknown field "weigth"`}},
		{"score, invalid", []string{"score", invalid, visit}, []string{"invalid.json:1:42: level 5 is outside 1..4 of model korto", "hint: "}},
		{"schema, invalid", []string{"schema", invalid}, []string{"invalid.json:1:42: level 5 is outside 1..4"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := runCmd(t, "", tt.args...)
			if code != exitInput || stdout != "" {
				t.Errorf("exit %d, stdout %q; want exit %d and no output", code, stdout, exitInput)
			}
			for _, w := range tt.wantStderr {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr lacks %q:\n%s", w, stderr)
				}
			}
		})
	}
}

func TestLangWarning(t *testing.T) {
	const mall, visit = "../../examples/mall/mall.korto", "../../examples/mall/visit-01.json"
	const knockout, knockoutVisit = "testdata/score/knockout.korto", "testdata/score/knockout-visit.json"
	tests := []struct {
		name string
		args []string
		want string // "" means no warning
	}{
		{"a translation", []string{"score", mall, visit, "--lang", "en"}, ""},
		{"a translation, in another case", []string{"score", mall, visit, "--lang", "EN"}, ""},
		{"the declared language", []string{"score", mall, visit, "--lang", "ru"}, ""},
		{"unknown, score", []string{"score", mall, visit, "--lang", "de"}, `cxkit score: warning: the checklist has no texts in "de" (it has ru, en); showing its default language`},
		{"unknown, schema", []string{"schema", mall, "--lang", "eng"}, `cxkit schema: warning: the checklist has no texts in "eng" (it has ru, en)`},
		{"unknown, report", []string{"report", mall, visit, "--lang", "kk"}, `cxkit report: warning: the checklist has no texts in "kk"`},
		{"no translations at all", []string{"score", knockout, knockoutVisit, "--lang", "en"}, "cxkit score: warning: the checklist has no translations; --lang en shows its own language"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := runCmd(t, "", tt.args...)
			if code != exitOK || stdout == "" {
				t.Fatalf("exit %d, stderr:\n%s", code, stderr)
			}
			got := strings.Contains(stderr, "warning: the checklist has no")
			if tt.want == "" && got {
				t.Errorf("unexpected warning:\n%s", stderr)
			}
			if tt.want != "" && !strings.Contains(stderr, tt.want) {
				t.Errorf("stderr lacks %q:\n%s", tt.want, stderr)
			}
		})
	}
}

// On standard input there is no extension: a checklist's JSON form is
// told from .korto source by its first character.
func TestLoadChecklistJSONFromStdin(t *testing.T) {
	const shop, visit = "testdata/score/shop.korto", "testdata/score/visit.json"
	js, _, code := runCmd(t, "", "export", shop)
	if code != exitOK {
		t.Fatalf("export: exit %d", code)
	}
	want, _, _ := runCmd(t, "", "score", shop, visit)
	for _, in := range []string{js, "\ufeff \n" + js} {
		got, stderr, code := runCmd(t, in, "score", "-", visit)
		if code != exitOK || got != want {
			t.Errorf("exit %d, stderr %q, output differs from the .korto file's: %v", code, stderr, got != want)
		}
	}
}

// An answer sheet given where the checklist goes, most often arguments
// swapped, is told as such instead of as a checklist with unknown fields,
// through diag.Render: the way to call the command is the hint.
func TestLoadChecklistAnswerSheet(t *testing.T) {
	const sheetFirst = ": this looks like an answer sheet, not a checklist\n"
	const visit, shop = "testdata/score/visit.json", "testdata/score/shop.korto"
	idOnly := writeTemp(t, "id-only.json", `{"checklist": "shop"}`)
	tests := []struct {
		name  string
		stdin string
		args  []string
		want  string
	}{
		{"score, swapped", "", []string{"score", visit, shop},
			visit + sheetFirst + "hint: the checklist comes first: cxkit score CHECKLIST SHEET\n"},
		{"score, a sheet without answers", "", []string{"score", idOnly, shop},
			idOnly + sheetFirst + "hint: the checklist comes first: cxkit score CHECKLIST SHEET\n"},
		{"score, the sheet on standard input", "@", []string{"score", "-", visit},
			"<stdin>" + sheetFirst + "hint: the checklist comes first: cxkit score CHECKLIST SHEET\n"},
		{"report, swapped", "", []string{"report", visit, shop},
			visit + sheetFirst + "hint: the checklist comes first: cxkit report CHECKLIST SHEETS...\n"},
		{"diff", "", []string{"diff", visit, shop},
			visit + sheetFirst + "hint: cxkit diff takes checklists\n"},
	}
	sheet, err := os.ReadFile(visit)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdin := tt.stdin
			if stdin == "@" {
				stdin = string(sheet)
			}
			_, stderr, code := runCmd(t, stdin, tt.args...)
			if code != exitInput || stderr != tt.want {
				t.Errorf("exit %d, stderr:\n%s\nwant exit %d, stderr:\n%s", code, stderr, exitInput, tt.want)
			}
		})
	}
}

// A problem found in a checklist after it passed Validate (by Compile, a
// schema or a form writer) prints as the checklist's own diagnostics do:
// its line of the source, a caret and the hint, placed in the file when
// the diagnostic has no file of its own. Valid checklists do not reach
// it from the command line, so it is called directly.
func TestChecklistErrorRenders(t *testing.T) {
	src := []byte("checklist shop \"Shop\"\n  level 1 \"Basics\" pass 80%\n")
	err := checklistError("shop.korto", src, korto.Diagnostics{{
		Pos:     korto.Pos{Line: 2, Column: 3},
		Code:    diag.CodeBadItem,
		Message: "checklist passed validation but cannot be compiled: level 1 has no questions",
		Hint:    "this is a bug in Checklist.Validate; please report it with the checklist",
	}})
	var stderr bytes.Buffer
	e := &env{stderr: &stderr, cmd: commands["score"]}
	e.report(err)
	want := `shop.korto:2:3: checklist passed validation but cannot be compiled: level 1 has no questions
   2 |   level 1 "Basics" pass 80%
     |   ^
hint: this is a bug in Checklist.Validate; please report it with the checklist
`
	if got := stderr.String(); got != want || e.code != exitInput {
		t.Errorf("exit %d, stderr:\n%s\nwant exit %d, stderr:\n%s", e.code, got, exitInput, want)
	}
}
