package korto

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"unicode/utf8"

	jsonv2 "github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"

	"github.com/cxkit/cxkit/internal/suggest"
)

// DecodeChecklist decodes a checklist from its JSON form, the one
// encoding/json gives for a [Checklist] and `cxkit export` prints. It is
// strict where json.Unmarshal is lenient: a field the model does not
// have, a field given twice, a name in the wrong case and anything after
// the checklist are errors, because a misspelt "weigth" silently dropped
// would change every score.
//
// A problem comes back as [Diagnostics] holding one [Diagnostic] placed
// at its line and column in data, naming the JSON Pointer of the value,
// with the code "syntax", "unknown-key", "duplicate-key" or "wrong-type".
// A leading UTF-8 byte order mark is skipped. DecodeChecklist does not
// validate; call [Checklist.Validate] for that.
func DecodeChecklist(data []byte) (*Checklist, error) {
	// A byte order mark, which Windows editors write, is not JSON but
	// says nothing wrong about the checklist: skip it, and count offsets
	// from the start of data while lines and columns ignore it.
	body := bytes.TrimPrefix(data, []byte("\ufeff"))
	c := new(Checklist)
	err := jsonv2.Unmarshal(body, c, jsonv2.RejectUnknownMembers(true))
	if err == nil {
		return c, nil
	}
	d := decodeDiagnostic(body, err)
	d.Pos.Offset += len(data) - len(body)
	return nil, Diagnostics{d}
}

// decodeDiagnostic turns a decoding error into a placed diagnostic.
func decodeDiagnostic(data []byte, err error) *Diagnostic {
	d := &Diagnostic{Severity: SeverityError, Code: CodeSyntax}
	var sem *jsonv2.SemanticError
	var syn *jsontext.SyntacticError
	switch {
	case errors.As(err, &syn):
		d.Pos = offsetPos(data, syn.ByteOffset)
		if errors.Is(syn.Err, jsontext.ErrDuplicateName) {
			d.Code = CodeDuplicateKey
			d.Message = fmt.Sprintf("field %q is given twice in %s", syn.JSONPointer.LastToken(), pointerOrRoot(syn.JSONPointer.Parent()))
			d.Hint = "keep one of them"
			break
		}
		d.Message = "JSON syntax: " + syn.Err.Error()
	case errors.As(err, &sem):
		d.Pos = offsetPos(data, sem.ByteOffset)
		if errors.Is(sem.Err, jsonv2.ErrUnknownName) {
			name := sem.JSONPointer.LastToken()
			d.Code = CodeUnknownKey
			d.Message = fmt.Sprintf("unknown field %q in %s", name, pointerOrRoot(sem.JSONPointer.Parent()))
			if fields := jsonFieldNames(sem.GoType); len(fields) > 0 {
				d.Message += suggest.DidYouMean(name, fields)
				d.Hint = "the fields here are " + strings.Join(fields, ", ")
			}
			break
		}
		d.Code = CodeWrongType
		d.Message = fmt.Sprintf("%s: want %s, not %s", pointerOrRoot(sem.JSONPointer), goKindName(sem.GoType), jsonKindName(sem.JSONKind))
	default:
		d.Message = err.Error()
	}
	return d
}

// offsetPos places a byte offset of data at its line and character
// column.
func offsetPos(data []byte, off int64) Pos {
	o := int(min(max(off, 0), int64(len(data))))
	start := bytes.LastIndexByte(data[:o], '\n') + 1
	return Pos{
		Line:   1 + bytes.Count(data[:o], []byte{'\n'}),
		Column: 1 + utf8.RuneCount(data[start:o]),
		Offset: o,
	}
}

func pointerOrRoot(p jsontext.Pointer) string {
	if p == "" {
		return "the checklist"
	}
	return string(p)
}

// jsonFieldNames lists the JSON names of struct type t's fields, for a
// did-you-mean on an unknown one.
func jsonFieldNames(t reflect.Type) []string {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == nil || t.Kind() != reflect.Struct {
		return nil
	}
	var names []string
	for f := range t.Fields() {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if f.IsExported() && name != "-" && name != "" {
			names = append(names, name)
		}
	}
	return names
}

func goKindName(t reflect.Type) string {
	if t == nil {
		return "another value"
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
		return goKindName(t.Elem())
	}
	return "another value"
}

// jsonKindName names a JSON value's type for messages, as "a string" or
// "an object".
func jsonKindName(k jsontext.Kind) string {
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
