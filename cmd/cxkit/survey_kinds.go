package main

import (
	"fmt"
	"strconv"

	"github.com/cxkit/cxkit/metrics"
	"github.com/cxkit/cxkit/metrics/surveycsv"
)

// surveyParts is a result's breakdown line: "promoters 4 (20.0%), ...".
func surveyParts(r surveycsv.Result) string {
	switch r := r.Raw.(type) {
	case metrics.NPSResult:
		return fmt.Sprintf("promoters %s, passives %s, detractors %s",
			surveyShare(r.Promoters, r.PromoterShare), surveyShare(r.Passives, r.PassiveShare), surveyShare(r.Detractors, r.DetractorShare))
	case metrics.EmotionResult:
		return fmt.Sprintf("positive %s, neutral %s, negative %s",
			surveyShare(r.Positive, r.PositiveShare), surveyShare(r.Neutral, r.NeutralShare), surveyShare(r.Negative, r.NegativeShare))
	case metrics.CSATResult:
		meanCI := fmt.Sprintf("[%s, %s]", fixed(r.MeanCI.Lo, 2), fixed(r.MeanCI.Hi, 2))
		if r.NEff <= 1 {
			meanCI = "—" // one answer shows no spread
		}
		return fmt.Sprintf("mean %s on %d..%d, %s %s; answers per point %s",
			fixed(r.Mean, 2), r.Scale.Lo, r.Scale.Hi, surveyCILabel(r.MeanCI.Level), meanCI, surveyCounts(r.Scale, r.Counts))
	case metrics.CESResult:
		return fmt.Sprintf("answers %s: %s, %s [%s, %s]; answers per point %s",
			surveyGoodPoints(r.Scale), pct(r.GoodShare/100), surveyCILabel(r.GoodCI.Level), pct(r.GoodCI.Lo/100), pct(r.GoodCI.Hi/100), surveyCounts(r.Scale, r.Counts))
	}
	return ""
}

func surveyShare(n int64, share float64) string {
	return fmt.Sprintf("%d (%s)", n, pct(share))
}

// surveyGoodPoints names the points metrics.CES counts in its good
// share, those strictly on the good side of the midpoint: "5–7" of 1..7
// when high is good, "1–5" of 1..10 when low is.
func surveyGoodPoints(s metrics.Scale) string {
	good := (s.Hi - s.Lo + 1) / 2
	lo, hi := s.Hi-good+1, s.Hi
	if s.Good == metrics.Low {
		lo, hi = s.Lo, s.Lo+good-1
	}
	if lo == hi {
		return strconv.Itoa(lo)
	}
	return fmt.Sprintf("%d–%d", lo, hi)
}

// surveyCILabel says what an interval in brackets is: "95% CI".
func surveyCILabel(level float64) string {
	return strconv.FormatFloat(100*level, 'g', 6, 64) + "% CI"
}

func surveyCounts(s metrics.Scale, counts []int64) string {
	out := ""
	for i, c := range counts {
		if i > 0 {
			out += " "
		}
		out += fmt.Sprintf("%d:%d", s.Lo+i, c)
	}
	return out
}
