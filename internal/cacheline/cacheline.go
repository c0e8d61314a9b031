// Package cacheline makes slices that share no cache line with other
// memory, for the state that each goroutine of a parallel loop writes
// for every item. Two small slices allocated side by side, one written
// by each of two goroutines on two cores, make the cache line between
// them travel from core to core at every write ("false sharing"): that
// made two import workers take a quarter more CPU than one for the
// same rows.
package cacheline

import "unsafe"

// Size is the span kept clear on each side of a slice: two 64-byte
// lines, as processors fetch lines in pairs.
const Size = 128

// Make returns a slice of n zero values whose backing array has Size
// bytes of its own before and after them, so that no other object is
// within a cache line of them. Its capacity is n: an append moves it to
// memory that is not padded.
func Make[T any](n int) []T {
	var zero T
	pad := 0
	if sz := int(unsafe.Sizeof(zero)); sz > 0 {
		pad = (Size + sz - 1) / sz
	}
	s := make([]T, n+2*pad)
	return s[pad : pad+n : pad+n]
}
