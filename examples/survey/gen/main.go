// Command gen writes the example survey exports examples/survey/q3.csv
// and q4.csv: two quarters of a made-up retail chain's post-visit
// survey, with the same stores, so that
//
//	cxkit nps examples/survey/q4.csv --column nps --by store --compare examples/survey/q3.csv
//
// has something to say. The output is deterministic (fixed seeds).
//
//	go run ./examples/survey/gen examples/survey
package main

import (
	"encoding/csv"
	"fmt"
	"log"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
)

// store is one shop and how its customers tend to answer. lift is how
// many points of "mood" a quarter adds: the chain trained staff between
// Q3 and Q4, and the centre store improved most.
type store struct {
	name    string
	mood    float64 // mean of a latent satisfaction, roughly 0..10
	visits  int     // answers per quarter
	channel string
	lift    float64
}

var stores = []store{
	{"centre", 7.2, 420, "shop", 0.5},
	{"north", 7.9, 360, "shop", 0.1},
	{"south", 6.6, 200, "shop", 0.2},
	{"airport", 6.1, 60, "shop", 0.0},
	{"online", 7.4, 450, "web", 0.25},
	{"outlet", 6.9, 15, "shop", -0.2},
}

func main() {
	dir := "examples/survey"
	if len(os.Args) > 1 {
		dir = os.Args[1]
	}
	for q, name := range []string{"q3.csv", "q4.csv"} {
		if err := write(filepath.Join(dir, name), q); err != nil {
			log.Fatal(err)
		}
	}
}

func clamp(x float64, lo, hi int) int {
	v := int(x + 0.5)
	if x < 0 {
		v = int(x - 0.5)
	}
	return max(lo, min(hi, v))
}

func write(name string, quarter int) error {
	rng := rand.New(rand.NewPCG(2026, uint64(3+quarter)))
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	w := csv.NewWriter(f)
	w.Write([]string{"id", "store", "channel", "nps", "csat", "ces", "emotion", "weight"})
	id := 0
	for _, s := range stores {
		for range s.visits {
			id++
			mood := s.mood + float64(quarter)*s.lift + rng.NormFloat64()*1.9
			nps := clamp(mood+rng.NormFloat64()*0.8, 0, 10)
			csat := clamp(1+mood/2.3+rng.NormFloat64()*0.6, 1, 5)
			ces := clamp(mood*0.7+rng.NormFloat64()*0.9, 1, 7)
			emotion := "neutral"
			switch e := mood + rng.NormFloat64(); {
			case e >= 7.8:
				emotion = "positive"
			case e < 5.2:
				emotion = "negative"
			}
			// Weights correct for web customers answering more often
			// than shop customers (a post-stratification weight).
			weight := 1.0
			if s.channel == "web" {
				weight = 0.6
			}
			weight *= 0.8 + 0.4*rng.Float64()
			row := []string{strconv.Itoa(id), s.name, s.channel, strconv.Itoa(nps), strconv.Itoa(csat), strconv.Itoa(ces), emotion, fmt.Sprintf("%.3f", weight)}
			// Not everyone answers every question.
			if rng.IntN(25) == 0 {
				row[4] = ""
			}
			if rng.IntN(30) == 0 {
				row[5] = ""
			}
			w.Write(row)
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
