package cxbeam

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"

	"github.com/cxkit/cxkit/beam/internal/cxkittest"
	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/metrics"
	"github.com/cxkit/cxkit/metrics/surveycsv"
)

// The tests run every pipeline on the prism runner in this process, as
// ptest does by default, and compare its output with the bytes cxkit
// itself prints for the same data.
func TestMain(m *testing.M) {
	code := ptest.MainRet(m)
	cxkittest.Cleanup()
	os.Exit(code)
}

// runToString runs the pipeline that build makes and returns what its
// output PCollection of strings holds, one element a line; it fails the
// test when the job fails.
func runToString(t *testing.T, build func(s beam.Scope) beam.PCollection) string {
	t.Helper()
	out, err := runPipeline(t, build)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

var (
	csat15 = metrics.Scale{Lo: 1, Hi: 5, Good: metrics.High}
	ces17  = metrics.Scale{Lo: 1, Hi: 7, Good: metrics.High}
)

// surveyCases are the survey commands and the options that say the
// same to the pipeline.
var surveyCases = []struct {
	name string
	args []string
	opts SurveyOptions
}{
	{"nps", []string{"nps"}, SurveyOptions{Metric: surveycsv.NPS}},
	{"nps-by-store-weighted", []string{"nps", "--by", "store", "--weight", "weight"},
		SurveyOptions{Metric: surveycsv.NPS, By: "store", Weight: "weight"}},
	{"nps-wald-90", []string{"nps", "--by", "channel", "--method", "wald", "--level", "0.9"},
		SurveyOptions{Metric: surveycsv.NPS, By: "channel", Method: metrics.Wald, Level: 0.9}},
	{"csat-by-channel", []string{"csat", "--by", "channel"},
		SurveyOptions{Metric: surveycsv.CSAT, By: "channel", Scale: csat15}},
	{"ces-by-store", []string{"ces", "--scale", "1..7", "--good", "high", "--by", "store"},
		SurveyOptions{Metric: surveycsv.CES, By: "store", Scale: ces17}},
	{"emotion-by-store-weighted", []string{"emotion", "--by", "store", "--weight", "weight"},
		SurveyOptions{Metric: surveycsv.Emotion, By: "store", Weight: "weight"}},
	{"nps-other-column", []string{"nps", "--column", "csat", "--by", "store"},
		SurveyOptions{Metric: surveycsv.NPS, Column: "csat", By: "store"}},
}

// TestSurveyMatchesCommand: the pipeline over the example export gives
// the bytes of cxkit's --json.
func TestSurveyMatchesCommand(t *testing.T) {
	file := cxkittest.Root("examples/survey/q4.csv")
	for _, tc := range surveyCases {
		t.Run(tc.name, func(t *testing.T) {
			want := cxkittest.Run(t, append(append(tc.args, file), "--json")...)
			o := tc.opts
			o.File = file
			got := runToString(t, func(s beam.Scope) beam.PCollection { return Survey(s, []string{file}, o) })
			if got != want {
				t.Errorf("pipeline output differs from cxkit %s:\n got: %.600s\nwant: %.600s", strings.Join(tc.args, " "), got, want)
			}
		})
	}
}

// TestSurveyManyFiles splits a generated export into files of unequal
// size, reads them with one glob, and compares with cxkit on the whole
// export in one file: the files count as one export, whatever the
// runner's split and order.
func TestSurveyManyFiles(t *testing.T) {
	rows := 60000
	if testing.Short() {
		rows = 6000
	}
	dir := t.TempDir()
	whole := filepath.Join(dir, "whole.csv")
	writeSurvey(t, whole, filepath.Join(dir, "parts"), rows, 7)
	for _, tc := range surveyCases {
		t.Run(tc.name, func(t *testing.T) {
			want := cxkittest.Run(t, append(append(tc.args, whole), "--json")...)
			o := tc.opts
			o.File = whole
			got := runToString(t, func(s beam.Scope) beam.PCollection {
				return Survey(s, []string{filepath.Join(dir, "parts", "*.csv")}, o)
			})
			if got != want {
				t.Errorf("pipeline output differs from cxkit %s:\n got: %.600s\nwant: %.600s", strings.Join(tc.args, " "), got, want)
			}
		})
	}
}

// writeSurvey writes a seeded survey export of n rows to whole, and the
// same rows cut into files of unequal size in the folder parts.
func writeSurvey(t *testing.T, whole, parts string, n int, files int) {
	t.Helper()
	writeSurveyWith(t, whole, parts, n, files, 4, nil)
}

// writeSurveyWith is writeSurvey from the seed, with each row's fields
// (id, store, channel, nps, csat, ces, emotion, weight) changed by edit,
// which may drop the row by returning nil.
func writeSurveyWith(t *testing.T, whole, parts string, n, files int, seed uint64, edit func([]string) []string) {
	t.Helper()
	if err := os.MkdirAll(parts, 0o755); err != nil {
		t.Fatal(err)
	}
	const header = "id,store,channel,nps,csat,ces,emotion,weight\n"
	r := rand.New(rand.NewPCG(15, seed))
	emotions := []string{"positive", "neutral", "negative", ""}
	var all strings.Builder
	all.WriteString(header)
	var part strings.Builder
	fileNo, left := 0, 0
	flush := func() {
		if part.Len() == 0 {
			return
		}
		name := filepath.Join(parts, fmt.Sprintf("part-%02d.csv", fileNo))
		if err := os.WriteFile(name, []byte(header+part.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		part.Reset()
		fileNo++
	}
	for i := range n {
		if left == 0 {
			flush()
			left = 1 + r.IntN(2*n/files)
		}
		left--
		store := fmt.Sprintf("store %d", r.IntN(40))
		nps := ""
		if r.IntN(50) > 0 {
			nps = fmt.Sprint(min(10, r.IntN(8)+r.IntN(5)))
		}
		row := []string{fmt.Sprint(i + 1), store, []string{"shop", "web", "phone"}[r.IntN(3)],
			nps, fmt.Sprint(1 + r.IntN(5)), fmt.Sprint(1 + r.IntN(7)), emotions[r.IntN(4)], fmt.Sprintf("%.3f", 0.5+r.Float64())}
		if edit != nil {
			if row = edit(row); row == nil {
				continue
			}
		}
		row[1] = strconv.Quote(row[1])
		line := strings.Join(row, ",") + "\n"
		all.WriteString(line)
		part.WriteString(line)
	}
	flush()
	if err := os.WriteFile(whole, []byte(all.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestSurveyCompare: with an earlier export the pipeline gives the
// bytes of cxkit's --compare OLD --json, on the example quarters and on
// generated exports cut into files, where a group is in the current
// export only, another in the earlier one only, one has no spread of
// ratings there (CSAT's mean untested) and one only zero weights (no
// result there, so untested).
func TestSurveyCompare(t *testing.T) {
	rows := 20000
	if testing.Short() {
		rows = 3000
	}
	dir := t.TempDir()
	cur, old := filepath.Join(dir, "cur.csv"), filepath.Join(dir, "old.csv")
	writeSurvey(t, cur, filepath.Join(dir, "cur"), rows, 5)
	writeSurveyWith(t, old, filepath.Join(dir, "old"), rows*2/3, 4, 5, func(row []string) []string {
		switch row[1] {
		case "store 39": // only in the current export
			return nil
		case "store 38": // only in the earlier one
			row[1] = "store 40"
		case "store 37":
			row[4] = "4"
		case "store 36":
			row[7] = "0"
		}
		return row
	})
	for _, data := range []struct {
		name             string
		cur, old         string
		curGlob, oldGlob string
	}{
		{"example", cxkittest.Root("examples/survey/q4.csv"), cxkittest.Root("examples/survey/q3.csv"), "", ""},
		{"generated", cur, old, filepath.Join(dir, "cur", "*.csv"), filepath.Join(dir, "old", "*.csv")},
	} {
		for _, tc := range surveyCases {
			t.Run(data.name+"/"+tc.name, func(t *testing.T) {
				want := cxkittest.Run(t, append(append(tc.args, data.cur), "--compare", data.old, "--json")...)
				if data.name == "generated" && strings.Contains(strings.Join(tc.args, " "), "--by store") &&
					(!strings.Contains(want, "no answers of group") || !strings.Contains(want, `"p_holm": null`)) {
					t.Fatalf("cxkit tests every group:\n%.2000s", want)
				}
				o := tc.opts
				o.File, o.EarlierFile = data.cur, data.old
				o.Earlier = []string{cmp.Or(data.oldGlob, data.old)}
				got := runToString(t, func(s beam.Scope) beam.PCollection {
					return Survey(s, []string{cmp.Or(data.curGlob, data.cur)}, o)
				})
				if got != want {
					t.Errorf("pipeline output differs from cxkit %s --compare:\n got: %.600s\nwant: %.600s", strings.Join(tc.args, " "), got, want)
				}
			})
		}
	}
}

// TestSurveyCompareNotes: the warnings of both exports (columns of the
// same name) print as cxkit prints them, and an earlier export without
// the current one's answer column fails the job with cxkit's message;
// with NotesOnFailure, after the current export's warnings.
func TestSurveyCompareNotes(t *testing.T) {
	dir := t.TempDir()
	cur, old, bad := filepath.Join(dir, "cur.csv"), filepath.Join(dir, "old.csv"), filepath.Join(dir, "bad.csv")
	writeLines(t, cur, "nps,store,x,x", "9,a,1,2", "3,b,,", "10,a,,")
	writeLines(t, old, "store,nps,y,y", "a,7,,", "b,10,,", "c,0,,")
	writeLines(t, bad, "store,score", "a,7")
	o := SurveyOptions{Metric: surveycsv.NPS, By: "store", File: cur, EarlierFile: old, Earlier: []string{old}}
	want, wantErr := cxkittest.Output(t, "nps", cur, "--by", "store", "--compare", old, "--json")
	outs, err := runOutputs(t, func(s beam.Scope) []beam.PCollection {
		r := SurveyOutputs(s, []string{cur}, o)
		return []beam.PCollection{r.JSON, r.Notes}
	})
	if err != nil {
		t.Fatal(err)
	}
	if outs[0] != want {
		t.Errorf("pipeline output differs from cxkit's:\n got: %s\nwant: %s", outs[0], want)
	}
	if got := printedNotes(t, outs[1], "cxkit nps"); got != wantErr || strings.Count(got, "warning:") != 2 {
		t.Errorf("notes differ from cxkit's standard error:\n got: %s\nwant: %s", got, wantErr)
	}

	stderr := cxkittest.Fail(t, "nps", cur, "--by", "store", "--compare", bad, "--json")
	lines := strings.SplitAfter(strings.TrimSuffix(stderr, "\n"), "\n")
	o.Earlier, o.EarlierFile = []string{bad}, bad
	o.NotesOnFailure = filepath.Join(dir, "notes.json")
	_, err = runPipeline(t, func(s beam.Scope) beam.PCollection { return Survey(s, []string{cur}, o) })
	if last := strings.TrimPrefix(lines[len(lines)-1], "cxkit nps: "); err == nil || !strings.Contains(err.Error(), last) {
		t.Errorf("job error = %v\nwant it to hold cxkit's:\n%s", err, last)
	}
	// The notes print all cxkit prints: the current export's warnings,
	// then its error.
	n, err := ReadNotes(t.Context(), o.NotesOnFailure)
	if err != nil || n.Failure == nil {
		t.Fatalf("notes %+v, %v: want the failure", n, err)
	}
	if got := notesText(t, n, "cxkit nps"); got != stderr {
		t.Errorf("notes print:\n%s\nwant cxkit's standard error:\n%s", got, stderr)
	}
}

// TestSurveyBadCells: bad cells in several files fail the job in its
// last step with every file's, in the order of the files' names, as
// cxkit prints them reading the files one after another (at most
// surveycsv.MaxCellErrors a file), and the failure is a diag.List for
// errors.As; a column the flags name that a file lacks is a
// surveycsv.ColumnError, as it is for cxkit.
func TestSurveyBadCells(t *testing.T) {
	dir := t.TempDir()
	files := []string{filepath.Join(dir, "b.csv"), filepath.Join(dir, "a.csv"), filepath.Join(dir, "c.csv")}
	bad := []string{"nps,store"}
	for i := range 30 {
		bad = append(bad, fmt.Sprintf("%d,s%d", 11+i, i%2))
	}
	writeLines(t, files[0], bad...)
	writeLines(t, files[1], "nps,store", "9,s1", "x,s2", "10,s1,extra", "5,s2")
	writeLines(t, files[2], "nps,store", "9,s1", "3,s2")
	want := cxkittest.Fail(t, "nps", files[1], "--by", "store") + cxkittest.Fail(t, "nps", files[0], "--by", "store")
	for _, tc := range []struct {
		by     string
		want   string
		column bool
	}{{"store", want, false}, {"region", "", true}} {
		o := SurveyOptions{Metric: surveycsv.NPS, By: tc.by, File: dir, NotesOnFailure: filepath.Join(dir, "notes.json")}
		if _, err := runPipeline(t, func(s beam.Scope) beam.PCollection { return Survey(s, []string{filepath.Join(dir, "*.csv")}, o) }); err == nil {
			t.Fatal("the job did not fail")
		}
		n, err := ReadNotes(t.Context(), o.NotesOnFailure)
		if err != nil || n.Failure == nil {
			t.Fatalf("notes %+v, %v: want the failure", n, err)
		}
		ferr := n.Failure.Err()
		if tc.column {
			stderr, code := cxkittest.Exit(t, "nps", files[1], "--by", tc.by)
			tc.want = stderr
			if _, ok := errors.AsType[surveycsv.ColumnError](ferr); !ok || code != 2 {
				t.Errorf("failure %v: want a surveycsv.ColumnError, as cxkit's (exit %d)", ferr, code)
			}
		} else if ds, ok := errors.AsType[diag.List](ferr); !ok || len(ds) != 2+surveycsv.MaxCellErrors+1 {
			t.Errorf("failure %v: want a diag.List of every file's bad cells", ferr)
		}
		if got := notesText(t, n, "cxkit nps"); got != tc.want {
			t.Errorf("--by %s: notes print:\n%s\nwant cxkit's:\n%s", tc.by, got, tc.want)
		}
	}
}

// TestSurveyGroupNotes: names that are one place typed two ways are
// warned of over the merged groups of every file, as cxkit warns of
// them in the whole export: "a" in one file and "A " in another are a
// pair, and a pair in both files is one warning.
func TestSurveyGroupNotes(t *testing.T) {
	dir := t.TempDir()
	whole := filepath.Join(dir, "whole.csv")
	writeLines(t, whole, "nps,store", "9,a", "10,Straße", "3,A ", "7,STRASSE", "0,a")
	writeLines(t, filepath.Join(dir, "p1.csv"), "nps,store", "9,a", "10,Straße")
	writeLines(t, filepath.Join(dir, "p2.csv"), "nps,store", "3,A ", "7,STRASSE", "0,a")
	want, wantErr := cxkittest.Output(t, "nps", whole, "--by", "store", "--json")
	o := SurveyOptions{Metric: surveycsv.NPS, By: "store", File: whole}
	outs, err := runOutputs(t, func(s beam.Scope) []beam.PCollection {
		r := SurveyOutputs(s, []string{filepath.Join(dir, "p*.csv")}, o)
		return []beam.PCollection{r.JSON, r.Notes}
	})
	if err != nil {
		t.Fatal(err)
	}
	if outs[0] != want {
		t.Errorf("pipeline output differs from cxkit's:\n got: %s\nwant: %s", outs[0], want)
	}
	if got := printedNotes(t, outs[1], "cxkit nps"); got != wantErr || strings.Count(got, "differ only in case") != 2 {
		t.Errorf("notes differ from cxkit's standard error:\n got: %s\nwant: %s", got, wantErr)
	}
}

// printedNotes prints the JSON of Notes as the command does.
func printedNotes(t *testing.T, js, command string) string {
	t.Helper()
	var n Notes
	if err := json.Unmarshal([]byte(js), &n); err != nil {
		t.Fatal(err)
	}
	return notesText(t, n, command)
}

// notesText prints n as the command does.
func notesText(t *testing.T, n Notes, command string) string {
	t.Helper()
	var b strings.Builder
	if err := n.Print(&b, command); err != nil {
		t.Fatal(err)
	}
	return b.String()
}
