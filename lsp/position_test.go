package lsp

import (
	"testing"

	"go.lsp.dev/protocol"
)

func TestPositionsInUTF16(t *testing.T) {
	text := "ab\nвход 😀x\n\nend"
	l := newLines([]byte(text))
	tests := []struct {
		off  int
		want protocol.Position
	}{
		{0, protocol.Position{Line: 0, Character: 0}},
		{2, protocol.Position{Line: 0, Character: 2}},
		{3, protocol.Position{Line: 1, Character: 0}},
		{3 + len("вход"), protocol.Position{Line: 1, Character: 4}},      // 8 bytes, 4 units
		{3 + len("вход 😀"), protocol.Position{Line: 1, Character: 7}},    // the emoji is 2 units
		{3 + len("вход 😀x\n"), protocol.Position{Line: 2, Character: 0}}, // an empty line
		{len(text), protocol.Position{Line: 3, Character: 3}},
	}
	for _, tt := range tests {
		if got := l.pos(tt.off); got != tt.want {
			t.Errorf("pos(%d) = %+v, want %+v", tt.off, got, tt.want)
		}
		if got := l.offset(tt.want); got != tt.off {
			t.Errorf("offset(%+v) = %d, want %d", tt.want, got, tt.off)
		}
	}
	// A character past the end of its line is the line's end.
	if got := l.offset(protocol.Position{Line: 0, Character: 99}); got != 2 {
		t.Errorf("past the end: %d", got)
	}
	if got := l.offset(protocol.Position{Line: 99}); got != len(text) {
		t.Errorf("past the last line: %d", got)
	}
}
