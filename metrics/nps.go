package metrics

import "fmt"

// NPS accumulates answers to the Net Promoter question "how likely are
// you to recommend us, 0..10". Promoters answer 9-10, passives 7-8,
// detractors 0-6. The zero value is an empty accumulator ready to use.
//
// An NPS is a plain value: copying it copies the tally.
type NPS struct {
	// h counts unweighted answers per score. Add touches one of eleven
	// counters rather than one of three, so runs of equal categories
	// (most answers are often detractors) do not serialize on one
	// memory location; Result folds it into categories.
	h [11]int64
	t tally3 // weighted answers, and AddScores's category counts
}

// npsCategory maps a score 0..10 to detractor (0), passive (1) or
// promoter (2).
var npsCategory = [11]uint8{0, 0, 0, 0, 0, 0, 0, 1, 1, 2, 2}

// Add records one answer. A score outside 0..10 is an error and leaves
// the accumulator unchanged. For a slice of scores, AddScores is two to
// three times faster (BENCHMARKS.md).
func (a *NPS) Add(score int) error {
	// This shape is the fastest of those measured (BENCHMARKS.md). A
	// branch-free form (clamp bad scores into a spare slot, select the
	// error with CMOV) ran at twice the time; buffering scores for the
	// word-at-a-time counter serialized every call on the fill count.
	// What costs most is the caller's loop around Add: keep it in a
	// small function, so the loop index and the error stay in registers.
	if uint(score) > 10 {
		return npsRangeError(score, -1)
	}
	a.h[score]++
	return nil
}

// AddWeighted records one answer with a survey weight w: 0, or within
// [MinWeight, MaxWeight]. Any weight but 1 marks the result Weighted;
// a zero weight counts in N but in no share.
func (a *NPS) AddWeighted(score int, w float64) error {
	if uint(score) > 10 {
		return npsRangeError(score, -1)
	}
	if err := checkWeight(w, -1); err != nil {
		return err
	}
	a.t.addWeighted(int(npsCategory[score]), w)
	return nil
}

// AddScores records every score of a slice with the fast counting pass
// of NPSOf. If any score is above 10 nothing is recorded and the error
// names the first bad index.
func (a *NPS) AddScores(scores []uint8) error {
	c, err := countNPS(scores)
	if err != nil {
		return err
	}
	for i := range 3 {
		a.t.n[i] += c[i]
	}
	return nil
}

// Merge adds the answers of b to a. Unweighted tallies are integer
// counts, so merging is exact, associative and commutative. A nil b adds
// nothing. Counts that would overflow are an error wrapping ErrState,
// and a is left unchanged.
func (a *NPS) Merge(b *NPS) error {
	if b == nil {
		return nil
	}
	var h [11]int64
	for i, c := range b.h {
		s, ok := addCount(a.h[i], c)
		if !ok {
			return errorIs(ErrState, "NPS: merging the counts of score %d (%d and %d) overflows", i, a.h[i], c)
		}
		h[i] = s
	}
	if err := a.t.view().canMerge("NPS", b.t.view()); err != nil {
		return err
	}
	if _, ok := addCount(a.N(), b.N()); !ok {
		return errorIs(ErrState, "NPS: merging %d answers into %d overflows the count", b.N(), a.N())
	}
	a.h = h
	a.t.merge(&b.t)
	return nil
}

// N is the number of answers recorded.
func (a *NPS) N() int64 {
	t := a.tally()
	return t.total()
}

// tally folds the per-score counts into the category tally.
func (a *NPS) tally() tally3 {
	t := a.t
	for s, c := range a.h {
		t.n[npsCategory[s]] += c
	}
	return t
}

// Result returns the NPS with its 95% adjusted-Wald interval.
func (a *NPS) Result() (NPSResult, error) { return a.ResultWith(Options{}) }

// ResultWith returns the NPS with the interval opts ask for
// (AdjustedWald or Wald). No answers, or a zero total weight, is an
// error wrapping ErrNoData.
//
// The adjusted-Wald interval (Sauro & Lewis) adds 0.75 promoters, 0.75
// detractors and 3 answers, and is centred on that adjusted NPS, not on
// the reported one; it is clipped to [-100, 100]. It contains the
// reported NPS for every n >= 2 at the 95% level; a single answer is
// the exception (one promoter: NPS 100, interval [-48.5, 98.5]).
// Weighted answers use the weighted shares p and d with Kish's
// n_eff = (Σw)²/Σw², and the adjustment is made on that scale:
// p' = (p·n_eff + 0.75)/(n_eff + 3), likewise d', and se' from
// (p' + d' - (p'-d')²)/(n_eff + 3).
func (a *NPS) ResultWith(opts Options) (NPSResult, error) {
	t := a.tally()
	r, ok, err := t.compute(opts, AdjustedWald)
	if err != nil {
		return NPSResult{}, err
	}
	if !ok {
		return NPSResult{}, emptyError("NPS", t.total())
	}
	return NPSResult{
		N:              t.total(),
		Detractors:     t.answers(0),
		Passives:       t.answers(1),
		Promoters:      t.answers(2),
		Weighted:       t.weighted(),
		NEff:           r.nEff,
		DetractorShare: r.shares[0],
		PassiveShare:   r.shares[1],
		PromoterShare:  r.shares[2],
		NPS:            100 * r.diff,
		SE:             100 * r.se,
		CI:             scaleInterval(r.ci, 100),
	}, nil
}

// NPSResult is an NPS with its uncertainty. NPS, SE and CI are in NPS
// points on -100..100; the shares are fractions 0..1. Nothing is
// rounded; rounding is the printer's job.
type NPSResult struct {
	// N counts the answers recorded, and Promoters (9-10), Passives
	// (7-8) and Detractors (0-6) split it. They are plain counts even
	// for weighted answers, and include answers of weight 0.
	N          int64 `json:"n"`
	Promoters  int64 `json:"promoters"`
	Passives   int64 `json:"passives"`
	Detractors int64 `json:"detractors"`
	// Weighted is true when some answer had a weight other than 1; the
	// shares are then weighted and NEff is Kish's (Σw)²/Σw².
	Weighted bool `json:"weighted"`
	// NEff is the effective sample size the standard error divides by:
	// exactly N for unweighted answers, Kish's (Σw)²/Σw² (unrounded)
	// for weighted ones.
	NEff float64 `json:"n_eff"`
	// PromoterShare, PassiveShare and DetractorShare are the (weighted)
	// fractions of each category, 0..1, summing to 1.
	PromoterShare  float64 `json:"promoter_share"`
	PassiveShare   float64 `json:"passive_share"`
	DetractorShare float64 `json:"detractor_share"`
	// NPS is 100·(promoter share - detractor share), the unadjusted
	// point estimate whatever the interval method.
	NPS float64 `json:"nps"`
	// SE is the trinomial standard error of NPS:
	// 100·sqrt((p + d - (p-d)²) / n_eff), with p and d the promoter
	// and detractor shares. It is 0 when every answer is in one
	// category.
	SE float64 `json:"se"`
	// CI is the interval Options asked for, adjusted Wald by default,
	// clipped to [-100, 100]. The adjusted-Wald interval is centred on
	// the adjusted NPS and uses its own standard error, not SE.
	CI Interval `json:"ci"`
}

// NPSOf computes the NPS of plain scores 0..10 with the default 95%
// adjusted-Wald interval. It is the fast path for big inputs: one
// branch-free counting pass, then the same arithmetic as NPS.Result.
func NPSOf(scores []uint8) (NPSResult, error) {
	var a NPS
	if err := a.AddScores(scores); err != nil {
		return NPSResult{}, err
	}
	return a.Result()
}

// npsRangeError is kept out of line so that the inlined Add stays a
// compare and an increment in the caller's loop.
//
//go:noinline
func npsRangeError(score, index int) error {
	return &RangeError{Metric: "NPS", Index: index, Value: float64(score), Lo: 0, Hi: 10}
}

func scaleInterval(i Interval, k float64) Interval {
	i.Lo *= k
	i.Hi *= k
	return i
}

// countNPS returns the detractor, passive and promoter counts of scores.
func countNPS(scores []uint8) ([3]int64, error) {
	c, bad := countNPSFast(scores)
	if bad {
		for i, s := range scores {
			if s > 10 {
				return [3]int64{}, npsRangeError(int(s), i)
			}
		}
		panic(fmt.Sprintf("metrics: countNPS found a bad score but no index (len %d)", len(scores)))
	}
	return c, nil
}
