package metrics

import (
	"encoding/json"
	"errors"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// A constant weight scales Σw but not n_eff, so it must give the
// unweighted mean, spread and interval.
func TestMeanConstantWeight(t *testing.T) {
	xs := []float64{1.2, 2.4, 1.3, 1.3, 0, 1, 1.8, 0.8, 4.6, 1.4}
	var plain, weighted Mean
	for _, x := range xs {
		if err := plain.Add(x); err != nil {
			t.Fatal(err)
		}
		if err := weighted.AddWeighted(x, 2.5); err != nil {
			t.Fatal(err)
		}
	}
	p, err := plain.Result()
	if err != nil {
		t.Fatal(err)
	}
	w, err := weighted.Result()
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(p, w, cmpopts.EquateApprox(1e-12, 1e-12)); d != "" {
		t.Errorf("weight 2.5 everywhere (-plain +weighted):\n%s", d)
	}
}

// Worked by hand: values 1, 2, 4 with weights 1, 1, 2. Σw = 4, Σw² = 6,
// n_eff = 16/6; mean = (1 + 2 + 8)/4 = 2.75; Σw(x − mean)² = 3.0625 +
// 0.5625 + 2·1.5625 = 6.75; variance = 6.75/4 · n_eff/(n_eff − 1) = 2.7;
// se = sqrt(2.7/n_eff).
func TestMeanWeightedWorked(t *testing.T) {
	var m Mean
	for _, v := range [][2]float64{{1, 1}, {2, 1}, {4, 2}} {
		if err := m.AddWeighted(v[0], v[1]); err != nil {
			t.Fatal(err)
		}
	}
	r, err := m.ResultWith(Options{Level: 0.9})
	if err != nil {
		t.Fatal(err)
	}
	nEff := 16.0 / 6
	se := math.Sqrt(2.7 / nEff)
	tq := tQuantile(0.95, nEff-1)
	want := MeanResult{N: 3, NEff: nEff, Mean: 2.75, SD: math.Sqrt(2.7), SE: se,
		CI: Interval{Lo: 2.75 - tq*se, Hi: 2.75 + tq*se, Level: 0.9, Method: StudentT}}
	if d := cmp.Diff(want, r, cmpopts.EquateApprox(1e-12, 1e-12)); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
}

// Weighted parts merge to the whole, in any order, and a state saved
// and restored gives the same result.
func TestMeanWeightedMergeAndState(t *testing.T) {
	vals := [][2]float64{{3, 0.5}, {7, 2}, {1, 1}, {9, 0}, {4, 3}, {6, 1.5}}
	var whole, a, b Mean
	for i, v := range vals {
		if err := whole.AddWeighted(v[0], v[1]); err != nil {
			t.Fatal(err)
		}
		part := &a
		if i%2 == 1 {
			part = &b
		}
		if err := part.AddWeighted(v[0], v[1]); err != nil {
			t.Fatal(err)
		}
	}
	if err := b.Merge(&a); err != nil {
		t.Fatal(err)
	}
	rw, err := whole.Result()
	if err != nil {
		t.Fatal(err)
	}
	rm, err := b.Result()
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(rw, rm, cmpopts.EquateApprox(1e-12, 1e-12)); d != "" {
		t.Errorf("merged differs from whole:\n%s", d)
	}
	data, err := json.Marshal(whole)
	if err != nil {
		t.Fatal(err)
	}
	var back Mean
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatalf("%s: %v", data, err)
	}
	if back != whole {
		t.Errorf("state %s restored as %+v, want %+v", data, back, whole)
	}
}

func TestMeanWeightedRefusals(t *testing.T) {
	var m Mean
	if err := m.AddWeighted(1, -1); !errors.Is(err, ErrWeight) {
		t.Errorf("weight -1: %v, want ErrWeight", err)
	}
	for range 3 {
		if err := m.AddWeighted(5, 0); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := m.Result(); !errors.Is(err, ErrNoData) || m.N() != 3 {
		t.Errorf("three values of weight 0: N %d, %v; want 3 and ErrNoData", m.N(), err)
	}
	if _, err := m.ResultWith(Options{Method: Wald}); err == nil {
		t.Error("a Wald interval of a mean was accepted")
	}
	for _, state := range []string{
		`{"n":2,"mean":1,"m2":0,"sw":3}`,          // sw without sw2
		`{"n":2,"mean":1,"m2":0,"sw":3,"sw2":1}`,  // n_eff 9 > n
		`{"n":2,"mean":1,"m2":0,"sw":1,"sw2":4}`,  // n_eff 1/4 < 1
		`{"n":2,"mean":1,"m2":0,"sw":-1,"sw2":1}`, // negative weight sum
		`{"n":0,"mean":0,"m2":0,"sw":1,"sw2":1}`,  // weight without values
	} {
		var s Mean
		if err := json.Unmarshal([]byte(state), &s); !errors.Is(err, ErrState) {
			t.Errorf("%s: %v, want ErrState", state, err)
		}
	}
}

// Counts that cannot be added are refused, and the accumulator kept.
func TestMergeOverflowRefused(t *testing.T) {
	var big NPS
	if err := json.Unmarshal([]byte(`{"counts":[9223372036854775807,0,0],"weighted_counts":[0,0,0],"weights":[[0,0],[0,0],[0,0]],"squared_weights":[0,0]}`), &big); err != nil {
		t.Fatal(err)
	}
	var one NPS
	one.Add(0)
	before := big
	if err := big.Merge(&one); !errors.Is(err, ErrState) || big != before {
		t.Errorf("NPS merge past MaxInt64: %v; want ErrState and the accumulator unchanged", err)
	}
	var e, f Emotions
	if err := json.Unmarshal([]byte(`{"counts":[9223372036854775807,0,0],"weighted_counts":[0,0,0],"weights":[[0,0],[0,0],[0,0]],"squared_weights":[0,0]}`), &e); err != nil {
		t.Fatal(err)
	}
	f.Add(Positive)
	if err := e.Merge(&f); !errors.Is(err, ErrState) {
		t.Errorf("emotions merge past MaxInt64: %v; want ErrState", err)
	}

	// CSAT and CES keep the same counts (ratings) and refuse the same.
	const full = `{"scale":{"lo":1,"hi":3,"good":"high"},"counts":[9223372036854775807,0,0],"weighted_counts":[0,0,0],"weights":[[0,0],[0,0],[0,0]],"squared_weights":[0,0]}`
	s := Scale{Lo: 1, Hi: 3, Good: High}
	var c CSAT
	if err := json.Unmarshal([]byte(full), &c); err != nil {
		t.Fatal(err)
	}
	c1, _ := NewCSAT(s)
	_ = c1.Add(1)
	if err := c.Merge(c1); !errors.Is(err, ErrState) || c.N() != math.MaxInt64 {
		t.Errorf("CSAT merge past MaxInt64: %v, n %d; want ErrState and the accumulator unchanged", err, c.N())
	}
	var d CES
	if err := json.Unmarshal([]byte(full), &d); err != nil {
		t.Fatal(err)
	}
	d1, _ := NewCES(s)
	_ = d1.Add(1)
	if err := d.Merge(d1); !errors.Is(err, ErrState) {
		t.Errorf("CES merge past MaxInt64: %v; want ErrState", err)
	}
	// A total past MaxInt64 from two categories that each fit.
	var e2 CSAT
	if err := json.Unmarshal([]byte(full), &e2); err != nil {
		t.Fatal(err)
	}
	c3, _ := NewCSAT(s)
	_ = c3.Add(3)
	if err := e2.Merge(c3); !errors.Is(err, ErrState) {
		t.Errorf("CSAT merge whose total passes MaxInt64: %v; want ErrState", err)
	}
}
