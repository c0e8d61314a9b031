package diag_test

import (
	"fmt"
	"os"

	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/dsl"
)

// Render prints the problems of an input as cxkit does: each on its
// line, then the source line with a caret under the column, then the
// hint. The same call prints the problems of a checklist, an answer
// sheet, a CSV export or a ticket file; diag.As takes them out of the
// error any of the readers returns.
func ExampleRender() {
	src := []byte(`checklist cafe "Café" {
  level 1 "Foundation" pass 85 {
    question tables "Tables are clean"
  }
}
`)
	_, err := dsl.Parse("cafe.korto", src)
	diag.Render(os.Stdout, diag.As(err), src)
	// Output:
	// cafe.korto:2:29: pass takes a percentage, like pass 85%
	//    2 |   level 1 "Foundation" pass 85 {
	//      |                             ^
	// hint: write 85%
}

// A tool that does its own printing reads the fields: the position, a
// stable code to switch on, the message and the hint.
func ExampleAs() {
	src := []byte(`checklist cafe "Café" {
  level 1 "Foundation" {
    qestion tables "Tables are clean"
    question tables "Tables are wiped"
  }
}
`)
	_, err := dsl.Parse("cafe.korto", src)
	for _, d := range diag.As(err) {
		fmt.Printf("%d:%d %s %s: %s\n", d.Line, d.Column, d.Severity, d.Code, d.Message)
	}
	// Output:
	// 3:5 error unknown-keyword: unknown keyword "qestion"; did you mean "question"?
	// 4:5 error duplicate-id: duplicate question ID "tables"; first declared at line 3
}
