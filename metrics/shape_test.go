package metrics_test

import (
	"errors"
	"testing"
	"time"

	"github.com/cxkit/cxkit/metrics"
	"github.com/cxkit/cxkit/metrics/retail"
	"github.com/cxkit/cxkit/metrics/support"
	"github.com/cxkit/cxkit/metrics/surveycsv"
)

// The shape every accumulator of the module shares, checked when the
// tests compile: a method missing or of another signature fails the
// build of the tests, not a user's generic code.

// surveyMetric is the whole method set of a survey metric: values T in,
// results R out, merged with others of its type A.
type surveyMetric[A any, T any, R any] interface {
	Add(T) error
	AddWeighted(T, float64) error
	Merge(A) error
	Result() (R, error)
	ResultWith(metrics.Options) (R, error)
	N() int64
}

var (
	_ surveyMetric[*metrics.Mean, float64, metrics.MeanResult]                = (*metrics.Mean)(nil)
	_ surveyMetric[*metrics.NPS, int, metrics.NPSResult]                      = (*metrics.NPS)(nil)
	_ surveyMetric[*metrics.CSAT, int, metrics.CSATResult]                    = (*metrics.CSAT)(nil)
	_ surveyMetric[*metrics.CES, int, metrics.CESResult]                      = (*metrics.CES)(nil)
	_ surveyMetric[*metrics.Emotions, metrics.Emotion, metrics.EmotionResult] = (*metrics.Emotions)(nil)
)

// merger is what every accumulator has, the survey metrics and the rest
// (whose results need more than Options: CSI its weights, a retail
// report the shop's occupancy): Merge with an error, so that a loop
// merging partial results (files read in parts, workers, machines) is
// written once.
type merger[A any] interface {
	Merge(A) error
}

var (
	_ merger[*metrics.CSIRatings]    = (*metrics.CSIRatings)(nil)
	_ merger[*metrics.EmotionNPS]    = (*metrics.EmotionNPS)(nil)
	_ merger[*surveycsv.Accumulator] = (*surveycsv.Accumulator)(nil)
	_ merger[*retail.Visits]         = (*retail.Visits)(nil)
	_ merger[*retail.Observation]    = (*retail.Observation)(nil)
	_ merger[*retail.Dwell]          = (*retail.Dwell)(nil)
	_ merger[*support.Sample]        = (*support.Sample)(nil)
	_ merger[*support.Accumulator]   = (*support.Accumulator)(nil)

	// surveycsv's accumulator, one of the four metrics read from a
	// column, reports the way they do.
	_ interface {
		Result() (surveycsv.Result, error)
		ResultWith(metrics.Options) (surveycsv.Result, error)
	} = (*surveycsv.Accumulator)(nil)
)

// Every "no data" of the module is metrics.ErrNoData, whichever package
// reports it, so that one errors.Is serves them all.
func TestOneErrNoData(t *testing.T) {
	if retail.ErrNoData != metrics.ErrNoData || support.ErrNoData != metrics.ErrNoData {
		t.Fatal("a sub-package has a no-data error of its own")
	}
	var m metrics.Mean
	_, errMean := m.Result()
	var n metrics.NPS
	_, errNPS := n.Result()
	var d retail.Dwell
	_, errDwell := d.Result()
	var s support.Sample
	_, errSample := s.Mean()
	var v retail.Visits
	_, errVisits := v.Result(1)
	for name, err := range map[string]error{"Mean": errMean, "NPS": errNPS, "Dwell": errDwell, "Sample": errSample, "Visits": errVisits} {
		if !errors.Is(err, metrics.ErrNoData) {
			t.Errorf("%s of nothing: %v, not metrics.ErrNoData", name, err)
		}
	}
}

// Merging the empty accumulator changes nothing and a nil one is no
// error, for each shape.
func TestMergeEmpty(t *testing.T) {
	var d, e retail.Dwell
	if err := d.Add(90 * time.Second); err != nil {
		t.Fatal(err)
	}
	if err := d.Merge(&e); err != nil {
		t.Fatal(err)
	}
	if err := d.Merge(nil); err != nil {
		t.Fatal(err)
	}
	r, err := d.Result()
	if err != nil || r.N != 1 {
		t.Errorf("dwell after merging nothing: %+v, %v", r, err)
	}
	var en, fn metrics.EmotionNPS
	if err := en.Add(metrics.Positive, 10); err != nil {
		t.Fatal(err)
	}
	if err := en.Merge(&fn); err != nil {
		t.Fatal(err)
	}
	if err := en.Merge(nil); err != nil {
		t.Fatal(err)
	}
	if rows := en.Rows(); rows[0].Promoters+rows[1].Promoters+rows[2].Promoters != 1 {
		t.Errorf("emotion by NPS after merging nothing: %+v", rows)
	}
}
