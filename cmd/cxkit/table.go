package main

import (
	"io"

	"github.com/cxkit/cxkit/internal/textfmt"
)

// textTable is textfmt.Table under the names the command's printers
// were written with; the layout rule is textfmt's.
type textTable struct {
	indent string
	right  func(col, n int) bool
	rows   [][]string
}

func rightCols(cols ...bool) func(col, n int) bool { return textfmt.RightCols(cols...) }

func (t *textTable) add(cells ...string) { t.rows = append(t.rows, cells) }

func (t *textTable) write(w io.Writer) error {
	return (&textfmt.Table{Indent: t.indent, Right: t.right, Rows: t.rows}).Write(w)
}
