package metrics

import (
	"math/rand/v2"
	"sync"
	"testing"
	"time"
)

// The benchmarks count 10,000,000 NPS scores held as []uint8, reporting
// ns/score. Baselines in the same run: a plain if/else loop, an 11-bucket
// histogram, and the same histogram with a range check per score, the
// ways one would write it by hand.
//
//	go test -run '^$' -bench NPS -benchtime 20x ./metrics

const benchScores = 10_000_000

var benchData = sync.OnceValue(func() []uint8 {
	rng := rand.New(rand.NewPCG(10, 10))
	b := make([]uint8, benchScores)
	for i := range b {
		b[i] = uint8(rng.IntN(11))
	}
	return b
})

var benchSink [3]int64

func reportPerScore(b *testing.B, start time.Time) {
	b.ReportMetric(float64(time.Since(start).Nanoseconds())/float64(b.N)/benchScores, "ns/score")
}

func BenchmarkNPS(b *testing.B) {
	data := benchData()
	b.Run("baseline-ifelse", func(b *testing.B) {
		b.SetBytes(benchScores)
		start := time.Now()
		for b.Loop() {
			var p, d, bad int64
			for _, s := range data {
				if s > 10 {
					bad++
				} else if s >= 9 {
					p++
				} else if s <= 6 {
					d++
				}
			}
			benchSink = [3]int64{d, p, bad}
		}
		reportPerScore(b, start)
	})
	b.Run("baseline-histogram11", func(b *testing.B) {
		b.SetBytes(benchScores)
		start := time.Now()
		for b.Loop() {
			var h [256]int64
			for _, s := range data {
				h[s]++
			}
			benchSink = [3]int64{h[0] + h[1] + h[2] + h[3] + h[4] + h[5] + h[6], h[9] + h[10], h[11]}
		}
		reportPerScore(b, start)
	})
	// The checked histogram is the hand-written form of one call per
	// score: reject a score above 10, else count it. It is the floor for
	// any per-score API that reports bad input, and NPS.Add is measured
	// against it as well as against NPSOf.
	b.Run("baseline-checked-histogram", func(b *testing.B) {
		b.SetBytes(benchScores)
		start := time.Now()
		for b.Loop() {
			var h [11]int64
			for _, s := range data {
				if s > 10 {
					b.Fatalf("score %d out of range", s)
				}
				h[s]++
			}
			benchSink = [3]int64{h[0] + h[1] + h[2] + h[3] + h[4] + h[5] + h[6], h[9] + h[10], 0}
		}
		reportPerScore(b, start)
	})
	b.Run("NPSOf", func(b *testing.B) {
		b.SetBytes(benchScores)
		b.ReportAllocs()
		start := time.Now()
		for b.Loop() {
			r, err := NPSOf(data)
			if err != nil {
				b.Fatal(err)
			}
			benchSink[0] = r.Promoters
		}
		reportPerScore(b, start)
	})
	b.Run("NPS.Add", func(b *testing.B) {
		b.SetBytes(benchScores)
		b.ReportAllocs()
		start := time.Now()
		for b.Loop() {
			var a NPS
			for _, s := range data {
				if err := a.Add(int(s)); err != nil {
					b.Fatal(err)
				}
			}
			r, err := a.Result()
			if err != nil {
				b.Fatal(err)
			}
			benchSink[0] = r.Promoters
		}
		reportPerScore(b, start)
	})
}

// BenchmarkCSAT measures the accumulator on a 1..5 scale, 1,000,000
// answers per op.
func BenchmarkCSAT(b *testing.B) {
	data := benchData()[:1_000_000]
	b.ReportAllocs()
	for b.Loop() {
		a, _ := NewCSAT(CSAT5)
		for _, s := range data {
			a.Add(1 + int(s)%5)
		}
		if _, err := a.Result(); err != nil {
			b.Fatal(err)
		}
	}
}
