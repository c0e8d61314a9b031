package surveycsv

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/internal/strictjson"
	"github.com/cxkit/cxkit/metrics"
)

// Metric names what a survey column measures.
type Metric string

// The metrics a survey CSV can be read for.
const (
	NPS     Metric = "nps"     // 0..10 recommendation scores
	CSAT    Metric = "csat"    // ratings on a scale, top-two-box share and mean
	CES     Metric = "ces"     // effort on a declared scale
	Emotion Metric = "emotion" // positive, neutral or negative
)

// Accumulator holds one metric's answers: the whole file's, or a
// group's. It wraps the accumulator of package metrics for its Metric.
type Accumulator struct {
	metric Metric
	nps    metrics.NPS
	emo    metrics.Emotions
	csat   *metrics.CSAT
	ces    *metrics.CES
}

func newAccumulator(m Metric, s metrics.Scale) (*Accumulator, error) {
	a := &Accumulator{metric: m}
	var err error
	switch m {
	case NPS, Emotion:
	case CSAT:
		a.csat, err = metrics.NewCSAT(s)
	case CES:
		a.ces, err = metrics.NewCES(s)
	default:
		return nil, fmt.Errorf("surveycsv: metric %q: want nps, csat, ces or emotion", m)
	}
	return a, err
}

// Metric returns what the accumulator measures.
func (a *Accumulator) Metric() Metric { return a.metric }

// N is the number of answers recorded, zero weights included.
func (a *Accumulator) N() int64 {
	switch a.metric {
	case NPS:
		return a.nps.N()
	case Emotion:
		return a.emo.N()
	case CSAT:
		return a.csat.N()
	}
	return a.ces.N()
}

// Merge adds b's answers: reading a file in parts and merging gives
// what one pass gives (metrics.NPS.Merge and its kin say how exactly).
func (a *Accumulator) Merge(b *Accumulator) error {
	if a.metric != b.metric {
		return fmt.Errorf("surveycsv: cannot merge %s answers into %s", b.metric, a.metric)
	}
	switch a.metric {
	case NPS:
		return a.nps.Merge(&b.nps)
	case Emotion:
		return a.emo.Merge(&b.emo)
	case CSAT:
		return a.csat.Merge(b.csat)
	case CES:
		return a.ces.Merge(b.ces)
	}
	return nil
}

// add parses a trimmed, non-empty cell and records it with weight w
// (w < 0: unweighted).
func (a *Accumulator) add(cell []byte, w float64) error {
	if a.metric == Emotion {
		e, err := parseEmotion(cell)
		if err != nil {
			return err
		}
		if w < 0 {
			return a.emo.Add(e)
		}
		return a.emo.AddWeighted(e, w)
	}
	v, ok := atoi(cell)
	if !ok {
		return fmt.Errorf("%s is not a whole number (%s)", diag.Quote(string(cell)), a.answers())
	}
	switch a.metric {
	case NPS:
		if w < 0 {
			return a.nps.Add(v)
		}
		return a.nps.AddWeighted(v, w)
	case CSAT:
		if w < 0 {
			return a.csat.Add(v)
		}
		return a.csat.AddWeighted(v, w)
	}
	if w < 0 {
		return a.ces.Add(v)
	}
	return a.ces.AddWeighted(v, w)
}

// answers says what a cell should hold, for a message.
func (a *Accumulator) answers() string {
	switch a.metric {
	case CSAT:
		s := a.csat.Scale()
		return fmt.Sprintf("ratings are %d..%d", s.Lo, s.Hi)
	case CES:
		s := a.ces.Scale()
		return fmt.Sprintf("answers are %d..%d", s.Lo, s.Hi)
	}
	return "NPS answers are 0..10"
}

// atoi is strconv.Atoi on bytes, without a copy for the usual short
// answer.
func atoi(b []byte) (int, bool) {
	if len(b) == 0 || len(b) > 18 {
		n, err := strconv.Atoi(string(b))
		return n, err == nil
	}
	neg := false
	d := b
	switch b[0] {
	case '-':
		neg, d = true, b[1:]
	case '+':
		d = b[1:]
	}
	if len(d) == 0 {
		return 0, false
	}
	n := 0
	for _, c := range d {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	if neg {
		n = -n
	}
	return n, true
}

// parseEmotion is metrics.ParseEmotion on bytes: ASCII cells are
// compared in place; anything else goes through ParseEmotion's Unicode
// lower-casing.
func parseEmotion(cell []byte) (metrics.Emotion, error) {
	ascii := true
	for _, c := range cell {
		if c >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		switch {
		case bytes.EqualFold(cell, []byte("positive")):
			return metrics.Positive, nil
		case bytes.EqualFold(cell, []byte("neutral")):
			return metrics.Neutral, nil
		case bytes.EqualFold(cell, []byte("negative")):
			return metrics.Negative, nil
		}
	} else if e, err := metrics.ParseEmotion(string(cell)); err == nil {
		return e, nil
	}
	return 0, fmt.Errorf("%s is not an emotion (want positive, neutral or negative)", diag.Quote(string(cell)))
}

// Result is a computed metric, uniform enough to rank and print.
type Result struct {
	N     int64
	Value float64 // the headline: NPS, CSAT %, CES mean, emotional index
	SE    float64
	CI    metrics.Interval
	NEff  float64
	// UnknownSpread: a single answer (n_eff <= 1) says nothing about the
	// spread of a CSAT or CES mean, so its se and interval are null in
	// the JSON and unknown in print, never se 0 beside the whole scale.
	UnknownSpread bool
	// Raw is the metric's own result: metrics.NPSResult,
	// metrics.EmotionResult, metrics.CSATResult or metrics.CESResult.
	Raw    any
	fields map[string]any
}

// Result computes the metric with the default 95% interval and method,
// as the metrics' own Result does.
func (a *Accumulator) Result() (Result, error) { return a.ResultWith(metrics.Options{}) }

// ResultWith computes the metric at the options' level (and method, for
// NPS and the emotional index).
func (a *Accumulator) ResultWith(o metrics.Options) (Result, error) {
	ci := func(i metrics.Interval) map[string]any {
		return map[string]any{"ci_low": i.Lo, "ci_high": i.Hi, "level": i.Level, "method": string(i.Method)}
	}
	with := func(m, extra map[string]any) map[string]any {
		for k, v := range extra {
			m[k] = v
		}
		return m
	}
	switch a.metric {
	case NPS:
		r, err := a.nps.ResultWith(o)
		if err != nil {
			return Result{}, err
		}
		return Result{N: r.N, Value: r.NPS, SE: r.SE, CI: r.CI, NEff: r.NEff, Raw: r, fields: with(map[string]any{
			"n": r.N, "promoters": r.Promoters, "passives": r.Passives, "detractors": r.Detractors,
			"promoter_share": r.PromoterShare, "passive_share": r.PassiveShare, "detractor_share": r.DetractorShare,
			"nps": r.NPS, "se": r.SE, "n_eff": r.NEff, "weighted": r.Weighted,
		}, ci(r.CI))}, nil
	case Emotion:
		r, err := a.emo.ResultWith(o)
		if err != nil {
			return Result{}, err
		}
		return Result{N: r.N, Value: r.Index, SE: r.SE, CI: r.CI, NEff: r.NEff, Raw: r, fields: with(map[string]any{
			"n": r.N, "positive": r.Positive, "neutral": r.Neutral, "negative": r.Negative,
			"positive_share": r.PositiveShare, "neutral_share": r.NeutralShare, "negative_share": r.NegativeShare,
			"index": r.Index, "se": r.SE, "n_eff": r.NEff, "weighted": r.Weighted,
		}, ci(r.CI))}, nil
	case CSAT:
		r, err := a.csat.ResultWith(metrics.Options{Level: o.Level})
		if err != nil {
			return Result{}, err
		}
		// The headline is a share; only the mean's spread is unknown.
		var meanSE, meanLo, meanHi any = r.MeanSE, r.MeanCI.Lo, r.MeanCI.Hi
		if oneAnswer(r.NEff) {
			meanSE, meanLo, meanHi = nil, nil, nil
		}
		return Result{N: r.N, Value: r.CSAT, SE: r.SE, CI: r.CI, NEff: r.NEff, Raw: r, fields: with(map[string]any{
			"n": r.N, "counts": r.Counts, "csat": r.CSAT, "se": r.SE,
			"mean": r.Mean, "mean_se": meanSE, "mean_ci_low": meanLo, "mean_ci_high": meanHi,
			"scale": r.Scale, "n_eff": r.NEff, "weighted": r.Weighted,
		}, ci(r.CI))}, nil
	}
	r, err := a.ces.ResultWith(metrics.Options{Level: o.Level})
	if err != nil {
		return Result{}, err
	}
	fields := with(map[string]any{
		"n": r.N, "counts": r.Counts, "mean": r.Mean, "se": r.MeanSE,
		"good_share": r.GoodShare, "good_se": r.GoodSE, "good_ci_low": r.GoodCI.Lo, "good_ci_high": r.GoodCI.Hi,
		"scale": r.Scale, "n_eff": r.NEff, "weighted": r.Weighted,
	}, ci(r.MeanCI))
	one := oneAnswer(r.NEff)
	if one {
		fields["se"], fields["ci_low"], fields["ci_high"] = nil, nil, nil
	}
	return Result{N: r.N, Value: r.Mean, SE: r.MeanSE, CI: r.MeanCI, NEff: r.NEff, UnknownSpread: one, Raw: r, fields: fields}, nil
}

// oneAnswer reports whether a mean rests on a single answer's weight
// (n_eff <= 1), where metrics reports se 0 and the whole scale.
func oneAnswer(nEff float64) bool { return nEff <= 1 }

// Fields returns the result as the JSON object cxkit prints for it.
func (r Result) Fields() map[string]any { return r.fields }

// compare tests r against an earlier result of the same metric.
func (r Result) compare(old Result) (metrics.Comparison, error) {
	switch v := r.Raw.(type) {
	case metrics.NPSResult:
		return metrics.CompareNPS(v, old.Raw.(metrics.NPSResult))
	case metrics.EmotionResult:
		return metrics.CompareEmotions(v, old.Raw.(metrics.EmotionResult))
	case metrics.CSATResult:
		return metrics.CompareCSAT(v, old.Raw.(metrics.CSATResult))
	}
	return metrics.CompareCES(r.Raw.(metrics.CESResult), old.Raw.(metrics.CESResult))
}

// compareAlso is the second test metrics.md names for r's metric: the
// mean rating of CSAT (Welch's t), the good share of CES
// (Agresti–Caffo). Only CSAT and CES have one (see Metric.alsoKey).
func (r Result) compareAlso(old Result) (metrics.Comparison, error) {
	if v, ok := r.Raw.(metrics.CSATResult); ok {
		return metrics.CompareCSATMeans(v, old.Raw.(metrics.CSATResult))
	}
	return metrics.CompareCESGood(r.Raw.(metrics.CESResult), old.Raw.(metrics.CESResult))
}

// alsoValue is the value compareAlso compares: CSAT's mean rating, the
// CES good share.
func (r Result) alsoValue() float64 {
	if v, ok := r.Raw.(metrics.CSATResult); ok {
		return v.Mean
	}
	return r.Raw.(metrics.CESResult).GoodShare
}

// methods returns the tests compare and compareAlso run for metric m
// (also is "" when m has no second test); asked is the method the
// options ask of NPS and the emotional index. An untested comparison
// still takes its test's shape from them (z, or t and df).
func (m Metric) methods(asked metrics.Method) (main, also metrics.Method) {
	switch m {
	case CSAT:
		return metrics.AgrestiCaffo, metrics.WelchT
	case CES:
		return metrics.WelchT, metrics.AgrestiCaffo
	}
	if asked == "" {
		asked = metrics.AdjustedWald
	}
	return asked, ""
}

// alsoKey is the JSON key of the metric's second comparison, "" when
// it has none.
func (m Metric) alsoKey() string {
	switch m {
	case CSAT:
		return "compare_mean"
	case CES:
		return "compare_good"
	}
	return ""
}

// accState is the JSON form of an Accumulator: the metric, and the
// state of the metrics accumulator under it.
type accState struct {
	Metric Metric          `json:"metric"`
	State  json.RawMessage `json:"state"`
}

// MarshalJSON saves the accumulator so that partial tallies, read from
// different files or parts of a file on different machines, can travel
// and merge there exactly:
//
//	{"metric":"nps","state":{"counts":[1,1,2],...}}
//
// state is the JSON of the metric's accumulator (metrics.NPS.MarshalJSON
// and its kin), which keeps exact counts and unrounded weight sums.
func (a *Accumulator) MarshalJSON() ([]byte, error) {
	var st any
	switch a.metric {
	case NPS:
		st = a.nps
	case Emotion:
		st = a.emo
	case CSAT:
		st = a.csat
	case CES:
		st = a.ces
	default:
		return nil, fmt.Errorf("surveycsv: an Accumulator without a metric cannot be saved")
	}
	b, err := json.Marshal(st)
	if err != nil {
		return nil, err
	}
	return json.Marshal(accState{Metric: a.metric, State: b})
}

// UnmarshalJSON restores an accumulator saved by MarshalJSON. A state
// the metric's accumulator would not write is an error wrapping
// metrics.ErrState.
func (a *Accumulator) UnmarshalJSON(b []byte) error {
	var s struct {
		Metric *Metric         `json:"metric"`
		State  *jsontext.Value `json:"state"`
	}
	if err := strictjson.Decode(b, &s, "the state"); err != nil {
		return fmt.Errorf("surveycsv: accumulator state: %w: %w", err, metrics.ErrState)
	}
	if s.Metric == nil || s.State == nil {
		return fmt.Errorf("surveycsv: accumulator state: want both metric and state: %w", metrics.ErrState)
	}
	n := Accumulator{metric: *s.Metric}
	var err error
	switch n.metric {
	case NPS:
		err = n.nps.UnmarshalJSON(*s.State)
	case Emotion:
		err = n.emo.UnmarshalJSON(*s.State)
	case CSAT:
		n.csat = new(metrics.CSAT)
		err = n.csat.UnmarshalJSON(*s.State)
	case CES:
		n.ces = new(metrics.CES)
		err = n.ces.UnmarshalJSON(*s.State)
	default:
		return fmt.Errorf("surveycsv: accumulator state: metric %q: want nps, csat, ces or emotion: %w", n.metric, metrics.ErrState)
	}
	if err != nil {
		return fmt.Errorf("surveycsv: accumulator state: %w", err)
	}
	*a = n
	return nil
}
