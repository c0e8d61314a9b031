package main

import (
	"math"
	"math/rand/v2"

	"github.com/cxkit/cxkit/korto"
)

// surveyGen answers the survey the way a visitor would after the visit
// just generated: quality is the share of the checklist that went right
// (shifted by the centre's mood), and every rating follows it with some
// noise, so NPS, the emotional index, CES and CSAT agree with the audit
// scores roughly as they do in real mystery-shopping data.
type surveyGen struct {
	r       *rand.Rand
	quality float64
	nps     int    // the visitor's recommendation score
	mood    string // the visitor's emotion, which follows nps
}

// newSurveyGen draws the visitor's recommendation and mood up front, so
// that they agree whatever order the survey asks them in.
func newSurveyGen(r *rand.Rand, quality float64, criticals int) *surveyGen {
	s := &surveyGen{r: r, quality: quality}
	// Visits that went 95% right sit around 9.5, 80% right around 8.
	s.nps = s.rating(0, 10, 3.5+6*stretch(quality), 1.5)
	s.mood = s.emotion(criticals > 0)
	return s
}

// answer answers one survey question; ok is false for an optional
// question the visitor skipped.
func (s *surveyGen) answer(q *korto.Question, comment func(mood string) string) (a answer, ok bool) {
	id := q.ID
	switch q.Kind.EffectiveType() {
	case korto.KindNPS:
		return answer{ID: id, Num: float64(s.nps), IsNum: true}, true
	case korto.KindEmotion:
		return answer{ID: id, Str: s.mood}, true
	case korto.KindCES, korto.KindCSAT, korto.KindScale:
		lo, hi := q.Kind.Lo, q.Kind.Hi
		if hi <= lo { // a declared scale or unknown bounds: a 1..5 default
			lo, hi = 1, 5
		}
		mean := lo + (hi-lo)*stretch(s.quality)
		return answer{ID: id, Num: float64(s.rating(int(lo), int(hi), mean, (hi-lo)/5)), IsNum: true}, true
	case korto.KindText:
		if q.Optional && s.r.Float64() < 0.6 {
			return answer{}, false // most visitors leave the comment box empty
		}
		return answer{ID: id, Str: comment(s.mood)}, true
	case korto.KindYesNo:
		return answer{ID: id, Str: yesNo(s.r.Float64() < s.quality)}, true
	}
	return answer{}, false
}

// stretch maps the share of the checklist done right, which in practice
// lies between about 0.3 and 0.95, onto the whole 0..1 range of a rating.
func stretch(quality float64) float64 {
	return min(max((quality-0.3)/0.65, 0), 1)
}

// rating draws a whole number in lo..hi around mean.
func (s *surveyGen) rating(lo, hi int, mean, sd float64) int {
	x := int(math.Round(mean + s.r.NormFloat64()*sd))
	return min(max(x, lo), hi)
}

// emotion follows the recommendation score: promoters mostly leave
// happy, detractors mostly annoyed; and whatever the score, a stinking
// toilet or a locked exit is what the visitor feels on the way out.
func (s *surveyGen) emotion(shocked bool) string {
	pos, neg := 0.5, 0.1
	switch {
	case shocked:
		pos, neg = 0.15, 0.5
	case s.nps >= 9:
		pos, neg = 0.9, 0.02
	case s.nps <= 6:
		pos, neg = 0.2, 0.35
	}
	u := s.r.Float64()
	switch {
	case u < pos:
		return "positive"
	case u < pos+neg:
		return "negative"
	}
	return "neutral"
}
