package strictjson

import (
	"bytes"
	"sort"
	"unicode/utf8"

	"github.com/cxkit/cxkit/internal/textenc"
)

// Lines turns byte offsets of one document into lines and columns, as
// [Position] does, for callers that place many values: Position counts
// from the start of data each time, which made placing every node of a
// 100k-question checklist quadratic. Lines finds the line by binary
// search over line starts found once, and counts the column from the
// previous offset when offsets come in increasing order on one line (a
// minified document is one long line).
type Lines struct {
	data   []byte
	starts []int // byte offset of each line's first byte
	bom    bool
	// the last offset placed, with its line and uncorrected column
	prevOff, prevLine, prevCol int
}

// NewLines indexes the line starts of data.
func NewLines(data []byte) *Lines {
	starts := []int{0}
	for i := 0; ; {
		j := bytes.IndexByte(data[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
		starts = append(starts, i)
	}
	return &Lines{data: data, starts: starts, bom: textenc.HasBOM(data)}
}

// Position returns the 1-based line and column of byte offset off, the
// same as Position(data, off).
func (l *Lines) Position(off int) (line, column int) {
	o := min(max(off, 0), len(l.data))
	line = sort.Search(len(l.starts), func(i int) bool { return l.starts[i] > o })
	start := l.starts[line-1]
	if l.prevLine == line && l.prevOff <= o && (l.prevOff == len(l.data) || utf8.RuneStart(l.data[l.prevOff])) {
		column = l.prevCol + utf8.RuneCount(l.data[l.prevOff:o])
	} else {
		column = 1 + utf8.RuneCount(l.data[start:o])
	}
	l.prevOff, l.prevLine, l.prevCol = o, line, column
	if l.bom && line == 1 {
		column--
	}
	return line, max(column, 1)
}
