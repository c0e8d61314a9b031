package korto

import (
	"errors"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/cxkit/cxkit/internal/strictjson"
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
// A file that is not JSON is reported as such before any field in it.
// A leading UTF-8 byte order mark is skipped. DecodeChecklist does not
// validate; call [Checklist.Validate] for that.
func DecodeChecklist(data []byte) (*Checklist, error) {
	c := new(Checklist)
	err := strictjson.Decode(data, c, "the checklist")
	if err == nil {
		return c, nil
	}
	d := &Diagnostic{Severity: SeverityError, Code: CodeSyntax, Message: err.Error()}
	if e, ok := errors.AsType[*strictjson.Error](err); ok {
		d.Pos = Pos{Line: e.Line, Column: e.Column, Offset: e.Offset}
		d.Code = decodeCodes[e.Kind]
		d.Message, d.Hint = e.Message, e.Hint
	}
	return nil, Diagnostics{d}
}

// decodeCodes gives the diagnostic code of each kind of decoding error.
// The checklist model has no decoding methods of its own, so a refused
// value can only be a value of the wrong type.
var decodeCodes = map[strictjson.Kind]string{
	strictjson.Syntax:        CodeSyntax,
	strictjson.UnknownName:   CodeUnknownKey,
	strictjson.DuplicateName: CodeDuplicateKey,
	strictjson.WrongType:     CodeWrongType,
	strictjson.BadValue:      CodeWrongType,
}

// jsonKindName names a JSON value's type in the answer-sheet messages,
// in the same words as the decoding errors.
func jsonKindName(k jsontext.Kind) string { return strictjson.TypeName(k) }
