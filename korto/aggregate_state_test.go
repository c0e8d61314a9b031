package korto

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestAggregatorStateRoundTrip saves random parts of an aggregate,
// restores them into fresh aggregators and merges those: the report is
// the one pass's, and a restored aggregator saves the same bytes.
func TestAggregatorStateRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 4))
	opts := AggregateOptions{GroupBy: "location", TopProblems: -1}
	whole := newTestAggregator(t, opts)
	parts := make([]*Aggregator, 4)
	for i := range parts {
		parts[i] = newTestAggregator(t, opts)
	}
	for range 50 {
		for _, au := range aggAudits {
			if err := whole.Add(au.result()); err != nil {
				t.Fatal(err)
			}
			if err := parts[rng.IntN(len(parts))].Add(au.result()); err != nil {
				t.Fatal(err)
			}
		}
	}
	merged := newTestAggregator(t, opts)
	for _, p := range parts {
		b, err := p.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		back := newTestAggregator(t, opts)
		if err := back.UnmarshalBinary(b); err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff(p.Report(), back.Report()); d != "" {
			t.Fatalf("restored part differs (-saved +restored):\n%s", d)
		}
		again, err := back.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(b, again) {
			t.Error("a restored aggregator saves other bytes than it was restored from")
		}
		if err := merged.Merge(back); err != nil {
			t.Fatal(err)
		}
	}
	if d := cmp.Diff(whole.Report(), merged.Report()); d != "" {
		t.Fatalf("merged restored parts differ from one pass (-whole +merged):\n%s", d)
	}
}

// TestAggregatorStateRejects: a state of other options, a cut state and
// stray bytes are errors wrapping ErrAggregateState that leave the
// aggregator as it was; none panics.
func TestAggregatorStateRejects(t *testing.T) {
	a := newTestAggregator(t, AggregateOptions{GroupBy: "location"})
	addAll(t, a, aggAudits)
	b, err := a.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	check := func(name string, into *Aggregator, state []byte) {
		t.Helper()
		before := into.Report()
		err := into.UnmarshalBinary(state)
		if !errors.Is(err, ErrAggregateState) {
			t.Errorf("%s: error %v, want one wrapping ErrAggregateState", name, err)
		}
		if d := cmp.Diff(before, into.Report()); d != "" {
			t.Errorf("%s: a refused state changed the aggregator:\n%s", name, d)
		}
	}
	check("other grouping", newTestAggregator(t, AggregateOptions{GroupBy: "auditor"}), b)
	check("other top", newTestAggregator(t, AggregateOptions{GroupBy: "location", TopProblems: 3}), b)
	check("stray byte", newTestAggregator(t, AggregateOptions{GroupBy: "location"}), append(bytes.Clone(b), 0))
	for n := range len(b) {
		fresh := newTestAggregator(t, AggregateOptions{GroupBy: "location"})
		if err := fresh.UnmarshalBinary(b[:n]); !errors.Is(err, ErrAggregateState) {
			t.Fatalf("state cut to %d of %d bytes: error %v, want ErrAggregateState", n, len(b), err)
		}
	}
	var zero Aggregator
	if _, err := zero.MarshalBinary(); err == nil {
		t.Error("the zero Aggregator saved a state")
	}
}

// TestAggregatorStateBands: the audits per band of the overall score
// travel with the state.
func TestAggregatorStateBands(t *testing.T) {
	c := aggChecklist()
	c.Bands = []*Band{{From: 0.5, Name: Text{Text: "average"}}, {From: 0.8, Name: Text{Text: "good"}}}
	a, err := NewAggregator(c, AggregateOptions{GroupBy: "location"})
	if err != nil {
		t.Fatal(err)
	}
	addAll(t, a, aggAudits)
	b, err := a.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	back, err := NewAggregator(c, AggregateOptions{GroupBy: "location"})
	if err != nil {
		t.Fatal(err)
	}
	if err := back.UnmarshalBinary(b); err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(a.Report(), back.Report()); d != "" {
		t.Fatalf("restored differs (-saved +restored):\n%s", d)
	}
	if err := newTestAggregator(t, AggregateOptions{GroupBy: "location"}).UnmarshalBinary(b); !errors.Is(err, ErrAggregateState) {
		t.Errorf("a state with bands restored into a checklist without: %v", err)
	}
}
