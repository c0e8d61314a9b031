package metrics

import (
	"fmt"
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
//	go test -run '^$' -bench 'NPS$' -benchtime 20x -count 8 ./metrics
//
// Every path is a function over the whole slice, called once per
// iteration, because that is how an application runs it. Written inline
// in the b.Loop body, the per-score loops share registers with the
// benchmark's own state and spill the loop index and the error to the
// stack on every score, which measures the harness (Add then costs 3.2x
// NPSOf instead of 2.4x) and not the code.

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

// ifElseNPS classifies each score with comparisons, the first way one
// writes it.
func ifElseNPS(scores []uint8) (detractors, promoters int64, err error) {
	for i, s := range scores {
		switch {
		case s > 10:
			return 0, 0, fmt.Errorf("score %d: %d is outside 0..10", i, s)
		case s >= 9:
			promoters++
		case s <= 6:
			detractors++
		}
	}
	return detractors, promoters, nil
}

// histogram counts each byte value; it cannot fail, so it is the floor
// for one pass that touches every score.
func histogram(scores []uint8) [256]int64 {
	var h [256]int64
	for _, s := range scores {
		h[s]++
	}
	return h
}

// checkedHistogram is the histogram that stops at a score above 10: the
// hand-written form of one call per score that reports bad input.
func checkedHistogram(scores []uint8) ([11]int64, error) {
	var h [11]int64
	for i, s := range scores {
		if s > 10 {
			return h, fmt.Errorf("score %d: %d is outside 0..10", i, s)
		}
		h[s]++
	}
	return h, nil
}

// tallyNPS feeds the accumulator one score at a time, as an application
// reading answers one by one does, and stops at the first bad score.
func tallyNPS(scores []uint8) (NPSResult, error) {
	var a NPS
	for i, s := range scores {
		if err := a.Add(int(s)); err != nil {
			return NPSResult{}, fmt.Errorf("score %d: %w", i, err)
		}
	}
	return a.Result()
}

func BenchmarkNPS(b *testing.B) {
	data := benchData()
	run := func(name string, pass func() error) {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(benchScores)
			b.ReportAllocs()
			start := time.Now()
			for b.Loop() {
				if err := pass(); err != nil {
					b.Fatal(err)
				}
			}
			reportPerScore(b, start)
		})
	}
	run("baseline-ifelse", func() error {
		d, p, err := ifElseNPS(data)
		benchSink = [3]int64{d, p}
		return err
	})
	run("baseline-histogram11", func() error {
		h := histogram(data)
		benchSink = [3]int64{h[0] + h[1] + h[2] + h[3] + h[4] + h[5] + h[6], h[9] + h[10], h[11]}
		return nil
	})
	run("baseline-checked-histogram", func() error {
		h, err := checkedHistogram(data)
		benchSink = [3]int64{h[0] + h[1] + h[2] + h[3] + h[4] + h[5] + h[6], h[9] + h[10]}
		return err
	})
	run("NPSOf", func() error {
		r, err := NPSOf(data)
		benchSink[0] = r.Promoters
		return err
	})
	run("NPS.Add", func() error {
		r, err := tallyNPS(data)
		benchSink[0] = r.Promoters
		return err
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

var benchMeanSink float64

// BenchmarkMean measures Mean.Add, whose overflow checks keep 1e308 and
// -1e308 from turning into a NaN, beside the same Welford update written
// by hand without them, over 1,000,000 values per op.
//
//	go test -run '^$' -bench 'Mean' -count 5 ./metrics
func BenchmarkMean(b *testing.B) {
	rng := rand.New(rand.NewPCG(3, 3))
	xs := make([]float64, 1_000_000)
	for i := range xs {
		xs[i] = rng.NormFloat64()*10 + 50
	}
	b.Run("Add", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var a Mean
			for _, x := range xs {
				if err := a.Add(x); err != nil {
					b.Fatal(err)
				}
			}
			benchMeanSink = a.mean
		}
	})
	b.Run("baseline-welford", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var n, mean, m2 float64
			for _, x := range xs {
				n++
				d := x - mean
				mean += d / n
				m2 += d * (x - mean)
			}
			benchMeanSink = mean + m2
		}
	})
}
