package korto

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestAggregatorKeepsPlace: a critical failure or a comment of an audit
// without an id keeps its sheet's place (Sheet.Place), through Merge
// and a saved state, in one order for any split; an audit with an id
// does not keep it (its id names it, and the list stays as small as
// before).
func TestAggregatorKeepsPlace(t *testing.T) {
	c := genChecklist(60)
	c.Survey.Questions = append(c.Survey.Questions, &Question{ID: "note", Text: Text{Text: "Комментарий"}, Kind: Kind{Type: KindText}, Optional: true})
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
	for i := range 30 { // fewer failures than MaxCriticalFailures, 15 comments a group: all listed
		s := genSheet(c, rng)
		s.Audit = map[string]string{"location": fmt.Sprint("L", i%2)}
		switch i % 3 {
		case 0:
			s.Audit["id"] = fmt.Sprint("a-", i)
		case 1:
			s.Audit["id"] = " " // blank is no id
		}
		s.Place = fmt.Sprintf("sheets.jsonl:%d", i+1)
		s.Answers["note"] = Str("the same words") // told apart by id or place alone
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
	whole1, merged1 := whole.Report(), merged.Report()
	want := whole1.CriticalFailures
	if d := cmp.Diff(want, merged1.CriticalFailures); d != "" {
		t.Errorf("merged saved parts differ from one pass (-whole +merged):\n%s", d)
	}
	for i, g := range whole1.Groups {
		if d := cmp.Diff(g.Comments, merged1.Groups[i].Comments); d != "" {
			t.Errorf("group %s: merged saved parts' comments differ from one pass (-whole +merged):\n%s", g.Group, d)
		}
	}
	check := func(what string, audits, places []string) {
		placed := 0
		for i, audit := range audits {
			switch place := places[i]; {
			case len(audit) > 1 && place != "":
				t.Errorf("%s: audit %q keeps a place, %q", what, audit, place)
			case len(audit) <= 1 && place == "":
				t.Errorf("%s: an audit without an id (%q) has no place", what, audit)
			case place != "":
				placed++
			}
		}
		if placed == 0 || placed == len(audits) {
			t.Errorf("%d of %d %s placed: the test needs both kinds", placed, len(audits), what)
		}
	}
	var audits, places []string
	for _, cf := range want {
		audits, places = append(audits, cf.Audit), append(places, cf.Place)
	}
	check("critical failures", audits, places)
	audits, places = nil, nil
	for _, g := range whole1.Groups {
		for _, cm := range g.Comments {
			audits, places = append(audits, cm.Audit), append(places, cm.Place)
		}
	}
	if len(audits) != 30 {
		t.Errorf("%d comments, want one a sheet, 30", len(audits))
	}
	check("comments", audits, places)
}
