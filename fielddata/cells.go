package fielddata

import (
	"cmp"
	"encoding/binary"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/internal/cacheline"
	"github.com/cxkit/cxkit/internal/csvlex"
	"github.com/cxkit/cxkit/internal/sheetnum"
	"github.com/cxkit/cxkit/korto"
)

// question is what turning a cell into an answer needs of a question.
type question struct {
	id    string
	kind  korto.KindType
	class uint8 // how a cell is read: classWords, classText or classNumber
	na    bool
	// words are the answers of a yes/no, choice or emotion question as
	// korto.Plan.Words gives them; "na" is word len(words) of any
	// question, as korto.Plan.CheckIndexed takes it. frags are
	// `,"id":"word"` for each, "na" last, as a line of JSON has them
	// (the first answer's comma made a brace: see openAnswers).
	words []string
	frags [][]byte
	// known are the cells most exports write for the question (its
	// words and the usual spellings of "na"), each with the answer that
	// answer makes of it when the question is set up, so that such a
	// cell costs a comparison or two.
	known knownCells
}

// knownCell is a cell's text and the word it is of its question.
type knownCell struct {
	text string
	word int
}

// knownCells are a question's known cells in a small hash table, so
// that a cell is compared with one of them, seldom two: a scan of them
// all took a fifth of the import's work on the cells (the spellings of
// "na" come after the words, and most were tried for every word cell
// that is not the first word). slots has a power of two entries, at
// least half as many again as the cells, and probes linearly. A slot
// holds its text's first eight bytes as a number (cellKey), which is
// all of most known cells: one compare of numbers tells them, where a
// compare of strings was a call, and the row's reader can load a
// cell's key from its bytes in one move (see knownRun). The texts,
// needed only past eight bytes, are apart (texts, by slot), so that a
// slot is 16 bytes and the tables of a checklist's questions, which
// every row reads, stay in the nearest cache.
type knownCells struct {
	slots []knownSlot
	texts []string
	n     int
}

type knownSlot struct {
	key  uint64 // cellKey(text)
	size int32  // len(text); 0 is an empty slot (an empty cell is never a known one)
	word int32
}

// keyMask[n] keeps the first n of eight bytes of a little-endian load.
var keyMask = [9]uint64{0, 0xff, 0xffff, 0xffffff, 0xffffffff, 0xffffffffff, 0xffffffffffff, 0xffffffffffffff, ^uint64(0)}

// cellKey is s's first eight bytes (fewer, zero-padded, when it is
// shorter) as a little-endian number.
func cellKey(s string) uint64 {
	var k uint64
	for i := min(len(s), 8) - 1; i >= 0; i-- {
		k = k<<8 | uint64(s[i])
	}
	return k
}

// hashKey is where the probe of a cell of size bytes with the key key
// starts, before the mask.
func hashKey(key uint64, size int) uint {
	return uint((key ^ uint64(size)<<56) * 0x9e3779b97f4a7c15 >> 32)
}

// makeKnown indexes cells, the first of two with the same text winning.
func makeKnown(cells []knownCell) knownCells {
	var k knownCells
	size := 4
	for size < len(cells)+len(cells)/2+1 {
		size *= 2
	}
	k.slots, k.texts = make([]knownSlot, size), make([]string, size)
	for _, c := range cells {
		if c.text == "" {
			continue
		}
		key := cellKey(c.text)
		for h := hashKey(key, len(c.text)); ; h++ {
			j := h & uint(size-1)
			if k.slots[j].size > 0 && k.texts[j] == c.text {
				break
			}
			if k.slots[j].size == 0 {
				k.slots[j] = knownSlot{key: key, size: int32(len(c.text)), word: int32(c.word)}
				k.texts[j] = c.text
				k.n++
				break
			}
		}
	}
	return k
}

// fold returns the word of the known cells equal to s but for letter
// case, when they are all of one word; else noWord.
func (k *knownCells) fold(s string) int {
	w := noWord
	for j, c := range k.slots {
		if c.size > 0 && strings.EqualFold(k.texts[j], s) {
			if w != noWord && int(c.word) != w {
				return noWord
			}
			w = int(c.word)
		}
	}
	return w
}

// len is the number of known cells.
func (k *knownCells) len() int { return k.n }

// lookup returns the word of a known cell s, or noWord.
func (q *question) lookup(s string) int { return q.known.find(cellKey(s), s) }

// first is find for a cell of 1 to 8 bytes that is in its first
// slot, most cells, small enough to inline: it returns noWord when the
// cell is not there (find then says whether it is known at all).
func (k *knownCells) first(key uint64, size int) int32 {
	if len(k.slots) == 0 {
		return noWord
	}
	c := &k.slots[hashKey(key, size)&uint(len(k.slots)-1)]
	if c.key != key || int(c.size) != size {
		return noWord
	}
	return c.word
}

// find returns the word of the known cell s, whose cellKey is key, or
// noWord.
func (k *knownCells) find(key uint64, s string) int {
	if len(s) == 0 || len(k.slots) == 0 {
		return noWord
	}
	mask, size := uint(len(k.slots)-1), int32(len(s))
	for h := hashKey(key, len(s)); ; h++ {
		c := &k.slots[h&mask]
		if c.key == key && c.size == size && (size <= 8 || k.texts[h&mask] == s) {
			return int(c.word)
		}
		if c.size == 0 {
			return noWord
		}
	}
}

// wordAnswer is word w of the question as an answer: one of its words,
// or "na".
func (q *question) wordAnswer(w int) korto.Answer {
	if w < len(q.words) {
		return korto.Str(q.words[w])
	}
	return korto.NA
}

const (
	classWords  = iota // yes/no, choice, emotion: one of words
	classText          // text
	classNumber        // the numeric kinds
)

func (l *layout) questions() []question {
	c := l.plan.Checklist()
	// The spellings of "na" the exports write, tried for every question
	// (answer says which of them are "na" to it): the checklist's own
	// "not applicable" in each of its languages among them.
	naCells := []string{"na", "NA", "N/A", "n/a", "н/п", "Н/П"}
	for _, lang := range append([]string{""}, c.Languages()...) {
		naCells = append(naCells, c.Words(lang).NA)
	}
	qs := make([]question, l.plan.NumQuestions())
	for i := range qs {
		q := l.plan.Question(i)
		qs[i] = question{id: q.ID, kind: q.Kind.EffectiveType(), na: q.NA, words: l.plan.Words(i)}
		switch qs[i].kind {
		case korto.KindYesNo, korto.KindChoice, korto.KindEmotion:
			qs[i].class = classWords
		case korto.KindText:
			qs[i].class = classText
		default:
			qs[i].class = classNumber
		}
		key := append([]byte{','}, appendString(nil, q.ID)...)
		key = append(key, ':')
		for _, w := range append(slices.Clip(qs[i].words), "na") {
			qs[i].frags = append(qs[i].frags, newFrag(appendString(slices.Clip(key), w)))
		}
		var known []knownCell
		for _, text := range append(slices.Clip(qs[i].words), naCells...) {
			a, w, ok := answer(&qs[i], korto.Str(text), false)
			a2, w2, ok2 := answer(&qs[i], korto.Str(text), true)
			if ok && w != noWord && a == qs[i].wordAnswer(w) && a == a2 && w == w2 && ok2 {
				known = append(known, knownCell{text, w})
			}
		}
		if cells := l.labels[i]; cells != nil {
			// The labels first: in an export of labels, a label that is
			// also another answer's value is the label.
			known = append(slices.Clip(cells), known...)
		}
		qs[i].known = makeKnown(known)
	}
	return qs
}

// answer turns the value of a cell into the answer to question q, the
// way the answer sheet writes it: "yes" or "no", an option ID, an
// emotion, a number, "na", or text. It returns false for an empty cell,
// which leaves the question unanswered. A value it cannot read as the
// question's kind is passed on as it is, for the sheet's check to say
// what is wrong with it and how to write it. word says which of the
// question's words the answer is (see question.words), or is noWord.
//
// The cells most exports write (q.known) are looked up, not read again.
// Letter case is forgiven where no two answers differ by it alone
// ("Yes", "Most"), and "N/A", "na" and the "not applicable" label of the
// checklist's language stand for "na" (except in a text question that
// does not allow "na", where they are what the auditor wrote).
func answer(q *question, a korto.Answer, decimalComma bool) (_ korto.Answer, word int, ok bool) {
	switch a.Type {
	case korto.AnswerNumber:
		if q.kind == korto.KindText {
			return korto.Str(string(sheetnum.Append(nil, a.Number))), noWord, true
		}
		return a, noWord, true
	case korto.AnswerInvalid:
		switch a.String {
		case "null":
			return a, noWord, false
		case "true", "false":
			if q.kind == korto.KindYesNo {
				w := "no"
				if a.String == "true" {
					w = "yes"
				}
				return korto.Str(w), slices.Index(q.words, w), true
			}
		}
		return a, noWord, true
	}
	s := a.String
	if s == "" {
		return a, noWord, false
	}
	// Most other cells are numbers as the forms write them, with no
	// space around them: what the trimmed cell below would come to,
	// found without trimming. None of them is a known cell, which are
	// words.
	if q.class == classNumber {
		if x, ok := parseNumber(s, decimalComma); ok {
			return korto.Num(x), noWord, true
		}
	}
	if w := q.lookup(s); w >= 0 {
		return q.wordAnswer(w), w, true
	}
	t := strings.TrimSpace(s)
	if t == "" {
		return a, noWord, false
	}
	// A known cell with spaces around it, or in another letter case
	// where that tells no two answers apart: a word, a spelling of "na",
	// or an option's label of a labels export retyped by hand.
	if w := q.lookup(t); w >= 0 {
		return q.wordAnswer(w), w, true
	}
	if q.class == classWords {
		if w := q.known.fold(t); w >= 0 {
			return q.wordAnswer(w), w, true
		}
	}
	switch q.class {
	case classText:
		if q.na && korto.IsNAWord(t) {
			return korto.NA, len(q.words), true
		}
		return korto.Str(s), noWord, true
	case classWords:
		if i := fold(t, q.words); i >= 0 {
			return korto.Str(q.words[i]), i, true
		}
	case classNumber:
		if x, ok := parseNumber(t, decimalComma); ok {
			return korto.Num(x), noWord, true
		}
	}
	if korto.IsNAWord(t) {
		return korto.NA, len(q.words), true
	}
	return korto.Str(t), noWord, true
}

// noWord is the word of an answer that is none of its question's.
const noWord = -1

// fold finds s among words, exactly or else ignoring letter case when
// only one word matches so. It returns the word's index, or -1.
func fold(s string, words []string) int {
	if i := slices.Index(words, s); i >= 0 {
		return i
	}
	found := -1
	for i, w := range words {
		if strings.EqualFold(w, s) {
			if found >= 0 {
				return -1
			}
			found = i
		}
	}
	return found
}

// parseNumber reads a decimal number as people write one in a cell:
// digits with an optional sign, point and exponent ("4.5", "-2",
// "1e3"), and "4,5" when decimalComma is set. It refuses what
// strconv.ParseFloat would take but a cell never means (Inf, NaN, hex,
// underscores).
func parseNumber(s string, decimalComma bool) (float64, bool) {
	// Most cells are whole numbers or decimals of a few digits ("4",
	// "2.7"), which a float64 holds exactly as an integer and a power
	// of ten (up to 15 digits in all): one division, correctly rounded
	// as ParseFloat's result is, gives the same number.
	if len(s) > 0 && len(s) <= 16 {
		v, digits, point := int64(0), 0, -1
		i := 0
		for ; i < len(s); i++ {
			c := s[i]
			if c >= '0' && c <= '9' {
				v = 10*v + int64(c-'0')
				digits++
				continue
			}
			if point < 0 && (c == '.' || c == ',' && decimalComma) {
				point = digits
				continue
			}
			break
		}
		if i == len(s) && digits > 0 && digits <= 15 {
			if point < 0 {
				return float64(v), true
			}
			return float64(v) / pow10[digits-point], true
		}
	}
	return parseNumberSlow(s, decimalComma)
}

// parseNumberSlow is parseNumber without its short cut: what a number
// in a cell is.
func parseNumberSlow(s string, decimalComma bool) (float64, bool) {
	if decimalComma {
		s, _ = csvlex.DecimalPoint(s)
	}
	digits := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits = true
		case c == '.' || c == '+' || c == '-' || c == 'e' || c == 'E':
		default:
			return 0, false
		}
	}
	if !digits {
		return 0, false
	}
	x, err := strconv.ParseFloat(s, 64)
	return x, err == nil
}

// pow10 are the powers of ten parseNumber divides by, each exact.
var pow10 = [...]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15}

// row is one record of a file: its cells in column order and where they
// stand. lines and cols, when set, place each cell (a CSV cell may
// start on a later line than its row; a JSON value anywhere); else
// every cell is on line, in the column of its index.
//
// A CSV row is raw: its cells are bytes, one after another in text
// with the separator between them, cell i ending at ends[i] (the line
// as the file has it, for a row without quotes), and read as strings of str, which is text
// as a string. Making a korto.Answer per cell as the row was read was a
// fifth of the import's work; now the cells are read where they lie.
// While the row is being checked and written by Import, str is a view
// of text (see view), valid until the row is read into again; what
// outlives that (a Sheet from Reader.Next, a bad row's problems) is
// made after own.
type row struct {
	line  int
	cells []korto.Answer // the cells of a row that is not raw
	lines []int
	cols  []int
	raw   bool
	text  []byte
	ends  []int32
	str   string
}

// numCells is how many cells the row has.
func (r *row) numCells() int {
	if r.raw {
		return len(r.ends)
	}
	return len(r.cells)
}

// cell returns cell i, which must exist.
func (r *row) cell(i int) korto.Answer {
	if !r.raw {
		return r.cells[i]
	}
	start := int32(0)
	if i > 0 {
		start = r.ends[i-1] + 1 // past the separator (see csvlex.Lexer.NextRun)
	}
	return korto.Str(r.str[start:r.ends[i]])
}

// view makes str a view of text, without a copy: the strings of cells
// read from it change when the row is read into again, so none of them
// may be kept past that.
func (r *row) view() {
	if len(r.text) == 0 {
		r.str = ""
		return
	}
	r.str = unsafe.String(unsafe.SliceData(r.text), len(r.text))
}

// own makes str a string of its own, for cells that outlive the row.
func (r *row) own() {
	if r.raw {
		r.str = string(r.text)
	}
}

func (r *row) pos(i int) (line, col int) {
	line, col = r.line, i+1
	if i < len(r.lines) {
		line = r.lines[i]
	}
	if i < len(r.cols) {
		col = r.cols[i]
	}
	return line, col
}

// empty reports whether the row has no value at all, as the blank rows
// of a spreadsheet have; such rows are skipped.
func (r *row) empty() bool {
	for i := range r.numCells() {
		if a := r.cell(i); a.Type != korto.AnswerString || strings.TrimSpace(a.String) != "" {
			return false
		}
	}
	return true
}

// rowSheet is a row turned into answers by question index and audit
// fields, and checked: the form a row takes on its way to a sheet or a
// line of JSON. A worker reuses one from row to row, so that a row
// costs no map (see korto.Plan.CheckIndexed).
type rowSheet struct {
	head    korto.Sheet // the checklist and version, for the check
	answers []korto.Answer
	given   []bool
	// word says by question which of its words (and frags) the answer
	// is, or noWord when it is answers[i], which is left as it was for
	// a word; nil: none is.
	word  []int32
	audit []auditField // in byte order of their keys (setAudit)
}

// auditField is one audit field of a row; a row has each field once.
type auditField struct{ key, val string }

func (rs *rowSheet) setAudit(key, val string) {
	// In byte order of the keys, as the line writes them: a field or two
	// to pass, where sorting them for every line was a call per compare.
	i := 0
	for i < len(rs.audit) && rs.audit[i].key < key {
		i++
	}
	if i < len(rs.audit) && rs.audit[i].key == key {
		rs.audit[i].val = val
		return
	}
	rs.audit = slices.Insert(rs.audit, i, auditField{key, val})
}

func (rs *rowSheet) auditValue(key string) string {
	for _, f := range rs.audit {
		if f.key == key {
			return f.val
		}
	}
	return ""
}

// sheet returns the row as an answer sheet; qs are the questions the
// row's words are of. It fills dst when dst is not nil, reusing its
// maps, else a new sheet.
func (rs *rowSheet) sheet(dst *korto.Sheet, p *korto.Plan, qs []question) *korto.Sheet {
	s := dst
	if s == nil {
		s = &korto.Sheet{}
	}
	if s.Answers == nil {
		n := 0
		for _, g := range rs.given {
			if g {
				n++
			}
		}
		s.Answers = make(map[string]korto.Answer, n)
	}
	clear(s.Answers)
	s.Checklist, s.Version, s.Warnings = rs.head.Checklist, rs.head.Version, nil
	for i, g := range rs.given {
		switch {
		case !g:
		case i < len(rs.word) && rs.word[i] >= 0:
			s.Answers[p.Question(i).ID] = qs[i].wordAnswer(int(rs.word[i]))
		default:
			s.Answers[p.Question(i).ID] = rs.answers[i]
		}
	}
	clear(s.Audit)
	if len(rs.audit) == 0 {
		s.Audit = nil // a reused map with nothing in it
	}
	for _, f := range rs.audit {
		if s.Audit == nil {
			s.Audit = make(map[string]string, len(rs.audit))
		}
		s.Audit[f.key] = f.val
	}
	return s
}

// sheet turns a row into an answer sheet and checks it against the
// checklist; see [layout.check]. It fills dst when dst is not nil,
// reusing its maps, else a new sheet.
func (l *layout) sheet(r *row, rs *rowSheet, dst *korto.Sheet) (*korto.Sheet, Errors) {
	errs := l.check(r, rs)
	return rs.sheet(dst, l.plan, l.qs), errs
}

// check turns a row into answers in rs and checks them against the
// checklist. It returns every problem of the row, placed at its cell.
// It reads only the layout, so rows may be checked in any order and at
// once, each with its own rs.
func (l *layout) check(r *row, rs *rowSheet) Errors {
	c := l.plan.Checklist()
	n := len(l.qs)
	if len(rs.answers) != n || len(rs.word) != n {
		// Written for every row, by each worker its own: padded, so
		// that two workers' share no cache line.
		rs.answers, rs.given, rs.word = cacheline.Make[korto.Answer](n), cacheline.Make[bool](n), cacheline.Make[int32](n)
	}
	clear(rs.given)
	if rs.audit == nil {
		rs.audit = cacheline.Make[auditField](8)
	}
	rs.audit = rs.audit[:0]
	rs.head.Checklist, rs.head.Version = c.ID, c.Version
	var errs Errors
	if r.raw {
		l.readRaw(r, rs, &errs)
	} else {
		for i := range r.cells {
			if i < len(l.cols) {
				col := &l.cols[i]
				if col.kind == colSkip {
					continue
				}
				if a := &r.cells[i]; a.Type == korto.AnswerString && col.words != nil {
					if w := col.words.lookup(a.String); w >= 0 {
						rs.given[col.q], rs.word[col.q] = true, int32(w)
						continue
					}
				}
			}
			if stop := l.checkCell(r, i, rs, &errs); stop {
				break
			}
		}
	}
	if rs.auditValue("id") == "" {
		for _, i := range l.insts {
			if i < r.numCells() {
				if v := auditValue(r.cell(i)); v != "" {
					rs.setAudit("id", v)
					break
				}
			}
		}
	}
	for _, ae := range l.plan.CheckIndexed(&rs.head, rs.answers, rs.given, rs.word) {
		if ae.Severity != korto.SeverityError {
			continue
		}
		line, col := r.line, 0
		if qi, ok := l.plan.QuestionIndex(ae.Question); ok && l.qcol[qi] >= 0 &&
			(l.qcol[qi] < r.numCells() || !l.format.learnsColumns()) {
			// A JSON result or an XML submission has no place for a
			// question it lacks, even when a later one names it
			// (Import reads a batch of them before checking any).
			line, col = r.pos(l.qcol[qi])
		}
		errs = append(errs, &Error{Pos: diag.Pos{File: l.file, Line: line, Column: col}, Question: ae.Question,
			Code: ae.Code, Message: ae.Message})
	}
	if len(errs) > 0 {
		id := rs.auditValue("id")
		for _, e := range errs {
			e.Subject = about(id, e.Question)
		}
		slices.SortStableFunc(errs, func(a, b *Error) int {
			return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column))
		})
		return errs
	}
	return nil
}

// readRaw is check's reading of the cells of a raw row, most rows: it
// finds the cells that are known cells of their question (most of
// them) where they lie, and leaves the rest to checkCell.
func (l *layout) readRaw(r *row, rs *rowSheet, errs *Errors) {
	start := 0
	for i := 0; i < len(r.ends); i++ {
		if i, start = knownRun(r, l.cols, rs, i, start); i == len(r.ends) {
			break
		}
		at, end := start, int(r.ends[i])
		start = end + 1
		if i < len(l.cols) {
			col := &l.cols[i]
			if q := col.words; q != nil {
				s := r.str[at:end]
				if w := q.known.find(cellKey(s), s); w >= 0 {
					rs.given[col.q], rs.word[col.q] = true, int32(w)
					continue
				}
			} else if col.kind == colSkip {
				continue
			}
		}
		if l.checkCell(r, i, rs, errs) {
			break
		}
	}
}

// knownRun reads the cells of r from cell i on, which starts at byte
// start, as long as each is a meta column's or a known cell of its
// question found in its first slot (knownCells.first); it returns the
// cell it stopped at (or the number of cells) and where it starts.
// Most cells are such cells: this loop calls nothing, so that what it
// reads stays in registers, and a cell's key is one load.
func knownRun(r *row, cols []column, rs *rowSheet, i, start int) (int, int) {
	ends, given, word := r.ends, rs.given, rs.word
	// A cell's key is loaded from its eight bytes, past its end into
	// the next cells or the spare room of text (masked off).
	text := r.text[:cap(r.text)]
	n := min(len(ends), len(cols))
	for ; i < n; i++ {
		end := int(ends[i])
		col := &cols[i]
		if col.kind == colSkip {
			start = end + 1
			continue
		}
		size := end - start
		if col.words == nil || uint(size-1) >= 8 || start+8 > len(text) {
			break
		}
		key := binary.LittleEndian.Uint64(text[start:start+8]) & keyMask[size]
		w := col.words.known.first(key, size)
		if w < 0 {
			break
		}
		given[col.q], word[col.q] = true, w
		start = end + 1
	}
	return i, start
}

// checkCell reads cell i of r into rs, a cell that is not a known
// cell of its question, adding its problems to errs; it returns true
// when the rest of the row is not to be read.
func (l *layout) checkCell(r *row, i int, rs *rowSheet, errs *Errors) (stop bool) {
	a := r.cell(i)
	if i >= len(l.cols) {
		if a.Type != korto.AnswerString || strings.TrimSpace(a.String) != "" {
			line, col := r.pos(i)
			*errs = append(*errs, &Error{Pos: diag.Pos{File: l.file, Line: line, Column: col}, Code: CodeCellCount,
				Message: "a value beyond the last column of the header: give the column a name, or move the value into its column"})
			return true
		}
		return false
	}
	col := &l.cols[i]
	switch col.kind {
	case colQuestion:
		q := &l.qs[col.q]
		v, w, ok := answer(q, a, l.decimalComma)
		// A cell read as a number is ASCII (with spaces around it), so
		// the check of the bytes is left for the others: most cells
		// that get here are numbers.
		if v.Type != korto.AnswerNumber && a.Type == korto.AnswerString && !utf8.ValidString(a.String) {
			*errs = append(*errs, l.notUTF8(r, i))
			return false
		}
		if ok {
			rs.given[col.q], rs.word[col.q] = true, int32(w)
			if w == noWord { // a word is all there is to know of the others
				rs.answers[col.q] = v
			}
		}
	case colAudit:
		if a.Type == korto.AnswerString && !utf8.ValidString(a.String) {
			*errs = append(*errs, l.notUTF8(r, i))
			return false
		}
		v := auditValue(a)
		if l.format == XLSX && (col.field == "date" || col.field == "started" || col.field == "ended") {
			v = excelDate(v)
		}
		if v != "" {
			rs.setAudit(col.field, v)
		}
	}
	return false
}

// notUTF8 is the problem of cell i, whose bytes are not UTF-8. The
// reader refuses a file that does not start as UTF-8 (checkText); a
// cell like this comes from a part saved in another encoding further
// on (two exports pasted together), which would otherwise be written
// with U+FFFD in place of its letters, without a word.
func (l *layout) notUTF8(r *row, i int) *Error {
	line, col := r.pos(i)
	return &Error{Pos: diag.Pos{File: l.file, Line: line, Column: col}, Code: diag.CodeEncoding,
		Message: "not UTF-8 text (this part of the file was saved in another encoding): in Excel choose Save As → CSV UTF-8"}
}

// auditValue is an audit field's value as the sheet keeps it: a label,
// so a number or a boolean keeps its written form.
func auditValue(a korto.Answer) string {
	switch a.Type {
	case korto.AnswerNumber:
		return string(sheetnum.Append(nil, a.Number))
	case korto.AnswerInvalid:
		if a.String == "null" {
			return ""
		}
	}
	return strings.TrimSpace(a.String)
}
