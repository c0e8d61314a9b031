package korto

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestLowLevelMisuse checks that the low-level calls answer misuse with
// an error that says what to do, never a panic or a silent success.
func TestLowLevelMisuse(t *testing.T) {
	c := genChecklist(10)
	p, other := scCompile(t, c), scCompile(t, c)
	sheet := genBestSheet(c)
	bound := func(p *Plan) *Bound {
		b, err := p.Bind(sheet)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	scored := func() *Scores {
		var sc Scores
		if err := p.ScoreInto(&sc, bound(p)); err != nil {
			t.Fatal(err)
		}
		return &sc
	}
	failed := func() *Bound {
		var b Bound
		if err := p.BindInto(&b, &Sheet{Checklist: c.ID}); err == nil {
			t.Fatal("binding an empty sheet did not fail")
		}
		return &b
	}
	tests := []struct {
		name string
		call func() error
		want string // a part of the error
	}{
		{"ScoreInto a zero Bound", func() error { return p.ScoreInto(&Scores{}, &Bound{}) }, "holds no answers"},
		{"ScoreInto a nil Bound", func() error { return p.ScoreInto(&Scores{}, nil) }, "holds no answers"},
		{"ScoreInto a Bound whose binding failed", func() error { return p.ScoreInto(&Scores{}, failed()) }, "holds no answers"},
		{"ScoreInto a Bound of another plan", func() error { return other.ScoreInto(&Scores{}, bound(p)) }, "another plan"},
		{"ScoreInto nil Scores", func() error { return p.ScoreInto(nil, bound(p)) }, "nil *Scores"},
		{"BindInto a nil Bound", func() error { return p.BindInto(nil, sheet) }, "nil *Bound"},
		{"Result from zero Scores", func() error {
			_, err := p.Result(sheet, bound(p), &Scores{}, ScoreOptions{})
			return err
		}, "plan's shape"},
		{"Result from nil Scores", func() error {
			_, err := p.Result(sheet, bound(p), nil, ScoreOptions{})
			return err
		}, "plan's shape"},
		{"Result of a Bound of another plan", func() error {
			_, err := other.Result(sheet, bound(p), scored(), ScoreOptions{})
			return err
		}, "another plan"},
		{"Result of a zero Bound", func() error {
			_, err := p.Result(sheet, &Bound{}, scored(), ScoreOptions{})
			return err
		}, "holds no answers"},
		{"Result of a nil Sheet", func() error {
			_, err := p.Result(nil, bound(p), scored(), ScoreOptions{})
			return err
		}, "nil *Sheet"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantRefused(t, tt.call, tt.want)
		})
	}
}

// TestScoreIntoErrorLeavesScores checks that a refused ScoreInto leaves
// the scores of the last good call as they were.
func TestScoreIntoErrorLeavesScores(t *testing.T) {
	c := genChecklist(10)
	p := scCompile(t, c)
	b, err := p.Bind(genBestSheet(c))
	if err != nil {
		t.Fatal(err)
	}
	var sc Scores
	if err := p.ScoreInto(&sc, b); err != nil {
		t.Fatal(err)
	}
	want := sc.Overall
	if err := p.ScoreInto(&sc, &Bound{}); err == nil {
		t.Fatal("ScoreInto a zero Bound did not fail")
	}
	if sc.Overall != want {
		t.Errorf("Overall %v after a refused call, want %v", sc.Overall, want)
	}
}

// TestResultMatchesScore checks that Result built from ScoreInto's
// scores is the Result Score returns.
func TestResultMatchesScore(t *testing.T) {
	c := genChecklist(10)
	p := scCompile(t, c)
	s := genBestSheet(c)
	want, err := p.Score(s)
	if err != nil {
		t.Fatal(err)
	}
	var b Bound
	var sc Scores
	if err := p.BindInto(&b, s); err != nil {
		t.Fatal(err)
	}
	if err := p.ScoreInto(&sc, &b); err != nil {
		t.Fatal(err)
	}
	got, err := p.Result(s, &b, &sc, ScoreOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-Score +Result)\n%s", diff)
	}
}

// TestPlanLookupsOutOfRange checks that Level and Question answer nil
// for an index they do not have.
func TestPlanLookupsOutOfRange(t *testing.T) {
	p := scCompile(t, genChecklist(10))
	type got struct{ Level, Question bool }
	tests := []struct {
		i    int
		want got
	}{
		{-1, got{false, false}},
		{0, got{true, true}},
		{p.NumLevels(), got{false, true}},
		{p.NumQuestions(), got{false, false}},
		{99, got{false, false}},
	}
	for _, tt := range tests {
		g := got{p.Level(tt.i) != nil, p.Question(tt.i) != nil}
		if diff := cmp.Diff(tt.want, g); diff != "" {
			t.Errorf("index %d: (-want +got)\n%s", tt.i, diff)
		}
	}
}
