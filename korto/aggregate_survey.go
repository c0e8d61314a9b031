package korto

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"

	"github.com/cxkit/cxkit/internal/jsonout"
	"github.com/cxkit/cxkit/metrics"
)

// SurveySummary is one survey metric over a group, computed by package
// metrics with its default 95% intervals: NPS (adjusted Wald) from an
// `nps` question, the emotional index (adjusted Wald) from an `emotion`
// question, CSAT (Wilson interval for the top-two-box share, Student t
// for the mean) or CES (Student t for the mean, Wilson for the share on
// the good side) from theirs, on the scale the question declares.
//
// Exactly one of NPS, Emotion, CSAT and CES is set, and none when the
// group has no answer to the question (N = 0); the JSON then has the
// kind's key null ("nps": null), not missing. Their numbers keep the
// units of package metrics (NPS and CSAT are percentages, for one), not
// the shares in [0,1] of the rest of the [Report].
type SurveySummary struct {
	ID    string   `json:"id"`
	Title string   `json:"title"` // the question's text, in the default language
	Kind  KindType `json:"kind"`  // nps, emotion, ces or csat
	// N counts the answers; unanswered and "na" ones are not answers.
	N       int64                  `json:"n"`
	NPS     *metrics.NPSResult     `json:"nps,omitempty"`     // for Kind nps
	Emotion *metrics.EmotionResult `json:"emotion,omitempty"` // for Kind emotion
	CSAT    *metrics.CSATResult    `json:"csat,omitempty"`    // for Kind csat
	CES     *metrics.CESResult     `json:"ces,omitempty"`     // for Kind ces
}

// MarshalJSON writes the summary's fields, with the key of its kind
// null when the group has no answer: a metric without data is null in
// JSON, as every other number of the report is, not a missing key.
func (s SurveySummary) MarshalJSON() ([]byte, error) {
	type plain SurveySummary
	b, err := jsonout.Value(plain(s))
	if err != nil {
		return nil, err
	}
	var set bool
	switch s.Kind {
	case KindNPS:
		set = s.NPS != nil
	case KindEmotion:
		set = s.Emotion != nil
	case KindCSAT:
		set = s.CSAT != nil
	case KindCES:
		set = s.CES != nil
	default:
		return b, nil
	}
	if set || !bytes.HasSuffix(b, []byte("}")) {
		return b, nil
	}
	key, _ := json.Marshal(string(s.Kind))
	out := append(b[:len(b)-1:len(b)-1], ',')
	out = append(append(out, key...), ":null}"...)
	return out, nil
}

// aggSurveyQ is a survey question that feeds a metric.
type aggSurveyQ struct {
	q     *Question
	kind  KindType
	scale metrics.Scale // csat and ces
}

// CESScale returns the rating scale of a `ces lo..hi` question that
// does not say which end is good: the bounds decide it. 1..10 is the
// effort question of the service-standards guide (how much effort it took; lower is easier,
// target mean <= 3), and every other scale is agreement with "it was
// easy", CES 2.0 style (1..7, higher is easier). A checklist says it
// outright with `ces 1..10 low` or `ces 1..7 high`; see SurveyScale.
func CESScale(lo, hi float64) metrics.Scale {
	if lo == 1 && hi == 10 {
		return metrics.Effort10
	}
	return metrics.Scale{Lo: int(lo), Hi: int(hi), Good: metrics.High}
}

// SurveyScale returns the rating scale of a ces or csat question: its
// bounds, and the good end the question names (Kind.Good) or else the
// preset, CESScale for ces and higher is better for csat. Bounds are
// truncated to whole points; the validator reports fractional ones.
func SurveyScale(k Kind) metrics.Scale {
	var s metrics.Scale
	if k.EffectiveType() == KindCES {
		s = CESScale(k.Lo, k.Hi)
	} else { // csat, and csi, whose higher ratings are always better
		s = metrics.Scale{Lo: int(k.Lo), Hi: int(k.Hi), Good: metrics.High}
	}
	if k.Good != "" {
		// An unknown word leaves Good zero, which Scale.Validate reports.
		s.Good, _ = metrics.ParseDirection(k.Good)
	}
	return s
}

// newSurveyQ returns the metric question for q, or ok false for a survey
// question that feeds no metric (text, or a plain scale or yes/no).
func newSurveyQ(q *Question) (sq aggSurveyQ, ok bool, err error) {
	sq = aggSurveyQ{q: q, kind: q.Kind.EffectiveType()}
	switch sq.kind {
	case KindNPS, KindEmotion:
	case KindCES, KindCSAT, KindCSI:
		lo, hi := q.Kind.Lo, q.Kind.Hi
		if lo != math.Trunc(lo) || hi != math.Trunc(hi) || math.Abs(lo) > 1e6 || math.Abs(hi) > 1e6 {
			return sq, false, fmt.Errorf("survey question %q: %s scale %v..%v must have whole bounds", q.ID, sq.kind, lo, hi)
		}
		sq.scale = SurveyScale(q.Kind)
		if err := sq.scale.Validate(); err != nil {
			return sq, false, fmt.Errorf("survey question %q: %w", q.ID, err)
		}
	default:
		return sq, false, nil
	}
	return sq, true, nil
}

// surveyAcc accumulates the answers to one metric question; the field
// of the question's kind is set.
type surveyAcc struct {
	nps  *metrics.NPS
	emo  *metrics.Emotions
	csat *metrics.CSAT
	ces  *metrics.CES
}

func (sq *aggSurveyQ) newAcc() surveyAcc {
	var acc surveyAcc
	switch sq.kind {
	case KindNPS:
		acc.nps = new(metrics.NPS)
	case KindEmotion:
		acc.emo = new(metrics.Emotions)
	case KindCSAT:
		acc.csat, _ = metrics.NewCSAT(sq.scale) // validated in newSurveyQ
	case KindCES:
		acc.ces, _ = metrics.NewCES(sq.scale)
	}
	return acc
}

// whole returns a survey answer's number as a whole number in lo..hi.
func (sq *aggSurveyQ) whole(p pendingSurvey, lo, hi int) (int, error) {
	if !p.hasNum {
		return 0, fmt.Errorf("%s answer has no number", sq.kind)
	}
	if !(p.num >= float64(lo) && p.num <= float64(hi)) || p.num != math.Trunc(p.num) {
		return 0, fmt.Errorf("%s answer %v is not a whole number in %d..%d", sq.kind, p.num, lo, hi)
	}
	return int(p.num), nil
}

// check validates an answer so that add cannot fail.
func (sq *aggSurveyQ) check(p pendingSurvey) error {
	var err error
	switch sq.kind {
	case KindNPS:
		_, err = sq.whole(p, npsLo, npsHi)
	case KindEmotion:
		_, err = metrics.ParseEmotion(p.label)
	case KindCSAT, KindCES, KindCSI:
		_, err = sq.whole(p, sq.scale.Lo, sq.scale.Hi)
	}
	return err
}

// add records a checked answer.
func (acc *surveyAcc) add(sq *aggSurveyQ, p pendingSurvey) {
	switch {
	case acc.nps != nil:
		x, _ := sq.whole(p, 0, 10)
		_ = acc.nps.Add(x)
	case acc.emo != nil:
		e, _ := metrics.ParseEmotion(p.label)
		_ = acc.emo.Add(e)
	case acc.csat != nil:
		x, _ := sq.whole(p, sq.scale.Lo, sq.scale.Hi)
		_ = acc.csat.Add(x)
	case acc.ces != nil:
		x, _ := sq.whole(p, sq.scale.Lo, sq.scale.Hi)
		_ = acc.ces.Add(x)
	}
}

// merge adds o's answers; both come from the same question, so the
// scales agree and the metrics' Merge fails only past 2^63 answers.
func (acc *surveyAcc) merge(o surveyAcc) {
	switch {
	case acc.nps != nil:
		_ = acc.nps.Merge(o.nps)
	case acc.emo != nil:
		_ = acc.emo.Merge(o.emo)
	case acc.csat != nil:
		_ = acc.csat.Merge(o.csat)
	case acc.ces != nil:
		_ = acc.ces.Merge(o.ces)
	}
}

func (sq *aggSurveyQ) summarize(acc surveyAcc) SurveySummary {
	s := SurveySummary{ID: sq.q.ID, Title: sq.q.Text.Text, Kind: sq.kind}
	// The metrics fail only without answers, which N = 0 already says.
	switch {
	case acc.nps != nil:
		if s.N = acc.nps.N(); s.N > 0 {
			if r, err := acc.nps.Result(); err == nil {
				s.NPS = &r
			}
		}
	case acc.emo != nil:
		if s.N = acc.emo.N(); s.N > 0 {
			if r, err := acc.emo.Result(); err == nil {
				s.Emotion = &r
			}
		}
	case acc.csat != nil:
		if s.N = acc.csat.N(); s.N > 0 {
			if r, err := acc.csat.Result(); err == nil {
				s.CSAT = &r
			}
		}
	case acc.ces != nil:
		if s.N = acc.ces.N(); s.N > 0 {
			if r, err := acc.ces.Result(); err == nil {
				s.CES = &r
			}
		}
	}
	return s
}
