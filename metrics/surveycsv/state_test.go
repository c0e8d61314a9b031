package surveycsv

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/cxkit/cxkit/metrics"
	"github.com/google/go-cmp/cmp"
)

// TestAccumulatorStateRoundTrip saves every accumulator of a read
// (weighted, by group) and restores it: the summary of the restored
// data is the same JSON, byte for byte, and so is a merge of restored
// halves with the whole read in one pass.
func TestAccumulatorStateRoundTrip(t *testing.T) {
	for _, tc := range []struct {
		metric Metric
		scale  metrics.Scale
	}{
		{NPS, metrics.Scale{}},
		{Emotion, metrics.Scale{}},
		{CSAT, metrics.Scale{Lo: 1, Hi: 5, Good: metrics.High}},
		{CES, metrics.Scale{Lo: 1, Hi: 7, Good: metrics.High}},
	} {
		t.Run(string(tc.metric), func(t *testing.T) {
			cfg := Config{Metric: tc.metric, By: "store", Weight: "weight", Scale: tc.scale, Workers: 1}
			d, err := ReadFile("../../examples/survey/q4.csv", cfg)
			if err != nil {
				t.Fatal(err)
			}
			restore := func(a *Accumulator) *Accumulator {
				t.Helper()
				b, err := json.Marshal(a)
				if err != nil {
					t.Fatal(err)
				}
				var r Accumulator
				if err := json.Unmarshal(b, &r); err != nil {
					t.Fatalf("%s: %v", b, err)
				}
				return &r
			}
			back := *d
			back.All = restore(d.All)
			back.Groups = nil
			for _, g := range d.Groups {
				back.Groups = append(back.Groups, Group{g.Name, restore(g.Acc)})
			}
			if diff := cmp.Diff(summaryJSON(t, d), summaryJSON(t, &back)); diff != "" {
				t.Errorf("restored summary differs (-read +restored):\n%s", diff)
			}

			// Two halves saved, restored and merged give the whole.
			half := *d
			half.All = restore(d.All)
			if err := half.All.Merge(restore(d.All)); err != nil {
				t.Fatal(err)
			}
			if got, want := half.All.N(), 2*d.All.N(); got != want {
				t.Errorf("merged restored halves hold %d answers, want %d", got, want)
			}
		})
	}
}

func summaryJSON(t *testing.T, d *Data) string {
	t.Helper()
	s, err := Summarize(d, metrics.Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestAccumulatorStateRejects(t *testing.T) {
	for _, in := range []string{
		`{}`,
		`{"metric":"nps"}`,
		`{"metric":"csi","state":{}}`,
		`{"metric":"nps","state":{"counts":[1,2,3]}}`,
		`{"metric":"nps","state":{"counts":[-1,0,0],"weighted_counts":[0,0,0],"weights":[[0,0],[0,0],[0,0]],"squared_weights":[0,0]}}`,
		`{"metric":"nps","state":{"counts":[1,0,0],"weighted_counts":[0,0,0],"weights":[[0,0],[0,0],[0,0]],"squared_weights":[0,0]},"extra":1}`,
	} {
		var a Accumulator
		err := json.Unmarshal([]byte(in), &a)
		if !errors.Is(err, metrics.ErrState) {
			t.Errorf("%s: got %v, want an error wrapping metrics.ErrState", in, err)
		}
	}
	if _, err := json.Marshal(&Accumulator{}); err == nil {
		t.Error("an Accumulator without a metric saved without an error")
	}
}
