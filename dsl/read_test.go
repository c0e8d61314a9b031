package dsl

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestIsJSON(t *testing.T) {
	for _, tt := range []struct {
		name, src string
		want      bool
	}{
		{"a.json", "checklist x", true}, // the extension decides
		{"a.JSON", "", true},
		{"a.korto", "{", false},
		{"<stdin>", "\ufeff \n {\"id\": \"x\"}", true}, // no extension: the first character
		{"<stdin>", "checklist x \"X\" {", false},
		{"<stdin>", "\u00a0{", true}, // JSON with a stray space: its decoder says so
		{"<stdin>", "\u00a0checklist x \"X\" {", false},
		{"", "", false},
	} {
		if got := IsJSON(tt.name, []byte(tt.src)); got != tt.want {
			t.Errorf("IsJSON(%q, %q) = %v, want %v", tt.name, tt.src, got, tt.want)
		}
	}
}

// A checklist reads the same from its source and from its JSON form;
// the problems of either are named after the file.
func TestReadChecklistBothForms(t *testing.T) {
	src, err := os.ReadFile("../examples/mall/mall.korto")
	if err != nil {
		t.Fatal(err)
	}
	c, diags := ReadChecklist("mall.korto", src)
	if c == nil || diags.HasErrors() {
		t.Fatalf("mall.korto: %v", diags)
	}
	doc, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	j, diags := ReadChecklist("<stdin>", doc)
	if j == nil || diags.HasErrors() {
		t.Fatalf("the JSON form: %v", diags)
	}
	a, _ := json.Marshal(j)
	if d := cmp.Diff(string(doc), string(a)); d != "" {
		t.Errorf("the JSON form reads back differently (-source +json):\n%s", d)
	}
	bad, diags := ReadChecklist("bad.json", []byte(`{"id": "x", "levles": []}`))
	if bad != nil || !diags.HasErrors() || diags[0].Pos.File != "bad.json" {
		t.Errorf("a bad JSON checklist: %v, %v; want no checklist and errors in bad.json", bad, diags)
	}
}
