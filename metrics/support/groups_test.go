package support_test

import (
	"testing"

	"github.com/cxkit/cxkit/metrics/support"
	"github.com/google/go-cmp/cmp"
)

// TestScorecardGroupWarnings: a --by key is the ticket's field exactly
// (the channel and agent are the keys of the whole report), so "Email",
// " Email" and "email" stay three groups, with the one rule's warning
// (internal/groups) for each pair that is one name typed two ways; a
// ticket no agent touched is the blank agent, never warned about.
func TestScorecardGroupWarnings(t *testing.T) {
	tickets := []*support.Ticket{
		tk(t, "1", "Email", "0m", "message@0m", "reply:anna@5m", "solved@6m"),
		tk(t, "2", " Email", "0m", "message@0m", "reply:Anna @5m"),
		tk(t, "3", "email", "0m", "message@0m", "reply:boris@5m"),
		tk(t, "4", "chat", "0m", "message@0m"),
	}
	acc := accumulate(t, support.Options{}, tickets...)
	for _, tc := range []struct {
		by       string
		keys     []string
		warnings []string
	}{
		{"channel", []string{" Email", "Email", "chat", "email"}, []string{
			`groups " Email" and "Email" differ only in case, spaces or punctuation: one place typed two ways?`,
			`groups " Email" and "email" differ only in case, spaces or punctuation: one place typed two ways?`,
		}},
		{"agent", []string{"", "Anna ", "anna", "boris"}, []string{
			`groups "Anna " and "anna" differ only in case, spaces or punctuation: one place typed two ways?`,
		}},
		{"priority", []string{""}, nil}, // no priority given
	} {
		card, err := acc.Scorecard(support.ScorecardOptions{By: tc.by})
		if err != nil {
			t.Fatal(err)
		}
		var keys []string
		for _, g := range card.Groups {
			keys = append(keys, g.Key)
		}
		if d := cmp.Diff(tc.keys, keys); d != "" {
			t.Errorf("--by %s: keys (-want +got):\n%s", tc.by, d)
		}
		if d := cmp.Diff(tc.warnings, card.Warnings); d != "" {
			t.Errorf("--by %s: warnings (-want +got):\n%s", tc.by, d)
		}
	}
}
