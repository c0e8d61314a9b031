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

func TestKindString(t *testing.T) {
	tests := []struct {
		k    Kind
		want string
	}{
		{Kind{}, "yesno"},
		{Kind{Type: KindScale, Ref: "stars"}, "stars"},
		{Kind{Type: KindChoice, Ref: "queue"}, "queue"},
		{Kind{Type: KindScale, Lo: 1, Hi: 5}, "scale 1..5"},
		{Kind{Type: KindCES, Lo: 1, Hi: 7, Good: "high"}, "ces 1..7 high"},
		{Kind{Type: KindCSAT, Lo: 1, Hi: 5}, "csat 1..5"},
		{Kind{Type: KindMeasure, Unit: "мин", Op: OpLe, Target: 2.5}, `measure "мин" target <= 2.5`},
		{Kind{Type: KindMeasure, Op: OpGt, Target: 1e21}, "measure target > 1000000000000000000000"},
		{Kind{Type: KindNPS}, "nps"},
		{Kind{Type: KindEmotion}, "emotion"},
	}
	for _, tt := range tests {
		if got := tt.k.String(); got != tt.want {
			t.Errorf("%+v.String() = %q, want %q", tt.k, got, tt.want)
		}
	}
}
