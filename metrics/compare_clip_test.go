package metrics

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestCompareClipped: with few answers the interval of a difference can
// run past what the difference can be; it stops at the ends, while the
// difference, se, z and p are those of the unclipped test.
func TestCompareClipped(t *testing.T) {
	const z = 1.959963984540054
	l95 := Interval{Level: 0.95, Method: Wald}
	// Plain Wald, asked for by name: NPS 90 against -90 with se 40 each
	// reaches 180 + 1.96·56.6 = 290.9 points.
	a := NPSResult{NPS: 90, PromoterShare: 0.9, SE: 40, NEff: 10, CI: l95}
	b := NPSResult{NPS: -90, DetractorShare: 0.9, SE: 40, NEff: 10, CI: l95}
	nps, err := CompareNPS(a, b)
	if err != nil {
		t.Fatal(err)
	}
	se := 40 * sqrtF(2)
	want := Comparison{Metric: "NPS", Method: Wald, Diff: 180, RawDiff: 180, SE: se, Z: 180 / se, P: normalTwoSided(180 / se),
		CI: Interval{180 - z*se, 200, 0.95, Wald}}
	if diff := cmp.Diff(want, nps, approx); diff != "" {
		t.Errorf("NPS (-want +got)\n%s", diff)
	}

	ces, err := CompareMeans(1.5, 8, 2, 6.5, 8, 2, 0.95, 6)
	if err != nil {
		t.Fatal(err)
	}
	if ces.CI.Lo != -6 || ces.CI.Hi > 6 {
		t.Errorf("CES means 1.5 and 6.5 of 2 answers each: interval %v, want one clipped at -6", ces.CI)
	}
	shares, err := CompareShares(1, 1, 0, 1, 0.95)
	if err != nil {
		t.Fatal(err)
	}
	if shares.CI.Hi > 1 || shares.CI.Lo < -1 {
		t.Errorf("shares: interval %v outside ±1", shares.CI)
	}
}
