package strictjson_test

import (
	"errors"
	"fmt"

	"github.com/cxkit/cxkit/internal/strictjson"
)

func ExampleDecode() {
	type shift struct {
		Day   string `json:"day"`
		Hours string `json:"hours"`
	}
	var s shift
	err := strictjson.Decode([]byte("{\"day\": \"mon\",\n \"huors\": \"09:00-18:00\"}"), &s, "the shift")
	fmt.Println(err)
	if e, ok := errors.AsType[*strictjson.Error](err); ok {
		fmt.Printf("%s at offset %d (%s), %s\n", e.Kind, e.Offset, e.Pointer, e.Hint)
	}
	// Output:
	// line 2, column 2: unknown field "huors" in the shift; did you mean "hours"?
	// unknown-name at offset 16 (/huors), the fields here are day, hours
}
