package report

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cxkit/cxkit/dsl"
	"github.com/cxkit/cxkit/korto"
)

const (
	mallChecklist = "../examples/mall/mall.korto"
	mallVisits    = "../examples/mall/visits"
	mallLines     = "../examples/mall/visits.jsonl"
)

func mallPlan(t testing.TB) *korto.Plan {
	t.Helper()
	src, err := os.ReadFile(mallChecklist)
	if err != nil {
		t.Fatal(err)
	}
	c, err := dsl.Parse("mall.korto", src)
	if err != nil {
		t.Fatal(err)
	}
	p, err := korto.Compile(c)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func mustSources(t testing.TB, args ...string) []Source {
	t.Helper()
	s, err := Sources(nil, args...)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// However the sheets are shared among workers, the report is the same
// to the last byte: the aggregates merge exactly, and every list
// (critical failures, comments, waves) is ordered by its content.
func TestRunWorkersAgree(t *testing.T) {
	plan := mallPlan(t)
	sources := mustSources(t, mallVisits, mallLines)
	var want []byte
	for _, workers := range []int{1, 2, 3, 8} {
		res, err := Run(context.Background(), plan, sources, Options{By: "location", Period: "month", AllowDuplicates: true, Workers: workers})
		if err != nil {
			t.Fatal(err)
		}
		if res.Sheets != 144 || len(res.Invalid) != 0 {
			t.Fatalf("workers %d: %d sheets, %d invalid; want 144 and 0", workers, res.Sheets, len(res.Invalid))
		}
		got, err := json.Marshal(res)
		if err != nil {
			t.Fatal(err)
		}
		if want == nil {
			want = got
		} else if !bytes.Equal(want, got) {
			t.Errorf("workers %d: report differs from one worker's", workers)
		}
	}
}

// The folder and the JSON Lines made from it hold the same audits: the
// run fails naming the ID and both places.
func TestRunDuplicates(t *testing.T) {
	plan := mallPlan(t)
	_, err := Run(context.Background(), plan, mustSources(t, mallVisits, mallLines), Options{By: "location", Workers: 3})
	var de *DuplicateError
	if !errors.As(err, &de) {
		t.Fatalf("error %v, want a *DuplicateError", err)
	}
	if de.Total != 72 || len(de.Dups) != dupMaxListed {
		t.Errorf("%d duplicates, %d listed; want 72 and %d", de.Total, len(de.Dups), dupMaxListed)
	}
	want := Duplicate{ID: "v-0101", First: filepath.Join(mallVisits, "v-0101.json"), Again: mallLines + ":1"}
	if de.Dups[0] != want {
		t.Errorf("first duplicate %+v, want %+v", de.Dups[0], want)
	}
	if !strings.Contains(err.Error(), `audit "v-0101" appears twice: `+want.First+" and "+want.Again) {
		t.Errorf("message %q", err)
	}

	// Sheets without an id are told apart by their content.
	data, err := os.ReadFile(filepath.Join(mallVisits, "v-0101.json"))
	if err != nil {
		t.Fatal(err)
	}
	var sheet map[string]any
	if err := json.Unmarshal(data, &sheet); err != nil {
		t.Fatal(err)
	}
	delete(sheet["audit"].(map[string]any), "id")
	line, _ := json.Marshal(sheet)
	dir := t.TempDir()
	name := filepath.Join(dir, "noid.jsonl")
	if err := os.WriteFile(name, append(append(line, '\n'), line...), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = Run(context.Background(), plan, mustSources(t, name), Options{})
	if !errors.As(err, &de) || de.Dups[0].First != name+":1" || de.Dups[0].Again != name+":2" {
		t.Errorf("two sheets without id, same content: %v", err)
	}
	if _, err := Run(context.Background(), plan, mustSources(t, name), Options{AllowDuplicates: true}); err != nil {
		t.Errorf("--allow-duplicates: %v", err)
	}
}

// A JSON Lines line over the limit is an invalid sheet: with
// SkipInvalid it is skipped, its problem names the limit, and the sheets
// after it count.
func TestRunLongLineSkipped(t *testing.T) {
	defer func(n int) { maxLine = n }(maxLine)
	lines, err := os.ReadFile(mallLines)
	if err != nil {
		t.Fatal(err)
	}
	maxLine = 0
	for _, l := range bytes.Split(lines, []byte("\n")) {
		maxLine = max(maxLine, len(l)+10)
	}
	long := `{"checklist": "mall_korto", "audit": {"id": "x"}, "answers": {"comment": "` + strings.Repeat("я", maxLine) + `"}}`
	in := long + "\n" + string(lines)
	res, err := Run(context.Background(), mallPlan(t), []Source{{Name: "in.jsonl", R: strings.NewReader(in), Lines: true}}, Options{SkipInvalid: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Kept != 72 || len(res.Invalid) != 1 || res.Invalid[0].Line != 1 || !strings.Contains(res.Invalid[0].Err.Error(), "longer than") {
		t.Errorf("kept %d, invalid %+v; want 72 kept and line 1 invalid for its length", res.Kept, res.Invalid)
	}
	_, err = Run(context.Background(), mallPlan(t), []Source{{Name: "in.jsonl", R: strings.NewReader(in), Lines: true}}, Options{})
	var ie *InvalidError
	if !errors.As(err, &ie) || ie.N != 1 {
		t.Errorf("without SkipInvalid: %v, want an *InvalidError of 1 sheet", err)
	}
}

func TestRunWhere(t *testing.T) {
	f, err := ParseFilter("location = ТЦ Европа")
	if err != nil {
		t.Fatal(err)
	}
	res, err := Run(context.Background(), mallPlan(t), mustSources(t, mallVisits), Options{By: "location", Where: []Filter{f}})
	if err != nil {
		t.Fatal(err)
	}
	if res.Where == nil || res.Where.Kept != 24 || res.Where.Read != 72 || len(res.Groups) != 1 || res.Groups[0].Group != "ТЦ Европа" {
		t.Errorf("where %+v, %d groups; want 24 of 72 kept, one group", res.Where, len(res.Groups))
	}
	if _, err := ParseFilter("location"); err == nil {
		t.Error("a filter without = is accepted")
	}
}

// sheetsDir writes the mall's first sheets with their fields edited.
func sheetsDir(t *testing.T, n int, edit func(i int, audit map[string]any)) string {
	t.Helper()
	dir := t.TempDir()
	files, _ := filepath.Glob(filepath.Join(mallVisits, "*.json"))
	for i, f := range files[:n] {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var sheet map[string]any
		if err := json.Unmarshal(data, &sheet); err != nil {
			t.Fatal(err)
		}
		edit(i, sheet["audit"].(map[string]any))
		out, _ := json.Marshal(sheet)
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(f)), out, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestRunNearDuplicateGroups(t *testing.T) {
	names := []string{"Арбат 5", "Арбат, 5", "арбат 5", "Тверская 1"}
	dir := sheetsDir(t, 8, func(i int, a map[string]any) { a["location"] = names[i%len(names)] })
	res, err := Run(context.Background(), mallPlan(t), mustSources(t, dir), Options{By: "location"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range res.Warnings {
		got = append(got, w.Message)
	}
	all := strings.Join(got, "\n")
	if strings.Count(all, "differ only in case") != 2 || !strings.Contains(all, `"Арбат 5" and "Арбат, 5"`) {
		t.Errorf("warnings:\n%s", all)
	}
}

// A date that is not ISO is an error naming the audit and the value.
func TestRunBadDate(t *testing.T) {
	dir := sheetsDir(t, 3, func(i int, a map[string]any) {
		if i == 1 {
			a["date"] = "02.03.2026"
		}
	})
	res, err := Run(context.Background(), mallPlan(t), mustSources(t, dir), Options{Period: "month"})
	var ie *InvalidError
	if !errors.As(err, &ie) || len(res.Invalid) != 1 {
		t.Fatalf("error %v, want one invalid sheet", err)
	}
	if msg := res.Invalid[0].Err.Error(); !strings.Contains(msg, `"v-0102"`) || !strings.Contains(msg, `"02.03.2026"`) {
		t.Errorf("message %q: want the audit and the value", msg)
	}
}

// TestFoldName: reports.md calls group names near-duplicates when they
// are equal after Unicode case folding and removing spaces and
// punctuation. Full folding: "ß" is "ss"; a letter with a combining
// mark is its precomposed form. Names that differ in a letter stay apart.
func TestFoldName(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		same bool
	}{
		{"Арбат 5", "арбат,5", true},
		{"Арбат-5", "АРБАТ\u00a05!", true},
		{"ТЦ «Европа»", "тц европа", true},
		{"Straße", "STRASSE", true},
		{"Майский", "Маи\u0306ский", true}, // й typed as и + combining breve
		{"Ǆemal", "ǆemal", true},
		{"Арбат 5", "Арбат 6", false},
		{"Майский", "Маиский", false},
		{"Ёлка", "Елка", false},
	} {
		if got := FoldName(tc.a) == FoldName(tc.b); got != tc.same {
			t.Errorf("FoldName(%q) = %q, FoldName(%q) = %q: equal %v, want %v", tc.a, FoldName(tc.a), tc.b, FoldName(tc.b), got, tc.same)
		}
	}
}

// A file of sheets whose name says neither *.json nor *.jsonl (what
// "cxkit import ... > sheets.txt" writes, or a file with no extension)
// is read as standard input is: JSON Lines, or indented sheets one after
// another. cli.md: report aggregates "files, a folder, or JSON Lines".
func TestSourcesOtherNames(t *testing.T) {
	lines, err := os.ReadFile(mallLines)
	if err != nil {
		t.Fatal(err)
	}
	one, err := os.ReadFile(filepath.Join(mallVisits, "v-0101.json"))
	if err != nil {
		t.Fatal(err)
	}
	two, err := os.ReadFile(filepath.Join(mallVisits, "v-0102.json"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for name, tc := range map[string]struct {
		data []byte
		want int64
	}{
		"sheets.txt": {lines, 72},
		"sheets":     {lines, 72},
		"two.out":    {append(append([]byte{}, one...), two...), 2},
	} {
		file := filepath.Join(dir, name)
		if err := os.WriteFile(file, tc.data, 0o644); err != nil {
			t.Fatal(err)
		}
		res, err := Run(context.Background(), mallPlan(t), mustSources(t, file), Options{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if res.Sheets != tc.want {
			t.Errorf("%s: %d sheets, want %d", name, res.Sheets, tc.want)
		}
	}
}

// A folder is read without its subfolders (docs name a folder and its
// subfolder side by side); UnreadFolders names the subfolders whose
// answer files would be left out, unless they are named too.
func TestUnreadFolders(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"v-1.json", "2026-07/v-2.json", "2026-08/v.jsonl", "notes/readme.txt", "named/v-3.json", "deep/a/b/v-4.json"} {
		path := filepath.Join(dir, f)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte("{}"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got := UnreadFolders(dir, "-", filepath.Join(dir, "named")+"/", filepath.Join(dir, "v-1.json"), filepath.Join(dir, "missing"))
	want := []string{filepath.Join(dir, "2026-07"), filepath.Join(dir, "2026-08"), filepath.Join(dir, "deep")}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("UnreadFolders = %q, want %q", got, want)
	}
	if got := UnreadFolders(filepath.Join(dir, "2026-07")); len(got) != 0 {
		t.Errorf("a folder without subfolders: %q", got)
	}
}
