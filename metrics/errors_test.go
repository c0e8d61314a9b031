package metrics

import (
	"errors"
	"math"
	"testing"
)

// Errors read as sentences of their own: the sentinel they match with
// errors.Is is not tacked on where its words would be wrong ("...: no
// answers" after a comparison of groups that have answers).
func TestErrorWording(t *testing.T) {
	one := Mean{}
	one.Add(3)
	_, meanOne := one.Result()
	_, cmpNPS := CompareNPS(NPSResult{NPS: 100, PromoterShare: 1, NEff: 5, CI: Interval{Method: Wald}}, NPSResult{NPS: 100, PromoterShare: 1, NEff: 7})
	_, cmpCES := CompareCES(CESResult{Scale: CES2, NEff: 1}, CESResult{Scale: CES2, NEff: 4})
	_, csi := CSI(nil, ACSI10)
	_, nan := MeanOf([]float64{1, math.NaN()}, 0)
	_, wil := WilsonInterval(3, 2, 0.95)
	_, emo := ParseEmotion("happy")
	_, emoText := Emotion(7).MarshalText()
	var n NPS
	n.Add(9)
	_, npsMethod := n.ResultWith(Options{Method: Wilson})
	c, _ := NewCSAT(CSAT5)
	c.Add(5)
	_, csatMethod := c.ResultWith(Options{Method: Wald})
	var weightless NPS
	weightless.AddWeighted(9, 0)
	weightless.AddWeighted(3, 0)
	_, zeroWeights := weightless.Result()
	var none NPS
	_, noAnswers := none.Result()
	tests := []struct {
		err      error
		sentinel error
		want     string
	}{
		{zeroWeights, ErrNoData, "NPS: all 2 answers weigh 0, so there is nothing to compute from"},
		{noAnswers, ErrNoData, "NPS: no answers"},
		{meanOne, ErrNoData, "mean interval of 1 value: need at least 2, as one value has no spread"},
		{cmpNPS, ErrNoData, "comparing NPS 100 and 100: neither has any spread (se = 0), so no Wald test applies (the default adjusted one does)"},
		{cmpCES, ErrNoData, "comparing CES means: the first group has an effective sample size of 1, below 2, so its variance is unknown: no test"},
		{csi, ErrNoData, "CSI of no attributes"},
		{nan, ErrRange, "xs[1]: mean of NaN: values must be finite"},
		{wil, ErrRange, "wilson interval: 3 successes out of 2: want 0 to n"},
		{emo, ErrRange, `emotion "happy": want positive, neutral or negative`},
		{emoText, ErrRange, "emotion 7: want Negative, Neutral or Positive"},
	}
	for _, tt := range []struct {
		err  error
		want string
	}{
		{npsMethod, `interval method "wilson" is not available here (want one of adjusted-wald, wald)`},
		{csatMethod, `interval method "wald" is not available here (want wilson)`},
	} {
		if err(tt.err) != tt.want {
			t.Errorf("error %q, want %q", err(tt.err), tt.want)
		}
	}
	for _, tt := range tests {
		if !errors.Is(tt.err, tt.sentinel) || err(tt.err) != tt.want {
			t.Errorf("error %q, want %q wrapping %q", err(tt.err), tt.want, tt.sentinel)
		}
	}
}

// err returns e's message, or "<nil>".
func err(e error) string {
	if e == nil {
		return "<nil>"
	}
	return e.Error()
}
