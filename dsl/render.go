package dsl

import (
	"io"

	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/korto"
)

// Render writes diagnostics for people, with the source line and a
// caret under the column where src is known.
//
// Deprecated: use [diag.Render], which renders the problems of every
// input (answer sheets, CSV files, tickets), not only checklists.
func Render(w io.Writer, diags korto.Diagnostics, src []byte) error {
	return diag.Render(w, diags, src)
}
