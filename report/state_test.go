package report

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/cxkit/cxkit/dsl"
	"github.com/cxkit/cxkit/korto"
)

// Runs over parts of the input, their aggregates saved, restored into
// fresh aggregators and merged, give the report of one run over all of
// it: with a satisfaction index (examples/csi) and with promises kept,
// broken and overdue (examples/luxury, its follow-up beside its visit).
func TestAggregateStateMergesParts(t *testing.T) {
	csiLines, err := os.ReadFile("../examples/csi/visits.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(strings.TrimRight(string(csiLines), "\n"), "\n")
	third := len(lines) / 3
	lux := func(names ...string) []Source {
		var out []Source
		for _, n := range names {
			b, err := os.ReadFile(filepath.Join(luxuryDir, n))
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, Source{Name: n, R: bytes.NewReader(b)})
		}
		return out
	}
	jsonl := func(ls []string) []Source {
		return []Source{{Name: "part.jsonl", R: strings.NewReader(strings.Join(ls, "")), Lines: true}}
	}
	for _, tc := range []struct {
		name      string
		checklist string
		parts     func() [][]Source
		opts      Options
	}{
		{"csi", "../examples/csi/store.korto", func() [][]Source {
			return [][]Source{jsonl(lines[:third]), jsonl(lines[third : 2*third]), jsonl(lines[2*third:])}
		}, Options{By: "location"}},
		{"luxury", filepath.Join(luxuryDir, "boutique.korto"), func() [][]Source {
			return [][]Source{lux("visit-01.json"), lux("visit-02.json", "followups/lx-0002.json"), lux("visit-03.json")}
		}, Options{AsOf: time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src, err := os.ReadFile(tc.checklist)
			if err != nil {
				t.Fatal(err)
			}
			c, err := dsl.Parse(tc.checklist, src)
			if err != nil {
				t.Fatal(err)
			}
			plan, err := korto.Compile(c)
			if err != nil {
				t.Fatal(err)
			}
			tc.opts.Workers = 1
			var all []Source
			for _, p := range tc.parts() {
				all = append(all, p...)
			}
			whole, err := Run(context.Background(), plan, all, tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			aggOpts := korto.AggregateOptions{GroupBy: tc.opts.By, AsOf: tc.opts.AsOf}
			merged, err := korto.NewAggregator(c, aggOpts)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range tc.parts() {
				res, err := Run(context.Background(), plan, p, tc.opts)
				if err != nil {
					t.Fatal(err)
				}
				state, err := res.Aggregate.MarshalBinary()
				if err != nil {
					t.Fatal(err)
				}
				back, err := korto.NewAggregator(c, aggOpts)
				if err != nil {
					t.Fatal(err)
				}
				if err := back.UnmarshalBinary(state); err != nil {
					t.Fatal(err)
				}
				if again, _ := back.MarshalBinary(); !bytes.Equal(again, state) {
					t.Error("a restored aggregate saves other bytes than it was restored from")
				}
				if err := merged.Merge(back); err != nil {
					t.Fatal(err)
				}
			}
			if d := cmp.Diff(whole.Report, merged.Report()); d != "" {
				t.Errorf("merged parts differ from one run (-whole +merged):\n%s", d)
			}
			if whole.Report.OpenPromisesTotal == nil && tc.name == "luxury" {
				t.Error("the luxury example lists no overdue promise: the test checks nothing of them")
			}
		})
	}
}
