package progress

import (
	"bytes"
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
