package support

import (
	"errors"
	"fmt"
	"hash/maphash"
	"math"
)

// ErrDuplicateID matches (with errors.Is) the error of a ticket whose id
// an earlier line of the same input already had.
var ErrDuplicateID = errors.New("duplicate ticket id")

// DuplicateIDError says which earlier line had the same ticket id. The
// ticket on that line is the one counted.
type DuplicateIDError struct {
	First int // line of the first ticket with the id
	// FirstFile is the file of that line when it is not the file of the
	// repeat (inputs of many files); "" for the same file.
	FirstFile string
}

// Error says which line had the id first; [TicketError] adds the line
// and id of the repeat.
func (e *DuplicateIDError) Error() string {
	where := fmt.Sprintf("line %d", e.First)
	if e.FirstFile != "" {
		where = fmt.Sprintf("%s:%d", e.FirstFile, e.First)
	}
	return "duplicate id: " + where + " has the same id (a ticket must appear once; the first is kept)"
}

// Is makes errors.Is(err, ErrDuplicateID) true.
func (e *DuplicateIDError) Is(target error) bool { return target == ErrDuplicateID }

// idSet remembers the ids of the tickets read so far without keeping the
// strings. The key is a 64-bit seeded hash of the id; beside it sit the
// line and a 32-bit check from a second, independently seeded hash. Two
// ids are taken for one only when all 96 bits agree: for a billion
// tickets the odds of one false duplicate are below 1 in 10^11. When the
// key matches and the check does not, the ids differ and the newcomer
// goes to a small overflow map keyed by the id itself (the fallback that
// keeps the set exact in that case). A map slot is 16 bytes; with the
// map's load factor and growth that is about 20 to 40 bytes a ticket,
// 40 MB at most for a million, whatever the length of the ids.
type idSet struct {
	sum     func(id string) (key uint64, check uint32)
	seen    map[uint64]idSeen
	clashed map[string]int // ids whose key was taken by a different id
}

type idSeen struct{ line, check uint32 }

func newIDSet() idSet { return newIDSetSeeded(maphash.MakeSeed(), maphash.MakeSeed()) }

// newIDSetSeeded makes a set whose keys can be compared with those of
// another set made with the same seeds (the workers of ReadInto).
func newIDSetSeeded(key, check maphash.Seed) idSet {
	sum := func(id string) (uint64, uint32) {
		return maphash.String(key, id), uint32(maphash.String(check, id))
	}
	return idSet{sum: sum, seen: map[uint64]idSeen{}}
}

// add records id as read on line and returns the line an earlier ticket
// with the same id was on, or 0.
func (s *idSet) add(id string, line int) (first int) {
	k, c := s.sum(id)
	l := uint32(min(line, math.MaxUint32)) // lines past 2^32 are named as the last one that fits
	old, ok := s.seen[k]
	switch {
	case !ok:
		s.seen[k] = idSeen{line: l, check: c}
		return 0
	case old.check == c:
		return int(old.line)
	}
	if first, ok := s.clashed[id]; ok {
		return first
	}
	if s.clashed == nil {
		s.clashed = map[string]int{}
	}
	s.clashed[id] = line
	return 0
}
