package cxbeam

import (
	"encoding/json"
	"fmt"
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

// binaryAccumulator is an accumulator that saves its exact state as
// bytes and restores it only into an accumulator made with the same
// options (korto.Aggregator, support.Accumulator, report.AuditorLog).
type binaryAccumulator[A any] interface {
	MarshalBinary() ([]byte, error)
	UnmarshalBinary([]byte) error
	Merge(A) error
}

// saved is the shape the CombineFns of such accumulators share: the
// accumulator, or the state it travelled as, until the Fn, which knows
// the options (newAcc), restores it on first use. Beam's coder decodes
// a state without the Fn at hand, so the restore waits for it.
//
// Each Fn keeps its own named accumulator type embedding a saved and
// its own methods and coder functions of one line: Beam registers and
// looks up Fns, types and coder functions by name, and every
// instantiation of a generic function has the same name (see doc.go).
type saved[A binaryAccumulator[A]] struct {
	acc   A
	state []byte
	live  bool // acc holds the accumulator; else state does
}

// restore makes an accumulator with newAcc and restores state into it.
func restore[A binaryAccumulator[A]](newAcc func() (A, error), state []byte) (A, error) {
	acc, err := newAcc()
	if err == nil {
		err = acc.UnmarshalBinary(state)
	}
	return acc, err
}

// restoreSide restores the one state of a side input, what says of
// what for the error when it is empty.
func restoreSide[A binaryAccumulator[A]](newAcc func() (A, error), side func(*[]byte) bool, what string) (A, error) {
	var state []byte
	if !side(&state) {
		var zero A
		return zero, fmt.Errorf("no merged %s", what)
	}
	return restore(newAcc, state)
}

func (s *saved[A]) load(newAcc func() (A, error)) error {
	if s.live {
		return nil
	}
	acc, err := restore(newAcc, s.state)
	if err != nil {
		return err
	}
	s.acc, s.state, s.live = acc, nil, true
	return nil
}

// create starts an empty accumulator (CreateAccumulator).
func (s *saved[A]) create(newAcc func() (A, error)) error {
	acc, err := newAcc()
	s.acc, s.live = acc, err == nil
	return err
}

// addState merges one saved state (AddInput).
func (s *saved[A]) addState(newAcc func() (A, error), state []byte) error {
	return s.merge(newAcc, &saved[A]{state: state})
}

// merge merges o into s (MergeAccumulators).
func (s *saved[A]) merge(newAcc func() (A, error), o *saved[A]) error {
	if err := s.load(newAcc); err != nil {
		return err
	}
	if err := o.load(newAcc); err != nil {
		return err
	}
	return s.acc.Merge(o.acc)
}

// extract saves the merged accumulator (ExtractOutput).
func (s *saved[A]) extract(newAcc func() (A, error)) ([]byte, error) {
	if err := s.load(newAcc); err != nil {
		return nil, err
	}
	return s.acc.MarshalBinary()
}

// encode is the coder's: the state, saved again only when restored.
func (s *saved[A]) encode() ([]byte, error) {
	if !s.live {
		return s.state, nil
	}
	return s.acc.MarshalBinary()
}
