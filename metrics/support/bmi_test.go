package support_test

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cxkit/cxkit/metrics/support"
)

// The backlog management index of a service desk: requests closed in a
// period over the opening balance plus the requests opened in it. Worked
// example from TestingDocs, "Backlog Management Index"
// (https://www.testingdocs.com/backlog-management-index/): 15 requests
// open at the start of the month, 12 more received, 20 closed: BMI =
// 20 / (15 + 12) = 0.7407. Kan ("Metrics and Models in Software Quality
// Engineering", 2nd ed., 4.3.1) divides closed by arrivals only, which is
// the inverse of the backlog ratio already reported.
//
// Here the "month" is Tuesday: 15 tickets came on Monday and stayed
// open, 12 came on Tuesday, and 20 were solved on Tuesday (the 15 old
// ones and 5 new).
func TestBMIWorkedExample(t *testing.T) {
	var ts []*support.Ticket
	for i := range 15 {
		ts = append(ts, tk(t, fmt.Sprint("old", i), "email", "0s", "reply:anna@1h", "solved@25h"))
	}
	for i := range 12 {
		ev := []string{"reply:anna@25h"}
		if i < 5 {
			ev = append(ev, "solved@26h")
		}
		ts = append(ts, tk(t, fmt.Sprint("new", i), "email", "24h", ev...))
	}
	r := accumulate(t, support.Options{}, ts...).Report()
	type period struct {
		Period        string
		In, Out, Open int
		BMI           any
	}
	var got []period
	for _, b := range r.Backlog {
		got = append(got, period{b.Period, b.In, b.Out, b.Open, val(b.BMI)})
	}
	want := []period{
		{"2026-11-02", 15, 0, 0, 0.0},
		{"2026-11-03", 12, 20, 15, 20.0 / 27},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("backlog (-want +got):\n%s", d)
	}
	if b := *r.Backlog[1].BMI; fmt.Sprintf("%.4f", b) != "0.7407" {
		t.Errorf("BMI = %.4f, want 0.7407", b)
	}
	// Over the whole input nothing was open before it: 20 of 27.
	if d := cmp.Diff(20.0/27, val(r.BMI)); d != "" {
		t.Errorf("BMI of the input (-want +got):\n%s", d)
	}
}
