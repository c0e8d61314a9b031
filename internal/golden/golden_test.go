package golden

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// recorder is a testing.TB that keeps what Check reports.
type recorder struct {
	testing.TB
	errs   []string
	fatals []string
}

func (r *recorder) Helper()                   {}
func (r *recorder) Errorf(f string, a ...any) { r.errs = append(r.errs, f) }
func (r *recorder) Fatalf(f string, a ...any) { r.fatals = append(r.fatals, f) }
func (r *recorder) Fatal(a ...any)            { r.fatals = append(r.fatals, "fatal") }

func TestCheck(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sub", "out.golden")

	r := &recorder{TB: t}
	Check(r, path, []byte("x\n"))
	if len(r.fatals) != 1 || !strings.Contains(r.fatals[0], "-update") {
		t.Errorf("a missing file: %q, want one fatal naming -update", r.fatals)
	}

	*update = true
	Check(t, path, []byte("x\n"))
	*update = false
	if b, err := os.ReadFile(path); err != nil || string(b) != "x\n" {
		t.Fatalf("-update wrote %q, %v", b, err)
	}

	r = &recorder{TB: t}
	Check(r, path, []byte("x\n"))
	if len(r.errs)+len(r.fatals) != 0 {
		t.Errorf("equal output reported: %q %q", r.errs, r.fatals)
	}
	Check(r, path, []byte("y\n"))
	if len(r.errs) != 1 {
		t.Errorf("different output: %d errors, want 1", len(r.errs))
	}
}
