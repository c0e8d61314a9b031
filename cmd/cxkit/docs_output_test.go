package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The language reference shows what cxkit prints for its first
// checklist; this runs the command on the checklist and the sheet the
// reference shows, so that the printed output cannot drift from it.
func TestDocsFirstScoreOutput(t *testing.T) {
	doc, err := os.ReadFile("../../docs/language.md")
	if err != nil {
		t.Fatal(err)
	}
	// block returns the body of the first fenced block whose info string
	// is info and whose body contains marker.
	block := func(info, marker string) string {
		t.Helper()
		for _, m := range regexp.MustCompile("(?ms)^```"+info+"\n(.*?)^```").FindAllSubmatch(doc, -1) {
			if bytes.Contains(m[1], []byte(marker)) {
				return string(m[1])
			}
		}
		t.Fatalf("docs/language.md has no %s block with %q", info, marker)
		return ""
	}
	dir := t.TempDir()
	for name, body := range map[string]string{
		"coffee.korto": block("korto", "checklist coffee "),
		"visit.json":   block("json", `"checklist": "coffee"`),
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	const command = "$ cxkit score coffee.korto visit.json --lang en\n"
	shown := strings.TrimPrefix(block("text", command), command)
	var out, errs bytes.Buffer
	code := run(&env{stdout: &out, stderr: &errs}, []string{"score", filepath.Join(dir, "coffee.korto"), filepath.Join(dir, "visit.json"), "--lang", "en"})
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	if out.String() != shown {
		t.Errorf("docs/language.md shows:\n%s\ncxkit prints:\n%s", shown, out.String())
	}
}
