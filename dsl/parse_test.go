package dsl

import (
	"os"
	"testing"
)

func TestParseSpecExample(t *testing.T) {
	src, err := os.ReadFile("testdata/spec_example.korto")
	if err != nil {
		t.Fatal(err)
	}
	c, diags := ParseWithDiagnostics("spec_example.korto", src)
	if diags.HasErrors() {
		t.Fatalf("parse: %v", diags)
	}
	if c.ID != "mall_basic" || len(c.Levels) != 2 || c.Survey == nil || len(c.Survey.Questions) != 4 {
		t.Errorf("got %+v", c)
	}
}
