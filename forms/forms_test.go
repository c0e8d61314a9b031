package forms_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cxkit/cxkit/dsl"
	"github.com/cxkit/cxkit/internal/golden"
	"github.com/cxkit/cxkit/korto"
)

// goldenFile compares got with testdata/name, or rewrites it with -update.
func goldenFile(t *testing.T, name string, got []byte) {
	t.Helper()
	golden.Check(t, filepath.Join("testdata", name), got)
}

// exampleChecklists parses every checklist under examples/, by name.
func exampleChecklists(t *testing.T) map[string]*korto.Checklist {
	t.Helper()
	files, err := filepath.Glob("../examples/*/*.korto")
	if err != nil || len(files) == 0 {
		t.Fatalf("no example checklists: %v", err)
	}
	out := map[string]*korto.Checklist{}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		c, err := dsl.Parse(f, src)
		if err != nil {
			t.Fatal(err)
		}
		if ds := c.Validate(); ds.HasErrors() {
			t.Fatalf("%s: %v", f, ds)
		}
		out[strings.TrimSuffix(filepath.Base(f), ".korto")] = c
	}
	return out
}

// indented is v as cxkit prints JSON documents.
func indented(t *testing.T, v any) []byte {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
