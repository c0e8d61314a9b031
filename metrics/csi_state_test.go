package metrics

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A CSI's saved state restores to ratings that give the same result,
// and merging restored parts equals one pass.
func TestCSIRatingsState(t *testing.T) {
	s := Scale{Lo: 1, Hi: 10, Good: High}
	names := []string{"speed", "staff", "range"}
	whole, _ := NewCSIRatings(s, names)
	a, _ := NewCSIRatings(s, names)
	b, _ := NewCSIRatings(s, names)
	for i := range 40 {
		r := []int{1 + i%10, NoRating, 1 + (i*7)%10}
		if i%3 == 0 {
			r[1] = 1 + (i*3)%10
		}
		if err := whole.Add(r); err != nil {
			t.Fatal(err)
		}
		part := a
		if i%4 == 1 {
			part = b
		}
		if err := part.Add(r); err != nil {
			t.Fatal(err)
		}
	}
	merged := new(CSIRatings)
	for i, p := range []*CSIRatings{a, b} {
		js, err := json.Marshal(p)
		if err != nil {
			t.Fatal(err)
		}
		r := new(CSIRatings)
		if err := r.UnmarshalJSON(js); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			merged = r
		} else if err := merged.Merge(r); err != nil {
			t.Fatal(err)
		}
	}
	want, err := whole.Result(nil, 0.95)
	if err != nil {
		t.Fatal(err)
	}
	got, err := merged.Result(nil, 0.95)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("restored and merged (-whole +merged):\n%s", d)
	}
	for _, bad := range []string{
		`{}`,
		`{"scale":{"lo":1,"hi":10,"good":"high"},"names":["a"],"respondents":1,"attributes":[]}`,
		`{"scale":{"lo":1,"hi":5,"good":"high"},"names":["a"],"respondents":0,"attributes":[{"scale":{"lo":1,"hi":10,"good":"high"},"counts":[0,0,0,0,0,0,0,0,0,0],"weighted_counts":[0,0,0,0,0,0,0,0,0,0],"weights":[[0,0],[0,0],[0,0],[0,0],[0,0],[0,0],[0,0],[0,0],[0,0],[0,0]],"squared_weights":[0,0]}]}`,
		`{"scale":{"lo":1,"hi":2,"good":"high"},"names":["a"],"respondents":3,"attributes":[{"scale":{"lo":1,"hi":2,"good":"high"},"counts":[1,1],"weighted_counts":[0,0],"weights":[[0,0],[0,0]],"squared_weights":[0,0]}]}`,
		`{"scale":{"lo":1,"hi":2,"good":"high"},"names":["a"],"respondents":1,"attributes":[{"scale":{"lo":1,"hi":2,"good":"high"},"counts":[1,1],"weighted_counts":[0,0],"weights":[[0,0],[0,0]],"squared_weights":[0,0]}]}`,
	} {
		if err := new(CSIRatings).UnmarshalJSON([]byte(bad)); !errors.Is(err, ErrState) {
			t.Errorf("%s: error %v, want ErrState", bad, err)
		}
	}
}
