package korto_test

import (
	"fmt"
	"strings"

	"github.com/cxkit/cxkit/korto"
)

// Score one audit: build a checklist in Go, compile it once, read an
// answer sheet and score it.
func ExamplePlan_Score() {
	c := &korto.Checklist{
		ID:    "kiosk",
		Title: korto.Text{Text: "Киоск", Tr: map[string]string{"en": "Kiosk"}},
		Levels: []*korto.Level{
			{Number: 1, Title: korto.Text{Text: "Основа и стандарт"}, Pass: new(0.8), Items: []korto.Item{
				{Question: &korto.Question{ID: "clean", Text: korto.Text{Text: "Чисто"}, Weight: new(float64(3)), Critical: true}},
				{Question: &korto.Question{ID: "prices", Text: korto.Text{Text: "Есть ценники"}, Weight: new(0.5)}},
			}},
			{Number: 2, Title: korto.Text{Text: "Функции и удобство"}, Items: []korto.Item{
				{Question: &korto.Question{ID: "wait", Text: korto.Text{Text: "Ожидание"},
					Kind: korto.Kind{Type: korto.KindMeasure, Unit: "мин", Op: korto.OpLe, Target: 3}}},
				{Question: &korto.Question{ID: "card", Text: korto.Text{Text: "Оплата картой"}, NA: true}},
			}},
		},
	}
	plan, err := korto.Compile(c)
	if err != nil {
		fmt.Println(err)
		return
	}
	sheet, err := plan.ReadAnswers(strings.NewReader(`{
		"checklist": "kiosk",
		"audit": {"location": "Вокзал"},
		"answers": {"clean": "yes", "prices": "no", "wait": 4.5, "card": "na"}
	}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	r, err := plan.Score(sheet)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s, %s: %.1f%%, reached %d (%s)\n", r.Title, r.Audit["location"], 100**r.Score, r.Reached, r.ReachedName.In("en"))
	for _, l := range r.Levels {
		fmt.Printf("level %d %s: %.1f%% passed=%v gated=%v\n", l.Level, l.Title, 100**l.Score, l.Passed, l.Gated)
	}
	// Output:
	// Киоск, Вокзал: 42.9%, reached 1 (Foundation and standard)
	// level 1 Основа и стандарт: 85.7% passed=true gated=false
	// level 2 Функции и удобство: 0.0% passed=false gated=false
}

// Score many sheets without allocating: bind each sheet once, then
// score it into reused buffers.
func ExamplePlan_ScoreInto() {
	c := &korto.Checklist{ID: "door", Levels: []*korto.Level{{Number: 1, Items: []korto.Item{
		{Question: &korto.Question{ID: "open"}},
		{Question: &korto.Question{ID: "greet", Weight: new(float64(3))}},
	}}}}
	plan, err := korto.Compile(c)
	if err != nil {
		fmt.Println(err)
		return
	}
	var (
		bound  korto.Bound
		scores korto.Scores
	)
	for _, greet := range []string{"yes", "no"} {
		sheet := &korto.Sheet{Checklist: "door", Answers: map[string]korto.Answer{
			"open": korto.Str("yes"), "greet": korto.Str(greet)}}
		if err := plan.BindInto(&bound, sheet); err != nil {
			fmt.Println(err)
			return
		}
		if err := plan.ScoreInto(&scores, &bound); err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("greet=%s: %.2f, level 1 passed=%v, reached %d\n", greet, scores.Overall, scores.Levels[0].Passed, scores.Reached)
	}
	// Output:
	// greet=yes: 1.00, level 1 passed=true, reached 1
	// greet=no: 0.25, level 1 passed=false, reached 0
}
