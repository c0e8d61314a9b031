package support

import (
	"strconv"
	"testing"
)

// With every id hashed to one key, the overflow map keeps the set exact:
// different ids are never duplicates, and a repeat is still found with
// its first line.
func TestIDSetKeyClash(t *testing.T) {
	s := newIDSet()
	s.sum = func(id string) (uint64, uint32) {
		c, _ := strconv.Atoi(id)
		return 42, uint32(c)
	}
	for i, c := range []struct {
		id    string
		first int
	}{{"1", 0}, {"2", 0}, {"3", 0}, {"2", 2}, {"1", 1}, {"3", 3}, {"4", 0}} {
		if got := s.add(c.id, i+1); got != c.first {
			t.Errorf("add(%q) on line %d = %d, want %d", c.id, i+1, got, c.first)
		}
	}
	if len(s.seen) != 1 || len(s.clashed) != 3 {
		t.Errorf("%d keys, %d in overflow; want 1 and 3", len(s.seen), len(s.clashed))
	}
}

func TestIDSetSeeded(t *testing.T) {
	s := newIDSet()
	for i := range 1000 {
		if got := s.add("T"+strconv.Itoa(i), i+1); got != 0 {
			t.Fatalf("distinct id T%d taken for the one on line %d", i, got)
		}
	}
	if got := s.add("T500", 2000); got != 501 {
		t.Errorf("repeat of T500 = line %d, want 501", got)
	}
}
