package metrics

import (
	"encoding/json"
	"errors"
	"math"
	"math/rand/v2"
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
		r.Mean, errs[4] = w.Mean.Result(0)
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
