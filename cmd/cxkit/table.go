package main

import (
	"io"
	"strings"
	"unicode/utf8"
)

// textTable lays out the rows of a text report in aligned columns, two
// spaces apart. Widths count runes, so Cyrillic lines up like ASCII;
// text/tabwriter would too, but it cannot align one column right and the
// next left, which tables of names and percentages need.
type textTable struct {
	indent string
	// right reports whether column col of a row of n cells is aligned
	// right; nil aligns every column left.
	right func(col, n int) bool
	rows  [][]string
}

// rightCols aligns right the columns marked true, the rest left.
func rightCols(cols ...bool) func(col, n int) bool {
	return func(col, _ int) bool { return col < len(cols) && cols[col] }
}

func (t *textTable) add(cells ...string) { t.rows = append(t.rows, cells) }

// write prints the table; trailing blanks are trimmed from every line.
func (t *textTable) write(w io.Writer) error {
	var widths []int
	for _, r := range t.rows {
		for i, c := range r {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], utf8.RuneCountInString(c))
		}
	}
	var b strings.Builder
	for _, r := range t.rows {
		var line strings.Builder
		line.WriteString(t.indent)
		for i, c := range r {
			if i > 0 {
				line.WriteString("  ")
			}
			pad := strings.Repeat(" ", widths[i]-utf8.RuneCountInString(c))
			if t.right != nil && t.right(i, len(r)) {
				line.WriteString(pad + c)
			} else {
				line.WriteString(c + pad)
			}
		}
		b.WriteString(strings.TrimRight(line.String(), " "))
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}
