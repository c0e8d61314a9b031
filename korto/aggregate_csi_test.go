package korto

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// csiChecklist is aggChecklist with three csi questions on 1..10:
// speed (weight 2), staff (weight 1) and range (weight 0.5, optional).
func csiChecklist() *Checklist {
	c := aggChecklist()
	csi := func(id string, w float64) *Question {
		return &Question{ID: id, Text: Text{Text: "CSI " + id}, Kind: Kind{Type: KindCSI, Lo: 1, Hi: 10}, Weight: new(w), Optional: true}
	}
	c.Survey.Questions = append(c.Survey.Questions, csi("speed", 2), csi("staff", 1), csi("range", 0.5))
	return c
}

// TestAggregatorCSI checks the index of a report against a hand
// computation. Group A rates speed 8, 6, 10, staff 7, 9, 8 and range 9,
// 5, 7; group B rates speed 4 and staff 6 and leaves range out.
//
// A: means 8, 8, 7; CSI = 100 · (2·7 + 1·7 + 0.5·6) / (9 · 3.5) =
// 100 · 24 / 31.5 = 76.190476190476…; speed's interval 8 ± t(0.975, 2)
// · 2/√3 = 8 ± 4.302652729749464 · 1.1547005383792515 = 3.0317 …
// 12.97, clipped to 1 … 10; staff 8 ± 4.3027/√3 and range 7 ± 4.97
// reach past 10 too.
// B: range has weight 0.5 and no rating, so no index; one audit gives
// no interval.
// Overall: speed 8, 6, 10, 4 (mean 7), staff 7, 9, 8, 6 (mean 7.5),
// range 9, 5, 7 (mean 7): 100 · (2·6 + 6.5 + 0.5·6) / 31.5 = 68.253968…
func TestAggregatorCSI(t *testing.T) {
	a, err := NewAggregator(csiChecklist(), AggregateOptions{GroupBy: "location"})
	if err != nil {
		t.Fatal(err)
	}
	add := func(loc string, speed, staff, rng float64) {
		t.Helper()
		r := audit{loc: loc, score: new(0.5), l1: new(0.5), l2: new(0.5), vals: [4]float64{1, 1, 1, 1}, rec: -1}.result()
		for _, x := range []struct {
			id string
			v  float64
		}{{"speed", speed}, {"staff", staff}, {"range", rng}} {
			if x.v > 0 {
				r.Survey = append(r.Survey, SurveyAnswer{ID: x.id, Kind: KindCSI, Number: new(x.v)})
			}
		}
		if err := a.Add(r); err != nil {
			t.Fatal(err)
		}
	}
	add("A", 8, 7, 9)
	add("A", 6, 9, 5)
	add("A", 10, 8, 7)
	add("B", 4, 6, 0)
	rep := a.Report()
	f := Float
	h := 4.302652729749464 * 2 / math.Sqrt(3)
	wantA := &CSISummary{CSI: f(2400 / 31.5), N: 3, Lo: 1, Hi: 10, Attributes: []CSIAttributeSummary{
		{ID: "speed", Title: "CSI speed", N: 3, Mean: f(8), CILow: f(8 - h), CIHigh: f(10), Weight: 2},
		{ID: "staff", Title: "CSI staff", N: 3, Mean: f(8), CILow: f(8 - 4.302652729749464/math.Sqrt(3)), CIHigh: f(10), Weight: 1},
		{ID: "range", Title: "CSI range", N: 3, Mean: f(7), CILow: f(7 - h), CIHigh: f(10), Weight: 0.5},
	}}
	wantB := &CSISummary{N: 1, Lo: 1, Hi: 10, Attributes: []CSIAttributeSummary{
		{ID: "speed", Title: "CSI speed", N: 1, Mean: f(4), Weight: 2},
		{ID: "staff", Title: "CSI staff", N: 1, Mean: f(6), Weight: 1},
		{ID: "range", Title: "CSI range", N: 0, Weight: 0.5},
	}}
	opt := cmpopts.EquateApprox(0, 1e-9)
	if d := cmp.Diff(wantA, rep.Groups[0].CSI, opt); d != "" || rep.Groups[0].Group != "A" {
		t.Errorf("group A (-want +got):\n%s", d)
	}
	if d := cmp.Diff(wantB, rep.Groups[1].CSI, opt); d != "" {
		t.Errorf("group B (-want +got):\n%s", d)
	}
	if o := rep.Overall.CSI; o == nil || o.CSI == nil || math.Abs(*o.CSI-2150/31.5) > 1e-9 || o.N != 4 {
		t.Errorf("overall %+v, want CSI %v over 4 audits", o, 2150/31.5)
	}
	for _, s := range rep.Overall.Survey {
		if s.Kind == KindCSI {
			t.Errorf("csi question %q listed among the survey metrics", s.ID)
		}
	}

	// Two scales in one index cannot be aggregated.
	c := csiChecklist()
	c.Survey.Questions[len(c.Survey.Questions)-1].Kind.Hi = 5
	if _, err := NewAggregator(c, AggregateOptions{}); err == nil {
		t.Error("csi questions on 1..10 and 1..5: no error")
	}
}

// TestAggregatorCSIMerge: parts merged in any order give the index of
// one pass, bit for bit.
func TestAggregatorCSIMerge(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	var results []Result
	for range 300 {
		r := audit{loc: []string{"A", "B", "C"}[rng.IntN(3)], score: new(0.5), l1: new(0.5), l2: new(0.5), vals: [4]float64{1, 1, 1, 1}, rec: -1}.result()
		for _, id := range []string{"speed", "staff", "range"} {
			if rng.IntN(5) > 0 {
				r.Survey = append(r.Survey, SurveyAnswer{ID: id, Kind: KindCSI, Number: new(float64(1 + rng.IntN(10)))})
			}
		}
		results = append(results, r)
	}
	opts := AggregateOptions{GroupBy: "location"}
	whole, _ := NewAggregator(csiChecklist(), opts)
	parts := []*Aggregator{}
	for range 4 {
		p, _ := NewAggregator(csiChecklist(), opts)
		parts = append(parts, p)
	}
	for _, r := range results {
		if err := whole.Add(r); err != nil {
			t.Fatal(err)
		}
		if err := parts[rng.IntN(len(parts))].Add(r); err != nil {
			t.Fatal(err)
		}
	}
	merged, _ := NewAggregator(csiChecklist(), opts)
	for _, i := range rng.Perm(len(parts)) {
		if err := merged.Merge(parts[i]); err != nil {
			t.Fatal(err)
		}
	}
	if d := cmp.Diff(whole.Report(), merged.Report()); d != "" {
		t.Errorf("merged parts differ from one pass (-whole +merged):\n%s", d)
	}
	if whole.Report().Overall.CSI.CSI == nil {
		t.Error("no overall index")
	}
}
