package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A syntax error in an answer sheet reads file:line:col: message, as
// checklist diagnostics do, in score and in report, for a sheet file, a
// line of JSON Lines and indented sheets on standard input; the other
// problems keep "file: /answers/x: ...".
func TestSheetSyntaxErrorFormat(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		t.Helper()
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	const checklist = "testdata/score/shop.korto"
	comma := write("comma.json", "{\n  \"checklist\": \"shop\",\n  \"answers\": {\n    \"floor\": \"yes\",\n  }\n}\n")
	lines := write("visits.jsonl", `{"checklist": "shop", "answers": {"floor": "yes"}}`+"\n"+
		`{"checklist": "shop", "answers": {"floor": “yes”}}`+"\n")
	tests := []struct {
		name, stdin string
		args        []string
		want        []string
	}{
		{"score", "", []string{"score", checklist, comma},
			[]string{comma + `:4:19: remove the comma after the last answer`}},
		{"report, a sheet file", "", []string{"report", checklist, comma},
			[]string{comma + `:4:19: remove the comma after the last answer`}},
		{"report, JSON Lines", "", []string{"report", checklist, lines},
			[]string{lines + `:2:44: question "floor": “ is a typographic quote: JSON needs straight quotes "..."`}},
		{"report, sheets on standard input", "{\"checklist\": \"shop\",\n \"answers\": {}}\n{\"checklist\": \"shop\",\n \"answers\": {\"floor\": yes}}\n",
			[]string{"report", checklist, "-"},
			[]string{`<stdin>:4:23: question "floor": yes is not in quotes: write "yes"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, stderr, code := runCmd(t, tt.stdin, tt.args...)
			if code != exitInput {
				t.Errorf("exit %d, want %d", code, exitInput)
			}
			var got []string
			for _, l := range strings.Split(stderr, "\n") {
				if strings.HasPrefix(l, comma) || strings.HasPrefix(l, lines) || strings.HasPrefix(l, "<stdin>:") {
					got = append(got, l)
				}
			}
			if len(got) > len(tt.want) {
				got = got[len(got)-len(tt.want):] // after the first sheet's "no answer"s
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("stderr (-want +got):\n%s\nall of it:\n%s", diff, stderr)
			}
		})
	}
}

// score shows the line of a syntax error with a caret under the mistake,
// as it does for the checklist's errors.
func TestScoreSheetSyntaxCaret(t *testing.T) {
	sheet := "{\n  \"checklist\": \"shop\",\n  \"answers\": {\"floor\": “yes”}\n}\n"
	_, stderr, code := runCmd(t, sheet, "score", "testdata/score/shop.korto", "-")
	want := `<stdin>:3:24: question "floor": “ is a typographic quote: JSON needs straight quotes "..."
   3 |   "answers": {"floor": “yes”}
     |                        ^
`
	if code != exitInput || stderr != want {
		t.Errorf("exit %d, stderr:\n%s\nwant exit %d, stderr:\n%s", code, stderr, exitInput, want)
	}
}

// unknownKeysSheet is a sheet of shop.korto with n answers to questions
// the checklist does not have.
func unknownKeysSheet(n int) string {
	var b strings.Builder
	b.WriteString(`{"checklist": "shop", "answers": {`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `"k%d": 1`, i)
	}
	b.WriteString("}}")
	return b.String()
}

// A sheet with thousands of problems lists the first hundred and counts
// the rest, in score and in report.
func TestManyProblemsListedBounded(t *testing.T) {
	sheet := unknownKeysSheet(3000)
	for _, args := range [][]string{
		{"score", "testdata/report/shop.korto", "-"},
		{"report", "testdata/report/shop.korto", "-"},
	} {
		_, stderr, code := runCmd(t, sheet, args...)
		if code != exitInput {
			t.Errorf("%s: exit %d, want %d", args[0], code, exitInput)
		}
		lines := strings.Count(stderr, "\n")
		if lines > maxListedProblems+3 {
			t.Errorf("%s: %d lines on stderr, want at most %d problems and a count", args[0], lines, maxListedProblems)
		}
		if !strings.Contains(stderr, "more problems (only the first 100 are listed)") {
			t.Errorf("%s: no count of the problems left out:\n%s", args[0], stderr[max(0, len(stderr)-400):])
		}
	}
}
