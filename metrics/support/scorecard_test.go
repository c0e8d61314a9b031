package support

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestDimensionAndPeriodNames(t *testing.T) {
	for _, d := range []Dimension{ByChannel, ByPriority, ByAgent} {
		got, err := ParseDimension(d.String())
		if err != nil || got != d {
			t.Errorf("ParseDimension(%q) = %v, %v; want %v", d.String(), got, err, d)
		}
	}
	for _, p := range []Period{Day, Week} {
		got, err := ParsePeriod(p.String())
		if err != nil || got != p {
			t.Errorf("ParsePeriod(%q) = %v, %v; want %v", p.String(), got, err, p)
		}
	}
	for _, s := range []string{"", "weather", "Channel"} {
		if _, err := ParseDimension(s); err == nil {
			t.Errorf("ParseDimension(%q) took it", s)
		}
	}
	for _, s := range []string{"", "month", "Week"} {
		if _, err := ParsePeriod(s); err == nil {
			t.Errorf("ParsePeriod(%q) took it", s)
		}
	}
	if s := Dimension(9).String(); s != "Dimension(9)" {
		t.Errorf("Dimension(9).String() = %q", s)
	}
}

// The tally counts each verdict once, the breakdown and the period are
// named, and survey values given as Inputs are overridden by a Survey's
// own.
func TestScorecard(t *testing.T) {
	acc, err := New(Options{Period: Week})
	if err != nil {
		t.Fatal(err)
	}
	tickets := `{"id": "T1", "channel": "chat", "created": "2026-11-02T13:00:00Z", "events": [{"at": "2026-11-02T13:01:30Z", "type": "reply", "agent": "anna"}, {"at": "2026-11-02T13:05:00Z", "type": "solved"}]}`
	if err := ReadAll(strings.NewReader(tickets), acc.Add); err != nil {
		t.Fatal(err)
	}
	sv := NewSurvey()
	if err := sv.Read(strings.NewReader(`{"rating": 3}`)); err != nil {
		t.Fatal(err)
	}
	card, err := acc.Scorecard(ScorecardOptions{By: "priority", Survey: sv, Inputs: Inputs{Survey: map[string]float64{"rating": 5, "ces": 2}}})
	if err != nil {
		t.Fatal(err)
	}
	if card.By != "priority" || len(card.Groups) != 1 || card.Period != "week" {
		t.Errorf("by %q with %d groups, period %q; want priority, 1, week", card.By, len(card.Groups), card.Period)
	}
	if n := card.StandardsPassed + card.StandardsFailed + card.StandardsNoData; n != len(card.Standards) {
		t.Errorf("the tally counts %d standards of %d", n, len(card.Standards))
	}
	got := map[string]bool{}
	for _, r := range card.Standards {
		if (r.KPI == "rating" || r.KPI == "ces") && r.Passed != nil {
			got[r.KPI] = *r.Passed
		}
	}
	if d := cmp.Diff(map[string]bool{"rating": false, "ces": true}, got); d != "" {
		t.Errorf("survey standards (-want +got):\n%s", d)
	}

	if card, err := acc.Scorecard(ScorecardOptions{SkippedLines: 3}); err != nil || card.SkippedLines != 3 {
		t.Errorf("SkippedLines 3: %v, %v", card, err)
	}
	bad := &Accumulator{opts: Options{Period: 7}} // as the zero value with options set, which New refuses
	if _, err := bad.Scorecard(ScorecardOptions{}); err == nil {
		t.Error("an accumulator with a bad period made a scorecard")
	}
	if _, err := acc.Scorecard(ScorecardOptions{By: "weather"}); err == nil {
		t.Error("an unknown breakdown was taken")
	}
	card, err = acc.Scorecard(ScorecardOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if card.StandardsName != DefaultStandards().Name || card.Groups != nil || card.Survey != nil {
		t.Errorf("the zero options: %q, groups %v, survey %v", card.StandardsName, card.Groups, card.Survey)
	}
}
