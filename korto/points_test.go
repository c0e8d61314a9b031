package korto

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestPoints(t *testing.T) {
	c := &Checklist{Scales: []*Scale{{Name: "stars", Lo: 1, Hi: 5}}}
	type pts struct {
		Lo, Hi float64
		OK     bool
	}
	tests := []struct {
		k    Kind
		want pts
	}{
		{Kind{Type: KindScale, Ref: "stars"}, pts{1, 5, true}},
		{Kind{Type: KindScale, Lo: 0, Hi: 3}, pts{0, 3, true}},
		{Kind{Type: KindScale, Ref: "nope"}, pts{}},
		{Kind{Type: KindNPS}, pts{0, 10, true}},
		{Kind{Type: KindCES, Lo: 1, Hi: 7}, pts{1, 7, true}},
		{Kind{Type: KindCSAT, Lo: 1, Hi: 5}, pts{1, 5, true}},
		{Kind{}, pts{}}, // yes/no
		{Kind{Type: KindChoice, Ref: "stars"}, pts{}},
		{Kind{Type: KindMeasure, Op: OpLe, Target: 5}, pts{}},
		{Kind{Type: KindEmotion}, pts{}},
		{Kind{Type: KindText}, pts{}},
	}
	for _, tt := range tests {
		var got pts
		got.Lo, got.Hi, got.OK = c.Points(tt.k)
		if d := cmp.Diff(tt.want, got); d != "" {
			t.Errorf("Points(%+v) (-want +got):\n%s", tt.k, d)
		}
	}
}
