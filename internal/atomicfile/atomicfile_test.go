package atomicfile

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

func readString(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// leftovers lists the files in dir other than want.
func leftovers(t *testing.T, dir string, want ...string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	keep := map[string]bool{}
	for _, w := range want {
		keep[w] = true
	}
	var extra []string
	for _, e := range ents {
		if !keep[e.Name()] {
			extra = append(extra, e.Name())
		}
	}
	return extra
}

func TestWriteFileKeepsMode(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "a.korto")
	if err := os.WriteFile(name, []byte("old"), 0o640); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(name, 0o640); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(name, []byte("new"), 0o600); err != nil {
		t.Fatal(err)
	}
	if got := readString(t, name); got != "new" {
		t.Errorf("content %q, want new", got)
	}
	fi, err := os.Stat(name)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want 0640 kept", fi.Mode().Perm())
	}
	if extra := leftovers(t, dir, "a.korto"); extra != nil {
		t.Errorf("left behind %v", extra)
	}
}

func TestWriteFileNew(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "new.html")
	if err := WriteFile(name, []byte("<p>"), 0o644); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(name)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, want 0644", fi.Mode().Perm())
	}
}

// A failure half-way leaves the original as it was and no temporary file.
func TestWriteFailureKeepsOriginal(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "a.korto")
	if err := os.WriteFile(name, []byte("precious"), 0o644); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("disk full")
	err := Write(name, 0o644, func(w io.Writer) error {
		w.Write([]byte("half"))
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err %v, want it to wrap %v", err, boom)
	}
	if got := readString(t, name); got != "precious" {
		t.Errorf("original became %q", got)
	}
	if extra := leftovers(t, dir, "a.korto"); extra != nil {
		t.Errorf("left behind %v", extra)
	}
}

func TestWriteFileSymlinkKept(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real.korto")
	link := filepath.Join(dir, "link.korto")
	if err := os.WriteFile(real, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("real.korto", link); err != nil {
		t.Skip(err)
	}
	if err := WriteFile(link, []byte("new"), 0o644); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced by a file (%v)", err)
	}
	if got := readString(t, real); got != "new" {
		t.Errorf("target holds %q, want new", got)
	}
}

func TestWriteFileRefusesDirectory(t *testing.T) {
	dir := t.TempDir()
	if err := WriteFile(dir, []byte("x"), 0o644); err == nil {
		t.Error("writing over a directory succeeded")
	}
}

// --html /dev/stdout and the like: a device is written, not replaced.
func TestWriteFileDevice(t *testing.T) {
	if _, err := os.Stat(os.DevNull); err != nil {
		t.Skip(err)
	}
	if err := WriteFile(os.DevNull, []byte("x"), 0o644); err != nil {
		t.Errorf("writing %s: %v", os.DevNull, err)
	}
	if fi, err := os.Stat(os.DevNull); err != nil || fi.Mode().IsRegular() {
		t.Fatalf("%s became a regular file (%v)", os.DevNull, err)
	}
}

// A missing folder is named in the error, and the temporary file, which
// the user never asked for, is not.
func TestWriteFileMissingFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "no", "such")
	target := filepath.Join(dir, "form.xlsx")
	err := WriteFile(target, []byte("x"), 0o644)
	if err == nil {
		t.Fatal("no error")
	}
	want := "write " + target + ": no such file or directory (the folder " + dir + " does not exist)"
	if err.Error() != want || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("error %q, want %q (and errors.Is fs.ErrNotExist)", err, want)
	}
}
