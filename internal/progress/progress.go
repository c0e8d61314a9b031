// Package progress draws the progress line of cxkit's long commands on
// a terminal: how many rows (or sheets, or tickets) are done, the rate,
// and the time left when the input's size is known.
//
// A pipeline reports what it has done through a Func; a Bar is one. The
// bar stays silent unless its writer is a terminal and the run has gone
// on for a while, so short runs, pipes and tests print nothing.
package progress

import (
	"fmt"
	"io"
	"sync"
	"sync/atomic"
	"time"

	"github.com/schollz/progressbar/v3"
)

// Func is called by a long-running reader as it goes: bytes read and
// items (rows, sheets, tickets) done since its previous call. It may be
// called from several goroutines at once.
type Func func(bytes, items int64)

// Delay is how long a run goes before its bar appears.
var Delay = time.Second

// Big is the input size, in bytes, from which the bar appears at once,
// however fast the run: cli.md asks for a progress line when the input
// is larger than a few MB or the run takes more than a second.
var Big int64 = 4 << 20

// Bar is a progress line on a terminal. The zero Bar and a nil *Bar draw
// nothing.
type Bar struct {
	w     io.Writer
	total int64 // bytes; -1 when unknown
	unit  string
	start time.Time

	bytes, items atomic.Int64
	mu           sync.Mutex
	bar          *progressbar.ProgressBar // made after Delay
	shown        int64                    // bytes given to bar
}

// New returns a bar on w for an input of total bytes (-1 when unknown),
// counting items named unit ("rows"). With tty false it is nil: a bar
// only draws on a terminal.
func New(w io.Writer, tty bool, total int64, unit string) *Bar {
	if !tty {
		return nil
	}
	return &Bar{w: w, total: total, unit: unit, start: time.Now()}
}

// Add records progress; it is a Func.
func (b *Bar) Add(bytes, items int64) {
	if b == nil {
		return
	}
	nb, ni := b.bytes.Add(bytes), b.items.Add(items)
	big := b.total > Big || nb > Big
	if !big && time.Since(b.start) < Delay || !b.mu.TryLock() {
		return // a concurrent Add is drawing; the next one catches up
	}
	defer b.mu.Unlock()
	desc := fmt.Sprintf("%s %s", thousands(ni), b.unit)
	if b.bar == nil {
		b.bar = progressbar.NewOptions64(b.total,
			progressbar.OptionSetDescription(desc),
			progressbar.OptionSetWriter(b.w),
			progressbar.OptionShowBytes(true),
			progressbar.OptionSetPredictTime(b.total > 0),
			progressbar.OptionThrottle(200*time.Millisecond),
			progressbar.OptionClearOnFinish(),
			progressbar.OptionSetWidth(20),
		)
	} else {
		b.bar.Describe(desc)
	}
	b.bar.Add64(nb - b.shown)
	b.shown = nb
}

// Writer returns w made safe to print on while the bar is drawn on the
// same terminal: each write first clears the bar's line, so a message
// (a bad row, a note) starts at the left margin instead of after the
// bar, and the bar comes back below it at its next step. With a nil bar
// it is w.
func (b *Bar) Writer(w io.Writer) io.Writer {
	if b == nil {
		return w
	}
	return clearingWriter{b, w}
}

type clearingWriter struct {
	b *Bar
	w io.Writer
}

func (c clearingWriter) Write(p []byte) (int, error) {
	c.b.mu.Lock()
	defer c.b.mu.Unlock()
	if c.b.bar != nil {
		c.b.bar.Clear()
	}
	return c.w.Write(p)
}

// Finish clears the bar's line, if it was drawn.
func (b *Bar) Finish() {
	if b == nil {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.bar != nil {
		b.bar.Finish()
		b.bar = nil
	}
}

// thousands formats n with commas between groups of three digits.
func thousands(n int64) string {
	if n < 0 {
		return "-" + thousands(-n)
	}
	s := fmt.Sprint(n)
	out := make([]byte, 0, len(s)+len(s)/3)
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	return string(out)
}
