package korto_test

import (
	"bufio"
	"fmt"
	"strings"

	"github.com/cxkit/cxkit/korto"
)

// Add up a stream of sheets with no allocation a sheet to speak of: read
// each line into the same Sheet, check it into the same Bound, score it
// into the same Scores and add the flat scores. Nothing keeps the Sheet,
// so the next line can overwrite it; the aggregate keeps only strings.
// Groups are listed best first.
func ExampleParseAnswersInto() {
	c := &korto.Checklist{
		ID: "kiosk",
		Levels: []*korto.Level{{Number: 1, Title: korto.Text{Text: "Основа"}, Items: []korto.Item{
			{Question: &korto.Question{ID: "clean", Text: korto.Text{Text: "Чисто"}}},
			{Question: &korto.Question{ID: "prices", Text: korto.Text{Text: "Есть ценники"}}},
		}}},
	}
	plan, err := korto.Compile(c)
	if err != nil {
		fmt.Println(err)
		return
	}
	agg, err := korto.NewAggregator(c, korto.AggregateOptions{GroupBy: "location"})
	if err != nil {
		fmt.Println(err)
		return
	}
	lines := bufio.NewScanner(strings.NewReader(`{"checklist": "kiosk", "audit": {"location": "Вокзал"}, "answers": {"clean": "yes", "prices": "no"}}
{"checklist": "kiosk", "audit": {"location": "Парк"}, "answers": {"clean": "yes", "prices": "yes"}}
{"checklist": "kiosk", "audit": {"location": "Парк"}, "answers": {"clean": "maybe", "prices": "yes"}}
{"checklist": "kiosk", "audit": {"location": "Вокзал"}, "answers": {"clean": "yes", "prices": "yes"}}
`))
	var (
		sheet  korto.Sheet
		bound  korto.Bound
		scores korto.Scores
	)
	for n := 1; lines.Scan(); n++ {
		err := korto.ParseAnswersInto(&sheet, lines.Bytes())
		if err == nil {
			err = plan.BindInto(&bound, &sheet)
		}
		if err == nil {
			err = plan.ScoreInto(&scores, &bound)
		}
		if err == nil {
			err = agg.AddScored(plan, &sheet, &scores)
		}
		if err != nil {
			fmt.Printf("line %d: %v\n", n, err)
		}
	}
	for _, g := range agg.Report().Groups {
		fmt.Printf("%s: n=%d mean %.0f%%\n", g.Group, g.N, 100**g.Score.Mean)
	}
	// Output:
	// line 3: /answers/clean: question "clean": takes "yes" or "no", not "maybe"
	// Парк: n=1 mean 100%
	// Вокзал: n=2 mean 75%
}
