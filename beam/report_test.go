package cxbeam

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"

	"github.com/cxkit/cxkit/beam/internal/cxkittest"
	"github.com/cxkit/cxkit/report"
)

func mallChecklist(t testing.TB) Checklist {
	t.Helper()
	name := cxkittest.Root("examples/mall/mall.korto")
	src, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return Checklist{Name: name, Source: string(src)}
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
