package korto_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/cxkit/cxkit/dsl"
	"github.com/cxkit/cxkit/korto"
)

// Under `knockout audit` a report keeps the scores before the knockouts
// beside the knocked-out ones (scoring spec: "the report keeps the raw
// score beside it"), per group as well; other checklists have no raw
// score to keep.
func TestAggregatorRawScore(t *testing.T) {
	const src = `checklist k "K" {
  knockout audit
  level 1 "L" {
    question a "A" critical
    question b "B" scale 1..5
  }
}
`
	// a=no knocks the first sheet out: raw (0 + 1)/2 = 0.5, score 0.
	sheets := []string{
		`{"checklist": "k", "audit": {"location": "X"}, "answers": {"a": "no", "b": 5}}`,
		`{"checklist": "k", "audit": {"location": "X"}, "answers": {"a": "yes", "b": 3}}`,
		`{"checklist": "k", "audit": {"location": "Y"}, "answers": {"a": "yes", "b": 5}}`,
	}
	for _, knockout := range []bool{true, false} {
		text := src
		if !knockout {
			text = strings.Replace(src, "knockout audit", "knockout level", 1)
		}
		c, err := dsl.Parse("k.korto", []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		p, err := korto.Compile(c)
		if err != nil {
			t.Fatal(err)
		}
		opts := korto.AggregateOptions{GroupBy: "location"}
		viaResult, _ := korto.NewAggregator(c, opts)
		viaScores, _ := korto.NewAggregator(c, opts)
		var (
			b  korto.Bound
			sc korto.Scores
		)
		for _, s := range sheets {
			sheet, err := p.ReadAnswers(strings.NewReader(s))
			if err != nil {
				t.Fatal(err)
			}
			r, err := p.Score(sheet)
			if err != nil {
				t.Fatal(err)
			}
			if err := viaResult.Add(r); err != nil {
				t.Fatal(err)
			}
			if err := p.BindInto(&b, sheet); err != nil {
				t.Fatal(err)
			}
			p.ScoreInto(&sc, &b)
			if err := viaScores.AddScored(p, sheet, &sc); err != nil {
				t.Fatal(err)
			}
		}
		rep := viaResult.Report()
		if d := cmp.Diff(rep, viaScores.Report()); d != "" {
			t.Errorf("knockout %v: AddScored differs from Add (-Add +AddScored):\n%s", knockout, d)
		}
		type row struct {
			Group      string
			Score, Raw *float64
		}
		var got []row
		for _, g := range append([]korto.GroupSummary{rep.Overall}, rep.Groups...) {
			r := row{Group: g.Group, Score: g.Score.Mean}
			if g.RawScore != nil {
				r.Raw = g.RawScore.Mean
			}
			got = append(got, r)
		}
		// Scores: 0, 0.75, 1; raw: 0.5, 0.75, 1.
		want := []row{
			{"", new(1.75 / 3), new(2.25 / 3)},
			{"Y", new(float64(1)), new(float64(1))},
			{"X", new(0.375), new(0.625)},
		}
		if !knockout {
			want = []row{
				{"", new(2.25 / 3), nil},
				{"Y", new(float64(1)), nil},
				{"X", new(0.625), nil},
			}
		}
		if d := cmp.Diff(want, got, cmpopts.EquateApprox(0, 1e-12)); d != "" {
			t.Errorf("knockout %v: means (-want +got):\n%s", knockout, d)
		}
	}
}
