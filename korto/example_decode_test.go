package korto_test

import (
	"errors"
	"fmt"

	"github.com/cxkit/cxkit/korto"
)

// A checklist's JSON form is read strictly: a misspelt field would
// otherwise be dropped, and the question would quietly weigh 1. The
// error is a list of diagnostics placed at the line and column of the
// mistake, with the JSON Pointer and the field that was meant.
func ExampleDecodeChecklist() {
	src := []byte(`{
  "id": "kiosk",
  "title": {"text": "Киоск"},
  "levels": [{"number": 1, "title": {"text": "Основа"}, "items": [
    {"question": {"id": "clean", "text": {"text": "Чисто"}, "weigth": 2}}
  ]}]
}`)
	_, err := korto.DecodeChecklist(src)
	var ds korto.Diagnostics
	if errors.As(err, &ds) {
		for _, d := range ds {
			fmt.Printf("%d:%d %s\n", d.Pos.Line, d.Pos.Column, d.Message)
			fmt.Println("hint:", d.Hint)
		}
	}
	// Output:
	// 5:61 unknown field "weigth" in /levels/0/items/0/question; did you mean "weight"?
	// hint: the fields here are id, text, kind, weight, critical, na, optional, unscored, when, hint, tags, promise
}
