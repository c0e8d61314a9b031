// Package split cuts a file into stretches at line breaks, so that
// several goroutines can read one input; the readers of survey CSV
// files and ticket exports share it.
package split

import (
	"bytes"
	"io"
	"os"
)

// Source returns r as a source workers can share, from where r stands,
// and its size from there: a regular *os.File, or a reader with ReadAt
// and Size (*bytes.Reader, *strings.Reader, *io.SectionReader). It must
// be called before anything is read from r.
func Source(r io.Reader) (io.ReaderAt, int64, bool) {
	var src io.ReaderAt
	var size int64
	switch v := r.(type) {
	case *os.File:
		fi, err := v.Stat()
		if err != nil || !fi.Mode().IsRegular() {
			return nil, 0, false
		}
		src, size = v, fi.Size()
	case interface {
		io.ReaderAt
		Size() int64
	}:
		src, size = v, v.Size()
	default:
		return nil, 0, false
	}
	var start int64
	if sk, ok := r.(io.Seeker); ok {
		at, err := sk.Seek(0, io.SeekCurrent)
		if err != nil || at > size {
			return nil, 0, false
		}
		start = at
	}
	return io.NewSectionReader(src, start, size-start), size - start, true
}

// Cuts returns n+1 offsets from start to size: start, then each just
// past the first line break at or after an n-th of the way, then size.
func Cuts(src io.ReaderAt, start, size int64, n int) ([]int64, error) {
	cuts := []int64{start}
	for i := 1; i < n; i++ {
		at := max(start+(size-start)*int64(i)/int64(n), cuts[i-1])
		c, err := nextLine(src, at, size)
		if err != nil {
			return nil, err
		}
		cuts = append(cuts, c)
	}
	return append(cuts, size), nil
}

// nextLine returns the offset just past the first line break at or
// after at, or size.
func nextLine(src io.ReaderAt, at, size int64) (int64, error) {
	var buf [4096]byte
	for at < size {
		n, err := src.ReadAt(buf[:min(int64(len(buf)), size-at)], at)
		if i := bytes.IndexByte(buf[:n], '\n'); i >= 0 {
			return at + int64(i) + 1, nil
		}
		at += int64(n)
		if err != nil && err != io.EOF {
			return 0, err
		}
		if n == 0 {
			break
		}
	}
	return size, nil
}
