package jsonout

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func TestUnescapeHTML(t *testing.T) {
	for in, want := range map[string]string{
		`"a \u003c= 5 \u0026 b \u003e 1"`: `"a <= 5 & b > 1"`,
		`"\\u003c"`:                       `"\\u003c"`, // a backslash, then the text u003c
		`"\\\u003c"`:                      `"\\<"`,
		`"\u00e9 \n"`:                     `"\u00e9 \n"`,
		`"end\u003C"`:                     `"end<"`,
		`"\"`:                             `"\"`,
	} {
		if got := string(unescapeHTML([]byte(in))); got != want {
			t.Errorf("unescapeHTML(%s) = %s, want %s", in, got, want)
		}
	}
}

// What Marshal writes: indented, a newline at the end, no HTML escapes
// even from a value's own MarshalJSON.
func TestMarshal(t *testing.T) {
	got, err := Marshal(map[string]any{"b": raw(`"x \u003c= 5"`), "a": "E & co"})
	if err != nil {
		t.Fatal(err)
	}
	want := "{\n  \"a\": \"E & co\",\n  \"b\": \"x <= 5\"\n}\n"
	if string(got) != want {
		t.Errorf("got %q, want %q", got, want)
	}
	var b strings.Builder
	if err := Write(&b, []int{1}); err != nil || b.String() != "[\n  1\n]\n" {
		t.Errorf("Write: %q, %v", b.String(), err)
	}
}

type raw string

func (r raw) MarshalJSON() ([]byte, error) { return []byte(r), nil }

type escaping struct{ S string }

func (e escaping) MarshalJSON() ([]byte, error) { return Value(map[string]string{"s": e.S}) }

// A method's output written with Value is escaped, or not, as the
// encoder around it says.
func TestValueLeavesEscapingToTheEncoder(t *testing.T) {
	v := escaping{"a <= b && c"}
	plain, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"s":"a \u003c= b \u0026\u0026 c"}`; string(plain) != want {
		t.Errorf("json.Marshal: %s, want %s", plain, want)
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	if want := `{"s":"a <= b && c"}` + "\n"; b.String() != want {
		t.Errorf("an encoder that does not escape: %s, want %s", b.String(), want)
	}
}
