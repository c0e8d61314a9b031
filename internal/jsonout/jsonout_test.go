package jsonout

import (
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
