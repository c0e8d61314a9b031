package dsl

import (
	"bytes"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// FuzzParse checks that no input panics or hangs the parser, the
// renderer or the formatter, and that whatever Format prints parses back
// to the same checklist and formats to itself. The seed corpus under
// testdata/fuzz/FuzzParse holds valid checklists and one of each kind of
// mistake; run longer with
//
//	go test ./dsl -run '^$' -fuzz FuzzParse -fuzztime 60s
func FuzzParse(f *testing.F) {
	f.Add([]byte("checklist t \"T\" {\n  level 1 \"L\" {\n    question q \"Q\"\n  }\n}\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		c, diags := ParseWithDiagnostics("fuzz.korto", src)
		var out bytes.Buffer
		if err := Render(&out, diags, src); err != nil {
			t.Fatal(err)
		}
		for _, d := range diags {
			if d.Message == "" {
				t.Errorf("diagnostic without a message: %+v", d)
			}
		}
		if c == nil {
			return
		}
		formatted, err := Format(src)
		if err != nil {
			return // parsed, but with mistakes only the builder sees
		}
		again, diags2 := ParseWithDiagnostics("fuzz.korto", formatted)
		if again == nil {
			t.Fatalf("formatted source does not parse:\n%s\n%s", formatted, renderString(diags2, formatted))
		}
		if diff := cmp.Diff(c, again, ignorePos); diff != "" {
			t.Fatalf("Parse(Format(x)) differs (-want +got):\n%s\nformatted:\n%s", diff, formatted)
		}
		twice, err := Format(formatted)
		if err != nil {
			t.Fatalf("Format(Format(x)): %v", err)
		}
		if !bytes.Equal(formatted, twice) {
			t.Fatalf("Format is not idempotent:\n%s", cmp.Diff(string(formatted), string(twice)))
		}
	})
}
