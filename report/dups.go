package report

import (
	"cmp"
	"container/heap"
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"maps"
	"math"
	"slices"
	"strings"

	"github.com/cxkit/cxkit/korto"
)

// The duplicate check: an audit given twice (the same file twice, a
// folder and the JSON Lines made from it) would count twice and narrow
// every interval. Each kept sheet leaves one 16-byte record, a 64-bit
// hash of its audit ID (of its canonical content when it has none) and
// its place; records are kept in fixed-size chunks, each sorted when
// full, and merged at the end, so memory grows by 16 bytes per audit
// and no more (the chunks live outside the Go heap where the system
// allows, see dups_mem.go). Two different IDs share a hash with a chance of about
// n²/2^65 (3·10^-8 for a million audits).

// dupRec is one audit: the hash of its identity and where it is,
// source index and line packed into one word.
type dupRec struct {
	key, place uint64
}

const (
	dupChunk     = 1 << 16 // records per chunk: 1 MiB
	dupLineBits  = 40      // line numbers up to 2^40
	dupMaxListed = 20      // duplicates named in the error
)

func packPlace(src, line int) uint64 { return uint64(src)<<dupLineBits | uint64(line) }

func unpackPlace(p uint64) (src, line int) {
	return int(p >> dupLineBits), int(p & (1<<dupLineBits - 1))
}

// dupList holds one worker's records, in sorted chunks.
type dupList struct {
	full [][]dupRec
	cur  []dupRec
	maps [][]byte // the chunks' mappings, to free (see dups_mem.go)
}

func compareRec(a, b dupRec) int {
	return cmp.Or(cmp.Compare(a.key, b.key), cmp.Compare(a.place, b.place))
}

func (d *dupList) add(key uint64, src, line int) {
	if d.cur == nil {
		var m []byte
		d.cur, m = newChunk(dupChunk)
		if m != nil {
			d.maps = append(d.maps, m)
		}
	}
	d.cur = append(d.cur, dupRec{key, packPlace(src, line)})
	if len(d.cur) == dupChunk {
		slices.SortFunc(d.cur, compareRec)
		d.full = append(d.full, d.cur)
		d.cur = nil
	}
}

// free gives the list's memory back; the list is empty after it.
func (d *dupList) free() {
	d.full, d.cur = nil, nil
	for _, m := range d.maps {
		freeChunk(m)
	}
	d.maps = nil
}

// AuditKey is the identity of an audit as the duplicate check sees it:
// a 64-bit hash of its ID, or of its canonical content (checklist,
// version, audit fields and answers, in key order) when it has none. Two
// sheets with one key are one audit given twice. A caller that checks
// duplicates across runs (a cluster, see [Options.Kept]) compares these
// keys.
func AuditKey(s *korto.Sheet) uint64 {
	h := fnv.New64a()
	var buf [8]byte
	str := func(s string) {
		binary.LittleEndian.PutUint64(buf[:], uint64(len(s)))
		h.Write(buf[:])
		h.Write([]byte(s))
	}
	if id := strings.TrimSpace(s.Audit["id"]); id != "" {
		str("id")
		str(id)
		return h.Sum64()
	}
	str("content")
	str(s.Checklist)
	str(s.Version)
	// One buffer of keys serves both maps, in key order.
	keys := slices.AppendSeq(make([]string, 0, max(len(s.Audit), len(s.Answers))), maps.Keys(s.Audit))
	slices.Sort(keys)
	for _, k := range keys {
		str(k)
		str(s.Audit[k])
	}
	keys = slices.AppendSeq(keys[:0], maps.Keys(s.Answers))
	slices.Sort(keys)
	str("answers")
	for _, k := range keys {
		a := s.Answers[k]
		str(k)
		binary.LittleEndian.PutUint64(buf[:], uint64(a.Type))
		h.Write(buf[:])
		str(a.String)
		binary.LittleEndian.PutUint64(buf[:], math.Float64bits(a.Number))
		h.Write(buf[:])
	}
	return h.Sum64()
}

// DuplicateError lists the audits given more than once.
type DuplicateError struct {
	Dups  []Duplicate // the first ones, by place of the second copy
	Total int         // how many copies past the first there are
}

// Duplicate is one audit seen twice: at First and again at Again
// ("file" or "file:line"). ID is "" for a sheet without an id, which is
// recognized by its content.
type Duplicate struct {
	ID           string
	First, Again string
}

func (e *DuplicateError) Error() string {
	var b strings.Builder
	for i, d := range e.Dups {
		if i > 0 {
			b.WriteString("\n")
		}
		if d.ID != "" {
			fmt.Fprintf(&b, "audit %q appears twice: %s and %s", d.ID, d.First, d.Again)
		} else {
			fmt.Fprintf(&b, "the same audit (by its id, or its whole content when it has no id) appears twice: %s and %s", d.First, d.Again)
		}
	}
	if more := e.Total - len(e.Dups); more > 0 {
		fmt.Fprintf(&b, "\n... and %d more duplicates", more)
	}
	b.WriteString("\n(an audit counted twice would weigh double; use --allow-duplicates if the repeats are meant)")
	return b.String()
}

// recHeap merges sorted chunks.
type recHeap struct {
	chunks [][]dupRec
	at     []int
	order  []int // chunk indexes, a heap by the chunk's next record
}

func (h *recHeap) Len() int { return len(h.order) }
func (h *recHeap) Less(i, j int) bool {
	a, b := h.order[i], h.order[j]
	return compareRec(h.chunks[a][h.at[a]], h.chunks[b][h.at[b]]) < 0
}
func (h *recHeap) Swap(i, j int) { h.order[i], h.order[j] = h.order[j], h.order[i] }
func (h *recHeap) Push(x any)    { h.order = append(h.order, x.(int)) }
func (h *recHeap) Pop() any {
	x := h.order[len(h.order)-1]
	h.order = h.order[:len(h.order)-1]
	return x
}

// findDuplicates merges the workers' records and returns a
// *DuplicateError naming the repeats, nil when there are none. id reads
// the audit ID back for the message.
func findDuplicates(lists []*dupList, place func(src, line int) string, id func(src, line int) string) error {
	h := &recHeap{}
	for _, l := range lists {
		if len(l.cur) > 0 {
			slices.SortFunc(l.cur, compareRec)
			l.full = append(l.full, l.cur)
			l.cur = nil
		}
		h.chunks = append(h.chunks, l.full...)
	}
	h.at = make([]int, len(h.chunks))
	for i := range h.chunks {
		h.order = append(h.order, i)
	}
	heap.Init(h)
	type pair struct{ first, again uint64 }
	var pairs []pair
	total := 0
	var prev dupRec
	var firstOfKey uint64
	started := false
	for h.Len() > 0 {
		c := h.order[0]
		r := h.chunks[c][h.at[c]]
		h.at[c]++
		if h.at[c] == len(h.chunks[c]) {
			heap.Pop(h)
		} else {
			heap.Fix(h, 0)
		}
		if started && r.key == prev.key {
			total++
			if len(pairs) < 10*dupMaxListed {
				pairs = append(pairs, pair{firstOfKey, r.place})
			}
		} else {
			firstOfKey = r.place
		}
		prev, started = r, true
	}
	if total == 0 {
		return nil
	}
	slices.SortFunc(pairs, func(a, b pair) int { return cmp.Compare(a.again, b.again) })
	e := &DuplicateError{Total: total}
	for _, p := range pairs[:min(len(pairs), dupMaxListed)] {
		fs, fl := unpackPlace(p.first)
		as, al := unpackPlace(p.again)
		e.Dups = append(e.Dups, Duplicate{ID: id(as, al), First: place(fs, fl), Again: place(as, al)})
	}
	return e
}
