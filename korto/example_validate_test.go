package korto_test

import (
	"fmt"

	"github.com/cxkit/cxkit/korto"
)

// A checklist built in Go is checked by the same rules as a parsed one.
// Nodes built in Go have no position, so each message names its node.
func ExampleChecklist_Validate() {
	c := &korto.Checklist{
		ID:     "shop",
		Scales: []*korto.Scale{{Name: "stars", Lo: 1, Hi: 5}},
		Levels: []*korto.Level{{
			Number: 1,
			Pass:   new(float64(85)), // a share is meant: 0.85
			Items: []korto.Item{
				{Question: &korto.Question{ID: "greeted"}},
				{Question: &korto.Question{ID: "speed", Kind: korto.Kind{Type: korto.KindScale, Ref: "stras"}}},
				{Question: &korto.Question{ID: "smile",
					When: &korto.Expr{Op: korto.ExprYes, Question: "greted"}}},
			},
		}},
	}
	ds := c.Validate()
	for _, d := range ds {
		fmt.Printf("%s [%s]\n  hint: %s\n", d.Error(), d.Code, d.Hint)
	}
	fmt.Println("usable:", ds.Err() == nil)
	// Output:
	// level 1: pass mark 8500% must be above 0% and at most 100% [bad-pass]
	//   hint: a pass mark is a percentage above 0% and up to 100%, e.g. pass 80% (in Go, a share: 0.85 for 85%)
	// question "speed": unknown scale "stras"; did you mean "stars"? [unknown-scale]
	//   hint: write stars, or declare "stras"
	// question "smile": unknown question "greted" in when; did you mean "greeted"? [when-unknown]
	//   hint: write greeted, or declare the question above this one
	// usable: false
}

// Validate returns warnings as well as errors, in a Diagnostics list.
// The list is an error type, but returned as an error it is never nil,
// even when empty: use Err, which is nil unless the list holds an error,
// or HasErrors.
func ExampleDiagnostics_Err() {
	c := &korto.Checklist{ID: "shop", Levels: []*korto.Level{{Number: 1, Items: []korto.Item{
		{Question: &korto.Question{ID: "greeted"}},
		{Question: &korto.Question{ID: "visitors", Unscored: true, Weight: new(float64(2))}},
	}}}}
	ds := c.Validate()
	for _, d := range ds {
		fmt.Println(d)
	}
	fmt.Println("errors:", ds.HasErrors())
	if err := ds.Err(); err != nil {
		fmt.Println("unusable:", err)
		return
	}
	fmt.Println("usable")
	// Output:
	// warning: weight of unscored question "visitors" is ignored
	// errors: false
	// usable
}
