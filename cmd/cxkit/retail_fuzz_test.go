package main

import (
	"bytes"
	"os"
	"testing"
)

// FuzzRetailCSV feeds arbitrary bytes to the observation sheet reader:
// it must never panic, and what it accepts must give sane KPIs.
func FuzzRetailCSV(f *testing.F) {
	for _, name := range []string{"../../examples/retail/visits.csv", "testdata/retail/ru.csv"} {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("date,in,out,units,amount\n2026-11-14,12:00,11:00,1,\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		all, groups, _, err := retailRead(bytes.NewReader(data), "fuzz.csv", "store")
		if err != nil {
			return
		}
		r, err := all.Result(0.8)
		if err != nil {
			return // no visits
		}
		if r.Conversion != nil && (*r.Conversion < 0 || *r.Conversion > 1) {
			t.Fatalf("conversion %v from %q", *r.Conversion, data)
		}
		n := 0
		for _, g := range groups {
			gr, err := g.Result(0.8)
			if err != nil {
				t.Fatalf("group with visits failed: %v", err)
			}
			n += gr.Sales.Visitors
		}
		if len(groups) > 0 && n != r.Sales.Visitors {
			t.Fatalf("groups hold %d visitors, the whole %d", n, r.Sales.Visitors)
		}
	})
}
