package surveycsv

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/cxkit/cxkit/metrics"
)

// benchExport is a survey export like bench/duckdb/gen's: 100,000 rows
// of id, date, store (200 of them), channel, nps, csat.
var benchExport = func() []byte {
	rng := rand.New(rand.NewPCG(1, 15))
	var b bytes.Buffer
	b.WriteString("id,date,store,channel,nps,csat\n")
	for i := range 100_000 {
		nps := rng.IntN(11)
		fmt.Fprintf(&b, "%d,2026-%02d-%02d,store-%03d,web,%d,%d\n", i+1, 1+i%12, 1+i%28, 1+rng.IntN(200), nps, max(1, min(5, 1+nps/2)))
	}
	return b.Bytes()
}()

func benchRows(b *testing.B) {
	b.SetBytes(int64(len(benchExport)))
	b.ReportAllocs()
	b.ResetTimer()
}

// BenchmarkReadNPSByStore is the library's read: every row checked,
// NPS overall and per store, one worker.
func BenchmarkReadNPSByStore(b *testing.B) {
	benchRows(b)
	for b.Loop() {
		d, err := Read(bytes.NewReader(benchExport), "bench.csv", Config{Metric: NPS, By: "store", Workers: 1})
		if err != nil || d.Rows != 100_000 {
			b.Fatal(err)
		}
	}
}

// BenchmarkEncodingCSVNPSByStore is the baseline: encoding/csv with
// ReuseRecord, the same columns looked up, strconv.Atoi and a map of
// accumulators, as the reader before this package's lexer did.
func BenchmarkEncodingCSVNPSByStore(b *testing.B) {
	benchRows(b)
	for b.Loop() {
		cr := csv.NewReader(bytes.NewReader(benchExport))
		cr.ReuseRecord = true
		cr.FieldsPerRecord = -1
		if _, err := cr.Read(); err != nil {
			b.Fatal(err)
		}
		var all metrics.NPS
		groups := map[string]*metrics.NPS{}
		for {
			rec, err := cr.Read()
			if err == io.EOF {
				break
			}
			v, err := strconv.Atoi(rec[4])
			if err != nil {
				b.Fatal(err)
			}
			all.Add(v)
			g := groups[rec[2]]
			if g == nil {
				g = &metrics.NPS{}
				groups[rec[2]] = g
			}
			g.Add(v)
		}
	}
}

// BenchmarkHandLoopNPSByStore is the floor: a loop that knows the
// columns' places and that no field is quoted, with no checks at all.
func BenchmarkHandLoopNPSByStore(b *testing.B) {
	benchRows(b)
	for b.Loop() {
		data := benchExport[bytes.IndexByte(benchExport, '\n')+1:]
		var all metrics.NPS
		groups := map[string]*metrics.NPS{}
		for len(data) > 0 {
			end := bytes.IndexByte(data, '\n')
			line := data[:end]
			data = data[end+1:]
			var f [6][]byte
			for i := range 5 {
				j := bytes.IndexByte(line, ',')
				f[i], line = line[:j], line[j+1:]
			}
			v, _ := atoi(f[4])
			all.Add(v)
			g := groups[string(f[2])]
			if g == nil {
				g = &metrics.NPS{}
				groups[string(f[2])] = g
			}
			g.Add(v)
		}
	}
}
