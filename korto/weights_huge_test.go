package korto

import (
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestHugeWeights checks that weights near the top of float64, which
// the language allows (weights are finite and >= 0), score as the spec
// says: the weighted mean does not depend on the scale of the weights.
func TestHugeWeights(t *testing.T) {
	type level struct {
		Score  *float64
		Passed bool
		Weight float64
	}
	type summary struct {
		Score  *float64
		Levels []level
	}
	stars := scKind(Kind{Type: KindScale, Lo: 1, Hi: 9})
	tests := []struct {
		name  string
		c     *Checklist
		sheet *Sheet
		want  summary
	}{
		{
			name: "two questions of weight 1e308, both yes",
			c: scChecklist("w", scLvl(1, nil,
				scQ("a", scW(1e308)), scQ("b", scW(1e308)))),
			sheet: scSheet("w", "a=yes", "b=yes"),
			want:  summary{Score: scF(1), Levels: []level{{scF(1), true, 1}}},
		},
		{
			name: "two questions of the largest weight, yes and no",
			c: scChecklist("w", scLvl(1, nil,
				scQ("a", scW(math.MaxFloat64)), scQ("b", scW(math.MaxFloat64)))),
			sheet: scSheet("w", "a=yes", "b=no"),
			want:  summary{Score: scF(0.5), Levels: []level{{scF(0.5), false, 1}}},
		},
		{
			name: "two levels of weight 1e308",
			c: func() *Checklist {
				c := scChecklist("w", scLvl(1, nil, scQ("a", stars)), scLvl(2, nil, scQ("b")))
				c.Levels[0].Weight, c.Levels[1].Weight = new(1e308), new(1e308)
				return c
			}(),
			sheet: scSheet("w", "a=8", "b=no"),
			want:  summary{Score: scF(0.4375), Levels: []level{{scF(0.875), true, 1e308}, {scF(0), false, 1e308}}},
		},
		{
			name: "sections of weight 1e308 beside a small question",
			c: scChecklist("w", scLvl(1, nil,
				scSec("s1", new(1e308), scQ("a")),
				scSec("s2", new(1e308), scQ("b", stars)),
				scQ("c", scW(1e300)))),
			sheet: scSheet("w", "a=yes", "b=5", "c=no"),
			// (1e308*1 + 1e308*0.5 + 1e300*0) / (2e308 + 1e300)
			want: summary{Score: scF(1.5e308 / (2e308 + 1e300)), Levels: []level{{scF(1.5e308 / (2e308 + 1e300)), false, 1}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := scCompile(t, tt.c).Score(tt.sheet)
			if err != nil {
				t.Fatal(err)
			}
			got := summary{Score: r.Score}
			for _, l := range r.Levels {
				got.Levels = append(got.Levels, level{l.Score, l.Passed, l.Weight})
			}
			if diff := cmp.Diff(tt.want, got, scApprox); diff != "" {
				t.Errorf("(-want +got)\n%s", diff)
			}
		})
	}
}
