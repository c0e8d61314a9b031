package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestConditionSpelledOneWay checks that a condition reads the same in
// every place a user meets it: fmt's source, diff's old and new values,
// the schema's x-cxkit-when and the answer-sheet message about a
// switched-off question. Each used to print its own way (one flattened
// "a or (b or c)" to "a or b or c", another wrote 1e+21).
func TestConditionSpelledOneWay(t *testing.T) {
	conds := []string{
		"big > 1000000000000000000000",
		"big <= 0.125 and not ok",
		"ok or (mood == negative or mood == neutral)",
		"(ok or big >= 2.5) and pick in (a, b)",
		"not (ok and pick != c)",
		"ok and (big < 3 and mood in (positive))",
	}
	for i, cond := range conds {
		dir := t.TempDir()
		src := func(when string) string {
			return `checklist spell "Spelling" {
  choice abc {
    a "A" = 1
    b "B" = 0.5
    c "C" = 0
  }
  level 1 "One" pass 50% {
    question ok "OK"
    question big "Big" measure target >= 0
    question pick "Pick" abc
  }
  survey {
    question mood "Mood" emotion
    question dep "Dependent" text when ` + when + `
  }
}
`
		}
		oldPath := filepath.Join(dir, "old.korto")
		newPath := filepath.Join(dir, "new.korto")
		if err := os.WriteFile(oldPath, []byte(src("ok")), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(newPath, []byte(src(cond)), 0o644); err != nil {
			t.Fatal(err)
		}

		out, errs, code := runCmd(t, "", "fmt", newPath)
		if code != 0 {
			t.Fatalf("%d: fmt exit %d: %s", i, code, errs)
		}
		if !strings.Contains(out, " when "+cond+"\n") {
			t.Errorf("%d: fmt does not spell %q:\n%s", i, cond, out)
		}

		out, errs, code = runCmd(t, "", "diff", oldPath, newPath)
		if code > 1 {
			t.Fatalf("%d: diff exit %d: %s", i, code, errs)
		}
		if !strings.Contains(out, cond) {
			t.Errorf("%d: diff does not spell %q:\n%s", i, cond, out)
		}

		out, errs, code = runCmd(t, "", "schema", newPath)
		if code != 0 {
			t.Fatalf("%d: schema exit %d: %s", i, code, errs)
		}
		if got := schemaQuestions(t, []byte(out))["dep"]["x-cxkit-when"]; got != cond {
			t.Errorf("%d: schema x-cxkit-when = %q, want %q", i, got, cond)
		}
	}
}
