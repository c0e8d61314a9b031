package metrics

import (
	"encoding/json"
	"errors"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestStateRoundTrip sends partial tallies through JSON, as between
// machines, and checks that merging the decoded parts gives the whole.
func TestStateRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 8))
	var whole, merged NPS
	csatWhole, _ := NewCSAT(CSAT5)
	csatMerged, _ := NewCSAT(CSAT5)
	var emoWhole, emoMerged Emotions
	var meanWhole, meanMerged Mean
	for range 5 {
		var part NPS
		cp, _ := NewCSAT(CSAT5)
		var ep Emotions
		var mp Mean
		for range 50 {
			s := rng.IntN(11)
			w := 0.5 + rng.Float64()
			if rng.IntN(2) == 0 {
				w = 1
			}
			for _, a := range []*NPS{&whole, &part} {
				a.AddWeighted(s, w)
			}
			csatWhole.AddWeighted(1+s%5, w)
			cp.AddWeighted(1+s%5, w)
			emoWhole.Add(Emotion(1 + s%3))
			ep.Add(Emotion(1 + s%3))
			meanWhole.Add(float64(s))
			mp.Add(float64(s))
		}
		var back NPS
		roundTrip(t, &part, &back)
		merged.Merge(&back)
		var cb CSAT
		roundTrip(t, cp, &cb)
		if err := csatMerged.Merge(&cb); err != nil {
			t.Fatal(err)
		}
		var eb Emotions
		roundTrip(t, &ep, &eb)
		emoMerged.Merge(&eb)
		var mb Mean
		roundTrip(t, &mp, &mb)
		meanMerged.Merge(&mb)
	}
	rw, _ := whole.Result()
	rm, _ := merged.Result()
	if diff := cmp.Diff(rw, rm); diff != "" {
		t.Errorf("NPS:\n%s", diff)
	}
	cw, _ := csatWhole.Result()
	cm, _ := csatMerged.Result()
	if diff := cmp.Diff(cw, cm); diff != "" {
		t.Errorf("CSAT:\n%s", diff)
	}
	ew, _ := emoWhole.Result()
	em, _ := emoMerged.Result()
	if diff := cmp.Diff(ew, em); diff != "" {
		t.Errorf("emotions:\n%s", diff)
	}
	if meanWhole.N() != meanMerged.N() {
		t.Errorf("Mean: n %d != %d", meanWhole.N(), meanMerged.N())
	}
}

func roundTrip(t *testing.T, from json.Marshaler, to json.Unmarshaler) {
	t.Helper()
	b, err := from.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	if err := to.UnmarshalJSON(b); err != nil {
		t.Fatalf("%s: %v", b, err)
	}
}

func TestStateRejectsBadInput(t *testing.T) {
	bad := map[string]json.Unmarshaler{
		`{"counts":[-1,0,0],"weighted_counts":[0,0,0],"weights":[[0,0],[0,0],[0,0]],"squared_weights":[0,0]}`:                                            new(NPS),
		`{"counts":[1,0,0],"weighted_counts":[0,0,0],"weights":[[-1,0],[0,0],[0,0]],"squared_weights":[0,0]}`:                                            new(Emotions),
		`{"scale":{"lo":1,"hi":5,"good":"high"},"counts":[1,2],"weighted_counts":[0,0],"weights":[[0,0],[0,0]],"squared_weights":[0,0]}`:                 new(CSAT),
		`{"scale":{"lo":1,"hi":5},"counts":[1,2,3,4,5],"weighted_counts":[0,0,0,0,0],"weights":[[0,0],[0,0],[0,0],[0,0],[0,0]],"squared_weights":[0,0]}`: new(CES),
		`{"n":-1,"mean":0,"m2":0}`: new(Mean),
		`[1,2]`:                    new(NPS),
	}
	for in, v := range bad {
		if err := v.UnmarshalJSON([]byte(in)); err == nil {
			t.Errorf("%T accepted %s", v, in)
		}
	}
}

// A state that no accumulator could have written is refused with
// ErrState, before it can give an n_eff of +Inf and NaN intervals.
func TestStateRejectsContradictions(t *testing.T) {
	tally := func(counts, weighted string, weights, squared string) string {
		return `{"counts":` + counts + `,"weighted_counts":` + weighted + `,"weights":` + weights + `,"squared_weights":` + squared + `}`
	}
	zero3 := `[[0,0],[0,0],[0,0]]`
	tests := []struct {
		name string
		in   string
		v    json.Unmarshaler
	}{
		{"weights without squared weights", tally(`[0,0,0]`, `[1,1,0]`, `[[2,0],[3,0],[0,0]]`, `[0,0]`), new(NPS)},
		{"weights without squared weights (emotions)", tally(`[4,0,0]`, `[1,0,0]`, `[[2,0],[0,0],[0,0]]`, `[0,0]`), new(Emotions)},
		{"weight in a category with no weighted answer", tally(`[1,0,0]`, `[0,0,0]`, `[[2,0],[0,0],[0,0]]`, `[4,0]`), new(NPS)},
		{"squared weights above the squared sum", tally(`[0,0,0]`, `[1,0,0]`, `[[2,0],[0,0],[0,0]]`, `[5,0]`), new(NPS)},
		{"squared weights with no weighted answer", tally(`[3,0,0]`, `[0,0,0]`, zero3, `[1,0]`), new(NPS)},
		{"counts that overflow", tally(`[9223372036854775807,1,0]`, `[0,0,0]`, zero3, `[0,0]`), new(NPS)},
		{"negative count", tally(`[-1,0,0]`, `[0,0,0]`, zero3, `[0,0]`), new(NPS)},
		{"ratings: weights without squared weights",
			`{"scale":{"lo":1,"hi":3,"good":"high"},"counts":[0,0,0],"weighted_counts":[0,2,0],"weights":[[0,0],[3,0],[0,0]],"squared_weights":[0,0]}`, new(CSAT)},
		{"mean: negative n", `{"n":-1,"mean":0,"m2":0}`, new(Mean)},
	}
	for _, tt := range tests {
		if err := tt.v.UnmarshalJSON([]byte(tt.in)); !errors.Is(err, ErrState) {
			t.Errorf("%s: %T.UnmarshalJSON = %v, want ErrState", tt.name, tt.v, err)
		}
	}

	// The same shapes that an accumulator does write still load: two
	// weighted answers of 2 and 3 and one of weight 0.
	ok := tally(`[0,0,0]`, `[1,2,0]`, `[[2,0],[3,0],[0,0]]`, `[13,0]`)
	var a NPS
	if err := a.UnmarshalJSON([]byte(ok)); err != nil {
		t.Fatalf("a consistent state: %v", err)
	}
	r, err := a.Result()
	if err != nil || math.IsNaN(r.CI.Lo) || math.IsInf(r.NEff, 0) {
		t.Errorf("a consistent state: %+v, %v", r, err)
	}
}

// Accumulators are plain values, so a struct may hold them by value;
// marshaling that struct must save them, not write {} and lose the
// tallies.
func TestStateOfValueFields(t *testing.T) {
	type wave struct {
		NPS      NPS
		Emotions Emotions
		CSAT     CSAT
		CES      CES
		Mean     Mean
	}
	var w wave
	csat, _ := NewCSAT(CSAT5)
	ces, _ := NewCES(CES2)
	for i := range 20 {
		w.NPS.Add(i % 11)
		w.NPS.AddWeighted(10-i%11, 0.5)
		w.Emotions.Add(Emotion(1 + i%3))
		csat.AddWeighted(1+i%5, 1.5)
		ces.Add(1 + i%7)
		w.Mean.Add(float64(i))
	}
	w.CSAT, w.CES = *csat, *ces
	b, err := json.Marshal(w)
	if err != nil {
		t.Fatal(err)
	}
	var back wave
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatalf("%s: %v", b, err)
	}
	type results struct {
		NPS      NPSResult
		Emotions EmotionResult
		CSAT     CSATResult
		CES      CESResult
		Mean     MeanResult
	}
	get := func(w *wave) (r results) {
		var errs [5]error
		r.NPS, errs[0] = w.NPS.Result()
		r.Emotions, errs[1] = w.Emotions.Result()
		r.CSAT, errs[2] = w.CSAT.Result()
		r.CES, errs[3] = w.CES.Result()
		r.Mean, errs[4] = w.Mean.Result()
		for _, err := range errs {
			if err != nil {
				t.Fatalf("%s: %v", b, err)
			}
		}
		return r
	}
	if diff := cmp.Diff(get(&w), get(&back)); diff != "" {
		t.Errorf("saved by value and restored (-want +got):\n%s\n%s", diff, b)
	}
}

// States are read strictly: every field an accumulator writes must be
// there, with the length it writes, spelt as it writes it, and nothing
// else; anything else is ErrState, never an empty or truncated tally.
func TestStateStrict(t *testing.T) {
	const (
		weights3 = `"weights":[[0,0],[0,0],[0,0]],"squared_weights":[0,0]`
		scale5   = `"scale":{"lo":1,"hi":5,"good":"high"}`
		zeros5   = `"counts":[1,2,3,4,5],"weighted_counts":[0,0,0,0,0],"weights":[[0,0],[0,0],[0,0],[0,0],[0,0]],"squared_weights":[0,0]`
	)
	tests := []struct {
		name string
		in   string
		v    json.Unmarshaler
		want string // in the message
	}{
		{"four counts", `{"counts":[1,2,3,4],"weighted_counts":[0,0,0],` + weights3 + `}`, new(NPS), `"counts" has 4 entries, want 3`},
		{"two counts", `{"counts":[1,2],"weighted_counts":[0,0,0],` + weights3 + `}`, new(NPS), `"counts" has 2 entries, want 3`},
		{"misspelt field", `{"count":[1,0,1],"weighted_counts":[0,0,0],` + weights3 + `}`, new(NPS), `did you mean "counts"`},
		{"only a misspelt field", `{"count":[1,0,1]}`, new(NPS), `unknown field "count"`},
		{"empty object", `{}`, new(NPS), `field "counts" is missing`},
		{"null", `null`, new(NPS), `field "counts" is missing`},
		{"missing squared weights", `{"counts":[1,2,3],"weighted_counts":[0,0,0],"weights":[[0,0],[0,0],[0,0]]}`, new(Emotions), `field "squared_weights" is missing`},
		{"null field", `{"counts":null,"weighted_counts":[0,0,0],` + weights3 + `}`, new(Emotions), `field "counts" is missing`},
		{"short weight pair", `{"counts":[1,2,3],"weighted_counts":[0,0,0],"weights":[[0],[0,0],[0,0]],"squared_weights":[0,0]}`, new(NPS), `weights[0] has 1 numbers, want 2`},
		{"wrong case", `{"Counts":[1,2,3],"weighted_counts":[0,0,0],` + weights3 + `}`, new(NPS), `unknown field "Counts"`},
		{"duplicate", `{"counts":[1,2,3],"counts":[1,2,3],"weighted_counts":[0,0,0],` + weights3 + `}`, new(NPS), `given twice`},
		{"trailing data", `{"counts":[1,2,3],"weighted_counts":[0,0,0],` + weights3 + `} {}`, new(NPS), `after top-level value`},
		{"fractional count", `{"counts":[1.5,2,3],"weighted_counts":[0,0,0],` + weights3 + `}`, new(NPS), `whole number`},
		{"weight sum out of reach", `{"counts":[0,0,0],"weighted_counts":[1000000000,0,0],"weights":[[1e200,0],[0,0],[0,0]],"squared_weights":[1e300,0]}`, new(NPS), `more than 1000000000 weights`},
		{"ratings without scale", `{` + zeros5 + `}`, new(CSAT), `field "scale" is missing`},
		{"ratings scale without lo", `{"scale":{"hi":5,"good":"high"},` + zeros5 + `}`, new(CES), `needs lo, hi and good`},
		{"ratings counts off the scale", `{` + scale5 + `,"counts":[1,2],"weighted_counts":[0,0,0,0,0],"weights":[[0,0],[0,0],[0,0],[0,0],[0,0]],"squared_weights":[0,0]}`, new(CSAT), `"counts" has 2 entries, want 5, one per point of the scale 1..5 (high is good)`},
		{"ratings unknown field", `{` + scale5 + `,` + zeros5 + `,"extra":1}`, new(CES), `unknown field "extra"`},
		{"mean: empty object", `{}`, new(Mean), `want all of n, mean and m2`},
		{"mean: one value with spread", `{"n":1,"mean":1,"m2":5}`, new(Mean), `one value has no spread`},
		{"mean: no values with a mean", `{"n":0,"mean":1,"m2":0}`, new(Mean), `no values`},
		{"mean: unknown field", `{"n":2,"mean":1,"m2":5,"sd":1}`, new(Mean), `unknown field "sd"`},
	}
	for _, tt := range tests {
		err := tt.v.UnmarshalJSON([]byte(tt.in))
		if !errors.Is(err, ErrState) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %T.UnmarshalJSON(%s) = %v, want ErrState saying %q", tt.name, tt.v, tt.in, err, tt.want)
		}
	}

	// What the accumulators write still loads, n = 1 included.
	good := []struct {
		in string
		v  json.Unmarshaler
	}{
		{`{"counts":[1,2,3],"weighted_counts":[0,0,0],` + weights3 + `}`, new(NPS)},
		{`{"counts":[1,2,3],"weighted_counts":[0,0,0],` + weights3 + `}`, new(Emotions)},
		{`{` + scale5 + `,` + zeros5 + `}`, new(CSAT)},
		{`{` + scale5 + `,` + zeros5 + `}`, new(CES)},
		{`{"n":0,"mean":0,"m2":0}`, new(Mean)},
		{`{"n":1,"mean":4.5,"m2":0}`, new(Mean)},
		{`{"n":3,"mean":2,"m2":2}`, new(Mean)},
	}
	for _, g := range good {
		if err := g.v.UnmarshalJSON([]byte(g.in)); err != nil {
			t.Errorf("%T.UnmarshalJSON(%s): %v", g.v, g.in, err)
		}
	}
}

func TestEmotionNPSState(t *testing.T) {
	var tab EmotionNPS
	for i, e := range []Emotion{Negative, Neutral, Positive, Positive} {
		if err := tab.Add(e, []int{3, 8, 10, 9}[i]); err != nil {
			t.Fatal(err)
		}
	}
	b, err := json.Marshal(tab)
	if err != nil {
		t.Fatal(err)
	}
	var back EmotionNPS
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if back != tab {
		t.Errorf("restored %s as %+v, want %+v", b, back, tab)
	}
	for _, bad := range []string{`{}`, `{"counts":[[1,2,3]]}`, `{"counts":[[1,2,3],[0,0,0],[0,0,-1]]}`, `{"counts":[[0,0,0],[0,0,0],[0,0,0]],"n":1}`} {
		if err := json.Unmarshal([]byte(bad), &back); !errors.Is(err, ErrState) {
			t.Errorf("%s: error %v, want ErrState", bad, err)
		}
	}
}
