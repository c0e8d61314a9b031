package fielddata

import (
	"bufio"
	"encoding/binary"
	"errors"
	"io"
	"math"
	"os"
	"runtime"
	"slices"
	"unsafe"

	"github.com/cxkit/cxkit/internal/sheetnum"
	"github.com/cxkit/cxkit/korto"
)

// spool keeps the good rows of an import until the file is known good:
// in memory up to spoolMemory bytes, then in a temporary file, so that
// memory stays flat in the number of rows. It holds each row not as its
// line of JSON but as its record (appendSpooled): the checked answers,
// most of them a byte (the index of a word of the question), which is
// about a tenth of the line. The lines are made from the records as
// they are copied out (copyTo), on the workers. A million rows of a
// checklist of 130 questions take some 200 MB of temporary file, not
// the 2.7 GB of their JSON, and the work of making the lines is done
// once, at the end, rather than writing and reading them back.
//
// A direct spool holds nothing back: it writes through to direct. When
// direct is a regular file that undo can cut back to its size before
// the import (see rewind), an import that fails leaves it as it was.
type spool struct {
	// The spool is written in chunks, each the records of a batch of
	// rows after their length (a uint32, little-endian), gathered in
	// blocks of spoolBlock bytes: buf is the block being filled, blocks
	// the full ones (held bytes) until memory holds spoolMemory bytes,
	// after which each full block is written to file.
	buf    []byte
	blocks [][]byte
	held   int
	file   *os.File
	filed  int64 // bytes written to file
	direct io.Writer
	undo   rewinder
	size   int64 // undo's size before the import
}

// spoolMemory is how many bytes of records the spool keeps in memory
// before it moves them to a temporary file: some 40,000 rows of a
// checklist of 130 questions. A variable for the tests
// (SetSpoolMemory).
var spoolMemory = 8 << 20

// spoolBlock is the size of the spool's blocks, in memory and in the
// writes of its file: blocks rather than one buffer that grows, whose
// copies as it grew cost more than the rest of the spool's writing.
const spoolBlock = 1 << 20

// write takes the records of a batch of rows, or their lines of JSON
// for a direct spool.
func (sp *spool) write(b []byte) error {
	if len(b) == 0 {
		return nil
	}
	if sp.direct != nil {
		_, err := sp.direct.Write(b)
		return err
	}
	if len(b) > math.MaxUint32-4 {
		return errors.New("a batch of rows too large for the spool")
	}
	if len(sp.buf)+4+len(b) > cap(sp.buf) {
		if err := sp.next(4 + len(b)); err != nil {
			return err
		}
	}
	sp.buf = binary.LittleEndian.AppendUint32(sp.buf, uint32(len(b)))
	sp.buf = append(sp.buf, b...)
	return nil
}

// next puts the block being filled away, in memory or in the file, and
// makes room for need bytes in buf.
func (sp *spool) next(need int) error {
	if len(sp.buf) > 0 {
		if sp.file == nil && sp.held+len(sp.buf)+need > spoolMemory {
			f, err := os.CreateTemp("", "cxkit-import-*.spool")
			if err != nil {
				return err
			}
			sp.file = f
			// Where the system lets an open file be removed (Unix), it
			// goes now and lives on until closed: an import killed on
			// the way leaves nothing behind. Elsewhere close removes it.
			os.Remove(f.Name())
			for _, b := range sp.blocks {
				if err := sp.flush(b); err != nil {
					return err
				}
			}
			sp.blocks, sp.held = nil, 0
		}
		if sp.file != nil {
			if err := sp.flush(sp.buf); err != nil {
				return err
			}
			sp.buf = sp.buf[:0]
		} else {
			sp.blocks = append(sp.blocks, sp.buf)
			sp.held += len(sp.buf)
			sp.buf = nil
		}
	}
	if cap(sp.buf) < need {
		sp.buf = make([]byte, 0, max(min(spoolBlock, spoolMemory), need))
	}
	return nil
}

// flush writes a block to the file.
func (sp *spool) flush(b []byte) error {
	n, err := sp.file.Write(b)
	sp.filed += int64(n)
	return err
}

// spoolChunk is a chunk of the spool on its way through copyTo's
// workers: its records, and the lines of JSON made of them.
type spoolChunk struct {
	recs []byte // in the spool's buf, or in own
	own  []byte // what recs is read into from the file
	out  []byte
	err  error // reading the file
}

// copyTo writes the lines of JSON of what the spool holds to w, in the
// order they came, made by workers goroutines (0: GOMAXPROCS) with
// render, which appends the lines of a batch's records to dst (and is
// called from all of them at once).
func (sp *spool) copyTo(w io.Writer, workers int, render func(dst, recs []byte) ([]byte, error)) error {
	if sp.direct != nil {
		return nil
	}
	// next gives the chunks in order: from the blocks in memory, or
	// read from the file.
	var next func(c *spoolChunk) (last bool)
	if sp.file == nil {
		blocks := append(sp.blocks, sp.buf)
		for len(blocks) > 0 && len(blocks[0]) == 0 {
			blocks = blocks[1:] // only buf can be empty: then it is all
		}
		if len(blocks) == 0 {
			return nil
		}
		rest := blocks[0]
		next = func(c *spoolChunk) bool {
			n := int(binary.LittleEndian.Uint32(rest))
			c.recs, rest = rest[4:4+n], rest[4+n:]
			if len(rest) == 0 {
				blocks = blocks[1:]
				if len(blocks) == 0 || len(blocks[0]) == 0 {
					return true
				}
				rest = blocks[0]
			}
			return false
		}
	} else {
		if err := sp.flush(sp.buf); err != nil {
			return err
		}
		if _, err := sp.file.Seek(0, io.SeekStart); err != nil {
			return err
		}
		r := bufio.NewReaderSize(io.LimitReader(sp.file, sp.filed), spoolBlock)
		left := sp.filed
		next = func(c *spoolChunk) bool {
			c.recs, c.err = nil, nil
			var head [4]byte
			if _, err := io.ReadFull(r, head[:]); err != nil {
				c.err = err
				return true
			}
			n := int(binary.LittleEndian.Uint32(head[:]))
			if cap(c.own) < n {
				c.own = make([]byte, n)
			}
			if _, err := io.ReadFull(r, c.own[:n]); err != nil {
				c.err = err
				return true
			}
			c.recs = c.own[:n]
			left -= int64(4 + n)
			return left <= 0
		}
	}
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	return inOrder(workers, next,
		func() func(*spoolChunk) {
			return func(c *spoolChunk) {
				if c.err == nil {
					c.out, c.err = render(c.out[:0], c.recs)
				}
			}
		},
		func(c *spoolChunk) (bool, error) {
			if c.err != nil {
				if c.err == io.EOF {
					c.err = io.ErrUnexpectedEOF // the file is shorter than what was written
				}
				return true, c.err
			}
			_, err := w.Write(c.out)
			return false, err
		})
}

func (sp *spool) close() {
	if sp.file != nil {
		sp.file.Close()
		os.Remove(sp.file.Name()) // if it could not go when made
	}
}

// The record of a row in the spool is the number of its audit fields
// (a uvarint) and each field's key and value, in the order the line
// writes them (each a uvarint length and the bytes), then a tag byte
// for each question of the plan, in their order, with what some tags
// take after them: the order of the line, so that the line is written
// as the record is read (spoolLines). The tags:
const (
	tagAbsent = 0 // the question has no answer
	// 1 to tagWords: the answer is the question's word tag-1
	tagWords  = 0xf0
	tagWord   = 0xf1 // the question's word, as a uvarint
	tagNumber = 0xf2 // a number: its float64's bits, little-endian
	tagString = 0xf3 // a string: its length, a uvarint, and its bytes
	// a number m/10^k (sheetnum.Decimal, the rule that spells the
	// lines), m a varint, for k from 0 (tagDecimal) to
	// sheetnum.MaxDecimals: most numbers of a checklist are small, with
	// a digit or two after the point, a byte or two rather than eight.
	tagDecimal = 0xf4
)

// The tags of decimals must fit in the byte: this fails to compile
// otherwise.
const _ = uint8(tagDecimal + sheetnum.MaxDecimals)

// appendSpooledNumber appends x as a tag and what it takes.
func appendSpooledNumber(dst []byte, x float64) []byte {
	if x != 0 || !math.Signbit(x) { // -0 is no m/10^k
		if m, k, ok := sheetnum.Decimal(x); ok {
			dst = append(dst, tagDecimal+byte(k))
			return binary.AppendVarint(dst, m)
		}
	}
	dst = append(dst, tagNumber)
	return binary.LittleEndian.AppendUint64(dst, math.Float64bits(x))
}

// appendSpooled appends the record of the row rs to dst: what
// spoolLines needs to write the line appendJSON writes of rs with the
// layout's questions (a word as its index, written as its frag).
func (rs *rowSheet) appendSpooled(dst []byte) []byte {
	dst = binary.AppendUvarint(dst, uint64(len(rs.audit)))
	for _, f := range rs.audit {
		dst = appendSpooledString(dst, f.key)
		dst = appendSpooledString(dst, f.val)
	}
	words := rs.word[:len(rs.given)] // a checked row has a word for each
	for i, g := range rs.given {
		w := words[i]
		switch {
		case !g:
			dst = append(dst, tagAbsent)
		case uint32(w) < tagWords:
			dst = append(dst, byte(w+1))
		case w >= 0:
			dst = append(dst, tagWord)
			dst = binary.AppendUvarint(dst, uint64(w))
		case rs.answers[i].Type == korto.AnswerNumber:
			dst = appendSpooledNumber(dst, rs.answers[i].Number)
		default:
			dst = append(dst, tagString)
			dst = appendSpooledString(dst, rs.answers[i].String)
		}
	}
	return dst
}

func appendSpooledString(dst []byte, s string) []byte {
	dst = binary.AppendUvarint(dst, uint64(len(s)))
	return append(dst, s...)
}

// errSpoolDamaged is the error of a spool whose temporary file does
// not hold what the import wrote to it.
var errSpoolDamaged = errors.New("the import's temporary file was changed or cut while the import ran (is the temporary folder cleaned by another program?): run the import again")

// spoolLines writes the lines of JSON of the spool's records, reading
// each record as it writes its line, without the rowSheet between them.
// It checks every length and tag as it goes: a record that does not
// read to the end, in a temporary file someone else could change, is
// errSpoolDamaged, never a panic or a wrong line.
type spoolLines struct {
	head  []byte     // `{"checklist":…,"version":…`, the same for every line
	ids   [][]byte   // quotedIDs
	frags [][][]byte // by question, its frags (question.frags)
}

// spoolLines returns the spoolLines of rd's checklist.
func (rd *Reader) spoolLines() *spoolLines {
	c := rd.l.plan.Checklist()
	head := appendString([]byte(`{"checklist":`), c.ID)
	if c.Version != "" {
		head = appendString(append(head, `,"version":`...), c.Version)
	}
	sl := &spoolLines{head: head, ids: rd.ids, frags: make([][][]byte, len(rd.l.qs))}
	for i := range rd.l.qs {
		sl.frags[i] = rd.l.qs[i].frags
	}
	return sl
}

// append appends the lines of the records recs, as appendJSON writes
// the rows they were made of.
func (sl *spoolLines) append(dst, recs []byte) ([]byte, error) {
	for len(recs) > 0 {
		var err error
		if dst, recs, err = sl.appendLine(dst, recs); err != nil {
			return dst, err
		}
	}
	return dst, nil
}

// appendLine appends the line of the record at the start of rec and
// returns the rest of rec.
func (sl *spoolLines) appendLine(dst, rec []byte) (_, rest []byte, err error) {
	dst = append(dst, sl.head...)
	n, k := binary.Uvarint(rec)
	if k <= 0 || n > uint64(len(rec)) {
		return dst, nil, errSpoolDamaged
	}
	rec = rec[k:]
	if n > 0 {
		dst = append(dst, `,"audit":{`...)
		for j := range n {
			if j > 0 {
				dst = append(dst, ',')
			}
			var key, val string
			var ok bool
			if key, rec, ok = readSpooledString(rec); !ok {
				return dst, nil, errSpoolDamaged
			}
			if val, rec, ok = readSpooledString(rec); !ok {
				return dst, nil, errSpoolDamaged
			}
			dst = append(appendString(dst, key), ':')
			dst = appendString(dst, val)
		}
		dst = append(dst, '}')
	}
	// Every answer is written with the comma before it; the first
	// one's becomes the object's brace.
	dst = append(dst, `,"answers":`...)
	first := len(dst)
	for i := 0; i < len(sl.frags); i++ {
		var ok bool
		if dst, rec, i, ok = appendWords(dst, rec, sl.frags, i); !ok {
			return dst, nil, errSpoolDamaged
		}
		if i == len(sl.frags) {
			break
		}
		t := rec[0] // where appendWords stopped
		rec = rec[1:]
		switch {
		case t == tagAbsent:
		case t <= tagWords || t == tagWord: // a word whose frag is long
			w := uint64(t) - 1
			if t == tagWord {
				var k int
				if w, k = binary.Uvarint(rec); k <= 0 {
					return dst, nil, errSpoolDamaged
				}
				rec = rec[k:]
			}
			if w >= uint64(len(sl.frags[i])) {
				return dst, nil, errSpoolDamaged
			}
			dst = appendFrag(dst, sl.frags[i][w])
		case t == tagNumber:
			if len(rec) < 8 {
				return dst, nil, errSpoolDamaged
			}
			dst = append(dst, sl.ids[i]...)
			dst = sheetnum.Append(dst, math.Float64frombits(binary.LittleEndian.Uint64(rec)))
			rec = rec[8:]
		case t == tagString:
			var s string
			if s, rec, ok = readSpooledString(rec); !ok {
				return dst, nil, errSpoolDamaged
			}
			dst = append(dst, sl.ids[i]...)
			dst = appendString(dst, s)
		case t >= tagDecimal && t <= tagDecimal+sheetnum.MaxDecimals:
			m, k := binary.Varint(rec)
			if k <= 0 {
				return dst, nil, errSpoolDamaged
			}
			rec = rec[k:]
			dst = append(dst, sl.ids[i]...)
			dst = sheetnum.Append(dst, float64(m)/pow10[t-tagDecimal])
		default:
			return dst, nil, errSpoolDamaged
		}
	}
	dst = openAnswers(dst, first)
	return append(dst, "}}\n"...), rec, nil
}

// appendWords appends the frags of the words whose tags start rec,
// of questions i on, and returns the rest of rec and the question it
// stopped at: one whose tag is not a word, or whose word's frag is too
// long for a block of fragCopy bytes, or len(frags) at the end; ok is
// false for a record cut short or a word its question does not have.
// Most tags are words: the loop copies their frags as blocks into room
// made before it, so that it calls nothing and its variables stay in
// registers (a call to grow dst, even one never made, kept them in
// memory, and the loop took three times the instructions).
func appendWords(dst, rec []byte, frags [][][]byte, i int) (_, rest []byte, next int, ok bool) {
	if need := (len(frags) - i) * fragCopy; cap(dst)-len(dst) < need {
		dst = slices.Grow(dst, need)
	}
	room := dst[len(dst):cap(dst)]
	n := 0
	for ; i < len(frags); i++ {
		if len(rec) == 0 {
			return dst[:len(dst)+n], rec, i, false
		}
		w := rec[0] - 1 // tags 1 to tagWords
		if w >= tagWords {
			break
		}
		fs := frags[i]
		if int(w) >= len(fs) {
			return dst[:len(dst)+n], rec, i, false
		}
		f := fs[w]
		if len(f) > fragCopy || cap(f) < fragCopy {
			break
		}
		copyFrag(room[n:n+fragCopy], f)
		n += len(f)
		rec = rec[1:]
	}
	return dst[:len(dst)+n], rec, i, true
}

// readSpooledString reads a string of appendSpooledString, as a view of
// rec; ok is false when rec is too short to hold it.
func readSpooledString(rec []byte) (s string, rest []byte, ok bool) {
	l, k := binary.Uvarint(rec)
	if k <= 0 || l > uint64(len(rec)-k) {
		return "", nil, false
	}
	rec = rec[k:]
	if l == 0 {
		return "", rec, true
	}
	return unsafe.String(&rec[0], int(l)), rec[l:], true
}
