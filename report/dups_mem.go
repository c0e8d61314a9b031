//go:build unix

package report

import (
	"syscall"
	"unsafe"
)

// newChunk returns room for n records outside the Go heap, and the
// mapping to give back with freeChunk (nil when it had to use the heap).
// The records hold no pointers, and the garbage collector lets its heap
// grow to twice what is live: on the heap, 16 bytes a record would cost
// up to 32 bytes of memory. Mapped, they cost 16.
func newChunk(n int) ([]dupRec, []byte) {
	size := n * int(unsafe.Sizeof(dupRec{}))
	b, err := syscall.Mmap(-1, 0, size, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		return make([]dupRec, 0, n), nil
	}
	return unsafe.Slice((*dupRec)(unsafe.Pointer(&b[0])), n)[:0], b
}

// freeChunk gives a mapping from newChunk back to the system.
func freeChunk(b []byte) {
	if b != nil {
		_ = syscall.Munmap(b)
	}
}
