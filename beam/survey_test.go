package cxbeam

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"

	"github.com/cxkit/cxkit/beam/internal/cxkittest"
	"github.com/cxkit/cxkit/metrics"
	"github.com/cxkit/cxkit/metrics/surveycsv"
)

// The tests run every pipeline on the prism runner in this process, as
// ptest does by default, and compare its output with the bytes cxkit
// itself prints for the same data.
func TestMain(m *testing.M) { ptest.Main(m) }

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
	if err := os.MkdirAll(parts, 0o755); err != nil {
		t.Fatal(err)
	}
	const header = "id,store,channel,nps,csat,ces,emotion,weight\n"
	r := rand.New(rand.NewPCG(15, 4))
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
		line := fmt.Sprintf("%d,%q,%s,%s,%d,%d,%s,%.3f\n", i+1, store, []string{"shop", "web", "phone"}[r.IntN(3)],
			nps, 1+r.IntN(5), 1+r.IntN(7), emotions[r.IntN(4)], 0.5+r.Float64())
		all.WriteString(line)
		part.WriteString(line)
	}
	flush()
	if err := os.WriteFile(whole, []byte(all.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}
