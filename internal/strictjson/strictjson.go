// Package strictjson decodes the JSON files people write by hand
// (checklists, standards, calendars) strictly, and says where a mistake
// is in terms their author can act on.
//
// encoding/json forgives what a hand-written file should not get away
// with: it matches "Weight" to a field named weight, lets a second
// "target" silently replace the first, and with a Decoder ignores
// whatever follows the first value. A misspelt name dropped that way
// changes results without a word. [Decode] rejects all of these and
// returns an [*Error] placed at a line and a column, naming the JSON
// Pointer of the value, the JSON types wanted and found, and the field
// an unknown name was most likely meant to be.
package strictjson

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"unicode/utf8"

	jsonv2 "github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"

	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/internal/suggest"
	"github.com/cxkit/cxkit/internal/textenc"
)

// Kind classifies an [Error].
type Kind int

// The kinds of error. The zero Kind is not used, so that a zero Error
// is recognisably unset.
const (
	Syntax        Kind = iota + 1 // not JSON, or something after the value
	UnknownName                   // an object member no field takes
	DuplicateName                 // an object member given twice
	WrongType                     // a value of a JSON type the field cannot hold
	BadValue                      // a value the field's own decoding method refused
)

var kindNames = [...]string{
	Syntax:        "syntax",
	UnknownName:   "unknown-name",
	DuplicateName: "duplicate-name",
	WrongType:     "wrong-type",
	BadValue:      "bad-value",
}

// String returns the kind in kebab case, as "unknown-name".
func (k Kind) String() string {
	if k > 0 && int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// Error is a problem [Decode] found in its input, placed where it is.
type Error struct {
	Kind Kind

	// Offset is the 0-based byte offset of the problem in the data given
	// to Decode. Line and Column are 1-based; Column counts characters,
	// as an editor shows them, and a leading byte order mark is not one.
	Offset, Line, Column int

	// Pointer is the JSON Pointer (RFC 6901) of the value at fault; for
	// UnknownName and DuplicateName, of the member with that name.
	Pointer string

	// Message says what is wrong in plain words, without the position,
	// as `/levels/0/number: want a whole number, not a string`. Hint,
	// when not empty, says what to do about it.
	Message, Hint string

	// Name is the member's name, for UnknownName and DuplicateName.
	Name string
	// Fields lists the names the object may have, in the order of the
	// Go struct's fields, and Suggestion the one of them Name was most
	// likely meant to be ("" when none is close); for UnknownName only.
	Fields     []string
	Suggestion string

	// Want and Got name the JSON types expected and found, as "a string"
	// and "a number", for WrongType.
	Want, Got string

	// Err is the decoder's own error.
	Err error
}

// Error returns the message after its line and column.
func (e *Error) Error() string {
	return fmt.Sprintf("line %d, column %d: %s", e.Line, e.Column, e.Message)
}

// Unwrap returns the decoder's own error.
func (e *Error) Unwrap() error { return e.Err }

// kindCodes gives the diagnostic code of each kind of error.
var kindCodes = [...]string{
	Syntax:        diag.CodeSyntax,
	UnknownName:   diag.CodeUnknownKey,
	DuplicateName: diag.CodeDuplicateKey,
	WrongType:     diag.CodeWrongType,
	BadValue:      diag.CodeBadValue,
}

// Diagnostic returns the error as the module's one problem type: its
// line, column, offset and pointer, the code of its kind, its message
// and hint, and e itself behind it for errors.As. The file is the
// caller's to set.
func (e *Error) Diagnostic() *diag.Diagnostic {
	code := diag.CodeSyntax
	if e.Kind > 0 && int(e.Kind) < len(kindCodes) {
		code = kindCodes[e.Kind]
	}
	return &diag.Diagnostic{
		Pos:     diag.Pos{Line: e.Line, Column: e.Column, Offset: e.Offset},
		Pointer: e.Pointer, Code: code, Message: e.Message, Hint: e.Hint, Err: e,
	}
}

// Decode decodes the single JSON value in data into v, which must be a
// non-nil pointer. It rejects an object member no field of the Go type
// takes (names match exactly, case included), a member given twice,
// invalid UTF-8 and anything but white space after the value, as well
// as what [encoding/json] rejects. A leading UTF-8 byte order mark, which
// some editors write, is skipped.
//
// The first problem in data comes back as an [*Error], except that a
// syntax error anywhere wins over a value that does not fit the Go type:
// a file that is not JSON is told so first. Messages call the top level
// of the document root, as "the checklist". Any other error means v
// cannot take a decoded value at all. After an error v may hold part
// of the data; callers should drop it.
func Decode(data []byte, v any, root string) error {
	if rv := reflect.ValueOf(v); rv.Kind() != reflect.Pointer || rv.IsNil() {
		return fmt.Errorf("strictjson: Decode needs a non-nil pointer, not %T", v)
	}
	body := textenc.TrimBOM(data)
	err := jsonv2.Unmarshal(body, v,
		jsonv2.RejectUnknownMembers(true),
		jsonv2.MatchCaseInsensitiveNames(false),
		jsontext.AllowDuplicateNames(false),
		jsontext.AllowInvalidUTF8(false),
	)
	if err == nil {
		return nil
	}
	// The decoder stops at the first field it cannot take, which may
	// come before the place where the file stops being JSON at all, and
	// it words a syntax error after the Go type it was filling. Reading
	// the value alone finds the first syntax error, worded the same for
	// every type; a file that is not JSON is told that first, being the
	// more basic mistake. Duplicate names are left to the decoder.
	var raw jsontext.Value
	if serr := jsonv2.Unmarshal(body, &raw, jsontext.AllowDuplicateNames(true)); serr != nil {
		err = serr
	}
	e := newError(body, err, root)
	e.Offset += len(data) - len(body)
	return e
}

// newError describes a decoding error of data.
func newError(data []byte, err error, root string) *Error {
	e := &Error{Kind: Syntax, Err: err}
	var syn *jsontext.SyntacticError
	var sem *jsonv2.SemanticError
	switch {
	case errors.As(err, &syn):
		e.place(data, syn.ByteOffset)
		e.Pointer = string(syn.JSONPointer)
		if errors.Is(syn.Err, jsontext.ErrDuplicateName) {
			e.Kind = DuplicateName
			e.Name = syn.JSONPointer.LastToken()
			e.Message = fmt.Sprintf("field %q is given twice in %s", e.Name, where(syn.JSONPointer.Parent(), root))
			e.Hint = "keep one of them"
			break
		}
		e.Message = "JSON syntax: " + syn.Err.Error()
	case errors.As(err, &sem):
		e.place(data, sem.ByteOffset)
		e.Pointer = string(sem.JSONPointer)
		switch {
		case errors.Is(sem.Err, jsonv2.ErrUnknownName):
			e.Kind = UnknownName
			e.Name = sem.JSONPointer.LastToken()
			e.Message = fmt.Sprintf("unknown field %q in %s", e.Name, where(sem.JSONPointer.Parent(), root))
			if e.Fields = FieldNames(sem.GoType); len(e.Fields) > 0 {
				e.Suggestion = suggest.Nearest(e.Name, e.Fields)
				e.Message += suggest.DidYouMean(e.Name, e.Fields)
				e.Hint = "the fields here are " + strings.Join(e.Fields, ", ")
			}
		case sem.Err != nil && refusedByMethod(sem):
			e.Kind = BadValue
			e.Message = fmt.Sprintf("%s: %v", where(sem.JSONPointer, root), sem.Err)
		default:
			e.Kind = WrongType
			e.Want, e.Got = wantName(sem.GoType), TypeName(sem.JSONKind)
			e.Message = fmt.Sprintf("%s: want %s, not %s", where(sem.JSONPointer, root), e.Want, e.Got)
		}
	default:
		// Unmarshal reports problems of the input as one of the two
		// types above; keep anything else readable all the same.
		e.place(data, 0)
		e.Message = err.Error()
	}
	return e
}

// place sets the position of e to byte offset off of data, clamped to
// data so that a position is always inside the input.
func (e *Error) place(data []byte, off int64) {
	o := int(min(max(off, 0), int64(len(data))))
	start := bytes.LastIndexByte(data[:o], '\n') + 1
	e.Offset = o
	e.Line = 1 + bytes.Count(data[:o], []byte{'\n'})
	e.Column = 1 + utf8.RuneCount(data[start:o])
}

// where names the value at p, or root for the whole document.
func where(p jsontext.Pointer, root string) string {
	if p != "" {
		return string(p)
	}
	if root == "" {
		return "the document"
	}
	return root
}

// Values calls fn with the JSON Pointer and the byte offset in data of
// every value in data (objects, arrays and the values of their members
// and elements, not member names), in order, so that a caller can place
// what it decoded (a checklist's levels, questions and their weights) at
// the line and column it came from. It stops at the first syntax error;
// data that Decode accepted has none.
func Values(data []byte, fn func(ptr jsontext.Pointer, offset int)) {
	body := textenc.TrimBOM(data)
	skip := len(data) - len(body)
	dec := jsontext.NewDecoder(bytes.NewReader(body), jsontext.AllowDuplicateNames(true))
	for {
		k := dec.PeekKind()
		if k == 0 {
			return // the end, or an error
		}
		// The value starts after the separator and blanks that the
		// decoder has not consumed yet.
		start := int(dec.InputOffset())
		for start < len(body) && strings.IndexByte(" \t\r\n:,", body[start]) >= 0 {
			start++
		}
		if _, err := dec.ReadToken(); err != nil {
			return
		}
		if k == '}' || k == ']' {
			continue
		}
		if k != '{' && k != '[' {
			// A string just read at an odd place of an object is a name.
			if kind, n := dec.StackIndex(dec.StackDepth()); kind == '{' && n%2 == 1 {
				continue
			}
		}
		fn(dec.StackPointer(), skip+start)
	}
}

// Position returns the 1-based line and column of byte offset off of
// data, as Error reports them: the column counts characters, and a
// leading byte order mark is not one.
func Position(data []byte, off int) (line, column int) {
	var e Error
	e.place(data, int64(off))
	if textenc.HasBOM(data) && e.Line == 1 {
		e.Column--
	}
	return e.Line, max(e.Column, 1)
}
