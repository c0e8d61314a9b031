package strictjson

import (
	"encoding"
	"reflect"
	"strings"

	jsonv2 "github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
)

// FieldNames lists the JSON names of the fields of struct type t (or a
// pointer to one) in field order, with the fields of embedded structs
// in their place, as the decoder sees them: the name in the json tag,
// else the Go name. It returns nil when t is not a struct.
func FieldNames(t reflect.Type) []string {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == nil || t.Kind() != reflect.Struct {
		return nil
	}
	return appendFieldNames(nil, t, 0)
}

func appendFieldNames(names []string, t reflect.Type, depth int) []string {
	for f := range t.Fields() {
		tag, hasTag := f.Tag.Lookup("json")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		inline := strings.Contains(","+opts+",", ",inline,") || f.Anonymous && name == ""
		if inline {
			ft := f.Type
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			// An embedded struct's fields belong to the outer object;
			// the depth bound only guards against a type that embeds a
			// pointer to itself.
			if ft.Kind() == reflect.Struct && depth < 8 {
				names = appendFieldNames(names, ft, depth+1)
			}
			continue
		}
		if !f.IsExported() || strings.Contains(","+opts+",", ",unknown,") {
			continue
		}
		if !hasTag || name == "" {
			name = f.Name
		}
		names = append(names, name)
	}
	return names
}

var (
	jsonUnmarshalerType     = reflect.TypeFor[jsonv2.Unmarshaler]()
	jsonUnmarshalerFromType = reflect.TypeFor[jsonv2.UnmarshalerFrom]()
	textUnmarshalerType     = reflect.TypeFor[encoding.TextUnmarshaler]()
)

// refusedByMethod reports whether err came from the Go type's own
// decoding method, whose words say more than a type mismatch would,
// rather than from the decoder: a text method only ever sees strings,
// so anything else is a wrong type.
func refusedByMethod(err *jsonv2.SemanticError) bool {
	t := err.GoType
	if t == nil {
		return false
	}
	pt := reflect.PointerTo(t)
	switch {
	case pt.Implements(jsonUnmarshalerType), pt.Implements(jsonUnmarshalerFromType):
		return true
	case pt.Implements(textUnmarshalerType):
		return err.JSONKind == '"'
	}
	return false
}

// wantName names the JSON type a value of Go type t is written as.
func wantName(t reflect.Type) string {
	if t == nil {
		return "another value"
	}
	if reflect.PointerTo(t).Implements(textUnmarshalerType) {
		return "a string"
	}
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Bool:
		return "true or false"
	case reflect.Slice, reflect.Array:
		return "an array"
	case reflect.Map, reflect.Struct:
		return "an object"
	case reflect.Pointer:
		return wantName(t.Elem())
	}
	return "another value"
}

// TypeName names the type of a JSON value of kind k in plain words, as
// "a string" or "an object", for messages about it.
func TypeName(k jsontext.Kind) string {
	switch k {
	case '"':
		return "a string"
	case '0':
		return "a number"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	case '{':
		return "an object"
	case '[':
		return "an array"
	}
	return "this value"
}
