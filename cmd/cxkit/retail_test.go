package main

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cxkit/cxkit/internal/golden"
)

// TestRetailObservation: the service-standards guide's two-hour count as the observer's
// hourly tally gives the sellers each hour needs: 104 and 151 service
// minutes at 80% occupancy (48 minutes a seller) are 3 and 4 sellers.
func TestRetailObservation(t *testing.T) {
	v := surveyJSON(t, "retail", "../../examples/support/retail/observation.json")
	var sellers []float64
	for _, h := range v["hours"].([]any) {
		sellers = append(sellers, h.(map[string]any)["sellers"].(float64))
	}
	if diff := cmp.Diff([]float64{3, 4}, sellers); diff != "" {
		t.Errorf("sellers (-want +got)\n%s", diff)
	}
	mix := v["service_mix"].(map[string]any)
	if diff := cmp.Diff(27.0/58, mix["served_share"], surveyApprox); diff != "" {
		t.Errorf("served share (-want +got)\n%s", diff)
	}
}

// TestRetailSheet checks the example sheet's KPIs against its own rows:
// buyers of the generated two-hour count split 17 with a seller to 17
// alone, the service-standards guide's "50 to 50".
func TestRetailSheet(t *testing.T) {
	v := surveyJSON(t, "retail", "../../examples/retail/visits.csv", "--by", "store")
	for _, k := range []string{"conversion", "average_ticket", "units_per_transaction", "dwell", "service_mix", "days", "hours", "groups"} {
		if _, ok := v[k]; !ok {
			t.Errorf("no %q in the JSON", k)
		}
	}
	sales := v["sales"].(map[string]any)
	if diff := cmp.Diff(sales["transactions"].(float64)/sales["visitors"].(float64), v["conversion"], surveyApprox); diff != "" {
		t.Errorf("conversion is not receipts / visitors (-want +got)\n%s", diff)
	}
	if diff := cmp.Diff(sales["revenue"].(float64)/sales["transactions"].(float64), v["average_ticket"], surveyApprox); diff != "" {
		t.Errorf("average ticket is not revenue / receipts (-want +got)\n%s", diff)
	}
	if got := v["service_mix"].(map[string]any)["served_share"]; got != 0.5 {
		t.Errorf("served share %v, want 0.5", got)
	}
	out, errs, code := surveyRun(t, "", "retail", "../../examples/retail/visits.csv", "--by", "store")
	if code != exitOK {
		t.Fatalf("exit %d\n%s", code, errs)
	}
	golden.Check(t, "testdata/retail/visits.txt", []byte(out))
}

// A sheet typed in Russian Excel: Russian column names, semicolons,
// dates with dots and decimal commas.
func TestRetailRussianSheet(t *testing.T) {
	v := surveyJSON(t, "retail", "../../metrics/retail/testdata/ru.csv")
	if diff := cmp.Diff(2000.0, v["average_ticket"], surveyApprox); diff != "" {
		t.Errorf("average ticket (-want +got)\n%s", diff)
	}
}

func TestRetailErrors(t *testing.T) {
	for _, tc := range []struct {
		name, stdin string
		args        []string
		code        int
		want        []string
	}{
		{"bad cells", "date,in,out,service,units,amount\n2026-11-14,12:00,11:00,self,1,10\n2026-13-01,25:00,,maybe,x,-3\n", []string{"retail", "-"}, exitInput, []string{
			`<stdin>:2:18: row 1, column "out": left at 11:00, before coming in`,
			`<stdin>:3:1: row 2, column "date": date "2026-13-01"`,
			`<stdin>:3:12: row 2, column "in": time "25:00"`,
			`<stdin>:3:19: row 2, column "service": service "maybe"`,
			`<stdin>:3:25: row 2, column "units": units "x"`,
			`<stdin>:3:27: row 2, column "amount": amount "-3"`,
		}},
		{"receipt without units", "date,in,units,amount\n2026-11-14,12:00,,100\n", []string{"retail", "-"}, exitInput, []string{"<stdin>:2: row 1: 0 units for 100"}},
		{"no in column", "date,out\n2026-11-14,12:00\n", []string{"retail", "-"}, exitInput, []string{`no column "in"`}},
		{"thousands", "date,in,units,amount\n2026-11-14,12:00,1,1 500\n", []string{"retail", "-"}, exitInput, []string{"without spaces"}},
		{"empty", "date,in\n", []string{"retail", "-"}, exitInput, []string{"no data"}},
		{"occupancy", "", []string{"retail", "-", "--occupancy", "1.5"}, exitUsage, []string{"--occupancy"}},
		{"bad hours", `[{"hour": 25, "entered": 1}]`, []string{"retail", "-"}, exitInput, []string{"hour 25"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, errs, code := surveyRun(t, tc.stdin, tc.args...)
			if code != tc.code {
				t.Errorf("exit %d, want %d\n%s", code, tc.code, errs)
			}
			for _, w := range tc.want {
				if !strings.Contains(errs, w) {
					t.Errorf("stderr lacks %q:\n%s", w, errs)
				}
			}
		})
	}
}
