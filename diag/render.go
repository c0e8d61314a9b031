package diag

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cxkit/cxkit/internal/textenc"
)

// Render writes diagnostics for people: each as its one line
// ([Diagnostic.Error]), then, where src holds the line it points at, that
// line and a caret under the column, then its hint:
//
//	file:line:col: message
//	   3 |   level 1 "Основа" pass 85 {
//	     |                         ^
//	hint: write 85%
//
// This is how cxkit prints every problem, of whatever input. src is the
// source the diagnostics point into (one file: render the diagnostics of
// each file with its own source); with nil src, or for a
// diagnostic without a position, only the first and last lines are
// written. The caret lines up under the column whatever tabs and
// multi-byte letters precede it. Nil entries of diags are skipped; a
// nil w is an error.
func Render(w io.Writer, diags List, src []byte) error {
	if w == nil {
		return errors.New("diag: Render needs a writer, not nil")
	}
	bw := bufio.NewWriter(w)
	lines := splitLines(src)
	var cols columnCursor
	for _, d := range diags {
		if d == nil {
			continue
		}
		bw.WriteString(d.Error())
		bw.WriteByte('\n')
		if d.Pos.IsValid() && d.Pos.Line <= len(lines) {
			line := lines[d.Pos.Line-1]
			num := strconv.Itoa(d.Pos.Line)
			gutter := strings.Repeat(" ", max(4, len(num)+1))
			text, pad := excerpt(line, cols.byteColumn(d.Pos.Line, line, d.Pos.Column))
			fmt.Fprintf(bw, "%*s | %s\n", len(gutter), num, text)
			fmt.Fprintf(bw, "%s | %s^\n", gutter, strings.Repeat(" ", pad))
		}
		if d.Hint != "" {
			bw.WriteString("hint: " + d.Hint + "\n")
		}
	}
	return bw.Flush()
}

func splitLines(src []byte) [][]byte {
	if src == nil {
		return nil
	}
	// A byte-order mark is not part of the first line as the scanner
	// counts its columns, and prints as junk on some terminals.
	src = textenc.TrimBOM(src)
	lines := bytes.Split(src, []byte{'\n'})
	for i, l := range lines {
		lines[i] = bytes.TrimSuffix(l, []byte{'\r'})
	}
	return lines
}

// tabWidth is how wide a tab is drawn in the quoted source line.
const tabWidth = 4

// maxExcerpt is the widest source excerpt shown, in terminal cells;
// longer lines are cut around the column.
const maxExcerpt = 100

// excerpt makes a source line safe to print and returns it with the
// number of cells before byte column col (1-based): tabs become spaces,
// bytes that are not UTF-8 and control characters become U+FFFD, and a
// long line is cut to a window around the column.
//
// Only a window of the line around the column is decoded: a line of 45 KB
// with thousands of problems on it was decoded whole for each of them.
func excerpt(line []byte, col int) (string, int) {
	from, to := excerptWindow(line, col-1)
	return excerptCells(line[from:to], col-from, from > 0, to < len(line))
}

// excerptWindow returns the bytes of line within excerptRunes characters
// of byte offset at, on either side: more than maxExcerpt cells, unless
// the characters take no cell (combining marks), which the cut-off marks
// then stand for.
func excerptWindow(line []byte, at int) (from, to int) {
	const excerptRunes = 2 * maxExcerpt
	at = min(max(at, 0), len(line))
	from, to = at, at
	for range excerptRunes {
		if from == 0 {
			break
		}
		_, size := utf8.DecodeLastRune(line[:from])
		from -= size
	}
	for range excerptRunes {
		if to == len(line) {
			break
		}
		_, size := utf8.DecodeRune(line[to:])
		to += size
	}
	return from, to
}

var replacementChar = []byte(string(utf8.RuneError))

// excerptCells is excerpt on line, a window of the source line that is
// cut before it (cutBefore) or after it (cutAfter).
func excerptCells(line []byte, col int, cutBefore, cutAfter bool) (string, int) {
	// A cell is a character of line, or spaces for a tab, or U+FFFD
	// for a byte or character that is not printable.
	type cell struct {
		s      []byte
		spaces int
		w      int
	}
	cells := make([]cell, 0, len(line))
	caret, width := -1, 0
	for off := 0; off < len(line); {
		if caret < 0 && off >= col-1 {
			caret = len(cells)
		}
		r, size := utf8.DecodeRune(line[off:])
		s := line[off : off+size]
		off += size
		switch {
		case r == '\t':
			n := tabWidth - width%tabWidth
			cells = append(cells, cell{spaces: n, w: n})
			width += n
			continue
		case r == utf8.RuneError && size == 1, unicode.IsControl(r):
			r, s = utf8.RuneError, replacementChar
		}
		w := runeWidth(r)
		cells = append(cells, cell{s: s, w: w})
		width += w
	}
	if caret < 0 {
		caret = len(cells)
	}
	extra := max(0, col-1-len(line)) // a column past the end: the gap after the line
	lo, hi := 0, len(cells)
	if width > maxExcerpt || cutBefore || cutAfter {
		w := 0
		for lo = caret; lo > 0 && w+cells[lo-1].w <= maxExcerpt/2; lo-- {
			w += cells[lo-1].w
		}
		for hi = caret; hi < len(cells) && w+cells[hi].w <= maxExcerpt; hi++ {
			w += cells[hi].w
		}
	}
	var b strings.Builder
	pad := extra
	if lo > 0 || cutBefore {
		b.WriteString("…")
		pad++
	}
	for i := lo; i < hi; i++ {
		if cells[i].spaces > 0 {
			b.WriteString(strings.Repeat(" ", cells[i].spaces))
		} else {
			b.Write(cells[i].s)
		}
		if i < caret {
			pad += cells[i].w
		}
	}
	if hi < len(cells) || cutAfter {
		b.WriteString("…")
	}
	return b.String(), pad
}

// runeWidth is the number of terminal cells r takes: two for the wide
// East Asian scripts, none for combining marks, one otherwise.
func runeWidth(r rune) int {
	switch {
	case unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r) || r == '\u200b':
		return 0
	case r >= 0x1100 && r <= 0x115F, r >= 0x2E80 && r <= 0xA4CF && r != 0x303F,
		r >= 0xAC00 && r <= 0xD7A3, r >= 0xF900 && r <= 0xFAFF, r >= 0xFE30 && r <= 0xFE4F,
		r >= 0xFF00 && r <= 0xFF60, r >= 0xFFE0 && r <= 0xFFE6,
		r >= 0x1F300 && r <= 0x1F64F, r >= 0x1F900 && r <= 0x1F9FF, r >= 0x20000 && r <= 0x3FFFD:
		return 2
	}
	return 1
}

// columnCursor turns character columns into byte columns for Render,
// counting onward from the previous diagnostic when it is on the same
// line and before this one, as diagnostics sorted by position are.
type columnCursor struct {
	line, col, off int // the last line and character column placed, at byte offset off
}

func (c *columnCursor) byteColumn(lineNo int, line []byte, col int) int {
	if lineNo != c.line || col < c.col || c.col < 1 {
		c.line, c.col, c.off = lineNo, 1, 0
	}
	for c.col < col && c.off < len(line) {
		_, size := utf8.DecodeRune(line[c.off:])
		c.off += size
		c.col++
	}
	if c.col < col {
		// Past the end, as byteColumn counts it.
		return len(line) + (col - c.col) + 1
	}
	return c.off + 1
}
