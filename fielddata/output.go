package fielddata

import (
	"io"
	"os"
)

// sameFileAsProblems says whether w is the file the problems are
// printed to: problems, or os.Stderr, where a program's messages go
// unless told otherwise (the log package's among them). Such an output
// must not be cut back after a failed import, since the problems that
// say why it failed are in it too. os.Stderr is checked even when
// problems is nil so that a caller who never heard of ProblemOutput
// does not lose them; the cost of a wrong guess is only that the
// sheets wait in the spool.
func sameFileAsProblems(w, problems io.Writer) bool {
	fi, ok := statOf(w)
	if !ok {
		return false
	}
	for _, o := range []io.Writer{problems, os.Stderr} {
		if ofi, ok := statOf(o); ok && os.SameFile(fi, ofi) {
			return true
		}
	}
	return false
}

// statOf returns what w's Stat says of the file under it, if w has one.
func statOf(w io.Writer) (os.FileInfo, bool) {
	s, ok := w.(interface{ Stat() (os.FileInfo, error) })
	if !ok {
		return nil, false
	}
	fi, err := s.Stat()
	return fi, err == nil
}
