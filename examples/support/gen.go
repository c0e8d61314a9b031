//go:build ignore

// gen writes the example ticket set and its companion inputs. The output
// is committed; rerun with "go run gen.go" from this folder after changing
// the generator, and the files come out byte for byte the same.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"log"
	"math/rand/v2"
	"os"
	"time"

	"github.com/cxkit/cxkit/metrics/support/ticketgen"
)

func main() {
	loc, err := time.LoadLocation("Europe/Moscow")
	if err != nil {
		log.Fatal(err)
	}
	g := ticketgen.New(3, time.Date(2026, 11, 2, 8, 0, 0, 0, loc))
	write("tickets.jsonl", func(w *bufio.Writer) {
		for range 400 {
			t := g.Next()
			b, err := json.Marshal(t)
			if err != nil {
				log.Fatal(err)
			}
			w.Write(b)
			w.WriteByte('\n')
		}
	})
	write("agent-time.jsonl", func(w *bufio.Writer) {
		for _, a := range g.AgentTime() {
			fmt.Fprintf(w, `{"agent": %q, "channel": %q, "logged_in": %q, "handling": %q, "after_work": %q}`+"\n",
				a.Agent, a.Channel, short(a.LoggedIn), short(a.Handling), short(a.AfterWork))
		}
	})
	rng := rand.New(rand.NewPCG(3, 4))
	write("survey.jsonl", func(w *bufio.Writer) {
		for range 120 {
			ces := 1 + rng.IntN(6)
			rating := 3 + rng.IntN(3)
			nps := 5 + rng.IntN(6)
			fmt.Fprintf(w, `{"ces": %d, "rating": %d, "nps": %d, "found": %t, "knew_wait": %t, "complaint": %t}`+"\n",
				ces, rating, nps, rng.Float64() < 0.85, rng.Float64() < 0.7, rng.Float64() < 0.004)
		}
	})
}

// short writes whole minutes as "7h30m".
func short(d time.Duration) string {
	return fmt.Sprintf("%dh%02dm", int(d.Hours()), int(d.Minutes())%60)
}

func write(name string, fill func(*bufio.Writer)) {
	f, err := os.Create(name)
	if err != nil {
		log.Fatal(err)
	}
	w := bufio.NewWriter(f)
	fill(w)
	if err := w.Flush(); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
}
