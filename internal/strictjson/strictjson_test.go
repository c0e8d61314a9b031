package strictjson

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/go-json-experiment/json/jsontext"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// The types below stand for a hand-written configuration file: a rule
// embeds a filter, as support.Standard embeds support.Filter, and has a
// field with a text method and one with a JSON method, as priorities and
// targets do.

type doc struct {
	Title string `json:"title"`
	Rules []rule `json:"rules"`
}

type Filter struct {
	Channels []string `json:"channels"`
}

type rule struct {
	Name string `json:"name"`
	Filter
	Count  int            `json:"count"`
	Share  float64        `json:"share"`
	On     bool           `json:"on"`
	Level  level          `json:"level"`
	Limit  limit          `json:"limit"`
	Tags   map[string]int `json:"tags"`
	Note   string         // no tag: the JSON name is Note
	Secret string         `json:"-"`
}

type level int

func (l *level) UnmarshalText(b []byte) error {
	switch string(b) {
	case "low":
		*l = 1
	case "high":
		*l = 2
	default:
		return fmt.Errorf("unknown level %q (want low or high)", b)
	}
	return nil
}

type limit float64

func (l *limit) UnmarshalJSON(b []byte) error {
	if string(b) == `"none"` {
		*l = -1
		return nil
	}
	var f float64
	if _, err := fmt.Sscan(string(b), &f); err != nil {
		return fmt.Errorf("%s is neither a number nor \"none\"", b)
	}
	*l = limit(f)
	return nil
}

const ruleFields = "the fields here are name, channels, count, share, on, level, limit, tags, Note"

func TestDecode(t *testing.T) {
	const full = `{"title": "Сервис", "rules": [{"name": "a", "channels": ["chat"], "count": 2, "share": 0.5,
	"on": true, "level": "high", "limit": "none", "tags": {"x": 1}, "Note": "n"}]}`
	want := doc{Title: "Сервис", Rules: []rule{{Name: "a", Filter: Filter{Channels: []string{"chat"}}, Count: 2, Share: 0.5,
		On: true, Level: 2, Limit: -1, Tags: map[string]int{"x": 1}, Note: "n"}}}
	for _, in := range []string{full, "\ufeff" + full, full + "\r\n\t "} {
		var got doc
		if err := Decode([]byte(in), &got, "the rules file"); err != nil {
			t.Fatalf("Decode(%q): %v", in, err)
		}
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("Decode(%q) (-want +got):\n%s", in, d)
		}
	}
}

func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		name, in, root string
		want           Error
	}{
		{"unknown name", "{\"rules\": [\n  {\"name\": \"a\", \"cuont\": 2}]}", "", Error{
			Kind: UnknownName, Offset: 28, Line: 2, Column: 17, Pointer: "/rules/0/cuont",
			Message: `unknown field "cuont" in /rules/0; did you mean "count"?`, Hint: ruleFields,
			Name: "cuont", Fields: strings.Split(ruleFields[len("the fields here are "):], ", "), Suggestion: "count",
		}},
		{"unknown name like no field", `{"colour": 1}`, "the rules file", Error{
			Kind: UnknownName, Offset: 1, Line: 1, Column: 2, Pointer: "/colour",
			Message: `unknown field "colour" in the rules file`, Hint: "the fields here are title, rules",
			Name: "colour", Fields: []string{"title", "rules"},
		}},
		{"name in the wrong case", `{"Title": "x"}`, "the rules file", Error{
			Kind: UnknownName, Offset: 1, Line: 1, Column: 2, Pointer: "/Title",
			Message: `unknown field "Title" in the rules file; did you mean "title"?`, Hint: "the fields here are title, rules",
			Name: "Title", Fields: []string{"title", "rules"}, Suggestion: "title",
		}},
		{"ignored field", `{"rules": [{"Secret": "s"}]}`, "", Error{
			Kind: UnknownName, Offset: 12, Line: 1, Column: 13, Pointer: "/rules/0/Secret",
			Message: `unknown field "Secret" in /rules/0`, Hint: ruleFields,
			Name: "Secret", Fields: strings.Split(ruleFields[len("the fields here are "):], ", "),
		}},
		{"name given twice", `{"title": "a", "title": "b"}`, "the rules file", Error{
			Kind: DuplicateName, Offset: 15, Line: 1, Column: 16, Pointer: "/title",
			Message: `field "title" is given twice in the rules file`, Hint: "keep one of them", Name: "title",
		}},
		{"map key given twice", `{"rules": [{"tags": {"x": 1, "x": 2}}]}`, "", Error{
			Kind: DuplicateName, Offset: 29, Line: 1, Column: 30, Pointer: "/rules/0/tags/x",
			Message: `field "x" is given twice in /rules/0/tags`, Hint: "keep one of them", Name: "x",
		}},
		{"string for a whole number", `{"rules": [{"count": "2"}]}`, "", Error{
			Kind: WrongType, Offset: 21, Line: 1, Column: 22, Pointer: "/rules/0/count",
			Message: "/rules/0/count: want a whole number, not a string", Want: "a whole number", Got: "a string",
		}},
		{"fraction for a whole number", `{"rules": [{"count": 2.5}]}`, "", Error{
			Kind: WrongType, Offset: 21, Line: 1, Column: 22, Pointer: "/rules/0/count",
			Message: "/rules/0/count: want a whole number, not a number", Want: "a whole number", Got: "a number",
		}},
		{"object for a string", `{"title": {}}`, "", Error{
			Kind: WrongType, Offset: 10, Line: 1, Column: 11, Pointer: "/title",
			Message: "/title: want a string, not an object", Want: "a string", Got: "an object",
		}},
		{"string for true or false", `{"rules": [{"on": "yes"}]}`, "", Error{
			Kind: WrongType, Offset: 18, Line: 1, Column: 19, Pointer: "/rules/0/on",
			Message: "/rules/0/on: want true or false, not a string", Want: "true or false", Got: "a string",
		}},
		{"number for a text method", `{"rules": [{"level": 2}]}`, "", Error{
			Kind: WrongType, Offset: 21, Line: 1, Column: 22, Pointer: "/rules/0/level",
			Message: "/rules/0/level: want a string, not a number", Want: "a string", Got: "a number",
		}},
		{"wrong type at the top", `[]`, "the rules file", Error{
			Kind: WrongType, Offset: 0, Line: 1, Column: 1,
			Message: "the rules file: want an object, not an array", Want: "an object", Got: "an array",
		}},
		{"the top is called the document by default", `"x"`, "", Error{
			Kind: WrongType, Offset: 0, Line: 1, Column: 1,
			Message: "the document: want an object, not a string", Want: "an object", Got: "a string",
		}},
		{"refused by a text method", `{"rules": [{"level": "mid"}]}`, "", Error{
			Kind: BadValue, Offset: 21, Line: 1, Column: 22, Pointer: "/rules/0/level",
			Message: `/rules/0/level: unknown level "mid" (want low or high)`,
		}},
		{"refused by a JSON method", `{"rules": [{"limit": true}]}`, "", Error{
			Kind: BadValue, Offset: 21, Line: 1, Column: 22, Pointer: "/rules/0/limit",
			Message: `/rules/0/limit: true is neither a number nor "none"`,
		}},
		{"data after the value", "{\"title\": \"x\"}\n{}", "", Error{
			Kind: Syntax, Offset: 15, Line: 2, Column: 1,
			Message: "JSON syntax: invalid character '{' after top-level value",
		}},
		{"not JSON after an unknown name", "{\"titel\": \"x\",\n}", "", Error{
			Kind: Syntax, Offset: 15, Line: 2, Column: 1,
			Message: `JSON syntax: invalid character '}' at start of string (expecting '"')`,
		}},
		{"trailing comma", "{\"rules\": [\n  {\"name\": \"x\",}]}", "", Error{
			Kind: Syntax, Offset: 27, Line: 2, Column: 16, Pointer: "/rules/0",
			Message: `JSON syntax: invalid character '}' at start of string (expecting '"')`,
		}},
		{"empty", "", "", Error{
			Kind: Syntax, Offset: 0, Line: 1, Column: 1, Message: "JSON syntax: unexpected EOF",
		}},
		{"cut short", "{\"rules\": [\n", "", Error{
			Kind: Syntax, Offset: 12, Line: 2, Column: 1, Pointer: "/rules", Message: "JSON syntax: unexpected EOF",
		}},
		{"invalid UTF-8", "{\"title\": \"\xff\"}", "", Error{
			Kind: Syntax, Offset: 11, Line: 1, Column: 12, Pointer: "/title", Message: "JSON syntax: invalid UTF-8",
		}},
		{"columns count characters", "{\"title\": \"Сервис\", \"rulse\": []}", "", Error{
			Kind: UnknownName, Offset: 26, Line: 1, Column: 21, Pointer: "/rulse",
			Message: `unknown field "rulse" in the document; did you mean "rules"?`, Hint: "the fields here are title, rules",
			Name: "rulse", Fields: []string{"title", "rules"}, Suggestion: "rules",
		}},
		{"a byte order mark is an offset but no column", "\ufeff{\"rulse\": []}", "", Error{
			Kind: UnknownName, Offset: 4, Line: 1, Column: 2, Pointer: "/rulse",
			Message: `unknown field "rulse" in the document; did you mean "rules"?`, Hint: "the fields here are title, rules",
			Name: "rulse", Fields: []string{"title", "rules"}, Suggestion: "rules",
		}},
		{"a byte order mark alone", "\ufeff", "", Error{
			Kind: Syntax, Offset: 3, Line: 1, Column: 1, Message: "JSON syntax: unexpected EOF",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var v doc
			err := Decode([]byte(tt.in), &v, tt.root)
			e, ok := errors.AsType[*Error](err)
			if !ok {
				t.Fatalf("Decode(%q) = %v, want an *Error", tt.in, err)
			}
			if e.Err == nil {
				t.Errorf("Err is nil, want the decoder's error")
			}
			if d := cmp.Diff(&tt.want, e, cmpopts.IgnoreFields(Error{}, "Err")); d != "" {
				t.Errorf("Decode(%q) (-want +got):\n%s", tt.in, d)
			}
		})
	}
}

func TestErrorWrapping(t *testing.T) {
	err := fmt.Errorf("rules: %w", Decode([]byte(`{"title": "a", "title": "b"}`), new(doc), ""))
	if got, want := err.Error(), `rules: line 1, column 16: field "title" is given twice in the document`; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if !errors.Is(err, jsontext.ErrDuplicateName) {
		t.Errorf("errors.Is(%v, jsontext.ErrDuplicateName) = false; want the decoder's error unwrapped", err)
	}
	if e, ok := errors.AsType[*Error](err); !ok || e.Kind != DuplicateName {
		t.Errorf("errors.AsType[*Error](%v) = %v, %v; want a DuplicateName", err, e, ok)
	}
}

func TestDecodeNeedsAPointer(t *testing.T) {
	for _, v := range []any{nil, doc{}, (*doc)(nil)} {
		err := Decode([]byte(`{}`), v, "")
		if err == nil {
			t.Errorf("Decode into %T: no error", v)
		}
		if _, ok := errors.AsType[*Error](err); ok {
			t.Errorf("Decode into %T: %v is an *Error, which blames the input", v, err)
		}
	}
}

func TestFieldNames(t *testing.T) {
	type Inner struct {
		A string `json:"a"`
	}
	type withPointer struct {
		*Inner
		B int `json:",omitempty"`
		//lint:ignore SA5008 the "-," tag names a field "-", the case under test
		Dash  string `json:"-,"`
		Named Inner  `json:"named"`
		Flat  Inner  `json:",inline"`
		//lint:ignore U1000 an unexported field, which FieldNames must skip
		hide int
	}
	tests := []struct {
		name string
		v    any
		want []string
	}{
		{"struct", doc{}, []string{"title", "rules"}},
		{"pointer to a struct", &doc{}, []string{"title", "rules"}},
		{"embedded, inlined and renamed", withPointer{}, []string{"a", "B", "-", "named", "a"}},
		{"not a struct", []doc{}, nil},
		{"nil", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			typ := reflect.TypeOf(tt.v)
			if d := cmp.Diff(tt.want, FieldNames(typ)); d != "" {
				t.Errorf("FieldNames(%v) (-want +got):\n%s", typ, d)
			}
		})
	}
}

func TestKindString(t *testing.T) {
	got := []string{Syntax.String(), UnknownName.String(), DuplicateName.String(), WrongType.String(), BadValue.String(), Kind(0).String()}
	want := []string{"syntax", "unknown-name", "duplicate-name", "wrong-type", "bad-value", "Kind(0)"}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("Kind.String (-want +got):\n%s", d)
	}
}

func TestTypeName(t *testing.T) {
	got := map[string]string{}
	for _, in := range []string{`"s"`, `1`, `true`, `false`, `null`, `{}`, `[]`} {
		got[in] = TypeName(jsontext.Value(in).Kind())
	}
	got["invalid"] = TypeName(0)
	want := map[string]string{`"s"`: "a string", `1`: "a number", `true`: "a boolean", `false`: "a boolean",
		`null`: "null", `{}`: "an object", `[]`: "an array", "invalid": "this value"}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("TypeName (-want +got):\n%s", d)
	}
}

// Values places every value, not the member names, after a byte order
// mark too; the offsets are into the data as given.
func TestValues(t *testing.T) {
	data := []byte("\ufeff{\"a\": [1, {\"b\": \"x\"}], \"c\": null}")
	var got []string
	Values(data, func(ptr jsontext.Pointer, off int) { got = append(got, fmt.Sprintf("%s@%d", ptr, off)) })
	want := []string{"@3", "/a@9", "/a/0@10", "/a/1@13", "/a/1/b@19", "/c@31"}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
	line, col := Position(data, 13)
	if line != 1 || col != 11 {
		t.Errorf("Position(13) = %d:%d, want 1:11 (the mark is no character)", line, col)
	}
}
