// Command gen writes the DIY league's data set: 20 mystery-shopping
// visits to each of 8 chains (the BINO study of the service-standards guide), one answer
// sheet a line, in examples/diy/visits.jsonl. The chains are fictional;
// each has a profile (how likely its staff and stores meet each part of
// the standard), and a fixed seed makes the file the same on every run.
//
//	go run ./examples/diy/gen
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"time"

	"github.com/cxkit/cxkit/dsl"
	"github.com/cxkit/cxkit/korto"
)

const (
	checklistPath = "examples/diy/diy.korto"
	visitsPath    = "examples/diy/visits.jsonl"
	perChain      = 20
	seed          = 2019
)

// chain is a fictional chain's profile: the chance a visit meets a
// question, by the question's tag (base when its tag is not listed).
type chain struct {
	Name string
	Base float64
	Tags map[string]float64
}

// The profiles echo the study's findings: small chains with attentive
// consultants lead; big hypermarkets with a vast range but consultants
// hard to find trail.
var chains = []chain{
	{"Двор мастера", 0.9, map[string]float64{"assortment": 0.7}},
	{"Петрович и сыновья", 0.88, map[string]float64{"availability": 0.55, "speed": 0.6}},
	{"Крепёж-Центр", 0.86, nil},
	{"Домострой", 0.83, map[string]float64{"cross_sell": 0.6}},
	{"Мегаремонт", 0.78, map[string]float64{"assortment": 0.97, "availability": 0.45, "conduct": 0.8}},
	{"Гипер-Дом", 0.76, map[string]float64{"assortment": 0.95, "needs": 0.55}},
	{"Стройка-Сити", 0.72, map[string]float64{"cleanliness": 0.6}},
	{"Максимум ремонта", 0.66, map[string]float64{"expertise": 0.45, "cleanliness": 0.5, "order": 0.5, "conduct": 0.85}},
}

var cities = []string{"Москва", "Санкт-Петербург", "Казань", "Екатеринбург", "Новосибирск"}

func main() {
	if err := run(checklistPath, visitsPath); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(checklist, out string) error {
	src, err := os.ReadFile(checklist)
	if err != nil {
		return err
	}
	c, err := dsl.Parse(checklist, src)
	if err != nil {
		return err
	}
	data, err := generate(c, rand.New(rand.NewPCG(seed, seed)))
	if err != nil {
		return err
	}
	return os.WriteFile(out, data, 0o644)
}

// generate writes perChain visits to every chain as JSON Lines.
func generate(c *korto.Checklist, r *rand.Rand) ([]byte, error) {
	var b bytes.Buffer
	start := time.Date(2026, time.December, 1, 0, 0, 0, 0, time.UTC)
	n := 0
	for _, ch := range chains {
		for i := range perChain {
			n++
			shift := r.NormFloat64() * 0.05 // a better or worse store of the chain
			answers := map[string]any{}
			good := 0.0
			var walk func(items []korto.Item)
			walk = func(items []korto.Item) {
				for _, it := range items {
					if it.Section != nil {
						walk(it.Section.Items)
						continue
					}
					q := it.Question
					p := ch.Base
					for _, t := range q.Tags {
						if v, ok := ch.Tags[t]; ok {
							p = v
						}
					}
					p = math.Min(0.99, math.Max(0.05, p+shift))
					if q.Critical {
						p = 0.9 + 0.09*p // rare, as zero-tolerance failures are
					}
					met := r.Float64() < p
					if met {
						good++
					}
					answers[q.ID] = answer(q, met, p, r)
				}
			}
			for _, l := range c.Levels {
				walk(l.Items)
			}
			// The survey follows the visit: more met, happier shopper.
			share := good / float64(len(answers))
			answers["recommend"] = clamp(int(math.Round(10*share+r.NormFloat64()*1.5)), 0, 10)
			answers["mood"] = mood(share, r)
			answers["satisfaction"] = clamp(int(math.Round(1+4*share+r.NormFloat64()*0.6)), 1, 5)
			sheet := map[string]any{
				"checklist": c.ID, "version": c.Version,
				"audit": map[string]any{
					"id":       fmt.Sprintf("diy-%03d", n),
					"location": fmt.Sprintf("%s, %s", ch.Name, cities[i%len(cities)]),
					"chain":    ch.Name,
					"date":     start.AddDate(0, 0, r.IntN(28)).Format(time.DateOnly),
					"auditor":  fmt.Sprintf("шопер %d", 1+r.IntN(12)),
				},
				"answers": answers,
			}
			line, err := json.Marshal(sheet)
			if err != nil {
				return nil, err
			}
			b.Write(line)
			b.WriteByte('\n')
		}
	}
	return b.Bytes(), nil
}

// answer draws a question's answer: yes or no, a mark on the scale
// (4-5 when met, 1-3 when not), a queue time under or over its target.
func answer(q *korto.Question, met bool, p float64, r *rand.Rand) any {
	switch q.Kind.Type {
	case korto.KindScale:
		if met {
			return 4 + r.IntN(2)
		}
		return 1 + r.IntN(3)
	case korto.KindMeasure:
		if met {
			return 1 + r.IntN(int(q.Kind.Target))
		}
		return int(q.Kind.Target) + 1 + r.IntN(10)
	}
	if met {
		return "yes"
	}
	return "no"
}

func mood(share float64, r *rand.Rand) string {
	x := share + r.NormFloat64()*0.15
	switch {
	case x > 0.8:
		return "positive"
	case x > 0.6:
		return "neutral"
	}
	return "negative"
}

func clamp(x, lo, hi int) int { return max(lo, min(hi, x)) }
