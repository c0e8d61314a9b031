package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// The league of the committed data set tells the story the generator was
// built to tell: Европа leads, Радуга passes level 2 least often, and
// Северный's critical failures are in its toilets.
func TestLeagueOfTheMallDataSet(t *testing.T) {
	var out strings.Builder
	if err := run(&out, "../mall/mall.korto", "../mall/visits.jsonl", "location", 5); err != nil {
		t.Fatal(err)
	}
	text := out.String()
	t.Log("\n" + text)
	rows := regexp.MustCompile(`(?m)^(\d)\s+(ТЦ \S+)\s+(\d+)\s+\S+%.*?(\S+%)\s+(\S+%)\s`).FindAllStringSubmatch(text, -1)
	if len(rows) != 3 {
		t.Fatalf("want 3 ranked centres, found %d rows", len(rows))
	}
	if rows[0][2] != "ТЦ Европа" {
		t.Errorf("rank 1 is %s, want ТЦ Европа", rows[0][2])
	}
	l2 := map[string]string{}
	for _, r := range rows {
		if r[3] != "24" {
			t.Errorf("%s: n = %s, want 24", r[2], r[3])
		}
		l2[r[2]] = r[5]
	}
	if !(pctLess(l2["ТЦ Радуга"], l2["ТЦ Северный"]) && pctLess(l2["ТЦ Радуга"], l2["ТЦ Европа"])) {
		t.Errorf("ТЦ Радуга should pass level 2 least often: %v", l2)
	}
	if !regexp.MustCompile(`ТЦ Северный\s+wc_smell \d+/24`).MatchString(text) {
		t.Error("ТЦ Северный's toilet failures (wc_smell) are missing from the critical failures")
	}
	if got := strings.Count(text[strings.Index(text, "what to fix first"):], "\n  "); got != 5 {
		t.Errorf("top problems list has %d rows, want 5", got)
	}
}

func pctLess(a, b string) bool {
	x, errA := strconv.ParseFloat(strings.TrimSuffix(a, "%"), 64)
	y, errB := strconv.ParseFloat(strings.TrimSuffix(b, "%"), 64)
	return errA == nil && errB == nil && x < y
}

// A broken line is reported with its file and line number.
func TestRunNamesTheBadLine(t *testing.T) {
	good, err := os.ReadFile("../mall/visits.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	first := good[:strings.IndexByte(string(good), '\n')+1]
	bad := append(append([]byte{}, first...), []byte(`{"checklist": "mall_korto", "answers": {"wc_smell": "maybe"}}`+"\n")...)
	path := filepath.Join(t.TempDir(), "v.jsonl")
	if err := os.WriteFile(path, bad, 0o644); err != nil {
		t.Fatal(err)
	}
	err = run(&strings.Builder{}, "../mall/mall.korto", path, "location", 5)
	if err == nil || !strings.Contains(err.Error(), "v.jsonl:2:") {
		t.Errorf("want an error at v.jsonl:2, got %v", err)
	}
}

// Indented sheets one after another read like JSON Lines; a sheet that
// is cut short is reported at its line and column in the file.
func TestRunReadsIndentedSheets(t *testing.T) {
	good, err := os.ReadFile("../mall/visits.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	var indented bytes.Buffer
	for line := range bytes.Lines(good) {
		if err := json.Indent(&indented, bytes.TrimSpace(line), "", "  "); err != nil {
			t.Fatal(err)
		}
		indented.WriteByte('\n')
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "visits.json")
	if err := os.WriteFile(path, indented.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	var fromLines, fromIndented strings.Builder
	if err := run(&fromLines, "../mall/mall.korto", "../mall/visits.jsonl", "location", 5); err != nil {
		t.Fatal(err)
	}
	if err := run(&fromIndented, "../mall/mall.korto", path, "location", 5); err != nil {
		t.Fatal(err)
	}
	if fromLines.String() != fromIndented.String() {
		t.Errorf("the indented sheets give another league:\n%s\nwant\n%s", fromIndented.String(), fromLines.String())
	}

	cut := append(bytes.Clone(indented.Bytes()[:bytes.Index(indented.Bytes(), []byte("\n}\n"))]), "\n{\"checklist\": \"mall_korto\"}\n"...)
	if err := os.WriteFile(path, cut, 0o644); err != nil {
		t.Fatal(err)
	}
	lines := bytes.Count(cut, []byte("\n")) - 1
	err = run(&strings.Builder{}, "../mall/mall.korto", path, "location", 5)
	if want := fmt.Sprintf("visits.json:%d:", lines); err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("want an error at %s, got %v", want, err)
	}
}
