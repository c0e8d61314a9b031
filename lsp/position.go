package lsp

import (
	"sort"
	"unicode/utf16"
	"unicode/utf8"

	"go.lsp.dev/protocol"
)

// lines maps byte offsets of a text to LSP positions and back. LSP counts
// characters in UTF-16 code units: a Cyrillic letter is one unit but two
// bytes, and an emoji two units but four bytes.
type lines struct {
	text  []byte
	start []int // offset of each line's first byte
}

func newLines(text []byte) *lines {
	l := &lines{text: text, start: []int{0}}
	for i, c := range text {
		if c == '\n' {
			l.start = append(l.start, i+1)
		}
	}
	return l
}

// pos returns the position of the byte offset off.
func (l *lines) pos(off int) protocol.Position {
	off = max(0, min(off, len(l.text)))
	line := sort.Search(len(l.start), func(i int) bool { return l.start[i] > off }) - 1
	units := 0
	for i := l.start[line]; i < off; {
		r, size := utf8.DecodeRune(l.text[i:])
		i += size
		units += utf16.RuneLen(r) // a bad byte decodes as U+FFFD: one unit
	}
	return protocol.Position{Line: uint32(line), Character: uint32(units)}
}

// offset returns the byte offset of position p; a character past the
// end of its line stands for the line's end, as LSP specifies.
func (l *lines) offset(p protocol.Position) int {
	if int(p.Line) >= len(l.start) {
		return len(l.text)
	}
	i := l.start[p.Line]
	end := len(l.text)
	if int(p.Line)+1 < len(l.start) {
		end = l.start[p.Line+1] - 1
	}
	for units := 0; i < end && units < int(p.Character); {
		r, size := utf8.DecodeRune(l.text[i:])
		units += utf16.RuneLen(r)
		i += size
	}
	return i
}

func (l *lines) rng(from, to int) protocol.Range {
	return protocol.Range{Start: l.pos(from), End: l.pos(to)}
}
