package report

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/metrics"
	"sync"
	"testing"
	"time"

	"github.com/cxkit/cxkit/internal/cputime"
)

// sheetsReader is n answer sheets of the mall checklist as JSON Lines,
// made as they are read so that a million of them need no memory: the
// example visits over and over, each with an audit ID of its own so
// that the duplicate check runs as it does on real data.
type sheetsReader struct {
	lines [][]byte
	n, i  int
	cur   []byte
	buf   []byte
}

func mallSheetLines(b testing.TB) [][]byte {
	b.Helper()
	data, err := os.ReadFile(mallLines)
	if err != nil {
		b.Fatal(err)
	}
	return bytes.Split(bytes.TrimSpace(data), []byte("\n"))
}

func (r *sheetsReader) Read(p []byte) (int, error) {
	for len(r.cur) == 0 {
		if r.i == r.n {
			return 0, io.EOF
		}
		l := r.lines[r.i%len(r.lines)]
		at := bytes.Index(l, []byte(`"id":"v-`)) + len(`"id":"`)
		r.buf = append(append(r.buf[:0], l[:at]...), fmt.Sprintf("x%07d-", r.i)...)
		r.buf = append(append(r.buf, l[at+len("v-"):]...), '\n')
		r.cur = r.buf
		r.i++
	}
	n := copy(p, r.cur)
	r.cur = r.cur[n:]
	return n, nil
}

// peakHeap samples the bytes of live and not yet swept heap objects
// while a benchmark runs and keeps the highest above what the heap held
// when it started (the input, already in memory): a measure of peak
// memory that, unlike B/op, does not grow with the data that passed
// through.
type peakHeap struct {
	stop       chan struct{}
	done       sync.WaitGroup
	base, peak uint64
}

func watchHeap() *peakHeap {
	h := &peakHeap{stop: make(chan struct{})}
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	runtime.GC()
	metrics.Read(s)
	h.base = s[0].Value.Uint64()
	h.done.Go(func() {
		t := time.NewTicker(2 * time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(s)
			h.peak = max(h.peak, s[0].Value.Uint64())
			select {
			case <-h.stop:
				return
			case <-t.C:
			}
		}
	})
	return h
}

func (h *peakHeap) end() uint64 {
	close(h.stop)
	h.done.Wait()
	return h.peak - min(h.base, h.peak)
}

// BenchmarkRunWorkers runs the report (by location, month by month) on
// answer sheets made as they are read, with one worker and with two, in
// the same run: the ratio of their times is what report --workers 2
// gains. The sizes show that peak memory (peak-heap-MB) stays flat in
// the number of audits; the duplicate check's 16 bytes per audit are
// kept off the Go heap and are not in it. cpu-ns/op is the CPU time of the whole
// process per op, steadier than wall time on a shared machine: two
// workers' cpu-ns/op over one's is the work that parallel reading adds.
//
//	go test ./report -run '^$' -bench RunWorkers -count 5
func BenchmarkRunWorkers(b *testing.B) {
	plan := mallPlan(b)
	lines := mallSheetLines(b)
	for _, n := range []int{5000, 50000} {
		for _, w := range []int{1, 2} {
			b.Run(fmt.Sprintf("sheets=%d/workers=%d", n, w), func(b *testing.B) {
				h := watchHeap()
				cpu := cputime.PerOp(b, "")
				for b.Loop() {
					src := []Source{{Name: "bench.jsonl", R: &sheetsReader{lines: lines, n: n}, Lines: true}}
					res, err := Run(context.Background(), plan, src, Options{By: "location", Period: "month", Workers: w})
					if err != nil {
						b.Fatal(err)
					}
					if res.Kept != int64(n) {
						b.Fatalf("%d sheets kept, want %d", res.Kept, n)
					}
				}
				b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "sheets/s")
				cpu()
				b.ReportMetric(float64(h.end())/(1<<20), "peak-heap-MB")
			})
		}
	}
}
