package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cxkit/cxkit/dsl"
	"github.com/cxkit/cxkit/internal/golden"
	"github.com/cxkit/cxkit/korto"
	"github.com/google/go-cmp/cmp"
)

// scoreGolden compares got with testdata/score/name.
func scoreGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	golden.Check(t, filepath.Join("testdata", "score", name), got)
}

func runScoreCmd(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	return runCmd(t, stdin, append([]string{"score"}, args...)...)
}

func TestScoreGolden(t *testing.T) {
	const shop, visit = "testdata/score/shop.korto", "testdata/score/visit.json"
	for _, tt := range []struct {
		golden string
		args   []string
	}{
		{"visit.txt", []string{shop, visit}},
		{"visit-en.txt", []string{shop, visit, "--lang", "en"}},
		{"visit.out.json", []string{shop, visit, "--json"}},
		{"knockout.txt", []string{"testdata/score/knockout.korto", "testdata/score/knockout-visit.json"}},
		{"knockout.out.json", []string{"testdata/score/knockout.korto", "testdata/score/knockout-visit.json", "--json"}},
		// Level 1 has nothing applicable: the report says why nothing is reached.
		{"na-level.txt", []string{"testdata/score/na-level.korto", "testdata/score/na-level-visit.json"}},
		// Score bands: the visit's grade beside its score.
		{"bands.txt", []string{"../../examples/salesfloor/salesfloor.korto", "../../examples/salesfloor/visit-01.json"}},
		{"bands-en.txt", []string{"../../examples/salesfloor/salesfloor.korto", "../../examples/salesfloor/visit-01.json", "--lang", "en"}},
		{"bands.out.json", []string{"../../examples/salesfloor/salesfloor.korto", "../../examples/salesfloor/visit-01.json", "--json"}},
	} {
		t.Run(tt.golden, func(t *testing.T) {
			out, errs, code := runScoreCmd(t, "", tt.args...)
			if code != exitOK || errs != "" {
				t.Fatalf("exit %d, stderr:\n%s", code, errs)
			}
			scoreGolden(t, tt.golden, []byte(out))
		})
	}
}

// TestScoreJSONFields checks the fields the command spec promises.
func TestScoreJSONFields(t *testing.T) {
	out, _, code := runScoreCmd(t, "", "testdata/score/shop.korto", "testdata/score/visit.json", "--json")
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	var r korto.Result
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	if r.Checklist != "shop" || r.Score == nil || r.ReachedName.Text != "ниже основы" || len(r.Levels) != 3 {
		t.Errorf("unexpected result: %+v", r)
	}
	var raw map[string]any
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"checklist", "score", "reached", "reached_name", "levels"} {
		if _, ok := raw[k]; !ok {
			t.Errorf("no %q in the JSON", k)
		}
	}
	l := raw["levels"].([]any)[0].(map[string]any)
	for _, k := range []string{"level", "title", "score", "pass", "passed", "gated", "critical_failed", "sections"} {
		if _, ok := l[k]; !ok {
			t.Errorf("no %q in a level", k)
		}
	}
	s := l["sections"].([]any)[0].(map[string]any)
	for _, k := range []string{"id", "score", "sections", "questions"} {
		if _, ok := s[k]; !ok {
			t.Errorf("no %q in a section", k)
		}
	}
	q := s["questions"].([]any)[0].(map[string]any)
	for _, k := range []string{"id", "applicable", "value", "weight"} {
		if _, ok := q[k]; !ok {
			t.Errorf("no %q in a question", k)
		}
	}
}

func TestScoreHTML(t *testing.T) {
	out := filepath.Join(t.TempDir(), "visit.html")
	stdout, errs, code := runScoreCmd(t, "", "testdata/score/shop.korto", "testdata/score/visit.json", "--html", out)
	if code != exitOK || errs != "" {
		t.Fatalf("exit %d, stderr:\n%s", code, errs)
	}
	if stdout == "" {
		t.Error("--html printed no text report")
	}
	page, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	// Self-contained: no scripts, nothing loaded from elsewhere.
	for _, bad := range []string{"<script", "src=", "href=", "@import", "url(http"} {
		if bytes.Contains(page, []byte(bad)) {
			t.Errorf("the page contains %q", bad)
		}
	}
	for _, want := range []string{"<svg", "Основа и стандарт", "65.7%", "не засчитан", "Полки без пыли"} {
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("the page lacks %q", want)
		}
	}
	scoreGolden(t, "visit.html", page)
}

func TestScoreBadSheet(t *testing.T) {
	out, errs, code := runScoreCmd(t, "", "testdata/score/shop.korto", "testdata/score/bad.json")
	if code != exitInput {
		t.Errorf("exit %d, want %d", code, exitInput)
	}
	if out != "" {
		t.Errorf("printed a score for a bad sheet:\n%s", out)
	}
	scoreGolden(t, "bad.stderr", []byte(errs))
}

func TestScoreStdinAndUsage(t *testing.T) {
	sheet, err := os.ReadFile("testdata/score/visit.json")
	if err != nil {
		t.Fatal(err)
	}
	out, _, code := runScoreCmd(t, string(sheet), "testdata/score/shop.korto", "-")
	want, _, _ := runScoreCmd(t, "", "testdata/score/shop.korto", "testdata/score/visit.json")
	if code != exitOK || out != want {
		t.Errorf("reading the sheet from stdin: exit %d, output differs: %v", code, out != want)
	}
	for _, args := range [][]string{
		{},
		{"testdata/score/shop.korto"},
		{"a", "b", "c"},
		{"-", "-"},
		{"testdata/score/shop.korto", "testdata/score/visit.json", "--bogus"},
	} {
		if _, _, code := runScoreCmd(t, "", args...); code != exitUsage {
			t.Errorf("score %q: exit %d, want %d", args, code, exitUsage)
		}
	}
	// A bad sheet on stdin is named as report and check name stdin.
	bad, err := os.ReadFile("testdata/score/bad.json")
	if err != nil {
		t.Fatal(err)
	}
	if _, errs, code := runScoreCmd(t, string(bad), "testdata/score/shop.korto", "-"); code != exitInput || !strings.HasPrefix(errs, "<stdin>: ") || strings.Contains(errs, "\n-: ") {
		t.Errorf("bad sheet on stdin: exit %d, stderr %q; want exit 1 and problems placed at <stdin>", code, errs)
	}
	if _, errs, code := runScoreCmd(t, "", "testdata/score/nope.korto", "testdata/score/visit.json"); code != exitInput || errs == "" {
		t.Errorf("missing checklist: exit %d, stderr %q", code, errs)
	}
	if _, errs, code := runScoreCmd(t, "", "testdata/score/knockout.korto", "testdata/score/visit.json"); code != exitInput ||
		!strings.Contains(errs, `/checklist: the sheet answers checklist "shop", not "till"`) {
		t.Errorf("sheet of another checklist: exit %d, stderr:\n%s", code, errs)
	}
}

// TestScoreMallExample runs the README's main job when the example is
// there.
func TestScoreMallExample(t *testing.T) {
	const c, s = "../../examples/mall/mall.korto", "../../examples/mall/visit-01.json"
	if _, err := os.Stat(s); err != nil {
		t.Skip("examples/mall not present")
	}
	out, errs, code := runScoreCmd(t, "", c, s)
	if code != exitOK {
		t.Fatalf("exit %d, stderr:\n%s", code, errs)
	}
	if !strings.Contains(out, "Достигнут") {
		t.Errorf("no reached level in:\n%s", out)
	}
}

// TestScoreChecklistJSON scores against the checklist's JSON form, which
// must give the same report as its source.
func TestScoreChecklistJSON(t *testing.T) {
	src, err := os.ReadFile("testdata/score/shop.korto")
	if err != nil {
		t.Fatal(err)
	}
	c, err := dsl.Parse("shop.korto", src)
	if err != nil {
		t.Fatal(err)
	}
	js, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "shop.json")
	if err := os.WriteFile(path, js, 0o644); err != nil {
		t.Fatal(err)
	}
	got, errs, code := runScoreCmd(t, "", path, "testdata/score/visit.json")
	want, _, _ := runScoreCmd(t, "", "testdata/score/shop.korto", "testdata/score/visit.json")
	if code != exitOK || got != want {
		t.Errorf("exit %d, stderr %q; output (-source +json):\n%s", code, errs, cmp.Diff(want, got))
	}
}
