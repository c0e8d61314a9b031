// Command gen writes a large survey export for the DuckDB comparison
// (bench/duckdb/run.sh): ROWS answers from 200 stores, with a date, a
// channel, an NPS score and a CSAT rating per row, deterministic for a
// given seed. The file is written where -o says and never committed.
//
//	go run ./bench/duckdb/gen -rows 10000000 -o /tmp/survey-10m.csv
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log"
	"math/rand/v2"
	"os"
	"strconv"
)

func main() {
	rows := flag.Int("rows", 10_000_000, "answers to write")
	stores := flag.Int("stores", 200, "stores")
	seed := flag.Uint64("seed", 1, "random seed")
	out := flag.String("o", "", "output `FILE` (required)")
	flag.Parse()
	if *out == "" || *rows < 0 || *stores < 1 {
		flag.Usage()
		os.Exit(2)
	}
	f, err := os.Create(*out)
	if err != nil {
		log.Fatal(err)
	}
	if err := write(f, *rows, *stores, *seed); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
}

// write writes the export. Each store has its own mood, so the stores
// differ as real ones do and the ranking has something to rank.
func write(f *os.File, rows, stores int, seed uint64) error {
	rng := rand.New(rand.NewPCG(seed, 15))
	mood := make([]float64, stores)
	for i := range mood {
		mood[i] = 5.5 + 3*rng.Float64()
	}
	w := bufio.NewWriterSize(f, 1<<20)
	w.WriteString("id,date,store,channel,nps,csat\n")
	channels := []string{"shop", "web", "app"}
	var b []byte
	for i := range rows {
		s := rng.IntN(stores)
		nps := int(mood[s] + 2.5*rng.NormFloat64() + 0.5)
		nps = max(0, min(10, nps))
		csat := max(1, min(5, 1+nps/2))
		b = strconv.AppendInt(b[:0], int64(i+1), 10)
		b = fmt.Appendf(b, ",2026-%02d-%02d,store-%03d,%s,", 1+i%12, 1+i%28, s+1, channels[rng.IntN(3)])
		b = strconv.AppendInt(b, int64(nps), 10)
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(csat), 10)
		b = append(b, '\n')
		if _, err := w.Write(b); err != nil {
			return err
		}
	}
	return w.Flush()
}
