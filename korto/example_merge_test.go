package korto_test

import (
	"fmt"
	"strings"
	"sync"

	"github.com/cxkit/cxkit/korto"
)

// Aggregate in parallel: each goroutine scores its share of the sheets
// into an Aggregator of its own, and the parts merge into one. Sums are
// exact, so the merged report is the one a single pass gives, bit for
// bit, whatever the split and the merge order.
func ExampleAggregator_Merge() {
	c := &korto.Checklist{
		ID: "kiosk",
		Levels: []*korto.Level{{Number: 1, Title: korto.Text{Text: "Основа и стандарт"}, Items: []korto.Item{
			{Question: &korto.Question{ID: "clean", Text: korto.Text{Text: "Чисто"}}},
			{Question: &korto.Question{ID: "prices", Text: korto.Text{Text: "Есть ценники"}}},
		}}},
	}
	plan, err := korto.Compile(c) // one Plan serves every goroutine
	if err != nil {
		fmt.Println(err)
		return
	}
	var sheets []string
	for i := range 1000 {
		prices := []string{"yes", "no"}[i%3/2] // every third audit has no price tags
		sheets = append(sheets, fmt.Sprintf(`{"checklist": "kiosk", "answers": {"clean": "yes", "prices": %q}}`, prices))
	}

	const workers = 4
	parts := make([]*korto.Aggregator, workers)
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		parts[w], _ = korto.NewAggregator(c, korto.AggregateOptions{})
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(sheets); i += workers {
				sheet, err := plan.ReadAnswers(strings.NewReader(sheets[i]))
				if err != nil {
					errs[w] = err
					return
				}
				r, err := plan.Score(sheet)
				if err != nil {
					errs[w] = err
					return
				}
				if err := parts[w].Add(r); err != nil {
					errs[w] = err
					return
				}
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			fmt.Println(err)
			return
		}
	}
	total := parts[0]
	for _, p := range parts[1:] {
		if err := total.Merge(p); err != nil {
			fmt.Println(err)
			return
		}
	}
	o := total.Report().Overall
	fmt.Printf("%d audits, mean %.2f%%\n", o.N, 100**o.Score.Mean)
	fmt.Printf("prices fail in %d of %d\n", o.Questions[1].Failed, o.Questions[1].Applicable)
	// Output:
	// 1000 audits, mean 83.35%
	// prices fail in 333 of 1000
}
