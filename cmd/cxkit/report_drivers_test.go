package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/cxkit/cxkit/korto"
)

// TestReportMallDriver: in the mall's generated visits, a rude member
// of staff is what goes with detractors: the report names it first among
// the NPS drivers, and significant after Holm's adjustment over the 98
// questions tested. The golden files hold the whole block.
func TestReportMallDriver(t *testing.T) {
	out, errs, code := runReportCmd(t, "", "../../examples/mall/mall.korto", "../../examples/mall/visits/", "--json")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var rep korto.Report
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	for _, o := range rep.Drivers {
		if o.Outcome != "recommend" {
			continue
		}
		if len(o.Drivers) == 0 {
			t.Fatalf("no NPS driver: %+v", o)
		}
		d := o.Drivers[0]
		if d.Question != "staff_no_rudeness" || d.PHolm >= 0.05 || d.CILow <= 0 || d.NFailed < o.MinN {
			t.Errorf("first NPS driver %+v; want staff_no_rudeness, p_holm < 0.05, interval above 0", d)
		}
		return
	}
	t.Fatal("no drivers of recommend in the report")
}

// TestReportDriversWorkers: the drivers come from counts that merge
// exactly, so the report is byte for byte the same on one worker as on
// several, drivers included.
func TestReportDriversWorkers(t *testing.T) {
	var first string
	for _, w := range []string{"1", "2", "5"} {
		out, errs, code := runReportCmd(t, "", "../../examples/mall/mall.korto", "../../examples/mall/visits/", "--json", "--workers", w)
		if code != exitOK {
			t.Fatalf("--workers %s: exit %d: %s", w, code, errs)
		}
		if !strings.Contains(out, `"raw_diff"`) {
			t.Fatalf("--workers %s: no drivers in the report", w)
		}
		if first == "" {
			first = out
		} else if out != first {
			t.Errorf("--workers %s: the report differs from --workers 1", w)
		}
	}
}
