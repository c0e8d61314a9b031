package surveycsv

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/metrics"
	"github.com/google/go-cmp/cmp"
)

// outcome is everything a read shows a user: the summary's JSON and the
// warnings, or the error's lines.
func outcome(d *Data, err error) string {
	if err != nil {
		if ce, ok := err.(diag.List); ok {
			return "cells:\n" + shown(ce)
		}
		return fmt.Sprintf("error %T: %v", err, err)
	}
	s, err := Summarize(d, metrics.Options{})
	if err != nil {
		return "summary error: " + err.Error()
	}
	b, err := json.MarshalIndent(s, "", " ")
	if err != nil {
		return "json error: " + err.Error()
	}
	return string(b) + "\n" + strings.Join(d.Warnings, "\n")
}

// readWays reads data in one pass, with workers over a Sizer split
// into stretches of a few bytes, and with the reference reader; all
// three must agree.
func readWays(t *testing.T, data []byte, cfg Config) {
	t.Helper()
	defer func(m int64) { minSplit = m }(minSplit)
	minSplit = 1
	cfg.Workers = 1
	one := outcome(Read(struct{ *bytes.Reader }{bytes.NewReader(data)}, "x.csv", cfg))
	ref := outcome(referenceRead(data, "x.csv", cfg))
	if one != ref {
		t.Fatalf("lexer and encoding/csv differ on %q (-csv +lexer):\n%s", data, cmp.Diff(ref, one))
	}
	for _, w := range []int{2, 3, 7} {
		cfg.Workers = w
		if got := outcome(Read(bytes.NewReader(data), "x.csv", cfg)); got != one {
			t.Fatalf("%d workers differ from one on %q (-one +workers):\n%s", w, data, cmp.Diff(one, got))
		}
	}
}

var corpus = []string{
	"nps,store\n9,a\n10,b\n0,a\n",
	"\ufeffnps;store;w\n9;a;1,5\n10;b;0,5\r\n\r\n3;\"a\"\"x\";2\n",
	"nps,store\n9,\"Арбат\" 5\n",
	"nps,store\n9,Арбат\n10,Тверская \"1\"\n",
	"a,b,nps\n\"ёё\nжж\",ж,x\n",
	"a,b,nps\n\"Ё, \"\"ё\"\"\",ж,x\n",
	"id,store,nps,comment\n1,north,9,fine\n2,north\n3,south,0\n4\n",
	"a,b,nps,c,d\n1,2,9,3,4\n1,2,9,3,4\n1,2,9,3,4,5,6\n1,2,x,3,4,5\n",
	"nps,store\n9,\"open\n",
	"nps,store\n9,\"a\"\r",
	"nps\n\r",
	"nps\n\"9\"x\n",
	"nps,store\n\n\n9,a\n\n",
	"nps,w\n9,n/a\nn/a,1\n11,2\n",
	"nps,store,nps\n9,a,1\n",
	"x,nps\n\"a\nb\nc\",9\n\"\n\",10\n",
	"nps,store\n9,\xff\n",
	"nps\n" + strings.Repeat("9\n", 50) + "x\n",
}

func TestReadAgreesWithEncodingCSV(t *testing.T) {
	for _, in := range corpus {
		for _, cfg := range []Config{
			{Metric: NPS, By: "store"},
			{Metric: NPS, Column: "nps", By: "store", Weight: "w"},
			{Metric: NPS, Weight: "w"},
		} {
			readWays(t, []byte(in), cfg)
		}
	}
}

// TestWorkersOnQuotedNewlines: a file whose comments hold line breaks
// is cut inside quotes wherever the cuts fall; the workers must still
// read what one pass reads, errors and their order included.
func TestWorkersOnQuotedNewlines(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for trial := range 40 {
		var b strings.Builder
		b.WriteString("id,nps,store,comment,w\r\n")
		for i := range 200 {
			score := fmt.Sprint(rng.IntN(11))
			switch rng.IntN(40) {
			case 0:
				score = "x"
			case 1:
				score = ""
			case 2:
				score = "12"
			}
			comment := []string{"ok", "\"two\nlines\"", "\"a, b\"", "\"quote \"\"q\"\"\n\n\"", "ёж"}[rng.IntN(5)]
			nl := []string{"\n", "\r\n", "\n\n"}[rng.IntN(3)]
			fmt.Fprintf(&b, "%d,%s,s%d,%s,%d%s", i, score, rng.IntN(7), comment, 1+rng.IntN(3), nl)
		}
		data := []byte(b.String())
		if trial%10 == 9 {
			data = append(data, "1,9,s1,\"unclosed\n"...)
		}
		readWays(t, data, Config{Metric: NPS, By: "store", Weight: "w"})
		readWays(t, data, Config{Metric: NPS, By: "store"})
	}
}

// FuzzRead checks the lexer against encoding/csv and the workers
// against one pass, on any input.
func FuzzRead(f *testing.F) {
	for _, in := range corpus {
		f.Add([]byte(in), uint8(0))
	}
	paths, _ := filepath.Glob("../../cmd/cxkit/testdata/survey/*.csv")
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, uint8(1))
	}
	f.Fuzz(func(t *testing.T, data []byte, mode uint8) {
		cfgs := []Config{
			{Metric: NPS, By: "store"},
			{Metric: NPS, Column: "nps", Weight: "w", By: "store"},
			{Metric: Emotion, By: "store"},
			{Metric: CSAT, Scale: metrics.CSAT5, By: "b"},
		}
		readWays(t, data, cfgs[int(mode)%len(cfgs)])
	})
}
