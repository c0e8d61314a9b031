package support_test

import (
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cxkit/cxkit/metrics/support"
)

// Survey inputs are checked as strictly as a standards file: a value the
// KPI cannot take, or a name no standard reads, is an error rather than
// a NaN row or a standard silently left without data.
func TestInputsValidate(t *testing.T) {
	for _, tt := range []struct {
		name   string
		survey map[string]float64
		want   string // the whole error; "" for none
	}{
		{"none", nil, ""},
		{"valid", map[string]float64{"ces": 2.5, "rating": 4.2, "nps": -20, "csat": 80, "success_rate": 0.9, "awareness": 0, "things_gone_wrong": 1.5, "clicks_to_contact": 3}, ""},
		{"NaN", map[string]float64{"ces": math.NaN()}, `inputs: survey "ces": NaN is not a finite number`},
		{"infinity", map[string]float64{"rating": math.Inf(1)}, `inputs: survey "rating": +Inf is not a finite number`},
		{"typo", map[string]float64{"nsp": 80}, `inputs: survey "nsp": unknown survey KPI; did you mean "nps"?`},
		{"capitals", map[string]float64{"CES": 2}, `inputs: survey "CES": unknown survey KPI; did you mean "ces"?`},
		{"ticket KPI", map[string]float64{"fcr": 0.8}, `inputs: survey "fcr": fcr is measured from the tickets or agent time, not given as an input`},
		{"share as percent", map[string]float64{"success_rate": 75}, `inputs: survey "success_rate": value 75 is outside 0..1: success_rate is a share; write 0.75`},
		{"nps out of range", map[string]float64{"nps": 120}, `inputs: survey "nps": value 120 is outside -100..100: nps runs from -100 to 100`},
		{"negative count", map[string]float64{"things_gone_wrong": -1}, `inputs: survey "things_gone_wrong": value -1 is negative: things_gone_wrong cannot be`},
		{"all at once, by name", map[string]float64{"nsp": 80, "ces": math.NaN()},
			"inputs: survey \"ces\": NaN is not a finite number\ninputs: survey \"nsp\": unknown survey KPI; did you mean \"nps\"?"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			in := support.Inputs{Survey: tt.survey}
			got := ""
			if err := in.Validate(); err != nil {
				got = err.Error()
			}
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("Validate() (-want +got):\n%s", d)
			}
			// Evaluate checks them too, before measuring anything.
			acc := support.NewAccumulator(support.Options{})
			rows, err := acc.Evaluate(support.DefaultStandards(), in)
			if (err != nil) != (tt.want != "") {
				t.Fatalf("Evaluate: %v", err)
			}
			for _, r := range rows {
				if r.Value != nil && math.IsNaN(*r.Value) {
					t.Errorf("row %q has a NaN value", r.Name)
				}
			}
		})
	}
}
