package korto

import (
	"fmt"
	"math"
)

// SurveySummary is one survey metric over a group: NPS from an `nps`
// question, the emotional index from an `emotion` question, CSAT or CES
// from theirs (on the scale the question declares).
type SurveySummary struct {
	ID    string   `json:"id"`
	Title string   `json:"title"`
	Kind  KindType `json:"kind"`
	// Lo and Hi are the rating scale of csat and ces questions.
	Lo float64 `json:"lo,omitempty"`
	Hi float64 `json:"hi,omitempty"`
	// N counts the answers.
	N int64 `json:"n"`
	// Counts holds the answers per point of the scale (nps 0..10, csat
	// and ces lo..hi) or per emotion (negative, neutral, positive).
	Counts []int64 `json:"counts"`
}

// aggSurveyQ is a survey question that feeds a metric.
type aggSurveyQ struct {
	q      *Question
	kind   KindType
	lo, hi float64
}

// emotionLabels are the answers of an emotion question, in the order of
// SurveySummary.Counts.
var emotionLabels = [...]string{"negative", "neutral", "positive"}

// newSurveyQ returns the metric question for q, or ok false for a survey
// question that feeds no metric (text, or a plain scale).
func newSurveyQ(c *Checklist, q *Question) (sq aggSurveyQ, ok bool, err error) {
	sq = aggSurveyQ{q: q, kind: q.Kind.EffectiveType()}
	switch sq.kind {
	case KindNPS:
		sq.lo, sq.hi = 0, 10
	case KindEmotion:
		sq.lo, sq.hi = 0, 2
	case KindCES, KindCSAT:
		sq.lo, sq.hi = q.Kind.Lo, q.Kind.Hi
		if sq.kind == KindCSAT && sq.lo == 0 && sq.hi == 0 {
			sq.lo, sq.hi = 1, 5 // the CSAT default scale
		}
		if sq.lo != math.Trunc(sq.lo) || sq.hi != math.Trunc(sq.hi) || !(sq.lo < sq.hi) || sq.hi-sq.lo > 100 {
			return sq, false, fmt.Errorf("survey question %q: %s scale %v..%v must be whole numbers lo < hi, at most 100 points",
				q.ID, sq.kind, sq.lo, sq.hi)
		}
	default:
		return sq, false, nil
	}
	return sq, true, nil
}

// surveyAcc accumulates the answers to one metric question.
type surveyAcc struct {
	counts []int64
}

func (sq *aggSurveyQ) newAcc() surveyAcc {
	return surveyAcc{counts: make([]int64, int(sq.hi-sq.lo)+1)}
}

// point returns the index into counts of an answer, or an error.
func (sq *aggSurveyQ) point(s SurveyAnswer) (int, error) {
	if sq.kind == KindEmotion {
		for i, l := range emotionLabels {
			if s.Label == l {
				return i, nil
			}
		}
		return 0, fmt.Errorf("emotion %q is not negative, neutral or positive", s.Label)
	}
	if s.Number == nil {
		return 0, fmt.Errorf("%s answer has no number", sq.kind)
	}
	x := *s.Number
	if !(x >= sq.lo && x <= sq.hi) || x != math.Trunc(x) {
		return 0, fmt.Errorf("%s answer %v is not a whole number in %v..%v", sq.kind, x, sq.lo, sq.hi)
	}
	return int(x - sq.lo), nil
}

func (sq *aggSurveyQ) check(s SurveyAnswer) error {
	_, err := sq.point(s)
	return err
}

func (acc *surveyAcc) add(sq *aggSurveyQ, s SurveyAnswer) {
	i, _ := sq.point(s) // checked before
	acc.counts[i]++
}

func (acc *surveyAcc) merge(o surveyAcc) {
	for i := range acc.counts {
		acc.counts[i] += o.counts[i]
	}
}

func (sq *aggSurveyQ) summarize(acc surveyAcc) SurveySummary {
	s := SurveySummary{ID: sq.q.ID, Title: sq.q.Text.Text, Kind: sq.kind, Counts: append([]int64(nil), acc.counts...)}
	if sq.kind == KindCES || sq.kind == KindCSAT {
		s.Lo, s.Hi = sq.lo, sq.hi
	}
	for _, n := range acc.counts {
		s.N += n
	}
	return s
}
