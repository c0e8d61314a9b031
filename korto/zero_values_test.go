package korto

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestZeroValues checks the zero value of every type whose doc says it
// is not usable: each call returns an error that names the constructor,
// or a safe empty result, and none panics.
func TestZeroValues(t *testing.T) {
	c := specMall()
	sheet := func() *Sheet {
		s, err := ReadAnswers(strings.NewReader(scMallSheet))
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	result := func() Result {
		r, err := scCompile(t, c).Score(sheet())
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	tests := []struct {
		name string
		call func() error
		want string // a part of the error
	}{
		{"Plan.Score", func() error { var p Plan; _, err := p.Score(sheet()); return err }, "Compile"},
		{"Plan.Bind", func() error { var p Plan; _, err := p.Bind(sheet()); return err }, "Compile"},
		{"Plan.BindInto", func() error { var p Plan; return p.BindInto(&Bound{}, sheet()) }, "Compile"},
		{"Plan.Check", func() error { var p Plan; return p.Check(sheet()).Err() }, "Compile"},
		{"Plan.ReadAnswers", func() error {
			var p Plan
			_, err := p.ReadAnswers(strings.NewReader(scMallSheet))
			return err
		}, "Compile"},
		{"Plan.NewSheetReader", func() error {
			var p Plan
			_, err := p.NewSheetReader(strings.NewReader(scMallSheet)).Next()
			return err
		}, "Compile"},
		{"Plan.ScoreInto", func() error { var p Plan; return p.ScoreInto(&Scores{}, &Bound{}) }, "BindInto"},
		{"Aggregator.Add", func() error { var a Aggregator; return a.Add(result()) }, "NewAggregator"},
		{"Aggregator.AddScored", func() error { var a Aggregator; return a.AddScored(nil, nil, nil) }, "NewAggregator"},
		{"Aggregator.Merge into", func() error {
			var a Aggregator
			b, _ := NewAggregator(c, AggregateOptions{})
			return a.Merge(b)
		}, "NewAggregator"},
		{"Aggregator.Merge from", func() error {
			a, _ := NewAggregator(c, AggregateOptions{})
			return a.Merge(&Aggregator{})
		}, "NewAggregator"},
		{"SheetReader.Next", func() error { var sr SheetReader; _, err := sr.Next(); return err }, "NewSheetReader"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantRefused(t, tt.call, tt.want)
		})
	}
}

// TestZeroAggregatorResults checks the safe results of the zero
// Aggregator: no audits, an empty report.
func TestZeroAggregatorResults(t *testing.T) {
	var a Aggregator
	type got struct {
		Len    int64
		Report *Report
	}
	want := got{0, &Report{Groups: []GroupSummary{}}}
	if diff := cmp.Diff(want, got{a.Len(), a.Report()}); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
}

// TestZeroBoundAndScoresReady checks that the zero Bound and Scores are
// ready to use, as their docs say.
func TestZeroBoundAndScoresReady(t *testing.T) {
	p := scCompile(t, specMall())
	s, err := ReadAnswers(strings.NewReader(scMallSheet))
	if err != nil {
		t.Fatal(err)
	}
	want, err := p.Score(s)
	if err != nil {
		t.Fatal(err)
	}
	var b Bound
	var sc Scores
	if b.Plan() != nil {
		t.Errorf("zero Bound has plan %p, want none", b.Plan())
	}
	if err := p.BindInto(&b, s); err != nil {
		t.Fatal(err)
	}
	if err := p.ScoreInto(&sc, &b); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want.Score, optScore(sc.Overall), scApprox); diff != "" {
		t.Errorf("overall (-Score +ScoreInto)\n%s", diff)
	}
}
