package dsl

import (
	"path/filepath"
	"strings"

	"github.com/cxkit/cxkit/internal/strictjson"
	"github.com/cxkit/cxkit/korto"
)

// ReadChecklist reads and validates the checklist in src, the contents
// of the file called name, in either of its forms: .korto source, or the
// JSON form that cxkit export prints (see IsJSON), decoded strictly by
// korto.DecodeChecklist. It returns the checklist, nil when there are
// errors, and every diagnostic, named after name and placed in src.
func ReadChecklist(name string, src []byte) (*korto.Checklist, korto.Diagnostics) {
	if !IsJSON(name, src) {
		c, diags := ParseWithDiagnostics(name, src)
		if diags.HasErrors() {
			c = nil
		}
		return c, diags
	}
	c, err := korto.DecodeChecklist(src)
	var diags korto.Diagnostics
	if err != nil {
		diags = korto.AsDiagnostics(err) // placed in src
	} else {
		diags = c.Validate() // placed in src too: DecodeChecklist sets each node's Pos
	}
	for _, d := range diags {
		d.Pos.File = name
	}
	if diags.HasErrors() {
		c = nil
	}
	return c, diags
}

// IsJSON tells a checklist's JSON form from .korto source: by the
// extension of name (.json), or, for a name without one such as
// standard input, by the first character of src, since .korto source
// never starts with "{".
func IsJSON(name string, src []byte) bool {
	if ext := filepath.Ext(name); ext != "" {
		return strings.EqualFold(ext, ".json")
	}
	return strictjson.FirstByte(src) == '{'
}
