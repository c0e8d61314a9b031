package examples_test

import (
	"encoding/csv"
	"os"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// Every row of the example observation sheet, read as an object keyed
// by the header, validates against the committed row schema, and rows
// the command refuses do not.
func TestRetailRowSchema(t *testing.T) {
	f, err := os.Open("retail/visit-row.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("row.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("row.json")
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile("retail/visits.csv")
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(strings.NewReader(string(data))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	row := func(header, rec []string) map[string]any {
		m := map[string]any{}
		for i, h := range header {
			if rec[i] != "" {
				m[h] = rec[i]
			}
		}
		return m
	}
	for i, rec := range recs[1:] {
		if err := sch.Validate(row(recs[0], rec)); err != nil {
			t.Errorf("row %d: %v", i+1, err)
		}
	}
	for _, bad := range []map[string]any{
		{"date": "2026-11-14"},
		{"date": "2026-11-14", "in": "25:00"},
		{"date": "2026-11-14", "in": "12:00", "service": "maybe"},
		{"date": "2026-11-14", "in": "12:00", "units": "2"},
	} {
		if sch.Validate(bad) == nil {
			t.Errorf("schema accepts %v", bad)
		}
	}
}
