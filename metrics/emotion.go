package metrics

import (
	"fmt"
	"strings"
)

// Emotion is the mood a customer left with, as recorded by a mystery
// shopper or a survey: negative, neutral or positive.
type Emotion int8

// Emotions. The zero value is not an emotion, so a forgotten field is an
// error rather than a silent "negative".
const (
	Negative Emotion = iota + 1
	Neutral
	Positive
)

// String returns "negative", "neutral", "positive", or "Emotion(n)" for
// an invalid value.
func (e Emotion) String() string {
	switch e {
	case Negative:
		return "negative"
	case Neutral:
		return "neutral"
	case Positive:
		return "positive"
	}
	return fmt.Sprintf("Emotion(%d)", int8(e))
}

// ParseEmotion parses "positive", "neutral" or "negative" (any case,
// surrounding space ignored).
func ParseEmotion(s string) (Emotion, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "negative":
		return Negative, nil
	case "neutral":
		return Neutral, nil
	case "positive":
		return Positive, nil
	}
	return 0, errorIs(ErrRange, "emotion %q: want positive, neutral or negative", s)
}

// MarshalText implements encoding.TextMarshaler.
func (e Emotion) MarshalText() ([]byte, error) {
	if e < Negative || e > Positive {
		return nil, errorIs(ErrRange, "emotion %d: want Negative, Neutral or Positive", int8(e))
	}
	return []byte(e.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (e *Emotion) UnmarshalText(b []byte) error {
	v, err := ParseEmotion(string(b))
	if err == nil {
		*e = v
	}
	return err
}

// Emotions accumulates emotions for 4Service's emotional index
// Iэ = share of positive - share of negative, in -1..1 (the 4Service emotional-index study: 0.92
// in electronics retail, 0.59 in clothing, over 28,000 mystery-shopping
// questionnaires). The zero value is ready to use; it is a plain value.
type Emotions struct{ t tally3 }

// Add records one emotion; anything but Negative, Neutral or Positive is
// an error.
func (a *Emotions) Add(e Emotion) error {
	if e < Negative || e > Positive {
		return emotionError(e, -1)
	}
	a.t.n[e-1]++
	return nil
}

// AddWeighted records one emotion with a survey weight w: 0, or within
// [MinWeight, MaxWeight]. Any weight but 1 marks the result Weighted;
// a zero weight counts in N but in no share.
func (a *Emotions) AddWeighted(e Emotion, w float64) error {
	if e < Negative || e > Positive {
		return emotionError(e, -1)
	}
	if err := checkWeight(w, -1); err != nil {
		return err
	}
	a.t.addWeighted(int(e-1), w)
	return nil
}

// Merge adds the answers of b to a, exactly for unweighted tallies. A nil
// b adds nothing. Counts that would overflow are an error wrapping
// ErrState, and a is left unchanged.
func (a *Emotions) Merge(b *Emotions) error {
	if b == nil {
		return nil
	}
	if err := a.t.view().canMerge("emotional index", b.t.view()); err != nil {
		return err
	}
	a.t.merge(&b.t)
	return nil
}

// N is the number of answers recorded.
func (a *Emotions) N() int64 { return a.t.total() }

// Result returns the index with its 95% adjusted-Wald interval.
func (a *Emotions) Result() (EmotionResult, error) { return a.ResultWith(Options{}) }

// ResultWith returns the index with the interval opts ask for
// (AdjustedWald or Wald), with the same arithmetic as NPS on the -1..1
// scale.
func (a *Emotions) ResultWith(opts Options) (EmotionResult, error) {
	r, ok, err := a.t.compute(opts, AdjustedWald)
	if err != nil {
		return EmotionResult{}, err
	}
	if !ok {
		return EmotionResult{}, emptyError("emotional index", a.t.total())
	}
	return EmotionResult{
		N:             a.t.total(),
		Negative:      a.t.answers(0),
		Neutral:       a.t.answers(1),
		Positive:      a.t.answers(2),
		Weighted:      a.t.weighted(),
		NEff:          r.nEff,
		NegativeShare: r.shares[0],
		NeutralShare:  r.shares[1],
		PositiveShare: r.shares[2],
		Index:         r.diff,
		SE:            r.se,
		CI:            r.ci,
	}, nil
}

// EmotionResult is an emotional index with its uncertainty. Index, SE
// and CI are on -1..1 (not multiplied by 100, unlike NPS); the shares
// are fractions 0..1. The fields mirror NPSResult.
type EmotionResult struct {
	// N counts the answers recorded, split into Positive, Neutral and
	// Negative: plain counts even for weighted answers, including
	// answers of weight 0.
	N        int64 `json:"n"`
	Positive int64 `json:"positive"`
	Neutral  int64 `json:"neutral"`
	Negative int64 `json:"negative"`
	// Weighted is true when some answer had a weight other than 1; the
	// shares are then weighted.
	Weighted bool `json:"weighted"`
	// NEff is N for unweighted answers and Kish's (Σw)²/Σw² for
	// weighted ones.
	NEff float64 `json:"n_eff"`
	// PositiveShare, NeutralShare and NegativeShare are the (weighted)
	// fractions of each emotion, summing to 1.
	PositiveShare float64 `json:"positive_share"`
	NeutralShare  float64 `json:"neutral_share"`
	NegativeShare float64 `json:"negative_share"`
	// Index is Iэ = positive share - negative share, unadjusted.
	Index float64 `json:"index"`
	// SE is the trinomial standard error of Index,
	// sqrt((p + d - (p-d)²) / n_eff) with p and d the positive and
	// negative shares.
	SE float64 `json:"se"`
	// CI is adjusted Wald by default, or Wald, clipped to [-1, 1]; as
	// for NPS, the adjusted-Wald interval is centred on the adjusted
	// index.
	CI Interval `json:"ci"`
}

// EmotionIndexOf computes the emotional index of a slice of emotions
// with the default 95% adjusted-Wald interval.
func EmotionIndexOf(es []Emotion) (EmotionResult, error) {
	var a Emotions
	for i, e := range es {
		if e < Negative || e > Positive {
			return EmotionResult{}, emotionError(e, i)
		}
		a.t.n[e-1]++
	}
	return a.Result()
}

func emotionError(e Emotion, index int) error {
	return &RangeError{Metric: "emotion", Index: index, Value: float64(e), Lo: int(Negative), Hi: int(Positive)}
}
