package retail

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/cxkit/cxkit/diag"
)

// A sheet typed in Russian Excel: Russian column names, semicolons,
// dates with dots and decimal commas. Two receipts of 3000.50 and 999.50.
func TestReadRussianSheet(t *testing.T) {
	data, err := os.ReadFile("testdata/ru.csv")
	if err != nil {
		t.Fatal(err)
	}
	r, err := Read(data, "ru.csv", Options{Occupancy: 0.8})
	if err != nil {
		t.Fatal(err)
	}
	if r.AverageTicket == nil {
		t.Fatal("no average ticket")
	}
	if d := cmp.Diff(2000.0, *r.AverageTicket, cmpopts.EquateApprox(0, 1e-9)); d != "" {
		t.Errorf("average ticket (-want +got)\n%s", d)
	}
	if r.Mix == nil || r.Mix.Served != 1 || r.Mix.SelfServed != 1 {
		t.Errorf("service mix %+v, want one with a seller and one alone", r.Mix)
	}
}

// Groups come sorted by name, and their visitors add up to the whole.
func TestReadGroups(t *testing.T) {
	data, err := os.ReadFile("../../examples/retail/visits.csv")
	if err != nil {
		t.Fatal(err)
	}
	r, err := Read(data, "visits.csv", Options{By: "store", Occupancy: 0.8})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	var names []string
	for _, g := range r.Groups {
		n += g.Sales.Visitors
		names = append(names, g.Group)
	}
	if n != r.Sales.Visitors || len(names) < 2 {
		t.Errorf("groups %v hold %d visitors, the whole %d", names, n, r.Sales.Visitors)
	}
	for i := 1; i < len(names); i++ {
		if names[i-1] > names[i] {
			t.Errorf("groups not sorted: %v", names)
		}
	}
	if _, err := Read([]byte(`[{"hour": 12, "entered": 1}]`), "hours.json", Options{By: "store", Occupancy: 0.8}); !errors.Is(err, ErrNoColumns) {
		t.Errorf("--by on hour counts: %v, want ErrNoColumns", err)
	}
}

func TestReadErrors(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		cells    bool // a diag.List
		want     []string
	}{
		{"bad cells", "date,in,out,service,units,amount\n2026-11-14,12:00,11:00,self,1,10\n2026-13-01,25:00,,maybe,x,-3\n", true, []string{
			`f.csv:2:18: row 1, column "out": left at 11:00, before coming in`,
			`f.csv:3:1: row 2, column "date": date "2026-13-01"`,
			`f.csv:3:12: row 2, column "in": time "25:00"`,
			`f.csv:3:19: row 2, column "service": service "maybe"`,
			`f.csv:3:25: row 2, column "units": units "x"`,
			`f.csv:3:27: row 2, column "amount": amount "-3"`,
		}},
		{"receipt without units", "date,in,units,amount\n2026-11-14,12:00,,100\n", true, []string{"f.csv:2: row 1: 0 units for 100"}},
		{"no in column", "date,out\n2026-11-14,12:00\n", false, []string{`no column "in"`}},
		{"thousands", "date,in,units,amount\n2026-11-14,12:00,1,1 500\n", true, []string{"without spaces"}},
		{"decimal comma", "date,in,units,amount\n2026-11-14,12:00,1,\"1,5\"\n", true, []string{"use a decimal point"}},
		{"empty", "date,in\n", false, []string{"no data"}},
		{"bad hours", `[{"hour": 25, "entered": 1}]`, true, []string{"f.csv:1:2: hour 25 is not 0..23"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Read([]byte(tc.in), "f.csv", Options{Occupancy: 0.8})
			if err == nil {
				t.Fatal("no error")
			}
			if _, ok := errors.AsType[diag.List](err); ok != tc.cells {
				t.Errorf("cell errors %v, want %v: %v", ok, tc.cells, err)
			}
			for _, w := range tc.want {
				if !strings.Contains(shown(err), w) {
					t.Errorf("error lacks %q:\n%v", w, shown(err))
				}
			}
		})
	}
}

// FuzzRetailCSV feeds arbitrary bytes to the visit sheet reader: it must
// never panic, and what it accepts must give sane KPIs.
func FuzzRetailCSV(f *testing.F) {
	for _, name := range []string{"../../examples/retail/visits.csv", "testdata/ru.csv"} {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("date,in,out,units,amount\n2026-11-14,12:00,11:00,1,\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		sheet, err := ReadSheet(bytes.NewReader(data), "fuzz.csv", "store")
		if err != nil {
			return
		}
		r, err := sheet.All.Result(0.8)
		if err != nil {
			return // no visits
		}
		if r.Conversion != nil && (*r.Conversion < 0 || *r.Conversion > 1) {
			t.Fatalf("conversion %v from %q", *r.Conversion, data)
		}
		n := 0
		for _, g := range sheet.Groups {
			gr, err := g.Result(0.8)
			if err != nil {
				t.Fatalf("group with visits failed: %v", err)
			}
			n += gr.Sales.Visitors
		}
		if len(sheet.Groups) > 0 && n != r.Sales.Visitors {
			t.Fatalf("groups hold %d visitors, the whole %d", n, r.Sales.Visitors)
		}
	})
}
