package korto

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// taggedChecklist is aggChecklist with tags: a (critical) is safety and
// hygiene, b is hygiene (written twice, counted once), c has none, d is
// safety.
func taggedChecklist() *Checklist {
	c := aggChecklist()
	tags := map[string][]string{"a": {"safety", "hygiene"}, "b": {"hygiene", "hygiene"}, "d": {"safety"}}
	for q := range c.Questions() {
		q.Tags = tags[q.ID]
	}
	return c
}

func TestAggregatorTags(t *testing.T) {
	a, err := NewAggregator(taggedChecklist(), AggregateOptions{GroupBy: "location"})
	if err != nil {
		t.Fatal(err)
	}
	addAll(t, a, aggAudits)
	rep := a.Report()

	// The values of a, b and d in aggAudits, audit by audit:
	//	a: 0 1 1 1 1 1      (6 applicable, 1 failed, sum 5)
	//	b: 1 0 1 1 1 0      (6 applicable, 2 failed, sum 4)
	//	d: .5 .8 .9 .6 0 .7 (6 applicable, 1 failed, sum 3.5)
	// hygiene pools a and b, safety pools a and d.
	want := []TagSummary{
		{Tag: "hygiene", Questions: 2, Applicable: 12, Mean: new(9.0 / 12), Failed: 3, FailureRate: new(3.0 / 12)},
		{Tag: "safety", Questions: 2, Applicable: 12, Mean: new(8.5 / 12), Failed: 2, FailureRate: new(2.0 / 12)},
	}
	if diff := cmp.Diff(want, rep.Overall.Tags, approx); diff != "" {
		t.Errorf("overall tags (-want +got):\n%s", diff)
	}

	// Group B: a 1 1, b 1 1, d .6 0.
	wantB := []TagSummary{
		{Tag: "hygiene", Questions: 2, Applicable: 4, Mean: new(float64(1)), Failed: 0, FailureRate: new(float64(0))},
		{Tag: "safety", Questions: 2, Applicable: 4, Mean: new(2.6 / 4), Failed: 1, FailureRate: new(1.0 / 4)},
	}
	for _, g := range rep.Groups {
		if g.Group == "B" {
			if diff := cmp.Diff(wantB, g.Tags, approx); diff != "" {
				t.Errorf("group B tags (-want +got):\n%s", diff)
			}
		}
	}

	// The audit without a location answered nothing: its tags pool no
	// answer, and their mean and rate are unknown, not 0.
	for _, g := range rep.Groups {
		if g.Group != NoGroup {
			continue
		}
		for _, ts := range g.Tags {
			if ts.Applicable != 0 || ts.Mean != nil || ts.FailureRate != nil {
				t.Errorf("no-group tag %s = %+v, want nothing applicable", ts.Tag, ts)
			}
		}
	}
}

func TestAggregatorTagsMerge(t *testing.T) {
	whole, err := NewAggregator(taggedChecklist(), AggregateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	addAll(t, whole, aggAudits)
	left, _ := NewAggregator(taggedChecklist(), AggregateOptions{})
	right, _ := NewAggregator(taggedChecklist(), AggregateOptions{})
	addAll(t, left, aggAudits[:3])
	addAll(t, right, aggAudits[3:])
	if err := right.Merge(left); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(whole.Report().Overall.Tags, right.Report().Overall.Tags); diff != "" {
		t.Errorf("merged tags differ from one pass (-whole +merged):\n%s", diff)
	}
}

func TestAggregatorNoTags(t *testing.T) {
	a := newTestAggregator(t, AggregateOptions{})
	addAll(t, a, aggAudits)
	// An empty list, not nil, so that the JSON says "tags": [].
	if got := a.Report().Overall.Tags; got == nil || len(got) != 0 {
		t.Errorf("tags = %#v, want an empty list", got)
	}
}
