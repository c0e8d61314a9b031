package cxbeam

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"

	"github.com/cxkit/cxkit/beam/internal/cxkittest"
	"github.com/cxkit/cxkit/report"
)

func mallChecklist(t testing.TB) Checklist {
	t.Helper()
	return loadChecklist(t, "examples/mall/mall.korto")
}

// reportCases are cxkit report's flags and the options that say the
// same to the pipeline.
var reportCases = []struct {
	name string
	args []string
	opts ReportOptions
}{
	{"overall", nil, ReportOptions{}},
	{"by-location", []string{"--by", "location"}, ReportOptions{By: "location"}},
	{"by-auditor-monthly-top3", []string{"--by", "auditor", "--period", "month", "--top", "3", "--min-n", "2"},
		ReportOptions{By: "auditor", Period: "month", Top: 3, MinN: 2}},
	{"where", []string{"--by", "location", "--where", "auditor=А. Петрова"},
		ReportOptions{By: "location", Where: []report.Filter{{Field: "auditor", Value: "А. Петрова"}}}},
}

// TestReportMatchesCommand: the pipeline over the mall's visits, one
// JSON file per visit and the same visits as JSON Lines, gives the
// bytes of cxkit report --json.
func TestReportMatchesCommand(t *testing.T) {
	c := mallChecklist(t)
	for _, input := range []struct{ arg, glob string }{
		{cxkittest.Root("examples/mall/visits"), cxkittest.Root("examples/mall/visits/*.json")},
		{cxkittest.Root("examples/mall/visits.jsonl"), cxkittest.Root("examples/mall/visits.jsonl")},
	} {
		for _, tc := range reportCases {
			t.Run(filepath.Base(input.arg)+"/"+tc.name, func(t *testing.T) {
				want := cxkittest.Run(t, append(append([]string{"report", c.Name, input.arg}, tc.args...), "--json")...)
				got := runToString(t, func(s beam.Scope) beam.PCollection {
					return Report(s, c, []string{input.glob}, withDefaults(tc.opts))
				})
				if got != want {
					t.Errorf("pipeline output differs from cxkit report:\n got: %.600s\nwant: %.600s", got, want)
				}
			})
		}
	}
}

// withDefaults fills in cxkit report's flag defaults.
func withDefaults(o ReportOptions) ReportOptions {
	if o.Top == 0 {
		o.Top = 10
	}
	if o.MinN == 0 {
		o.MinN = 5
	}
	return o
}

// TestReportGenerated: many distinct audits (the mall's visits with
// their IDs made unique) in JSON Lines files of unequal size, read by
// one glob, against cxkit report over the folder. The default size is
// 20,000 sheets (2,000 with -short); CXKIT_BEAM_SHEETS=1000000 runs the
// issue's million (2.5 GB of JSON Lines in the temporary folder).
func TestReportGenerated(t *testing.T) {
	n := 20000
	if testing.Short() {
		n = 2000
	}
	if s := os.Getenv("CXKIT_BEAM_SHEETS"); s != "" {
		if _, err := fmt.Sscan(s, &n); err != nil {
			t.Fatalf("CXKIT_BEAM_SHEETS=%q: %v", s, err)
		}
	}
	dir := t.TempDir()
	writeSheets(t, dir, n, 9)
	c := mallChecklist(t)
	for _, tc := range reportCases[1:3] {
		t.Run(tc.name, func(t *testing.T) {
			want := cxkittest.Run(t, append(append([]string{"report", c.Name, dir}, tc.args...), "--json")...)
			got := runToString(t, func(s beam.Scope) beam.PCollection {
				return Report(s, c, []string{filepath.Join(dir, "*.jsonl")}, withDefaults(tc.opts))
			})
			if got != want {
				t.Errorf("pipeline output differs from cxkit report:\n got: %.600s\nwant: %.600s", got, want)
			}
		})
	}
}

// writeSheets writes n sheets, the mall's visits over and over with
// unique IDs, into about files JSON Lines files of unequal size.
func writeSheets(t *testing.T, dir string, n, files int) {
	t.Helper()
	b, err := os.ReadFile(cxkittest.Root("examples/mall/visits.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	var w *bufio.Writer
	var f *os.File
	closeFile := func() {
		if f == nil {
			return
		}
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
	}
	fileNo, left := 0, 0
	for i := range n {
		if left == 0 {
			closeFile()
			f, err = os.Create(filepath.Join(dir, fmt.Sprintf("part-%02d.jsonl", fileNo)))
			if err != nil {
				t.Fatal(err)
			}
			w = bufio.NewWriterSize(f, 1<<20)
			fileNo++
			left = max(1, n/files*(1+fileNo%3)/2)
		}
		left--
		line := strings.Replace(lines[i%len(lines)], `"id":"v-`, fmt.Sprintf(`"id":"x%07d-`, i), 1)
		w.WriteString(line)
		w.WriteByte('\n')
	}
	closeFile()
}

// TestReportCSIAndPromises: a checklist with a satisfaction index
// (examples/csi) and one with promises (examples/luxury, the follow-up
// in the file of its visit, the visits in three files) against cxkit
// report over the same files.
func TestReportCSIAndPromises(t *testing.T) {
	lux := t.TempDir()
	for file, sheets := range map[string][]string{
		"a.jsonl": {"visit-01.json"},
		"b.jsonl": {"visit-02.json", "followups/lx-0002.json"},
		"c.jsonl": {"visit-03.json"},
	} {
		var b strings.Builder
		for _, s := range sheets {
			b.WriteString(compactSheet(t, "examples/luxury/"+s))
			b.WriteByte('\n')
		}
		if err := os.WriteFile(filepath.Join(lux, file), []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		name, checklist, arg, glob string
		args                       []string
		opts                       ReportOptions
	}{
		{"csi-by-location", "examples/csi/store.korto", cxkittest.Root("examples/csi/visits.jsonl"), cxkittest.Root("examples/csi/visits.jsonl"),
			[]string{"--by", "location", "--as-of", "2026-12-01"}, ReportOptions{By: "location", AsOf: "2026-12-01"}},
		{"luxury-promises", "examples/luxury/boutique.korto", lux, filepath.Join(lux, "*.jsonl"),
			[]string{"--as-of", "2027-01-01"}, ReportOptions{AsOf: "2027-01-01"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := loadChecklist(t, tc.checklist)
			want := cxkittest.Run(t, append(append([]string{"report", c.Name, tc.arg}, tc.args...), "--json")...)
			got := runToString(t, func(s beam.Scope) beam.PCollection {
				return Report(s, c, []string{tc.glob}, withDefaults(tc.opts))
			})
			if got != want {
				t.Errorf("pipeline output differs from cxkit report:\n got: %.600s\nwant: %.600s", got, want)
			}
			if tc.name == "luxury-promises" && !strings.Contains(got, `"open_promises"`) {
				t.Error("no overdue promise listed: the test checks nothing of them")
			}
		})
	}
}

// TestReportAuditors: answer sheets that record when each visit started
// and ended, every auditor's visits spread over several files, give the
// auditors' table (visits, median length, short visits) of cxkit report,
// byte for byte, with and without --min-duration.
func TestReportAuditors(t *testing.T) {
	n := 3000
	if testing.Short() {
		n = 600
	}
	dir := t.TempDir()
	cxkittest.WriteTimedVisits(t, dir, n, 5)
	c := mallChecklist(t)
	for _, tc := range []struct {
		name string
		args []string
		opts ReportOptions
	}{
		{"overall", nil, ReportOptions{}},
		{"by-location-min-25m", []string{"--by", "location", "--min-duration", "25m"}, ReportOptions{By: "location", MinDuration: 25 * time.Minute}},
		{"by-auditor-min-12.5", []string{"--by", "auditor", "--min-duration", "12.5"}, ReportOptions{By: "auditor", MinDuration: 750 * time.Second}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want := cxkittest.Run(t, append(append([]string{"report", c.Name, dir}, tc.args...), "--json")...)
			if !strings.Contains(want, `"median_minutes"`) || (tc.opts.MinDuration > 0) != strings.Contains(want, `"short"`) {
				t.Fatalf("cxkit's report has no auditors' table, or short visits where it should not: the test checks nothing\n%.300s", want)
			}
			got := runToString(t, func(s beam.Scope) beam.PCollection {
				return Report(s, c, []string{filepath.Join(dir, "*.jsonl")}, withDefaults(tc.opts))
			})
			if got != want {
				t.Errorf("pipeline output differs from cxkit report:\n got: %.600s\nwant: %.600s", got[max(0, strings.Index(got, `"auditors"`)):], want[max(0, strings.Index(want, `"auditors"`)):])
			}
		})
	}
}
