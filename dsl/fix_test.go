package dsl

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/cxkit/cxkit/korto"
)

// TestFixesApplied applies, one at a time, every fix that the golden
// catalogue's diagnostics carry (the hints that are text edits) and
// checks the source again, as a user who does what a hint says, or an
// editor's quick fix, would: the problem must be gone, no more errors
// than before may be left (the fix may bring out a mistake the same line
// hid, but no new one of its own), and when it was the file's only
// error the file must then pass.
func TestFixesApplied(t *testing.T) {
	files, err := filepath.Glob("testdata/errors/*.korto")
	if err != nil || len(files) == 0 {
		t.Fatalf("no test files: %v", err)
	}
	fixes := 0
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(file)
		_, diags := ParseWithDiagnostics(name, src)
		errs := errorCount(diags)
		for _, d := range diags {
			if d.Fix == nil {
				continue
			}
			fixes++
			fixed := d.Fix.Apply(src)
			_, after := ParseWithDiagnostics(name, fixed)
			where := d.Error() + " (hint: " + d.Hint + ")"
			for _, a := range after {
				if a.Pos.Line == d.Pos.Line && stripNumbers(a.Message) == stripNumbers(d.Message) {
					t.Errorf("%s: applying the fix %+v leaves the problem:\n%s", where, *d.Fix, renderString(after, fixed))
				}
			}
			if n := errorCount(after); n > errs || errs == 1 && d.Severity == korto.SeverityError && n > 0 {
				t.Errorf("%s: applying the fix %+v leaves %d errors of %d:\n%s", where, *d.Fix, n, errs, renderString(after, fixed))
			}
		}
	}
	if fixes < 20 {
		t.Errorf("only %d fixes in the catalogue; the test proves little", fixes)
	}
	t.Logf("%d fixes applied", fixes)
}

func errorCount(diags korto.Diagnostics) int {
	n := 0
	for _, d := range diags {
		if d.Severity == korto.SeverityError {
			n++
		}
	}
	return n
}

var numbers = regexp.MustCompile(`[0-9]+`)

// stripNumbers drops the line numbers a message may name, which a fix
// that inserts a line shifts.
func stripNumbers(s string) string { return numbers.ReplaceAllString(s, "#") }
