package korto

import (
	"testing"

	"github.com/cxkit/cxkit/internal/jsonout"
	"github.com/cxkit/cxkit/metrics"
)

// A survey metric without answers is null under its kind's key, not a
// missing key; one with answers is the metric's object; & stays & in
// cxkit's JSON.
func TestSurveySummaryJSONNull(t *testing.T) {
	nps, err := metrics.NPSOf([]uint8{10, 9, 3})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		s    SurveySummary
		want string
	}{
		{SurveySummary{ID: "rec", Title: "Tea & cake", Kind: KindNPS}, `{"id":"rec","title":"Tea & cake","kind":"nps","n":0,"nps":null}`},
		{SurveySummary{ID: "m", Kind: KindEmotion}, `{"id":"m","title":"","kind":"emotion","n":0,"emotion":null}`},
		{SurveySummary{ID: "c", Kind: KindCSAT}, `{"id":"c","title":"","kind":"csat","n":0,"csat":null}`},
		{SurveySummary{ID: "e", Kind: KindCES}, `{"id":"e","title":"","kind":"ces","n":0,"ces":null}`},
	} {
		b, err := jsonout.Value(tt.s)
		if err != nil || string(b) != tt.want {
			t.Errorf("%s: %s, %v; want %s", tt.s.Kind, b, err, tt.want)
		}
	}
	b, err := jsonout.Value(SurveySummary{ID: "rec", Kind: KindNPS, N: 3, NPS: &nps})
	if err != nil {
		t.Fatal(err)
	}
	want, _ := jsonout.Value(nps)
	if got := string(b); got != `{"id":"rec","title":"","kind":"nps","n":3,"nps":`+string(want)+`}` {
		t.Errorf("with answers: %s", got)
	}
}
