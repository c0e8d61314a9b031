//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package fielddata

import (
	"io"
	"os"
	"syscall"
)

// copyFile writes the first size bytes of the spool's file f to w from
// a mapping of the file rather than through a buffer: the kernel copies
// the bytes once (from the page cache into a pipe or file) instead of
// twice, and the copy out is the one part of an import that no worker
// shares. Where a window cannot be mapped, the rest is read.
func copyFile(w io.Writer, f *os.File, size int64) error {
	const window = 64 << 20 // a multiple of any page size
	for off := int64(0); off < size; off += window {
		m, err := syscall.Mmap(int(f.Fd()), off, int(min(window, size-off)), syscall.PROT_READ, syscall.MAP_SHARED)
		if err != nil {
			return copyRead(w, f, off)
		}
		_, err = w.Write(m)
		syscall.Munmap(m)
		if err != nil {
			return err
		}
	}
	return nil
}
