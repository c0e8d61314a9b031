package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cxkit/cxkit/metrics"
	"github.com/cxkit/cxkit/metrics/surveycsv"
	"github.com/google/go-cmp/cmp"
)

// TestSurveyLibraryEqualsCommand: the library's read, summary and
// comparison print, byte for byte, what the command prints.
func TestSurveyLibraryEqualsCommand(t *testing.T) {
	q3, q4 := filepath.Join("..", "..", "examples", "survey", "q3.csv"), filepath.Join("..", "..", "examples", "survey", "q4.csv")
	want, stderr, code := runCmd(t, "", "nps", q4, "--by", "store", "--compare", q3, "--json")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	cfg := surveycsv.Config{Metric: surveycsv.NPS, By: "store"}
	d, err := surveycsv.ReadFile(q4, cfg)
	if err != nil {
		t.Fatal(err)
	}
	s, err := surveycsv.Summarize(d, metrics.Options{})
	if err != nil {
		t.Fatal(err)
	}
	cfg.Column = d.Column
	old, err := surveycsv.ReadFile(q3, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Compare(old, metrics.Options{}); err != nil {
		t.Fatal(err)
	}
	var got bytes.Buffer
	if err := writeJSON(&got, s); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got.String()); diff != "" {
		t.Errorf("(-command +library):\n%s", diff)
	}
}

// TestSurveyWorkersSameOutput: every survey command prints the same
// bytes, on stdout and stderr, with any number of workers, on files
// with weights, bad cells and line breaks inside quoted comments.
func TestSurveyWorkersSameOutput(t *testing.T) {
	dir := t.TempDir()
	var good, bad strings.Builder
	good.WriteString("id,store,nps,csat,ces,emotion,w,comment\n")
	bad.WriteString("id,store,nps,csat,ces,emotion,w,comment\n")
	emotions := []string{"positive", "neutral", "negative"}
	for i := range 40000 {
		comment := "fine"
		if i%97 == 0 {
			comment = "\"two\nlines, \"\"quoted\"\"\""
		}
		row := fmt.Sprintf("%d,s%d,%d,%d,%d,%s,%d.%d,%s\n", i, i*7%13, i*31%11, 1+i%5, 1+i%7, emotions[i%3], 1+i%3, i%10, comment)
		good.WriteString(row)
		if i%1999 == 0 {
			row = fmt.Sprintf("%d,s1,x%d,9,9,meh,-1,\"\n\"\n", i, i)
		}
		bad.WriteString(row)
	}
	for name, text := range map[string]string{"good.csv": good.String(), "bad.csv": bad.String()} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, file := range []string{"good.csv", "bad.csv"} {
		for _, args := range [][]string{
			{"nps", "--by", "store", "--json"},
			{"nps", "--by", "store", "--weight", "w"},
			{"csat", "--column", "csat", "--by", "store", "--json"},
			{"ces", "--column", "ces", "--scale", "1..7", "--good", "high", "--by", "store", "--weight", "w", "--json"},
			{"emotion", "--by", "store"},
		} {
			args := append(args, filepath.Join(dir, file))
			out1, err1, code1 := runCmd(t, "", append(args, "--workers", "1")...)
			for _, w := range []string{"2", "3", "8"} {
				out, errs, code := runCmd(t, "", append(args, "--workers", w)...)
				if diff := cmp.Diff([]any{out1, err1, code1}, []any{out, errs, code}); diff != "" {
					t.Errorf("%s --workers %s differs from --workers 1 (-1 +%s):\n%s", strings.Join(args, " "), w, w, diff)
				}
			}
		}
	}
}
