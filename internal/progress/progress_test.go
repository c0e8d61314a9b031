package progress

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"time"
)

// TestSilentOffTerminal: not a terminal, no bar, and a nil bar is safe
// to use.
func TestSilentOffTerminal(t *testing.T) {
	var buf bytes.Buffer
	b := New(&buf, false, 100, "rows")
	if b != nil {
		t.Fatalf("New without a terminal = %v, want nil", b)
	}
	b.Add(10, 1)
	b.Finish()
	if buf.Len() != 0 {
		t.Errorf("printed %q without a terminal", buf.String())
	}
}

// TestDrawsAfterDelay: on a terminal the bar appears only after Delay,
// says how many rows are done, and is cleared at the end.
func TestDrawsAfterDelay(t *testing.T) {
	defer func(d time.Duration) { Delay = d }(Delay)
	Delay = time.Hour
	var buf bytes.Buffer
	b := New(&buf, true, 1000, "rows")
	b.Add(100, 1500)
	if buf.Len() != 0 {
		t.Fatalf("drew %q before the delay", buf.String())
	}
	Delay = 0
	b.Add(100, 1500)
	if got := buf.String(); !strings.Contains(got, "3,000 rows") || !strings.Contains(got, "20%") {
		t.Errorf("bar %q, want 3,000 rows and 20%%", got)
	}
	b.Finish()
	if !strings.HasSuffix(buf.String(), "\r") && !strings.Contains(buf.String(), "\033[") {
		t.Errorf("bar not cleared at the end: %q", buf.String())
	}
}

// TestDrawsForBigInput: an input of more than Big bytes shows the bar at
// once, known in size or not (cli.md: "larger than a few MB or takes
// more than a second"); a small one waits for Delay.
func TestDrawsForBigInput(t *testing.T) {
	defer func(d time.Duration) { Delay = d }(Delay)
	Delay = time.Hour
	tests := []struct {
		name       string
		total, add int64
		draws      bool
	}{
		// A tenth read: the bar draws when its percentage moves.
		{"big file", Big + 1, Big / 10, true},
		{"small file", Big, Big / 10, false},
		{"big stream", -1, Big + 1, true},
		{"small stream", -1, Big, false},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		b := New(&buf, true, tt.total, "rows")
		b.Add(tt.add, 7)
		if got := strings.Contains(buf.String(), "7 rows"); got != tt.draws {
			t.Errorf("%s: drew %v (%q), want %v", tt.name, got, buf.String(), tt.draws)
		}
		b.Finish()
	}
}

// TestWriterClearsTheLine: a message printed while the bar is drawn
// starts on a cleared line, not after the bar's text; off a terminal the
// writer is the plain one.
func TestWriterClearsTheLine(t *testing.T) {
	defer func(d time.Duration) { Delay = d }(Delay)
	Delay = 0
	var buf bytes.Buffer
	b := New(&buf, true, 1000, "rows")
	w := b.Writer(&buf)
	b.Add(100, 10)
	drawn := buf.Len()
	if drawn == 0 {
		t.Fatal("the bar did not draw")
	}
	if _, err := w.Write([]byte("note\n")); err != nil {
		t.Fatal(err)
	}
	between := buf.String()[drawn:strings.LastIndex(buf.String(), "note\n")]
	if !strings.HasSuffix(between, "\r") {
		t.Errorf("after the bar %q came %q before the note, want the line cleared back to its start", buf.String()[:drawn], between)
	}
	b.Finish()

	var plain bytes.Buffer
	var nb *Bar
	if w := nb.Writer(&plain); w != io.Writer(&plain) {
		t.Errorf("a nil bar's writer is %T, want the writer itself", w)
	}
}
