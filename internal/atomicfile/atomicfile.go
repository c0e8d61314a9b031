// Package atomicfile replaces files so that a reader, or a crash, sees
// either the old content or the new one, never a mix or an empty file.
//
// os.WriteFile truncates the file before writing: if the disk fills up or
// the process dies half-way, the old content is gone and the new one is
// cut short. WriteFile here writes a temporary file in the same directory
// (so the final rename stays on one file system), syncs it, gives it the
// old file's permissions (and owner, when the process may set it), renames
// it over the target and syncs the directory so the rename survives a
// power loss. On any error the target is untouched and the temporary file
// removed.
package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// WriteFile writes data to the file name, replacing it atomically. An
// existing file keeps its permission bits (and, where the process is
// allowed to, its owner); a new file gets perm. When name is a symbolic
// link, the file it points to is replaced and the link kept. A device or
// a named pipe (/dev/stdout) is written in place, as there is nothing to
// replace.
func WriteFile(name string, data []byte, perm fs.FileMode) error {
	return Write(name, perm, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// Write is WriteFile for content produced by a function writing to w: the
// target is replaced only if fill returns nil and every write succeeded.
func Write(name string, perm fs.FileMode, fill func(w io.Writer) error) (err error) {
	target, err := resolve(name)
	if err != nil {
		return err
	}
	var old fs.FileInfo
	if fi, err := os.Stat(target); err == nil {
		switch {
		case fi.IsDir():
			return &fs.PathError{Op: "write", Path: name, Err: errors.New("is a directory")}
		case !fi.Mode().IsRegular():
			// A device or a pipe (--html /dev/stdout): there is no
			// content to lose and nothing to rename over.
			return writeInPlace(target, fill)
		}
		old = fi
		perm = fi.Mode().Perm()
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	dir, base := filepath.Split(target)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		// The temporary file is ours, not the user's: name the target
		// and the folder, not ".name.tmp-123".
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = &fs.PathError{Op: "write", Path: name, Err: pe.Err}
			if errors.Is(pe.Err, fs.ErrNotExist) {
				return fmt.Errorf("%w (the folder %s does not exist)", err, filepath.Clean(dir))
			}
			return err
		}
		return fmt.Errorf("write %s: %w", name, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = fill(tmp); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	// CreateTemp makes the file 0600; chmod after, as the umask must not
	// narrow the permissions the file had.
	if err = tmp.Chmod(perm); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	if old != nil {
		keepOwner(tmp, old)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	if err = os.Rename(tmp.Name(), target); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	// The rename is done: the file holds the new content. A failed
	// directory sync only weakens durability across a power loss, which
	// some file systems do not support anyway, so it is not an error.
	syncDir(dir)
	return nil
}

// resolve follows symbolic links so that the file pointed to is replaced
// rather than the link turned into a regular file.
func resolve(name string) (string, error) {
	target, err := filepath.EvalSymlinks(name)
	if err == nil {
		return target, nil
	}
	if errors.Is(err, fs.ErrNotExist) {
		if _, lerr := os.Lstat(name); lerr == nil {
			// A dangling link: write where it points.
			dest, rerr := os.Readlink(name)
			if rerr != nil {
				return "", rerr
			}
			if !filepath.IsAbs(dest) {
				dest = filepath.Join(filepath.Dir(name), dest)
			}
			return dest, nil
		}
		return name, nil
	}
	return "", err
}

func syncDir(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	d.Sync()
	d.Close()
}

func writeInPlace(name string, fill func(w io.Writer) error) error {
	f, err := os.OpenFile(name, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	if err := fill(f); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", name, err)
	}
	return f.Close()
}
