package support_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/cxkit/cxkit/internal/cputime"
	"github.com/cxkit/cxkit/metrics/support"
	"github.com/cxkit/cxkit/metrics/support/ticketgen"
)

// benchLines is a pool of generated ticket lines the benchmarks cycle
// through, so a million-ticket run needs no gigabyte of test data.
func benchLines(b *testing.B) [][]byte {
	b.Helper()
	g := ticketgen.New(42, time.Date(2026, 11, 2, 8, 0, 0, 0, time.UTC))
	g.MinRounds = 2 // about ten events a ticket
	lines := make([][]byte, 20000)
	events, size := 0, 0
	for i := range lines {
		t := g.Next()
		events += len(t.Events)
		l, err := json.Marshal(t)
		if err != nil {
			b.Fatal(err)
		}
		lines[i] = append(l, '\n')
		size += len(lines[i])
	}
	b.Logf("%.1f events a ticket, %.0f bytes a line", float64(events)/float64(len(lines)), float64(size)/float64(len(lines)))
	return lines
}

// cycle is a reader of n lines taken round-robin from a pool. From the
// second round on it prefixes each id with the round ("3.T00042"), so
// the ids stay distinct as in a real export and the reader's duplicate
// check does its full work.
type cycle struct {
	lines [][]byte
	n, i  int
	cur   []byte
	buf   []byte
}

var idPrefix = []byte(`{"id":"`)

func (c *cycle) Read(p []byte) (int, error) {
	if len(c.cur) == 0 {
		if c.n == 0 {
			return 0, io.EOF
		}
		c.cur = c.lines[c.i%len(c.lines)]
		if round := c.i / len(c.lines); round > 0 && bytes.HasPrefix(c.cur, idPrefix) {
			c.buf = append(c.buf[:0], idPrefix...)
			c.buf = strconv.AppendInt(c.buf, int64(round), 10)
			c.buf = append(c.buf, '.')
			c.cur = append(c.buf, c.cur[len(idPrefix):]...)
			c.buf = c.cur
		}
		c.i++
		c.n--
	}
	k := copy(p, c.cur)
	c.cur = c.cur[k:]
	return k, nil
}

// plainTicket is what a program would decode a line into with
// encoding/json and nothing else: the baseline.
type plainTicket struct {
	ID       string    `json:"id"`
	Channel  string    `json:"channel"`
	Priority string    `json:"priority"`
	Topic    string    `json:"topic"`
	Created  time.Time `json:"created"`
	Events   []struct {
		At    time.Time `json:"at"`
		Type  string    `json:"type"`
		Agent string    `json:"agent"`
	} `json:"events"`
}

// BenchmarkTickets reads b.N tickets of JSON Lines: "json" is the
// encoding/json baseline (bufio.Scanner + json.Unmarshal into a plain
// struct), "read" the validating Reader, "kpis" the Reader plus every KPI
// and the final report, "kpis-business" the same in business hours. Run
// with -benchtime=1000000x for the million-ticket figure.
func BenchmarkTickets(b *testing.B) {
	lines := benchLines(b)
	cal := support.Weekdays9to5(nil)
	run := func(name string, fn func(b *testing.B, r io.Reader) error) {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			cpu := cputime.PerOp(b, "cpu-ns/ticket")
			if err := fn(b, &cycle{lines: lines, n: b.N}); err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "tickets/s")
			cpu()
		})
	}
	run("json", func(_ *testing.B, r io.Reader) error {
		sc := bufio.NewScanner(r)
		sc.Buffer(make([]byte, 0, 64<<10), 16<<20)
		for sc.Scan() {
			var t plainTicket
			if err := json.Unmarshal(sc.Bytes(), &t); err != nil {
				return err
			}
		}
		return sc.Err()
	})
	run("read", func(_ *testing.B, r io.Reader) error {
		return support.ReadAll(r, func(*support.Ticket) error { return nil })
	})
	for _, c := range []struct {
		name string
		cal  *support.Calendar
	}{{"kpis", nil}, {"kpis-business", cal}} {
		run(c.name, func(b *testing.B, r io.Reader) error {
			b.StopTimer()
			var before runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			b.StartTimer()
			a := support.NewAccumulator(support.Options{Calendar: c.cal})
			if err := support.ReadAll(r, a.Add); err != nil {
				return err
			}
			// What the accumulator holds, before the report sorts it.
			b.StopTimer()
			runtime.GC()
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			b.StartTimer()
			rep := a.Report()
			if rep.Tickets != b.N {
				return fmt.Errorf("report counts %d tickets of %d", rep.Tickets, b.N)
			}
			b.ReportMetric((float64(m.HeapAlloc)-float64(before.HeapAlloc))/float64(b.N), "heap-B/ticket")
			return nil
		})
	}
}

// BenchmarkReadIntoWorkers reads 20,000 tickets from memory into an
// accumulator with one worker and with two: the ratio is what
// cxkit support --workers 2 gains over --workers 1.
func BenchmarkReadIntoWorkers(b *testing.B) {
	var data []byte
	for _, l := range benchLines(b) {
		data = append(data, l...)
	}
	for _, w := range []int{1, 2} {
		b.Run(fmt.Sprintf("workers=%d", w), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			cpu := cputime.PerOp(b, "")
			for b.Loop() {
				a := support.NewAccumulator(support.Options{})
				if err := support.ReadInto(bytes.NewReader(data), a, support.ReadOptions{Workers: w}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(20000*float64(b.N)/b.Elapsed().Seconds(), "tickets/s")
			cpu()
		})
	}
}
