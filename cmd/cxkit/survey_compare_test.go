package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSurveyCompareSameColumn: --compare reads the earlier export's
// column of the same name as the one the answers came from. An earlier
// export without it is wrong input (exit 1), even when it has a single
// column: that column holds some other question, and the difference
// would compare unlike things.
func TestSurveyCompareSameColumn(t *testing.T) {
	old := filepath.Join(t.TempDir(), "old.csv")
	if err := os.WriteFile(old, []byte("foo\n1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"nps", "csat", "emotion"} {
		t.Run(k, func(t *testing.T) {
			stdout, stderr, code := runCmd(t, "", k, "../../examples/survey/q3.csv", "--compare", old)
			if code != exitInput {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, exitInput, stderr)
			}
			if stdout != "" {
				t.Errorf("stdout %q, want nothing", stdout)
			}
			if want := `old.csv: no column "` + k + `"`; !strings.Contains(stderr, want) {
				t.Errorf("stderr lacks %q:\n%s", want, stderr)
			}
		})
	}
}
