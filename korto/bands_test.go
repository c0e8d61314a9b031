package korto

import (
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// gradeBands are the grades of the service-standards guide: average, very good, excellent.
func gradeBands() []*Band {
	return []*Band{
		{From: 0.6, Name: Text{Text: "средний", Tr: map[string]string{"en": "average"}}},
		{From: 0.8, Name: Text{Text: "очень хороший", Tr: map[string]string{"en": "very good"}}},
		{From: 0.9, Name: Text{Text: "отличный", Tr: map[string]string{"en": "excellent"}}},
	}
}

func TestBandOf(t *testing.T) {
	c := &Checklist{Bands: gradeBands()}
	tests := []struct {
		score float64
		want  int
	}{
		{0, -1},
		{0.5999, -1},
		{0.6, 0},
		{0.6 - 1e-12, 0}, // a few ulps short of the threshold is rounding, not a lower band
		{0.7999, 0},
		{0.8, 1},
		{0.1 + 0.7, 1}, // 0.7999999999999999
		{0.9, 2},
		{1, 2},
		{math.NaN(), -1},
	}
	for _, tt := range tests {
		if got := c.BandOf(tt.score); got != tt.want {
			t.Errorf("BandOf(%v) = %d, want %d", tt.score, got, tt.want)
		}
	}
	if got := (&Checklist{}).BandOf(1); got != -1 {
		t.Errorf("no bands: BandOf(1) = %d, want -1", got)
	}
	if got := (*Checklist)(nil).BandOf(1); got != -1 {
		t.Errorf("nil checklist: BandOf(1) = %d, want -1", got)
	}
}

func TestBandResult(t *testing.T) {
	c := &Checklist{Bands: gradeBands()}
	want := &BandResult{Index: 1, Name: "очень хороший", NameEn: "very good", From: 0.8}
	if d := cmp.Diff(want, c.BandResult(0.85, "")); d != "" {
		t.Errorf("BandResult(0.85) (-want +got):\n%s", d)
	}
	want.Name = "very good"
	if d := cmp.Diff(want, c.BandResult(0.85, "en")); d != "" {
		t.Errorf("BandResult(0.85, en) (-want +got):\n%s", d)
	}
	if r := c.BandResult(0.3, ""); r != nil {
		t.Errorf("BandResult(0.3) = %+v, want nil below the lowest band", r)
	}
	// A band without an English translation gives its own name in NameEn.
	c.Bands[2].Name.Tr = nil
	if r := c.BandResult(1, "en"); r == nil || r.NameEn != "отличный" {
		t.Errorf("BandResult(1) = %+v, want the name itself as name_en", r)
	}
}

// The band of a scored audit follows its overall score, after a knockout
// too: an audit zeroed by a failed critical question is in no band.
func TestScoreBand(t *testing.T) {
	c := specMall()
	c.Bands = gradeBands()
	score := func() Result {
		t.Helper()
		p := scCompile(t, c)
		s, err := p.ReadAnswers(strings.NewReader(scMallSheet))
		if err != nil {
			t.Fatal(err)
		}
		r, err := p.Score(s)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	// The spec's sheet scores (0.75 + (2/3 + 0.875)/2) / 2 = 76.0%: average.
	want := &BandResult{Index: 0, Name: "средний", NameEn: "average", From: 0.6}
	if d := cmp.Diff(want, score().Band); d != "" {
		t.Errorf("band (-want +got):\n%s", d)
	}
	// Under knockout audit the failed critical toilets zero the score.
	c.Knockout = KnockoutAudit
	if r := score(); !r.KnockedOut || r.Band != nil {
		t.Errorf("knocked out %v: band %+v, want none", r.KnockedOut, r.Band)
	}
}

// Reports count the scored audits per band, per group and overall; the
// unscored audit is in no count, and merging partial aggregates counts
// as one pass does.
func TestAggregatorBands(t *testing.T) {
	c := aggChecklist()
	c.Bands = gradeBands()
	newAgg := func() *Aggregator {
		a, err := NewAggregator(c, AggregateOptions{GroupBy: "location"})
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	a := newAgg()
	addAll(t, a, aggAudits)
	rep := a.Report()
	counts := func(g GroupSummary) []int64 {
		n := []int64{*g.BelowBands}
		for _, b := range g.Bands {
			n = append(n, b.N)
		}
		return n
	}
	// Scores: A 0.5 0.7 0.9; B 0.8 0.8; C 0.7; one unscored.
	want := map[string][]int64{"": {1, 2, 2, 1}, NoGroup: {0, 0, 0, 0}, "A": {1, 1, 0, 1}, "B": {0, 0, 2, 0}, "C": {0, 1, 0, 0}}
	got := map[string][]int64{"": counts(rep.Overall)}
	for _, g := range rep.Groups {
		if g.BelowBands != nil {
			got[g.Group] = counts(g)
		}
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("audits per band, below first (-want +got):\n%s", d)
	}
	b := rep.Overall.Bands[1]
	if b.Name != "очень хороший" || b.NameEn != "very good" || b.From != 0.8 || b.Share == nil || math.Abs(*b.Share-2.0/6) > 1e-12 {
		t.Errorf("overall band 2 = %+v (share %v), want очень хороший / very good from 0.8, 2 of 6 scored", b, b.Share)
	}

	x, y := newAgg(), newAgg()
	addAll(t, x, aggAudits[:3])
	addAll(t, y, aggAudits[3:])
	if err := x.Merge(y); err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(rep, x.Report()); d != "" {
		t.Errorf("merged differs from one pass (-one +merged):\n%s", d)
	}

	// Without bands the report has none.
	plain, _ := NewAggregator(aggChecklist(), AggregateOptions{})
	addAll(t, plain, aggAudits)
	if r := plain.Report(); r.Overall.Bands != nil || r.Overall.BelowBands != nil {
		t.Errorf("no bands in the checklist, report has %v / %v", r.Overall.Bands, r.Overall.BelowBands)
	}
}
