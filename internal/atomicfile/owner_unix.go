//go:build unix

package atomicfile

import (
	"io/fs"
	"os"
	"syscall"
)

// keepOwner gives f the owner and group of old. Only root may give a file
// away, and a user may only pick a group they belong to, so a failure is
// not an error: the file then belongs to whoever wrote it, as with any
// editor that saves by rename.
func keepOwner(f *os.File, old fs.FileInfo) {
	st, ok := old.Sys().(*syscall.Stat_t)
	if !ok {
		return
	}
	if int(st.Uid) == os.Getuid() && int(st.Gid) == os.Getgid() {
		return
	}
	f.Chown(int(st.Uid), int(st.Gid))
}
