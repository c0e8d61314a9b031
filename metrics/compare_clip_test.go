package metrics

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestCompareClipped: with few answers the Wald interval of a difference
// can run past what the difference can be (NPS 90 against -90 with se 40
// each reaches 180 + 1.96·56.6 = 290.9 points); it stops at the ends,
// while the difference, se, z and p are those of the unclipped test.
func TestCompareClipped(t *testing.T) {
	const z = 1.959963984540054
	l95 := Interval{Level: 0.95}
	nps, err := CompareNPS(NPSResult{NPS: 90, SE: 40, CI: l95}, NPSResult{NPS: -90, SE: 40, CI: l95})
	if err != nil {
		t.Fatal(err)
	}
	se := 40 * sqrtF(2)
	want := Comparison{Diff: 180, SE: se, Z: 180 / se, P: normalTwoSided(180 / se),
		CI: Interval{180 - z*se, 200, 0.95, Wald}}
	if diff := cmp.Diff(want, nps, approx); diff != "" {
		t.Errorf("NPS (-want +got)\n%s", diff)
	}

	emo, err := CompareEmotions(EmotionResult{Index: -0.9, SE: 0.5, CI: l95}, EmotionResult{Index: 0.9, SE: 0.5, CI: l95})
	if err != nil {
		t.Fatal(err)
	}
	csat, err := CompareCSAT(CSATResult{Scale: CSAT5, CSAT: 95, SE: 30, CI: l95}, CSATResult{Scale: CSAT5, CSAT: 10, SE: 30, CI: l95})
	if err != nil {
		t.Fatal(err)
	}
	ces, err := CompareCES(CESResult{Scale: CES2, Mean: 1.5, MeanSE: 2, NEff: 2, MeanCI: l95}, CESResult{Scale: CES2, Mean: 6.5, MeanSE: 2, NEff: 2, MeanCI: l95})
	if err != nil {
		t.Fatal(err)
	}
	got := [][2]float64{{emo.CI.Lo, emo.CI.Hi}, {csat.CI.Lo, csat.CI.Hi}, {ces.CI.Lo, ces.CI.Hi}}
	want2 := [][2]float64{
		{-2, -1.8 + z*0.5*sqrtF(2)},
		{85 - z*30*sqrtF(2), 100},
		{-6, -5 + z*2*sqrtF(2)},
	}
	if diff := cmp.Diff(want2, got, approx); diff != "" {
		t.Errorf("emotion, CSAT, CES intervals (-want +got)\n%s", diff)
	}
}
