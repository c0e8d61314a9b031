package dsl

import (
	"bytes"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// FuzzParse checks that no input panics or hangs the parser, the
// renderer, the formatter, the printer or Names, that fixes and names
// stay inside the source, that whatever Format prints
// parses back to the same checklist and formats to itself, and that
// whatever Print accepts it writes as source that parses back to the
// same checklist. The seed corpus under
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
		if !sortedDiags(diags) {
			t.Errorf("diagnostics are not in the order of the file:\n%s", renderString(diags, src))
		}
		for _, d := range diags {
			if d.Message == "" {
				t.Errorf("diagnostic without a message: %+v", d)
			}
			if f := d.Fix; f != nil && (f.Offset < 0 || f.End < f.Offset || f.End > len(src)) {
				t.Errorf("fix %+v outside the source of %d bytes: %v", *f, len(src), d)
			}
		}
		for _, n := range Names(src) {
			if n.Offset < 0 || n.End < n.Offset || n.BlockEnd < n.End || n.BlockEnd > len(src) {
				t.Errorf("name %+v outside the source of %d bytes", n, len(src))
			}
		}
		if c == nil {
			return
		}
		// Print checks what it is given: a checklist it accepts, even one
		// read from a file with mistakes, it writes as clean source.
		var printed bytes.Buffer
		if err := Print(&printed, c); err == nil {
			back, diags := ParseWithDiagnostics("fuzz.korto", printed.Bytes())
			if diags.HasErrors() {
				t.Fatalf("printed source has errors:\n%s\n%s", printed.Bytes(), renderString(diags, printed.Bytes()))
			}
			if diff := cmp.Diff(c, back, ignorePos); diff != "" {
				t.Fatalf("Parse(Print(c)) differs (-want +got):\n%s\nprinted:\n%s", diff, printed.Bytes())
			}
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
