package cxbeam

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"

	"github.com/cxkit/cxkit/beam/internal/cxkittest"
	"github.com/cxkit/cxkit/report"
)

// warnedSheets writes the mall's visits into dir as cxkit report reads
// a folder, with what makes cxkit warn and complain: sheets filled for
// other versions of the checklist (two warnings, each in both JSON
// Lines files), a visit that is a whole *.json file of another version,
// a location typed two ways, and a line cut short (an invalid sheet).
func warnedSheets(t *testing.T, dir string) {
	t.Helper()
	b, err := os.ReadFile(cxkittest.Root("examples/mall/visits.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	for i, l := range lines {
		switch {
		case i == 21:
			l = l[:len(l)/3]
		case i%7 == 5:
			l = strings.Replace(l, `"version":"2026.1"`, `"version":"2025.9"`, 1)
		case i%7 == 6:
			l = strings.Replace(l, `"version":"2026.1"`, `"version":"2027.0"`, 1)
		case i == 10: // the same place in capitals, with a space more
			at := strings.Index(l, `"location":"`) + len(`"location":"`)
			name := l[at : at+strings.IndexByte(l[at:], '"')]
			l = l[:at] + strings.ToUpper(strings.Replace(name, " ", "  ", 1)) + l[at+len(name):]
		}
		lines[i] = l
	}
	writeLines(t, filepath.Join(dir, "a.jsonl"), lines[:30]...)
	writeLines(t, filepath.Join(dir, "c.jsonl"), lines[30:]...)
	whole := strings.Replace(compactSheet(t, "examples/mall/visits/v-0102.json"), `"version":"2026.1"`, `"version":"2027.0"`, 1)
	writeLines(t, filepath.Join(dir, "b.json"), whole)
}

// TestReportLangHTMLNotes: with --lang, --html and sheets that warn,
// the pipeline gives cxkit report's JSON, its HTML page byte for byte,
// and notes that print what cxkit prints on standard error (the
// invalid sheet left out, each warning once at its first place with
// the count of all files), however the files are cut in chunks.
func TestReportLangHTMLNotes(t *testing.T) {
	c := mallChecklist(t)
	dir := t.TempDir()
	warnedSheets(t, dir)
	page := filepath.Join(t.TempDir(), "report.html")
	for _, tc := range []struct {
		name string
		args []string
		opts ReportOptions
	}{
		{"by-location-en", []string{"--by", "location", "--lang", "en"}, ReportOptions{By: "location", Lang: "en"}},
		{"by-auditor-monthly", []string{"--by", "auditor", "--period", "month"}, ReportOptions{By: "auditor", Period: "month"}},
	} {
		args := append([]string{"report", c.Name, dir, "--skip-invalid", "--allow-duplicates", "--html", page, "--json"}, tc.args...)
		wantJSON, wantErr := cxkittest.Output(t, args...)
		wantPage, err := os.ReadFile(page)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Count(wantErr, "warning:") < 2 || !strings.Contains(wantErr, "(and ") || !strings.Contains(wantErr, ":22:") {
			t.Fatalf("cxkit report warns of other things than the test made:\n%s", wantErr)
		}
		sizes := []int64{997, 0}
		if testing.Short() {
			sizes = sizes[:1] // chunks; whole files are read so in the other tests
		}
		for _, size := range sizes {
			t.Run(fmt.Sprintf("%s/%d", tc.name, size), func(t *testing.T) {
				o := withDefaults(tc.opts)
				o.SkipInvalid, o.AllowDuplicates, o.HTML, o.ChunkSize = true, true, true, size
				outs, err := runOutputs(t, func(s beam.Scope) []beam.PCollection {
					r := ReportOutputs(s, c, []string{filepath.Join(dir, "*")}, o)
					return []beam.PCollection{r.JSON, r.HTML, r.Notes}
				})
				if err != nil {
					t.Fatal(err)
				}
				if outs[0] != wantJSON {
					t.Errorf("JSON differs from cxkit report's:\n got: %.600s\nwant: %.600s", outs[0], wantJSON)
				}
				if outs[1] != string(wantPage) {
					t.Errorf("HTML page differs from cxkit report's:\n got: %.600s\nwant: %.600s", outs[1], wantPage)
				}
				if got := printedNotes(t, outs[2], "cxkit report"); got != wantErr {
					t.Errorf("notes differ from cxkit report's standard error:\n got: %s\nwant: %s", got, wantErr)
				}
			})
		}
	}
}

// TestReportWarningsOfFailedJob: without --skip-invalid the job fails,
// and its error holds what cxkit report prints before failing: the
// invalid sheet, then the sheets' warnings.
func TestReportWarningsOfFailedJob(t *testing.T) {
	c := mallChecklist(t)
	dir := t.TempDir()
	warnedSheets(t, dir)
	wantErr := cxkitError(cxkittest.Fail(t, "report", c.Name, dir, "--allow-duplicates", "--json"), "report")
	if !strings.Contains(wantErr, "warning:") {
		t.Fatalf("cxkit report does not warn:\n%s", wantErr)
	}
	_, err := runPipeline(t, func(s beam.Scope) beam.PCollection {
		return Report(s, c, []string{filepath.Join(dir, "*")}, withDefaults(ReportOptions{AllowDuplicates: true, ChunkSize: 997}))
	})
	if err == nil || !strings.Contains(err.Error(), wantErr) {
		t.Errorf("job error = %v\nwant it to hold cxkit's:\n%s", err, wantErr)
	}
}

// TestReportNotesOfFailedJob: with NotesOnFailure the failing job
// first writes its notes, which print what cxkit report prints before
// its error (the invalid sheets, the sheets' warnings and, once the
// report was made, the warnings about the groups), and its error ends
// in cxkit's last line.
func TestReportNotesOfFailedJob(t *testing.T) {
	c := mallChecklist(t)
	dir := t.TempDir()
	warnedSheets(t, dir)
	for _, tc := range []struct {
		name string
		args []string
		opts ReportOptions
	}{
		{"invalid", []string{"--by", "location"}, ReportOptions{By: "location"}},
		{"duplicate", []string{"--by", "location"}, ReportOptions{By: "location", AllowDuplicates: false}},
		{"none-kept", []string{"--by", "location", "--skip-invalid", "--where", "location=Nowhere"},
			ReportOptions{By: "location", SkipInvalid: true, Where: []report.Filter{{Field: "location", Value: "Nowhere"}}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := dir
			if tc.name == "duplicate" {
				in = t.TempDir()
				warnedSheets(t, in)
				b, err := os.ReadFile(filepath.Join(in, "a.jsonl"))
				if err != nil {
					t.Fatal(err)
				}
				first, _, _ := strings.Cut(string(b), "\n")
				writeLines(t, filepath.Join(in, "d.jsonl"), first)
			}
			args := append([]string{"report", c.Name, in, "--json"}, tc.args...)
			if tc.name != "duplicate" {
				args = append(args, "--allow-duplicates")
				tc.opts.AllowDuplicates = true
			}
			// cxkit's error is its last message, which may take lines.
			stderr := cxkittest.Fail(t, args...)
			at := 0
			for i := 0; i < len(stderr); {
				if strings.HasPrefix(stderr[i:], "cxkit report: ") && !strings.HasPrefix(stderr[i:], "cxkit report: warning:") {
					at = i
				}
				next := strings.IndexByte(stderr[i:], '\n')
				if next < 0 {
					break
				}
				i += next + 1
			}
			wantErr := strings.TrimSuffix(strings.TrimPrefix(stderr[at:], "cxkit report: "), "\n")
			if tc.name == "invalid" && !strings.Contains(stderr[:at], "cxkit report: warning:") {
				t.Fatalf("cxkit report does not warn about the groups:\n%s", stderr)
			}
			o := withDefaults(tc.opts)
			o.ChunkSize = 997
			o.NotesOnFailure = filepath.Join(t.TempDir(), "notes.json")
			_, err := runPipeline(t, func(s beam.Scope) beam.PCollection {
				return Report(s, c, []string{filepath.Join(in, "*")}, o)
			})
			if err == nil || !strings.Contains(err.Error(), "failed:\n"+wantErr+"\n") || strings.Contains(err.Error(), "warning:") {
				t.Errorf("job error = %v\nwant it to hold cxkit's last message alone:\n%s", err, wantErr)
			}
			b, rerr := os.ReadFile(o.NotesOnFailure)
			if rerr != nil {
				t.Fatal(rerr)
			}
			if got := printedNotes(t, string(b), "cxkit report"); got != stderr {
				t.Errorf("notes differ from what cxkit report prints:\n got: %s\nwant: %s", got, stderr)
			}
			// The failure read back is cxkit's error, for errors.Is/As.
			var n Notes
			if err := json.Unmarshal(b, &n); err != nil || n.Failure == nil {
				t.Fatalf("notes without the failure: %s", b)
			}
			ferr := n.Failure.Err()
			_, invalid := errors.AsType[*report.InvalidError](ferr)
			_, dup := errors.AsType[*report.DuplicateError](ferr)
			if ferr.Error() != wantErr || invalid != (tc.name == "invalid") || dup != (tc.name == "duplicate") ||
				errors.Is(ferr, report.ErrNoSheets) != (tc.name == "none-kept") {
				t.Errorf("failure read back = %#v (%v)\nwant cxkit's error: %s", ferr, ferr, wantErr)
			}
		})
	}
}

// TestReportPlacesWithoutID: a critical failure of an audit without an
// id is named in the HTML page by where its sheet was read, at its line
// in the whole file however the file is cut in chunks, as cxkit report
// names it; audits without an id and date that fail the same question
// list in cxkit's order.
func TestReportPlacesWithoutID(t *testing.T) {
	c := mallChecklist(t)
	dir := t.TempDir()
	b, err := os.ReadFile(cxkittest.Root("examples/mall/visits.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	for i, l := range lines {
		if i%3 != 0 {
			continue
		}
		at := strings.Index(l, `"id":"`)
		end := at + strings.Index(l[at:], `,`)
		l = l[:at] + l[end+1:]
		if i%2 == 0 { // no date either
			at = strings.Index(l, `"date":"`)
			end = at + strings.Index(l[at:], `,`)
			l = l[:at] + l[end+1:]
		}
		lines[i] = l
	}
	writeLines(t, filepath.Join(dir, "a.jsonl"), lines[:40]...)
	writeLines(t, filepath.Join(dir, "c.jsonl"), lines[40:]...)
	page := filepath.Join(t.TempDir(), "report.html")
	wantJSON := cxkittest.Run(t, "report", c.Name, dir, "--by", "location", "--html", page, "--json")
	wantPage, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(wantPage), "без id, лист "+filepath.Join(dir, "c.jsonl")+":"); n < 2 {
		t.Fatalf("cxkit report names %d sheets of c.jsonl without an id; the test needs more", n)
	}
	for _, size := range []int64{997, 0} {
		t.Run(fmt.Sprint(size), func(t *testing.T) {
			o := withDefaults(ReportOptions{By: "location", HTML: true, ChunkSize: size})
			outs, err := runOutputs(t, func(s beam.Scope) []beam.PCollection {
				r := ReportOutputs(s, c, []string{filepath.Join(dir, "*")}, o)
				return []beam.PCollection{r.JSON, r.HTML}
			})
			if err != nil {
				t.Fatal(err)
			}
			if outs[0] != wantJSON {
				t.Errorf("JSON differs from cxkit report's:\n got: %.600s\nwant: %.600s", outs[0], wantJSON)
			}
			if outs[1] != strings.TrimSuffix(string(wantPage), "\n") && outs[1] != string(wantPage) {
				t.Errorf("HTML page differs from cxkit report's")
			}
		})
	}
}

// TestReportInvalidCapped: a job over files of many invalid sheets
// carries and lists only the first maxListedBad of them, as cxkit
// report lists them, then the count of the rest; its error counts them
// all, and with SkipInvalid the HTML page counts them all, as cxkit's.
func TestReportInvalidCapped(t *testing.T) {
	c := mallChecklist(t)
	b, err := os.ReadFile(cxkittest.Root("examples/mall/visits.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	visits := strings.Split(strings.TrimSpace(string(b)), "\n")
	dir := t.TempDir()
	for i, n := range []int{maxListedBad - 10, 13} {
		lines := []string{visits[2*i], visits[2*i+1]}
		for j := range n {
			lines = append(lines, fmt.Sprintf("bad%d", j))
		}
		writeLines(t, filepath.Join(dir, fmt.Sprintf("s%d.jsonl", i)), lines...)
	}
	stderr := cxkittest.Fail(t, "report", c.Name, dir, "--json")
	lines := strings.SplitAfter(stderr, "\n")
	if len(lines) != maxListedBad+3+2 { // a line a sheet, the error, ""
		t.Fatalf("cxkit report prints %d lines for the invalid sheets; the test means a line each:\n%.500s", len(lines), stderr)
	}
	want := strings.Join(lines[:maxListedBad], "") + "3 more invalid sheets not shown\n" + lines[len(lines)-2]
	o := withDefaults(ReportOptions{ChunkSize: 4096, NotesOnFailure: filepath.Join(dir, "notes.json")})
	if _, err := runPipeline(t, func(s beam.Scope) beam.PCollection {
		return Report(s, c, []string{filepath.Join(dir, "s*.jsonl")}, o)
	}); err == nil {
		t.Fatal("the job did not fail")
	}
	n, err := ReadNotes(t.Context(), o.NotesOnFailure)
	if err != nil || n.Failure == nil {
		t.Fatalf("notes %+v, %v: want the failure", n, err)
	}
	if got := notesText(t, n, "cxkit report"); got != want {
		t.Errorf("printed failure differs from cxkit's invalid sheets, capped:\n got: %s\nwant: %s", got[max(0, len(got)-500):], want[len(want)-500:])
	}

	page := filepath.Join(t.TempDir(), "report.html")
	wantJSON := cxkittest.Run(t, "report", c.Name, dir, "--skip-invalid", "--as-of", "2026-12-01", "--html", page, "--json")
	wantPage, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	o = withDefaults(ReportOptions{ChunkSize: 4096, SkipInvalid: true, AsOf: "2026-12-01", HTML: true})
	outs, err := runOutputs(t, func(s beam.Scope) []beam.PCollection {
		r := ReportOutputs(s, c, []string{filepath.Join(dir, "s*.jsonl")}, o)
		return []beam.PCollection{r.JSON, r.HTML}
	})
	if err != nil {
		t.Fatal(err)
	}
	if outs[0] != wantJSON || outs[1] != string(wantPage) {
		t.Errorf("with SkipInvalid the JSON or the page differs from cxkit report's")
	}
}
