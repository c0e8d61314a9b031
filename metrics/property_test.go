package metrics

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// randomSplit cuts n items into 1..8 consecutive parts.
func randomSplit(rng *rand.Rand, n int) [][2]int {
	k := 1 + rng.IntN(8)
	cuts := []int{0, n}
	for range k - 1 {
		cuts = append(cuts, rng.IntN(n+1))
	}
	slices.Sort(cuts)
	var parts [][2]int
	for i := 1; i < len(cuts); i++ {
		parts = append(parts, [2]int{cuts[i-1], cuts[i]})
	}
	rng.Shuffle(len(parts), func(i, j int) { parts[i], parts[j] = parts[j], parts[i] })
	return parts
}

// TestMergeEqualsWhole checks that merging the accumulators of any split
// of the input, in any order, gives the result of the whole input: bit
// for bit for unweighted answers.
func TestMergeEqualsWhole(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 2026))
	for trial := range 300 {
		n := 1 + rng.IntN(200)
		scores := make([]int, n)
		for i := range scores {
			scores[i] = rng.IntN(11)
		}
		var whole NPS
		var emoWhole Emotions
		csatWhole, _ := NewCSAT(Scale{0, 10, High})
		var meanWhole Mean
		for _, s := range scores {
			whole.Add(s)
			emoWhole.Add(Emotion(1 + s%3))
			csatWhole.Add(s)
			meanWhole.Add(float64(s))
		}
		var merged NPS
		var emoMerged Emotions
		csatMerged, _ := NewCSAT(Scale{0, 10, High})
		var meanMerged Mean
		for _, p := range randomSplit(rng, n) {
			var part NPS
			var emo Emotions
			cs, _ := NewCSAT(Scale{0, 10, High})
			var m Mean
			for _, s := range scores[p[0]:p[1]] {
				part.Add(s)
				emo.Add(Emotion(1 + s%3))
				cs.Add(s)
				m.Add(float64(s))
			}
			merged.Merge(&part)
			emoMerged.Merge(&emo)
			if err := csatMerged.Merge(cs); err != nil {
				t.Fatal(err)
			}
			meanMerged.Merge(&m)
		}
		rw, _ := whole.Result()
		rm, _ := merged.Result()
		if diff := cmp.Diff(rw, rm); diff != "" {
			t.Fatalf("trial %d NPS: merged differs from whole:\n%s", trial, diff)
		}
		ew, _ := emoWhole.Result()
		em, _ := emoMerged.Result()
		if diff := cmp.Diff(ew, em); diff != "" {
			t.Fatalf("trial %d emotions:\n%s", trial, diff)
		}
		cw, _ := csatWhole.Result()
		cm, _ := csatMerged.Result()
		if diff := cmp.Diff(cw, cm); diff != "" {
			t.Fatalf("trial %d CSAT:\n%s", trial, diff)
		}
		if n >= 2 {
			mw, _ := meanWhole.Result()
			mm, _ := meanMerged.Result()
			// Welford/Chan merging is exact in the count, not in floats.
			if diff := cmp.Diff(mw, mm, cmpopts.EquateApprox(1e-12, 1e-12)); diff != "" {
				t.Fatalf("trial %d Mean:\n%s", trial, diff)
			}
		}
	}
}

// TestMergeWeighted checks weighted merging. Weight sums are kept as
// double-double pairs, so different merge orders differ by about 1e-32
// relative before the final rounding to float64: the results come out
// bit for bit the same here (they could differ in the last bit only if
// a sum fell within 1e-32 of a rounding boundary).
func TestMergeWeighted(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	for trial := range 200 {
		n := 1 + rng.IntN(100)
		scores := make([]int, n)
		weights := make([]float64, n)
		for i := range scores {
			scores[i] = rng.IntN(11)
			weights[i] = rng.Float64() * 5
		}
		var whole, merged NPS
		ces, _ := NewCES(Effort10)
		cesMerged, _ := NewCES(Effort10)
		for i, s := range scores {
			whole.AddWeighted(s, weights[i])
			ces.AddWeighted(max(1, s), weights[i])
		}
		for _, p := range randomSplit(rng, n) {
			var part NPS
			cp, _ := NewCES(Effort10)
			for i := p[0]; i < p[1]; i++ {
				part.AddWeighted(scores[i], weights[i])
				cp.AddWeighted(max(1, scores[i]), weights[i])
			}
			merged.Merge(&part)
			cesMerged.Merge(cp)
		}
		rw, err1 := whole.Result()
		rm, err2 := merged.Result()
		if (err1 == nil) != (err2 == nil) {
			t.Fatalf("trial %d: errors differ: %v / %v", trial, err1, err2)
		}
		if diff := cmp.Diff(rw, rm); diff != "" {
			t.Fatalf("trial %d NPS:\n%s", trial, diff)
		}
		cw, _ := ces.Result()
		cm, _ := cesMerged.Result()
		if diff := cmp.Diff(cw, cm); diff != "" {
			t.Fatalf("trial %d CES:\n%s", trial, diff)
		}
	}
}

// TestNPSBounds checks, over random inputs, that NPS lies in
// [-100, 100], the interval lies in [-100, 100] and contains the point
// estimate. The plain Wald interval is centred on it; the adjusted one
// is centred on the adjusted NPS and contains the point estimate for
// every n >= 2 at 95% (checked exhaustively up to n = 300 when this test
// was written). With a single answer it cannot: one promoter gives NPS
// 100 and the interval [-48.5, 98.5] — which is the honest answer.
func TestNPSBounds(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		n := 2 + rng.IntN(60)
		var a NPS
		skew := rng.IntN(11)
		for range n {
			s := rng.IntN(11)
			if rng.IntN(2) == 0 {
				s = skew
			}
			if rng.IntN(4) == 0 {
				a.AddWeighted(s, 0.1+rng.Float64()*3)
			} else {
				a.Add(s)
			}
		}
		for _, m := range []Method{AdjustedWald, Wald} {
			r, err := a.ResultWith(Options{Method: m})
			if err != nil {
				t.Fatal(err)
			}
			if !(r.NPS >= -100 && r.NPS <= 100) || r.CI.Lo < -100 || r.CI.Hi > 100 || r.CI.Lo > r.CI.Hi {
				t.Fatalf("%s out of bounds: %+v", m, r)
			}
			if r.Weighted && m == AdjustedWald && r.NEff < 2 {
				continue // fewer than two effective answers
			}
			if !r.CI.Contains(r.NPS) {
				t.Fatalf("%s interval %v misses NPS %v: %+v", m, r.CI, r.NPS, r)
			}
		}
	}
	// The single-answer case, documented above.
	var one NPS
	one.Add(10)
	r, _ := one.Result()
	// n' = 4, p' = 1.75/4, d' = 0.75/4: 25 ± z·37.5.
	if r.CI.Contains(r.NPS) || !closeRel(r.CI.Hi, 25+1.959963984540054*37.5, 1e-12) {
		t.Errorf("one promoter: %v", r.CI)
	}
}

// TestFastPathMatchesAdd checks that NPSOf's counting pass and Add agree
// on every length around the 8-byte and 255-word block edges.
func TestFastPathMatchesAdd(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 3))
	for _, n := range []int{1, 7, 8, 9, 15, 16, 17, 255*8 - 1, 255 * 8, 255*8 + 1, 255*16 + 3, 10007} {
		b := make([]uint8, n)
		var a NPS
		for i := range b {
			b[i] = uint8(rng.IntN(11))
			a.Add(int(b[i]))
		}
		want, _ := a.Result()
		got, err := NPSOf(b)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("n = %d:\n%s", n, diff)
		}
		// Every bad byte value is caught, wherever it sits.
		for _, bad := range []uint8{11, 12, 127, 128, 137, 255} {
			i := rng.IntN(n)
			old := b[i]
			b[i] = bad
			_, err := NPSOf(b)
			var re *RangeError
			if !asRange(err, &re) || re.Index != i || re.Value != float64(bad) {
				t.Errorf("n = %d, %d at %d: %v", n, bad, i, err)
			}
			b[i] = old
		}
	}
}

// Merging nil adds nothing, for every accumulator: a nil shard (one that
// never got an answer) is not a reason to panic.
func TestMergeNil(t *testing.T) {
	var n NPS
	if err := n.Add(9); err != nil {
		t.Fatal(err)
	}
	n.Merge(nil)
	var e Emotions
	e.Merge(nil)
	var m Mean
	m.Merge(nil)
	c, err := NewCSAT(CSAT5)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Merge(nil); err != nil {
		t.Errorf("CSAT.Merge(nil) = %v", err)
	}
	s, err := NewCES(CES2)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Merge(nil); err != nil {
		t.Errorf("CES.Merge(nil) = %v", err)
	}
	if n.N() != 1 || e.N() != 0 || m.N() != 0 || c.N() != 0 || s.N() != 0 {
		t.Errorf("counts after merging nil: NPS %d, Emotions %d, Mean %d, CSAT %d, CES %d", n.N(), e.N(), m.N(), c.N(), s.N())
	}
}
