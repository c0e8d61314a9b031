package support_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cxkit/cxkit/metrics/support"
)

// A standard no value can meet is a typo, not a goal: a share's target
// outside 0..1 (75 for 75%), or a negative duration or count.
func TestStandardTargetOutOfRange(t *testing.T) {
	for _, tt := range []struct {
		name string
		st   support.Standard
		want string // "" for valid
	}{
		{"share as percent", support.Standard{KPI: "fcr", Op: support.GreaterEqual, Target: 75},
			"target 75 is outside 0..1: fcr is a share; write 75% or 0.75"},
		{"share above 100", support.Standard{KPI: "fcr", Op: support.GreaterEqual, Target: 750},
			"target 750 is outside 0..1: fcr is a share, 0% to 100%"},
		{"negative share", support.Standard{KPI: "abandonment", Op: support.LessEqual, Target: -0.1},
			"target -0.1 is outside 0..1: abandonment is a share, 0% to 100%"},
		{"share max", support.Standard{KPI: "occupancy", Op: support.Between, Target: 0.6, Max: tgt(80)},
			"max 80 is outside 0..1: occupancy is a share; write 80% or 0.8"},
		{"share tolerance", support.Standard{KPI: "fcr", Op: support.About, Target: 0.75, Tolerance: tgt(5)},
			"tolerance 5 is outside 0..1: fcr is a share; write 5% or 0.05"},
		{"negative duration", support.Standard{KPI: "first_response", Op: support.Less, Target: -1},
			"target -1 is negative: first_response is a duration"},
		{"negative count", support.Standard{KPI: "handovers", Op: support.LessEqual, Target: -1},
			"target -1 is negative: handovers cannot be"},
		{"nps below -100", support.Standard{KPI: "nps", Op: support.GreaterEqual, Target: -101},
			"target -101 is outside -100..100: nps"},
		{"csat above 100", support.Standard{KPI: "csat", Op: support.GreaterEqual, Target: 101},
			"target 101 is outside 0..100: csat"},
		{"negative nps is fine", support.Standard{KPI: "nps", Op: support.GreaterEqual, Target: -20}, ""},
		{"share bounds are fine", support.Standard{KPI: "fcr", Op: support.Between, Target: 0, Max: tgt(1)}, ""},
		{"zero duration is fine", support.Standard{KPI: "queue_wait", Op: support.LessEqual, Target: 0}, ""},
		{"alias in capitals", support.Standard{KPI: "First_Contact_Resolution", Op: support.GreaterEqual, Target: 75},
			"target 75 is outside 0..1: First_Contact_Resolution is a share; write 75% or 0.75"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.st.Validate()
			if tt.want == "" {
				if err != nil {
					t.Fatalf("Validate() = %v; want nil", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Validate() = %v; want it to say %q", err, tt.want)
			}
		})
	}
}

func TestParseTargetRejectsNegativeDurations(t *testing.T) {
	for _, in := range []string{"-5m", "-1h30m", "-3d", "-0.5d"} {
		got, err := support.ParseTarget(in)
		if err == nil || !strings.Contains(err.Error(), "negative duration") {
			t.Errorf("ParseTarget(%q) = %v, %v; want a negative-duration error", in, got, err)
		}
	}
	// A plain negative number stays a number: NPS targets may be below zero.
	if got, err := support.ParseTarget("-20"); err != nil || got != -20 {
		t.Errorf("ParseTarget(-20) = %v, %v", got, err)
	}
}

// A standards file without a "standards" list is a mistake (an empty
// file, the wrong file, a list under another key the strict decoder
// would name); an explicit empty list is a deliberate "check nothing".
func TestParseStandardsEmpty(t *testing.T) {
	for _, in := range []string{`{}`, `{"name": "team"}`, `{"standards": null}`} {
		if _, err := support.ParseStandards([]byte(in)); err == nil || !strings.Contains(err.Error(), "no standards") {
			t.Errorf("ParseStandards(%s) = %v; want a no-standards error", in, err)
		}
	}
	set, err := support.ParseStandards([]byte(`{"standards": []}`))
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(&support.StandardSet{Standards: []support.Standard{}}, set); d != "" {
		t.Errorf("explicit empty list (-want +got):\n%s", d)
	}
}
