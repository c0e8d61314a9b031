package main

import (
	"fmt"
	"strconv"

	"github.com/cxkit/cxkit/metrics"
)

// The accumulator adapters: parse a CSV cell, feed package metrics, and
// shape its result for printing.

// surveyInt parses a whole-number answer.
func surveyInt(cell, what string) (int, error) {
	n, err := strconv.Atoi(cell)
	if err != nil {
		return 0, fmt.Errorf("%s is not a whole number (%s)", surveyQ(cell), what)
	}
	return n, nil
}

func surveyShare(n int64, share float64) string {
	return fmt.Sprintf("%d (%s)", n, pct(share))
}

func surveyCI(i metrics.Interval) map[string]any {
	return map[string]any{"ci_low": i.Lo, "ci_high": i.Hi, "level": i.Level, "method": string(i.Method)}
}

func surveyMerge(dst map[string]any, src map[string]any) map[string]any {
	for k, v := range src {
		dst[k] = v
	}
	return dst
}

type npsAcc struct{ a metrics.NPS }

func (x *npsAcc) add(cell string, w float64) error {
	s, err := surveyInt(cell, "NPS answers are 0..10")
	if err != nil {
		return err
	}
	if w < 0 {
		return x.a.Add(s)
	}
	return x.a.AddWeighted(s, w)
}

func (x *npsAcc) answers() int64 { return x.a.N() }

func (x *npsAcc) result(o metrics.Options) (surveyResult, error) {
	r, err := x.a.ResultWith(o)
	if err != nil {
		return surveyResult{}, err
	}
	return surveyResult{
		n: r.N, value: r.NPS, se: r.SE, ci: r.CI, raw: r,
		parts: fmt.Sprintf("promoters %s, passives %s, detractors %s",
			surveyShare(r.Promoters, r.PromoterShare), surveyShare(r.Passives, r.PassiveShare), surveyShare(r.Detractors, r.DetractorShare)),
		fields: surveyMerge(map[string]any{
			"n": r.N, "promoters": r.Promoters, "passives": r.Passives, "detractors": r.Detractors,
			"promoter_share": r.PromoterShare, "passive_share": r.PassiveShare, "detractor_share": r.DetractorShare,
			"nps": r.NPS, "se": r.SE, "n_eff": r.NEff, "weighted": r.Weighted,
		}, surveyCI(r.CI)),
		compare: func(old surveyResult) (metrics.Comparison, error) {
			return metrics.CompareNPS(r, old.raw.(metrics.NPSResult))
		},
	}, nil
}

type emotionAcc struct{ a metrics.Emotions }

func (x *emotionAcc) add(cell string, w float64) error {
	e, err := metrics.ParseEmotion(cell)
	if err != nil {
		return fmt.Errorf("%s is not an emotion (want positive, neutral or negative)", surveyQ(cell))
	}
	if w < 0 {
		return x.a.Add(e)
	}
	return x.a.AddWeighted(e, w)
}

func (x *emotionAcc) answers() int64 { return x.a.N() }

func (x *emotionAcc) result(o metrics.Options) (surveyResult, error) {
	r, err := x.a.ResultWith(o)
	if err != nil {
		return surveyResult{}, err
	}
	return surveyResult{
		n: r.N, value: r.Index, se: r.SE, ci: r.CI, raw: r,
		parts: fmt.Sprintf("positive %s, neutral %s, negative %s",
			surveyShare(r.Positive, r.PositiveShare), surveyShare(r.Neutral, r.NeutralShare), surveyShare(r.Negative, r.NegativeShare)),
		fields: surveyMerge(map[string]any{
			"n": r.N, "positive": r.Positive, "neutral": r.Neutral, "negative": r.Negative,
			"positive_share": r.PositiveShare, "neutral_share": r.NeutralShare, "negative_share": r.NegativeShare,
			"index": r.Index, "se": r.SE, "n_eff": r.NEff, "weighted": r.Weighted,
		}, surveyCI(r.CI)),
		compare: func(old surveyResult) (metrics.Comparison, error) {
			return metrics.CompareEmotions(r, old.raw.(metrics.EmotionResult))
		},
	}, nil
}

type csatAcc struct{ a *metrics.CSAT }

func (x *csatAcc) add(cell string, w float64) error {
	s := x.a.Scale()
	v, err := surveyInt(cell, fmt.Sprintf("ratings are %d..%d", s.Lo, s.Hi))
	if err != nil {
		return err
	}
	if w < 0 {
		return x.a.Add(v)
	}
	return x.a.AddWeighted(v, w)
}

func (x *csatAcc) answers() int64 { return x.a.N() }

func (x *csatAcc) result(o metrics.Options) (surveyResult, error) {
	r, err := x.a.ResultWith(metrics.Options{Level: o.Level})
	if err != nil {
		return surveyResult{}, err
	}
	meanCI := fmt.Sprintf("[%s, %s]", fixed(r.MeanCI.Lo, 2), fixed(r.MeanCI.Hi, 2))
	var meanSE, meanLo, meanHi any = r.MeanSE, r.MeanCI.Lo, r.MeanCI.Hi
	if surveyOneAnswer(r.NEff) {
		meanCI, meanSE, meanLo, meanHi = "—", nil, nil, nil
	}
	return surveyResult{
		n: r.N, value: r.CSAT, se: r.SE, ci: r.CI, raw: r,
		parts: fmt.Sprintf("mean %s on %d..%d, %s %s; answers per point %s",
			fixed(r.Mean, 2), r.Scale.Lo, r.Scale.Hi, surveyCILabel(r.MeanCI.Level), meanCI, surveyCounts(r.Scale, r.Counts)),
		fields: surveyMerge(map[string]any{
			"n": r.N, "counts": r.Counts, "csat": r.CSAT, "se": r.SE,
			"mean": r.Mean, "mean_se": meanSE, "mean_ci_low": meanLo, "mean_ci_high": meanHi,
			"scale": r.Scale, "n_eff": r.NEff, "weighted": r.Weighted,
		}, surveyCI(r.CI)),
		compare: func(old surveyResult) (metrics.Comparison, error) {
			return metrics.CompareCSAT(r, old.raw.(metrics.CSATResult))
		},
	}, nil
}

type cesAcc struct{ a *metrics.CES }

func (x *cesAcc) add(cell string, w float64) error {
	s := x.a.Scale()
	v, err := surveyInt(cell, fmt.Sprintf("answers are %d..%d", s.Lo, s.Hi))
	if err != nil {
		return err
	}
	if w < 0 {
		return x.a.Add(v)
	}
	return x.a.AddWeighted(v, w)
}

func (x *cesAcc) answers() int64 { return x.a.N() }

func (x *cesAcc) result(o metrics.Options) (surveyResult, error) {
	r, err := x.a.ResultWith(metrics.Options{Level: o.Level})
	if err != nil {
		return surveyResult{}, err
	}
	fields := surveyMerge(map[string]any{
		"n": r.N, "counts": r.Counts, "mean": r.Mean, "se": r.MeanSE,
		"good_share": r.GoodShare, "good_se": r.GoodSE, "good_ci_low": r.GoodCI.Lo, "good_ci_high": r.GoodCI.Hi,
		"scale": r.Scale, "n_eff": r.NEff, "weighted": r.Weighted,
	}, surveyCI(r.MeanCI))
	one := surveyOneAnswer(r.NEff)
	if one {
		fields["se"], fields["ci_low"], fields["ci_high"] = nil, nil, nil
	}
	return surveyResult{
		n: r.N, value: r.Mean, se: r.MeanSE, ci: r.MeanCI, raw: r, unknownSpread: one,
		parts: fmt.Sprintf("answers %s: %s, %s [%s, %s]; answers per point %s",
			surveyGoodPoints(r.Scale), pct(r.GoodShare/100), surveyCILabel(r.GoodCI.Level), pct(r.GoodCI.Lo/100), pct(r.GoodCI.Hi/100), surveyCounts(r.Scale, r.Counts)),
		fields: fields,
		compare: func(old surveyResult) (metrics.Comparison, error) {
			return metrics.CompareCES(r, old.raw.(metrics.CESResult))
		},
	}, nil
}

// surveyOneAnswer reports whether a mean rests on a single answer's
// weight (n_eff <= 1), where metrics reports se 0 and the whole scale:
// the spread is unknown, and it is printed so.
func surveyOneAnswer(nEff float64) bool { return nEff <= 1 }

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
