package korto

import (
	"encoding/json"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// genChecklist builds a checklist of n scored questions shaped like the
// KORTO shopping-centre list: two levels of sections of ten questions,
// with every scored kind, weights, critical questions, `na` and a `when`
// fact, plus a small survey.
func genChecklist(n int) *Checklist {
	c := &Checklist{
		ID: "gen", Title: Text{Text: "Сгенерированный чек-лист"}, Version: "1",
		Scales:  []*Scale{{Name: "stars", Lo: 1, Hi: 5}},
		Choices: []*Choice{{Name: "lifts", Options: []*Option{{ID: "all", Value: 1}, {ID: "most", Value: 0.5}, {ID: "none", Value: 0}}}},
	}
	levels := []*Level{
		{Number: 1, Title: Text{Text: "Основа и стандарт"}, Pass: new(0.5)},
		{Number: 2, Title: Text{Text: "Функции и удобство"}, Pass: new(0.5)},
	}
	c.Levels = levels
	var sec *Section
	for i := range n {
		l := levels[i*len(levels)/n]
		if i%10 == 0 {
			sec = &Section{ID: fmt.Sprintf("s%d", i/10), Title: Text{Text: fmt.Sprintf("Раздел %d", i/10)}, Weight: new(float64(1 + i/10%3))}
			l.Items = append(l.Items, Item{Section: sec})
		}
		q := &Question{ID: fmt.Sprintf("q%03d", i), Text: Text{Text: fmt.Sprintf("Вопрос %d", i)}}
		switch i % 10 {
		case 1:
			q.Kind = Kind{Type: KindScale, Ref: "stars"}
		case 2:
			q.Kind = Kind{Type: KindChoice, Ref: "lifts"}
			q.Weight = new(float64(2))
		case 3:
			q.Kind = Kind{Type: KindMeasure, Unit: "мин", Op: OpLe, Target: 5}
		case 4:
			q.NA = true
		case 5:
			q.Critical = true
			q.Weight = new(float64(3))
		case 6:
			q.Unscored = true
		case 7:
			q.When = &Expr{Op: ExprYes, Question: fmt.Sprintf("q%03d", i-1)}
		case 8:
			q.Kind = Kind{Type: KindScale, Lo: 0, Hi: 10}
		}
		sec.Items = append(sec.Items, Item{Question: q})
	}
	c.Survey = &Survey{Questions: []*Question{
		{ID: "recommend", Text: Text{Text: "Порекомендуете?"}, Kind: Kind{Type: KindNPS}},
		{ID: "mood", Text: Text{Text: "Эмоция"}, Kind: Kind{Type: KindEmotion}, Optional: true},
	}}
	return c
}

// genSheet answers every question of c at random, obeying the sheet rules.
func genSheet(c *Checklist, rng *rand.Rand) *Sheet {
	s := &Sheet{Checklist: c.ID, Answers: map[string]Answer{}}
	for q := range c.Questions() {
		if q.When != nil {
			if a := s.Answers[q.When.Question]; a.String != "yes" {
				continue
			}
		}
		if q.NA && rng.IntN(4) == 0 {
			s.Answers[q.ID] = NA
			continue
		}
		s.Answers[q.ID] = genAnswer(q, rng, false)
	}
	return s
}

// genBestSheet answers every question of c with its best answer.
func genBestSheet(c *Checklist) *Sheet {
	s := &Sheet{Checklist: c.ID, Answers: map[string]Answer{}}
	for q := range c.Questions() {
		s.Answers[q.ID] = genAnswer(q, nil, true)
	}
	return s
}

func genAnswer(q *Question, rng *rand.Rand, best bool) Answer {
	pick := func(n int) int {
		if best {
			return 0
		}
		return rng.IntN(n)
	}
	switch q.Kind.EffectiveType() {
	case KindScale:
		if q.Kind.Ref == "stars" {
			return Num(float64(5 - pick(5)))
		}
		return Num(float64(10 - pick(11)))
	case KindChoice:
		return Str([]string{"all", "most", "none"}[pick(3)])
	case KindMeasure:
		return Num(float64(pick(10)))
	case KindNPS:
		return Num(float64(10 - pick(11)))
	case KindEmotion:
		return Str(emotions[pick(3)])
	}
	return Str([]string{"yes", "no"}[pick(2)])
}

// genPermute returns a copy of c with the questions of every section
// shuffled, conditions kept after the questions they read.
func genPermute(c *Checklist, rng *rand.Rand) *Checklist {
	out := *c
	out.Levels = nil
	for _, l := range c.Levels {
		nl := *l
		nl.Items = nil
		for _, it := range l.Items {
			ns := *it.Section
			ns.Items = append([]Item(nil), it.Section.Items...)
			rng.Shuffle(len(ns.Items), func(i, j int) { ns.Items[i], ns.Items[j] = ns.Items[j], ns.Items[i] })
			// A `when` must follow the question it reads: move any
			// conditional question after its fact.
			for i := 0; i < len(ns.Items); i++ {
				q := ns.Items[i].Question
				if q.When == nil {
					continue
				}
				for j := i + 1; j < len(ns.Items); j++ {
					if ns.Items[j].Question.ID == q.When.Question {
						it := ns.Items[i]
						copy(ns.Items[i:], ns.Items[i+1:j+1])
						ns.Items[j] = it
						i--
						break
					}
				}
			}
			nl.Items = append(nl.Items, Item{Section: &ns})
		}
		out.Levels = append(out.Levels, &nl)
	}
	return &out
}

// genFlat is the same checklist as flat arrays, for the hand-written
// baseline loop: the weight, section and value of every scored question
// and the weight and level of every section.
type genFlat struct {
	w, v       []float64
	app        []bool
	sec        []int32
	secW       []float64
	secLvl     []int32
	nsec, nlvl int
}

func genFlatten(p *Plan, b *Bound) genFlat {
	var g genFlat
	secIdx := map[int32]int32{}
	for i := range p.qs {
		if p.hflags[i]&hScored == 0 || p.hw[i] == 0 {
			continue
		}
		n := p.hnode[i]
		k, ok := secIdx[n]
		if !ok {
			k = int32(len(g.secW))
			secIdx[n] = k
			g.secW = append(g.secW, p.nodes[n].w)
			g.secLvl = append(g.secLvl, p.nodes[n].level)
		}
		g.w = append(g.w, p.hw[i])
		g.v = append(g.v, b.val[i])
		g.app = append(g.app, b.state[i]&slotAnswered != 0)
		g.sec = append(g.sec, k)
	}
	g.nsec, g.nlvl = len(g.secW), len(p.levels)
	return g
}

// genHandLoop is what a programmer would write for this one checklist:
// weighted means per section, per level, and overall.
func genHandLoop(g *genFlat, num, den, lnum, lden []float64) float64 {
	clear(num)
	clear(den)
	clear(lnum)
	clear(lden)
	for i, w := range g.w {
		if g.app[i] {
			num[g.sec[i]] += w * g.v[i]
			den[g.sec[i]] += w
		}
	}
	for k := range num {
		if den[k] > 0 {
			l := g.secLvl[k]
			lnum[l] += g.secW[k] * num[k] / den[k]
			lden[l] += g.secW[k]
		}
	}
	var sum, ws float64
	for l := range lnum {
		if lden[l] > 0 {
			sum += lnum[l] / lden[l]
			ws++
		}
	}
	return sum / ws
}

// TestHandLoopAgrees makes sure the baseline computes the same thing as
// the plan, so that the benchmark compares like with like.
func TestHandLoopAgrees(t *testing.T) {
	c := genChecklist(100)
	p := scCompile(t, c)
	rng := rand.New(rand.NewPCG(5, 6))
	for range 20 {
		b, err := p.Bind(genSheet(c, rng))
		if err != nil {
			t.Fatal(err)
		}
		var sc Scores
		p.ScoreInto(&sc, b)
		g := genFlatten(p, b)
		got := genHandLoop(&g, make([]float64, g.nsec), make([]float64, g.nsec), make([]float64, g.nlvl), make([]float64, g.nlvl))
		if d := got - sc.Raw; d > 1e-12 || d < -1e-12 {
			t.Fatalf("hand loop %v, plan %v", got, sc.Raw)
		}
	}
}

func benchSetup(b *testing.B) (*Checklist, *Plan, *Sheet) {
	c := genChecklist(100)
	p, err := Compile(c)
	if err != nil {
		b.Fatal(err)
	}
	return c, p, genSheet(c, rand.New(rand.NewPCG(7, 8)))
}

// BenchmarkScorePlan is the fast path: a bound 100-question sheet scored
// into reused buffers.
func BenchmarkScorePlan(b *testing.B) {
	_, p, s := benchSetup(b)
	bound, err := p.Bind(s)
	if err != nil {
		b.Fatal(err)
	}
	var sc Scores
	b.ReportAllocs()
	for b.Loop() {
		p.ScoreInto(&sc, bound)
	}
}

// BenchmarkScoreHandLoop is the baseline for BenchmarkScorePlan: a loop
// written by hand over the flat weights and values of the same audit.
func BenchmarkScoreHandLoop(b *testing.B) {
	_, p, s := benchSetup(b)
	bound, err := p.Bind(s)
	if err != nil {
		b.Fatal(err)
	}
	g := genFlatten(p, bound)
	num, den := make([]float64, g.nsec), make([]float64, g.nsec)
	lnum, lden := make([]float64, g.nlvl), make([]float64, g.nlvl)
	var sink float64
	b.ReportAllocs()
	for b.Loop() {
		sink += genHandLoop(&g, num, den, lnum, lden)
	}
	_ = sink
}

// BenchmarkBind measures checking a sheet against the checklist and
// laying it out for scoring.
func BenchmarkBind(b *testing.B) {
	_, p, s := benchSetup(b)
	var bound Bound
	b.ReportAllocs()
	for b.Loop() {
		if err := p.BindInto(&bound, s); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkScoreResult is the full path: check, score and build the
// JSON-ready Result.
func BenchmarkScoreResult(b *testing.B) {
	_, p, s := benchSetup(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := p.Score(s); err != nil {
			b.Fatal(err)
		}
	}
}

// benchSheetJSON is the JSON text of a random 100-question sheet.
func benchSheetJSON(b *testing.B) (*Plan, string) {
	_, p, s := benchSetup(b)
	var sb strings.Builder
	sb.WriteString(`{"checklist": "gen", "answers": {`)
	first := true
	for _, k := range slices.Sorted(maps.Keys(s.Answers)) {
		if !first {
			sb.WriteString(", ")
		}
		first = false
		v, _ := s.Answers[k].MarshalJSON()
		fmt.Fprintf(&sb, "%q: %s", k, v)
	}
	sb.WriteString("}}")
	return p, sb.String()
}

// BenchmarkReadAnswers reads and checks the JSON of a 100-question sheet
// (token walk for duplicate keys, then the checks against the plan).
func BenchmarkReadAnswers(b *testing.B) {
	p, data := benchSheetJSON(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := p.ReadAnswers(strings.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadAnswersStdlib is the baseline for BenchmarkReadAnswers:
// encoding/json decoding the same sheet into a Sheet, with none of the
// checks.
func BenchmarkReadAnswersStdlib(b *testing.B) {
	_, data := benchSheetJSON(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		var s Sheet
		if err := json.Unmarshal([]byte(data), &s); err != nil {
			b.Fatal(err)
		}
	}
}
