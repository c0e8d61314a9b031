package support_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cxkit/cxkit/metrics/support"
)

// Clicks to first contact ride on the ticket when the desk records them:
// optional, a whole number >= 0, averaged per channel over the tickets
// that have them.
func TestClicks(t *testing.T) {
	in := strings.Join([]string{
		`{"id": "a", "channel": "chat", "created": "2026-11-02T10:00:00Z", "clicks": 3}`,
		`{"id": "b", "channel": "chat", "created": "2026-11-02T10:00:00Z", "clicks": 0}`,
		`{"id": "c", "channel": "chat", "created": "2026-11-02T10:00:00Z"}`,
		`{"id": "d", "channel": "email", "created": "2026-11-02T10:00:00Z", "clicks": 7}`,
		`{"id": "e", "channel": "phone", "created": "2026-11-02T10:00:00Z", "clicks": null}`,
		`{"id": "f", "channel": "chat", "created": "2026-11-02T10:00:00Z", "clicks": -1}`,
		`{"id": "g", "channel": "chat", "created": "2026-11-02T10:00:00Z", "clicks": 2.5}`,
		`{"id": "h", "channel": "chat", "created": "2026-11-02T10:00:00Z", "clicks": "4"}`,
	}, "\n")
	a := support.NewAccumulator(support.Options{})
	var kept []support.Ticket
	err := support.ReadAll(strings.NewReader(in), func(x *support.Ticket) error {
		kept = append(kept, x.Clone())
		return a.Add(x)
	})
	var errs support.Errors
	if !errors.As(err, &errs) {
		t.Fatalf("err = %v, want Errors", err)
	}
	var msgs []string
	for _, e := range errs {
		msgs = append(msgs, e.Error())
	}
	wantErrs := []string{
		`6: ticket "f": clicks -1 is negative`,
		`7: ticket "g": field "clicks": JSON number 2.5 where int was expected`,
		`8: ticket "h": field "clicks": JSON string where int was expected`,
	}
	if d := cmp.Diff(wantErrs, msgs); d != "" {
		t.Errorf("errors (-want +got):\n%s", d)
	}
	var clicks []any
	for _, k := range kept { // Clone keeps each ticket's own count
		if k.Clicks == nil {
			clicks = append(clicks, nil)
		} else {
			clicks = append(clicks, *k.Clicks)
		}
	}
	if d := cmp.Diff([]any{3, 0, nil, 7, nil}, clicks); d != "" {
		t.Errorf("clicks read (-want +got):\n%s", d)
	}
	r := a.Report()
	got := map[string]any{"all": r.Clicks.N, "all mean": val(r.Clicks.Mean)}
	for _, c := range r.ClicksByChannel {
		got[c.Channel] = c.N
		got[c.Channel+" mean"] = val(c.Mean)
	}
	want := map[string]any{"all": 3, "all mean": 10.0 / 3, "chat": 2, "chat mean": 1.5, "email": 1, "email mean": 7.0}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("clicks (-want +got):\n%s", d)
	}
}

// A standard on clicks uses the tickets' count when they have one, and
// else the value measured outside them (a usability test).
func TestClicksStandard(t *testing.T) {
	n := 3
	x := tk(t, "a", "chat", "0s")
	x.Clicks = &n
	a := accumulate(t, support.Options{}, x, tk(t, "b", "phone", "0s"))
	rows, err := a.Evaluate(&support.StandardSet{Standards: []support.Standard{
		{KPI: "clicks_to_contact", Filter: support.Filter{Channels: []string{"chat"}}, Op: support.LessEqual, Target: 4},
		{KPI: "clicks_to_contact", Filter: support.Filter{Channels: []string{"phone"}}, Op: support.LessEqual, Target: 4},
	}}, support.Inputs{Survey: map[string]float64{"clicks_to_contact": 5}})
	if err != nil {
		t.Fatal(err)
	}
	if got := []any{val(rows[0].Value), val(rows[1].Value)}; !cmp.Equal(got, []any{3.0, 5.0}) {
		t.Errorf("values = %v, want 3 from the chat ticket and 5 from the inputs", got)
	}
}
