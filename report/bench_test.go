package report

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"runtime"
	"runtime/metrics"
	"sync"
	"testing"
	"time"

	"github.com/cxkit/cxkit/internal/cputime"
)

// benchSheets makes n answer sheets of the mall checklist as JSON Lines:
// the example visits over and over, each with an audit ID of its own so
// that the duplicate check runs as it does on real data.
func benchSheets(b *testing.B, n int) []byte {
	b.Helper()
	data, err := os.ReadFile(mallLines)
	if err != nil {
		b.Fatal(err)
	}
	lines := bytes.Split(bytes.TrimSpace(data), []byte("\n"))
	var out bytes.Buffer
	for i := range n {
		l := lines[i%len(lines)]
		out.Write(bytes.Replace(l, []byte(`"id":"v-`), fmt.Appendf(nil, `"id":"x%07d-`, i), 1))
		out.WriteByte('\n')
	}
	return out.Bytes()
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
// answer sheets read from memory with one worker and with two, in the
// same run: the ratio of their times is what report --workers 2 gains.
// The sizes show that peak memory (peak-heap-MB, the input aside) stays
// flat in the number of audits. cpu-ns/op is the CPU time of the whole
// process per op, steadier than wall time on a shared machine: two
// workers' cpu-ns/op over one's is the work that parallel reading adds.
//
//	go test ./report -run '^$' -bench RunWorkers -count 5
func BenchmarkRunWorkers(b *testing.B) {
	plan := mallPlan(b)
	for _, n := range []int{5000, 20000} {
		data := benchSheets(b, n)
		for _, w := range []int{1, 2} {
			b.Run(fmt.Sprintf("sheets=%d/workers=%d", n, w), func(b *testing.B) {
				b.SetBytes(int64(len(data)))
				h := watchHeap()
				cpu := cputime.Process()
				for b.Loop() {
					src := []Source{{Name: "bench.jsonl", R: bytes.NewReader(data), Lines: true}}
					res, err := Run(context.Background(), plan, src, Options{By: "location", Period: "month", Workers: w, AllowDuplicates: true})
					if err != nil {
						b.Fatal(err)
					}
					if res.Kept != int64(n) {
						b.Fatalf("%d sheets kept, want %d", res.Kept, n)
					}
				}
				b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "sheets/s")
				b.ReportMetric(float64(cputime.Process()-cpu)/float64(b.N), "cpu-ns/op")
				b.ReportMetric(float64(h.end())/(1<<20), "peak-heap-MB")
			})
		}
	}
}
