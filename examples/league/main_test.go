package main

import (
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
	if got := strings.Count(text[strings.Index(text, "fail most"):], "\n  "); got != 5 {
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
