package cxbeam

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"

	"github.com/cxkit/cxkit/beam/internal/cxkittest"
)

// compactSheet returns an example sheet of the cxkit module on one line.
func compactSheet(t testing.TB, rel string) string {
	t.Helper()
	data, err := os.ReadFile(cxkittest.Root(rel))
	if err != nil {
		t.Fatal(err)
	}
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	line, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(line)
}

func loadChecklist(t testing.TB, rel string) Checklist {
	t.Helper()
	name := cxkittest.Root(rel)
	src, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return Checklist{Name: name, Source: string(src)}
}

// cxkitError is what cxkit printed on standard error for a failed run,
// without the command's name before its last message: the text the
// pipeline's job error holds.
func cxkitError(stderr, command string) string {
	return strings.Replace(strings.TrimSuffix(stderr, "\n"), "cxkit "+command+": ", "", 1)
}

// TestReportFollowUpInAnotherFile: a follow-up sheet fills the outcome
// of its visit from another file, whether the sheets are files of their
// own or lines of JSON Lines files read in chunks, as cxkit report does
// over the same files.
func TestReportFollowUpInAnotherFile(t *testing.T) {
	c := loadChecklist(t, "examples/luxury/boutique.korto")
	lux := t.TempDir()
	writeLines(t, filepath.Join(lux, "a.jsonl"), compactSheet(t, "examples/luxury/visit-01.json"), compactSheet(t, "examples/luxury/visit-02.json"))
	writeLines(t, filepath.Join(lux, "b.jsonl"), "", compactSheet(t, "examples/luxury/followups/lx-0002.json"), compactSheet(t, "examples/luxury/visit-03.json"))
	files := cxkittest.Root("examples/luxury")
	for _, tc := range []struct {
		name  string
		args  []string
		globs []string
		size  int64
	}{
		{"files", []string{files, filepath.Join(files, "followups")}, []string{filepath.Join(files, "*.json"), filepath.Join(files, "followups", "*.json")}, 0},
		{"lines", []string{lux}, []string{filepath.Join(lux, "*.jsonl")}, 0},
		{"lines-in-chunks", []string{lux}, []string{filepath.Join(lux, "*.jsonl")}, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := append(append([]string{"report", c.Name}, tc.args...), "--by", "location", "--as-of", "2026-12-10", "--json")
			want := cxkittest.Run(t, args...)
			if !strings.Contains(want, `"broken": 1`) {
				t.Fatalf("the follow-up does not break its promise in cxkit's report:\n%.800s", want)
			}
			got := runToString(t, func(s beam.Scope) beam.PCollection {
				return Report(s, c, tc.globs, withDefaults(ReportOptions{By: "location", AsOf: "2026-12-10", ChunkSize: tc.size}))
			})
			if got != want {
				t.Errorf("pipeline output differs from cxkit report:\n got: %.600s\nwant: %.600s", got, want)
			}
		})
	}
}

// TestReportDuplicateAcrossFiles: an audit given in two files, and one
// given twice in a JSON Lines file read in chunks, fail the job with
// the message of cxkit report over the folder; with AllowDuplicates
// they count twice, as with --allow-duplicates.
func TestReportDuplicateAcrossFiles(t *testing.T) {
	c := mallChecklist(t)
	dir := t.TempDir()
	visits := cxkittest.Root("examples/mall/visits")
	entries, err := os.ReadDir(visits)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries[:20] {
		b, err := os.ReadFile(filepath.Join(visits, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	again := compactSheet(t, "examples/mall/visits/"+entries[3].Name())
	writeLines(t, filepath.Join(dir, "again.jsonl"), compactSheet(t, "examples/mall/visits/"+entries[30].Name()), again,
		compactSheet(t, "examples/mall/visits/"+entries[31].Name()), compactSheet(t, "examples/mall/visits/"+entries[30].Name()))
	globs := []string{filepath.Join(dir, "*.json"), filepath.Join(dir, "*.jsonl")}

	wantErr := cxkitError(cxkittest.Fail(t, "report", c.Name, dir, "--json"), "report")
	if strings.Count(wantErr, "appears twice") != 2 {
		t.Fatalf("cxkit report finds other duplicates than the test made:\n%s", wantErr)
	}
	wantJSON := cxkittest.Run(t, "report", c.Name, dir, "--by", "location", "--allow-duplicates", "--json")
	for _, size := range cutSizes(0, 1, 2000) {
		t.Run(fmt.Sprint(size), func(t *testing.T) {
			_, err := runPipeline(t, func(s beam.Scope) beam.PCollection {
				return Report(s, c, globs, withDefaults(ReportOptions{ChunkSize: size}))
			})
			if err == nil || !strings.Contains(err.Error(), wantErr) {
				t.Errorf("job error = %v\nwant it to hold cxkit's:\n%s", err, wantErr)
			}
			got := runToString(t, func(s beam.Scope) beam.PCollection {
				return Report(s, c, globs, withDefaults(ReportOptions{By: "location", AllowDuplicates: true, ChunkSize: size}))
			})
			if got != wantJSON {
				t.Errorf("pipeline output differs from cxkit report --allow-duplicates:\n got: %.600s\nwant: %.600s", got, wantJSON)
			}
		})
	}
}

// TestReportChunks: a JSON Lines file with a byte order mark, blank
// lines, a line that is not JSON and a sheet with a wrong answer, read
// in chunks of many sizes, gives cxkit report's output: the same JSON
// with SkipInvalid, and without it the same problems at the same lines.
func TestReportChunks(t *testing.T) {
	c := mallChecklist(t)
	b, err := os.ReadFile(cxkittest.Root("examples/mall/visits.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for i, l := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		switch {
		case i == 0:
			l = "\ufeff" + l
		case i%17 == 3:
			lines = append(lines, "")
		case i == 21:
			l = l[:len(l)/3] // cut short: not JSON
		case i == 41:
			l = strings.Replace(l, `"checklist":"mall_korto"`, `"checklist":42`, 1)
		}
		lines = append(lines, l)
	}
	name := filepath.Join(t.TempDir(), "visits.jsonl")
	writeLines(t, name, lines...)

	wantErr := cxkitError(cxkittest.Fail(t, "report", c.Name, name, "--json"), "report")
	if !strings.Contains(wantErr, "2 sheets are invalid") {
		t.Fatalf("cxkit report finds other problems than the test made:\n%s", wantErr)
	}
	wantJSON := cxkittest.Run(t, "report", c.Name, name, "--by", "auditor", "--skip-invalid", "--json")
	for _, size := range cutSizes(1, 997, 20000, 0) {
		t.Run(fmt.Sprint(size), func(t *testing.T) {
			_, err := runPipeline(t, func(s beam.Scope) beam.PCollection {
				return Report(s, c, []string{name}, withDefaults(ReportOptions{ChunkSize: size}))
			})
			if err == nil || !strings.Contains(err.Error(), wantErr) {
				t.Errorf("job error = %v\nwant it to hold cxkit's:\n%s", err, wantErr)
			}
			got := runToString(t, func(s beam.Scope) beam.PCollection {
				return Report(s, c, []string{name}, withDefaults(ReportOptions{By: "auditor", SkipInvalid: true, ChunkSize: size}))
			})
			if got != wantJSON {
				t.Errorf("pipeline output differs from cxkit report --skip-invalid:\n got: %.600s\nwant: %.600s", got, wantJSON)
			}
		})
	}
}
