package support_test

import (
	"fmt"
	"strings"

	"github.com/cxkit/cxkit/metrics/support"
)

// Scorecard is the whole of `cxkit support --json` in one call: encode
// it as JSON and an application prints what the command prints
// (examples/supportjson does, on the example export). Here the tally of
// the standards and the breakdown by channel of two tickets, with the
// survey KPIs from a post-service survey.
func ExampleAccumulator_Scorecard() {
	tickets := `{"id": "T1", "channel": "chat", "created": "2026-11-02T13:00:00Z", "events": [{"at": "2026-11-02T13:01:30Z", "type": "reply", "agent": "anna"}, {"at": "2026-11-02T13:05:00Z", "type": "solved"}]}
{"id": "T2", "channel": "email", "created": "2026-11-02T09:00:00Z", "events": [{"at": "2026-11-02T11:00:00Z", "type": "reply", "agent": "gleb"}, {"at": "2026-11-02T12:00:00Z", "type": "solved"}]}`
	acc, err := support.New(support.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := support.ReadInto(strings.NewReader(tickets), acc, support.ReadOptions{}); err != nil {
		fmt.Println(err)
		return
	}
	survey := support.NewSurvey()
	if err := survey.Read(strings.NewReader(`{"rating": 5, "ces": 2}` + "\n" + `{"rating": 4, "ces": 4}`)); err != nil {
		fmt.Println(err)
		return
	}
	card, err := acc.Scorecard(support.ScorecardOptions{By: "channel", Survey: survey})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s: %d passed, %d failed, %d without data\n", card.StandardsName, card.StandardsPassed, card.StandardsFailed, card.StandardsNoData)
	for _, g := range card.Groups {
		fmt.Printf("%s: %d tickets, first response %.0f s\n", g.Key, g.Tickets, *g.FirstResponse.Mean)
	}
	for _, r := range card.Standards {
		if r.KPI == "rating" || r.KPI == "ces" {
			fmt.Printf("%s: %.1f, passed %v\n", r.Name, *r.Value, *r.Passed)
		}
	}
	// Output:
	// the 21 standards of customer service: 5 passed, 1 failed, 11 without data
	// chat: 1 tickets, first response 90 s
	// email: 1 tickets, first response 7200 s
	// post-service rating at least 4 of 5: 4.5, passed true
	// customer effort at most 3 on 1..10: 3.0, passed true
}
