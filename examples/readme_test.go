package examples_test

import (
	"bytes"
	"os"
	"regexp"
	"testing"

	"github.com/cxkit/cxkit/dsl"
)

// TestReadmeChecklist keeps the checklist shown in the README honest: a
// reader who copies it gets a file that parses without a diagnostic and
// is already in canonical form.
func TestReadmeChecklist(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := regexp.MustCompile("(?s)```\n(checklist .*?)```").FindAllSubmatch(readme, -1)
	if len(blocks) == 0 {
		t.Fatal("README.md shows no checklist")
	}
	for _, b := range blocks {
		src := b[1]
		_, diags := dsl.ParseWithDiagnostics("README.md", src)
		for _, d := range diags {
			t.Errorf("%v", d)
		}
		out, err := dsl.Format(src)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(out, src) {
			t.Errorf("the README's checklist is not in canonical form; format it with cxkit fmt")
		}
	}
}
