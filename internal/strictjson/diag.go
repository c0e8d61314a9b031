package strictjson

import (
	"errors"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/cxkit/cxkit/diag"
)

// Diagnostics returns err, an error of decoding a document and checking
// it, as diagnostics: an [*Error] of [Decode] as a list of one (see
// [Error.Diagnostic]), the problems of a [diag.List] or a
// [*diag.Diagnostic] in err as they are, and any other error as one
// [diag.CodeSyntax] diagnostic with its text. A nil err gives nil.
func Diagnostics(err error) diag.List {
	if err == nil {
		return nil
	}
	if e, ok := errors.AsType[*Error](err); ok {
		return diag.List{e.Diagnostic()}
	}
	if l := diag.As(err); l != nil {
		return l
	}
	return diag.List{{Code: diag.CodeSyntax, Message: err.Error(), Err: err}}
}

// InFile returns copies of the diagnostics of l placed in data, the
// contents of the file name: each gets the file, and one known by its
// JSON Pointer alone gets the line and column of the value it names, or
// of its nearest enclosing value in data. Checks after decoding know
// which value is wrong, not where it is; this is where it is.
func InFile(name string, data []byte, l diag.List) diag.List {
	l = l.InFile(name, 0)
	want := map[string]int{}
	for _, d := range l {
		if d.Line == 0 && d.Pointer != "" {
			for p := jsontext.Pointer(d.Pointer); ; p = p.Parent() {
				want[string(p)] = -1
				if p == "" {
					break
				}
			}
		}
	}
	if len(want) == 0 {
		return l
	}
	Values(data, func(p jsontext.Pointer, off int) {
		if at, ok := want[string(p)]; ok && at < 0 {
			want[string(p)] = off
		}
	})
	lines := NewLines(data)
	for _, d := range l {
		if d.Line != 0 || d.Pointer == "" {
			continue
		}
		for p := jsontext.Pointer(d.Pointer); ; p = p.Parent() {
			if off := want[string(p)]; off >= 0 {
				d.Line, d.Column = lines.Position(off)
				d.Offset = off
				break
			}
			if p == "" {
				break
			}
		}
	}
	return l
}
