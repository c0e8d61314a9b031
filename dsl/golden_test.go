package dsl

import (
	"bytes"
	"cmp"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/cxkit/cxkit/internal/golden"
	"github.com/cxkit/cxkit/korto"
)

// TestErrorsGolden parses every malformed file under testdata/errors and
// compares the rendered diagnostics with its .golden file. Each file
// shows one mistake a user can make, so the golden files are also the
// catalogue of messages.
func TestErrorsGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/errors/*.korto")
	if err != nil || len(files) == 0 {
		t.Fatalf("no test files: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".korto"), func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			c, diags := ParseWithDiagnostics(filepath.Base(file), src)
			if len(diags) == 0 {
				t.Fatalf("no diagnostics for %s", file)
			}
			// Warnings alone must leave a checklist to work with; errors
			// may or may not (a checklist with rule errors is returned as
			// far as it was understood).
			if !diags.HasErrors() && c == nil {
				t.Errorf("no checklist returned for warnings alone")
			}
			if !sortedDiags(diags) {
				t.Errorf("diagnostics are not in the order of the file:\n%s", renderString(diags, src))
			}
			var out bytes.Buffer
			if err := Render(&out, diags, src); err != nil {
				t.Fatal(err)
			}
			golden.Check(t, strings.TrimSuffix(file, ".korto")+".golden", out.Bytes())
		})
	}
}

// sortedDiags reports whether diags stand in the order of their
// positions, the order a reader of the file expects.
func sortedDiags(diags korto.Diagnostics) bool {
	return slices.IsSortedFunc(diags, func(a, b *korto.Diagnostic) int {
		return cmp.Or(strings.Compare(a.Pos.File, b.Pos.File), a.Pos.Line-b.Pos.Line, a.Pos.Column-b.Pos.Column)
	})
}
