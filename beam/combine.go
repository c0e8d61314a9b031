package cxbeam

import (
	"encoding/json"
	"reflect"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/cxkit/cxkit/metrics"
	"github.com/cxkit/cxkit/metrics/surveycsv"
)

// The CombineFns below keep one accumulator of package metrics per key.
// Their output is the accumulator itself, so that the caller asks it for
// its Result at the level and interval method it wants. Beam encodes an
// accumulator between workers with the JSON state the library saves
// (MarshalJSON), registered as its coder below: the accumulators hold
// their counts in unexported fields, which Beam's default schema coder
// would drop.

func init() {
	register.Combiner2[*metrics.NPS, int](&NPSFn{})
	register.Combiner2[*metrics.Emotions, metrics.Emotion](&EmotionFn{})
	register.Combiner2[*metrics.CSAT, int](&CSATFn{})
	register.Combiner2[*metrics.CES, int](&CESFn{})
	register.Combiner1[*surveycsv.Accumulator](&SurveyFn{})

	beam.RegisterCoder(reflect.TypeFor[*metrics.NPS](), encodeNPS, decodeNPS)
	beam.RegisterCoder(reflect.TypeFor[*metrics.Emotions](), encodeEmotions, decodeEmotions)
	beam.RegisterCoder(reflect.TypeFor[*metrics.CSAT](), encodeCSAT, decodeCSAT)
	beam.RegisterCoder(reflect.TypeFor[*metrics.CES](), encodeCES, decodeCES)
	beam.RegisterCoder(reflect.TypeFor[*surveycsv.Accumulator](), encodeSurvey, decodeSurvey)
}

// NPSFn combines NPS answers, whole scores 0..10, into a metrics.NPS.
// A score out of range fails the bundle with the accumulator's error.
type NPSFn struct{}

// CreateAccumulator returns an empty NPS.
func (NPSFn) CreateAccumulator() *metrics.NPS { return new(metrics.NPS) }

// AddInput adds one score.
func (NPSFn) AddInput(a *metrics.NPS, score int) (*metrics.NPS, error) { return a, a.Add(score) }

// MergeAccumulators pools two partial tallies exactly.
func (NPSFn) MergeAccumulators(a, b *metrics.NPS) (*metrics.NPS, error) { return a, a.Merge(b) }

// EmotionFn combines emotions (positive, neutral, negative) into a
// metrics.Emotions, the emotional index's accumulator.
type EmotionFn struct{}

// CreateAccumulator returns an empty tally.
func (EmotionFn) CreateAccumulator() *metrics.Emotions { return new(metrics.Emotions) }

// AddInput adds one answer.
func (EmotionFn) AddInput(a *metrics.Emotions, e metrics.Emotion) (*metrics.Emotions, error) {
	return a, a.Add(e)
}

// MergeAccumulators pools two partial tallies exactly.
func (EmotionFn) MergeAccumulators(a, b *metrics.Emotions) (*metrics.Emotions, error) {
	return a, a.Merge(b)
}

// CSATFn combines ratings on Scale into a metrics.CSAT.
type CSATFn struct {
	Scale metrics.Scale `json:"scale"`
}

// CreateAccumulator returns an empty CSAT on the Fn's scale.
func (f *CSATFn) CreateAccumulator() (*metrics.CSAT, error) { return metrics.NewCSAT(f.Scale) }

// AddInput adds one rating.
func (f *CSATFn) AddInput(a *metrics.CSAT, rating int) (*metrics.CSAT, error) {
	return a, a.Add(rating)
}

// MergeAccumulators pools two partial tallies exactly.
func (f *CSATFn) MergeAccumulators(a, b *metrics.CSAT) (*metrics.CSAT, error) {
	return a, a.Merge(b)
}

// CESFn combines effort ratings on Scale into a metrics.CES.
type CESFn struct {
	Scale metrics.Scale `json:"scale"`
}

// CreateAccumulator returns an empty CES on the Fn's scale.
func (f *CESFn) CreateAccumulator() (*metrics.CES, error) { return metrics.NewCES(f.Scale) }

// AddInput adds one rating.
func (f *CESFn) AddInput(a *metrics.CES, rating int) (*metrics.CES, error) {
	return a, a.Add(rating)
}

// MergeAccumulators pools two partial tallies exactly.
func (f *CESFn) MergeAccumulators(a, b *metrics.CES) (*metrics.CES, error) {
	return a, a.Merge(b)
}

// SurveyFn merges the partial accumulators of a survey metric that
// surveycsv read from different files (or parts of a file), whichever
// the metric. A nil accumulator is an empty one.
type SurveyFn struct{}

// MergeAccumulators pools two partial accumulators exactly.
func (SurveyFn) MergeAccumulators(a, b *surveycsv.Accumulator) (*surveycsv.Accumulator, error) {
	switch {
	case a == nil:
		return b, nil
	case b == nil:
		return a, nil
	}
	return a, a.Merge(b)
}

// The coders: one pair of plain functions per type, as Beam looks them
// up by name on the workers.

func encodeNPS(a *metrics.NPS) ([]byte, error) { return json.Marshal(a) }

func decodeNPS(b []byte) (*metrics.NPS, error) {
	a := new(metrics.NPS)
	return a, a.UnmarshalJSON(b)
}

func encodeEmotions(a *metrics.Emotions) ([]byte, error) { return json.Marshal(a) }

func decodeEmotions(b []byte) (*metrics.Emotions, error) {
	a := new(metrics.Emotions)
	return a, a.UnmarshalJSON(b)
}

func encodeCSAT(a *metrics.CSAT) ([]byte, error) { return json.Marshal(a) }

func decodeCSAT(b []byte) (*metrics.CSAT, error) {
	a := new(metrics.CSAT)
	return a, a.UnmarshalJSON(b)
}

func encodeCES(a *metrics.CES) ([]byte, error) { return json.Marshal(a) }

func decodeCES(b []byte) (*metrics.CES, error) {
	a := new(metrics.CES)
	return a, a.UnmarshalJSON(b)
}

// encodeSurvey writes null for the empty (nil) accumulator SurveyFn
// starts from.
func encodeSurvey(a *surveycsv.Accumulator) ([]byte, error) { return json.Marshal(a) }

func decodeSurvey(b []byte) (*surveycsv.Accumulator, error) {
	var a *surveycsv.Accumulator
	return a, json.Unmarshal(b, &a)
}
