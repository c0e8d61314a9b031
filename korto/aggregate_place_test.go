package korto

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestAggregatorKeepsPlace: a critical failure of an audit without an id
// keeps its sheet's place (Sheet.Place), through Merge and a saved
// state, in one order for any split; an audit with an id does not keep
// it (its id names it, and the list stays as small as before).
func TestAggregatorKeepsPlace(t *testing.T) {
	c := genChecklist(60)
	p, err := Compile(c)
	if err != nil {
		t.Fatal(err)
	}
	opts := AggregateOptions{GroupBy: "location"}
	whole, _ := NewAggregator(c, opts)
	parts := make([]*Aggregator, 3)
	for i := range parts {
		parts[i], _ = NewAggregator(c, opts)
	}
	rng := rand.New(rand.NewPCG(7, 1))
	var (
		b  Bound
		sc Scores
	)
	for i := range 30 { // fewer failures than MaxCriticalFailures: all listed
		s := genSheet(c, rng)
		s.Audit = map[string]string{"location": fmt.Sprint("L", i%2)}
		switch i % 3 {
		case 0:
			s.Audit["id"] = fmt.Sprint("a-", i)
		case 1:
			s.Audit["id"] = " " // blank is no id
		}
		s.Place = fmt.Sprintf("sheets.jsonl:%d", i+1)
		if err := p.BindInto(&b, s); err != nil {
			t.Fatal(err)
		}
		p.ScoreInto(&sc, &b)
		if err := whole.AddScored(p, s, &sc); err != nil {
			t.Fatal(err)
		}
		if err := parts[(i*7)%3].AddScored(p, s, &sc); err != nil {
			t.Fatal(err)
		}
	}
	merged, _ := NewAggregator(c, opts)
	for _, part := range parts {
		state, err := part.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		back, _ := NewAggregator(c, opts)
		if err := back.UnmarshalBinary(state); err != nil {
			t.Fatal(err)
		}
		if err := merged.Merge(back); err != nil {
			t.Fatal(err)
		}
	}
	want := whole.Report().CriticalFailures
	if d := cmp.Diff(want, merged.Report().CriticalFailures); d != "" {
		t.Errorf("merged saved parts differ from one pass (-whole +merged):\n%s", d)
	}
	placed := 0
	for _, cf := range want {
		switch {
		case len(cf.Audit) > 1 && cf.Place != "":
			t.Errorf("audit %q keeps a place, %q", cf.Audit, cf.Place)
		case len(cf.Audit) <= 1 && cf.Place == "":
			t.Errorf("an audit without an id has no place: %+v", cf)
		case cf.Place != "":
			placed++
		}
	}
	if placed == 0 || placed == len(want) {
		t.Errorf("%d of %d critical failures placed: the test needs both kinds", placed, len(want))
	}
}
