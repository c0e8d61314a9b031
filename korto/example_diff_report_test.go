package korto_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/cxkit/cxkit/dsl"
	"github.com/cxkit/cxkit/korto"
)

// NewDiffReport is the whole of `cxkit diff --json`: encode it and a
// program prints what the command prints.
func ExampleNewDiffReport() {
	v1, _ := dsl.ReadChecklist("v1.korto", []byte(`checklist shop "Shop" {
  version "2026.1"
  level 1 "Basics" {
    question greet "Greeted"
  }
}
`))
	v2, _ := dsl.ReadChecklist("v2.korto", []byte(`checklist shop "Shop" {
  version "2026.2"
  level 1 "Basics" {
    question greet "Greeted" weight 2
  }
}
`))
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	enc.Encode(korto.NewDiffReport("v1.korto", v1, "v2.korto", v2))
	// Output:
	// {
	//   "old": {
	//     "file": "v1.korto",
	//     "id": "shop",
	//     "version": "2026.1"
	//   },
	//   "new": {
	//     "file": "v2.korto",
	//     "id": "shop",
	//     "version": "2026.2"
	//   },
	//   "comparable": false,
	//   "incomparable": 1,
	//   "changes": [
	//     {
	//       "kind": "version",
	//       "old": "\"2026.1\"",
	//       "new": "\"2026.2\"",
	//       "incomparable": false,
	//       "message": "checklist: version \"2026.1\" -> \"2026.2\"",
	//       "file": "v2.korto",
	//       "line": 1
	//     },
	//     {
	//       "kind": "question-weight",
	//       "id": "greet",
	//       "old": "1",
	//       "new": "2",
	//       "incomparable": true,
	//       "message": "question greet: weight 1 -> 2",
	//       "file": "v2.korto",
	//       "line": 4
	//     }
	//   ]
	// }
}

// The Example's way prints byte for byte what cxkit diff --json prints
// on the command's own test files (its golden file).
func TestDiffReportSameAsCommand(t *testing.T) {
	dir := filepath.Join("..", "cmd", "cxkit")
	want, err := os.ReadFile(filepath.Join(dir, "testdata", "diff", "v1-v2.out.json"))
	if err != nil {
		t.Fatal(err)
	}
	read := func(name string) *korto.Checklist {
		src, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		c, diags := dsl.ReadChecklist(name, src)
		if c == nil {
			t.Fatal(diags)
		}
		return c
	}
	const v1, v2 = "testdata/diff/v1.korto", "testdata/diff/v2.korto"
	var got bytes.Buffer
	enc := json.NewEncoder(&got)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(korto.NewDiffReport(v1, read(v1), v2, read(v2))); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want) {
		t.Errorf("NewDiffReport's JSON differs from cxkit diff --json (cmd/cxkit/testdata/diff/v1-v2.out.json):\n%s", got.Bytes())
	}
}
