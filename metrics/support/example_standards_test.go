package support_test

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/cxkit/cxkit/metrics/support"
)

// A team's own standards, as a JSON file it keeps beside its tickets,
// checked against a ticket export read line by line. Survey KPIs such as
// CES come from outside the tickets, through Inputs.
func ExampleParseStandards() {
	set, err := support.ParseStandards([]byte(`{
  "name": "Our desk",
  "standards": [
    {"name": "chat answered within 2 minutes", "kpi": "first_response", "channels": ["chat"], "op": "<=", "target": "2m"},
    {"name": "most issues solved at first contact", "kpi": "fcr", "op": ">=", "target": "75%"},
    {"name": "easy to get help", "kpi": "ces", "op": "<=", "target": 3}
  ]
}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	export := `{"id": "T1", "channel": "chat", "created": "2026-11-02T13:00:00+03:00", "events": [{"at": "2026-11-02T13:00:00+03:00", "type": "message"}, {"at": "2026-11-02T13:01:30+03:00", "type": "reply", "agent": "anna"}, {"at": "2026-11-02T13:05:00+03:00", "type": "solved"}]}
{"id": "T2", "channel": "chat", "created": "2026-11-02T14:00:00+03:00", "events": [{"at": "2026-11-02T14:00:00+03:00", "type": "message"}, {"at": "2026-11-02T14:04:00+03:00", "type": "reply", "agent": "gleb"}, {"at": "2026-11-02T14:10:00+03:00", "type": "reply", "agent": "gleb"}, {"at": "2026-11-02T14:12:00+03:00", "type": "solved"}]}`
	acc := support.NewAccumulator(support.Options{})
	r := support.NewReader(strings.NewReader(export))
	for {
		t, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			fmt.Println(err) // a *TicketError: line, ticket, event; reading may go on
			continue
		}
		if err := acc.Add(t); err != nil {
			fmt.Println(err)
			return
		}
	}
	rows, err := acc.Evaluate(set, support.Inputs{Survey: map[string]float64{"ces": 2.4}})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, row := range rows {
		fmt.Printf("%-36s %6.2f %-6s passed %v\n", row.Name, *row.Value, row.Unit, *row.Passed)
	}
	// Output:
	// chat answered within 2 minutes       165.00 s      passed false
	// most issues solved at first contact    0.50 share  passed false
	// easy to get help                       2.40 n      passed true
}
