package cacheline

import (
	"sync"
	"testing"
	"unsafe"
)

// padded returns the bytes of the backing array of s before its first
// element, as Make laid them out.
func padded[T any](n int) (s []T, before int) {
	s = Make[T](n)
	var zero T
	sz := int(unsafe.Sizeof(zero))
	if sz == 0 {
		return s, 0
	}
	return s, (Size + sz - 1) / sz * sz
}

func TestMake(t *testing.T) {
	type answer [5]uint64 // the size of a korto.Answer
	check := func(name string, n, length, capacity int, zero bool, before, size int) {
		t.Helper()
		if length != n || capacity != n {
			t.Errorf("%s: len %d cap %d, want %d and %d", name, length, capacity, n, n)
		}
		if !zero {
			t.Errorf("%s: not zero values", name)
		}
		if size > 0 && before < Size {
			t.Errorf("%s: %d bytes before the first element, want at least %d", name, before, Size)
		}
	}
	for _, n := range []int{0, 1, 131} {
		b, before := padded[bool](n)
		allFalse := true
		for _, v := range b {
			allFalse = allFalse && !v
		}
		check("bool", n, len(b), cap(b), allFalse, before, 1)

		w, before := padded[int32](n)
		allZero := true
		for _, v := range w {
			allZero = allZero && v == 0
		}
		check("int32", n, len(w), cap(w), allZero, before, 4)

		a, before := padded[answer](n)
		allZero = true
		for _, v := range a {
			allZero = allZero && v == answer{}
		}
		check("struct", n, len(a), cap(a), allZero, before, int(unsafe.Sizeof(answer{})))

		e := Make[struct{}](n)
		check("empty struct", n, len(e), cap(e), true, 0, 0)
	}
	// The padding after the elements is the array's own: an append
	// must not write into it, but move.
	s := Make[byte](3)
	s2 := append(s, 1)
	if &s2[0] == &s[0] {
		t.Error("append wrote past the padded elements")
	}
}

// BenchmarkFalseSharing is two goroutines each writing its own small
// slice (131 flags, a checklist's questions), the slices made one after
// the other by plain make and by Make: one writes the last element of
// the first, the other the first of the second, which plain make puts
// in one cache line. On one core it shows nothing.
func BenchmarkFalseSharing(b *testing.B) {
	for _, c := range []struct {
		name string
		make func(int) []uint8
	}{
		{"make", func(n int) []uint8 { return make([]uint8, n) }},
		{"Make", Make[uint8]},
	} {
		b.Run(c.name, func(b *testing.B) {
			s1, s2 := c.make(131), c.make(131)
			var wg sync.WaitGroup
			b.ResetTimer()
			for _, p := range []*uint8{&s1[len(s1)-1], &s2[0]} {
				wg.Go(func() {
					for range b.N {
						*p++
					}
				})
			}
			wg.Wait()
		})
	}
}
