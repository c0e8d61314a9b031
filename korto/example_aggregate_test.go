package korto_test

import (
	"fmt"
	"strings"

	"github.com/cxkit/cxkit/korto"
)

// Aggregate many audits: score each sheet and add the result; the report
// ranks the locations by their mean score, with 95% intervals, and lists
// the questions that fail most.
func ExampleAggregator() {
	c := &korto.Checklist{
		ID: "kiosk",
		Levels: []*korto.Level{{Number: 1, Title: korto.Text{Text: "Основа и стандарт"}, Items: []korto.Item{
			{Question: &korto.Question{ID: "clean", Text: korto.Text{Text: "Чисто"}, Critical: true}},
			{Question: &korto.Question{ID: "prices", Text: korto.Text{Text: "Есть ценники"}}},
		}}},
		Survey: &korto.Survey{Questions: []*korto.Question{
			{ID: "recommend", Text: korto.Text{Text: "Порекомендуете?"}, Kind: korto.Kind{Type: korto.KindNPS}},
		}},
	}
	plan, err := korto.Compile(c)
	if err != nil {
		fmt.Println(err)
		return
	}
	agg, err := korto.NewAggregator(c, korto.AggregateOptions{GroupBy: "location", MinN: 2})
	if err != nil {
		fmt.Println(err)
		return
	}
	sheets := []string{
		`{"checklist": "kiosk", "audit": {"location": "Вокзал"}, "answers": {"clean": "yes", "prices": "no", "recommend": 9}}`,
		`{"checklist": "kiosk", "audit": {"location": "Вокзал"}, "answers": {"clean": "yes", "prices": "yes", "recommend": 10}}`,
		`{"checklist": "kiosk", "audit": {"location": "Парк"}, "answers": {"clean": "no", "prices": "yes", "recommend": 6}}`,
		`{"checklist": "kiosk", "audit": {"location": "Парк"}, "answers": {"clean": "yes", "prices": "no", "recommend": 8}}`,
	}
	for _, s := range sheets {
		sheet, err := plan.ReadAnswers(strings.NewReader(s))
		if err != nil {
			fmt.Println(err)
			return
		}
		r, err := plan.Score(sheet)
		if err != nil {
			fmt.Println(err)
			return
		}
		if err := agg.Add(r); err != nil {
			fmt.Println(err)
			return
		}
	}
	rep := agg.Report()
	o := rep.Overall
	fmt.Printf("%d audits, mean %.1f%% (95%% CI %.1f..%.1f%%)\n", o.N, 100**o.Score.Mean, 100**o.Score.CILow, 100**o.Score.CIHigh)
	for _, g := range rep.Groups {
		fmt.Printf("%d. %s: n=%d mean %.1f%%\n", *g.Rank, g.Group, g.N, 100**g.Score.Mean)
	}
	for _, q := range o.TopProblems {
		fmt.Printf("fails: %s %.0f%% (%d of %d), critical=%v\n", q.ID, 100**q.FailureRate, q.Failed, q.Applicable, q.Critical)
	}
	nps := o.Survey[0].NPS
	fmt.Printf("NPS %.0f (promoters %d, detractors %d)\n", nps.NPS, nps.Promoters, nps.Detractors)
	// Output:
	// 4 audits, mean 62.5% (95% CI 22.7..100.0%)
	// 1. Вокзал: n=2 mean 75.0%
	// 2. Парк: n=2 mean 50.0%
	// fails: clean 25% (1 of 4), critical=true
	// fails: prices 50% (2 of 4), critical=false
	// NPS 25 (promoters 2, detractors 1)
}
