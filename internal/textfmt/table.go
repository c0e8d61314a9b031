package textfmt

import (
	"io"
	"strings"
	"unicode/utf8"
)

// Table lays out the rows of a text report in aligned columns, two
// spaces apart. Widths count runes, so Cyrillic lines up like ASCII;
// text/tabwriter would too, but it cannot align one column right and the
// next left, which tables of names and percentages need.
type Table struct {
	Indent string // printed before every row
	// Right reports whether column col of a row of n cells is aligned
	// right; nil aligns every column left.
	Right func(col, n int) bool
	Rows  [][]string
}

// RightCols aligns right the columns marked true, the rest left.
func RightCols(cols ...bool) func(col, n int) bool {
	return func(col, _ int) bool { return col < len(cols) && cols[col] }
}

// Add appends a row.
func (t *Table) Add(cells ...string) { t.Rows = append(t.Rows, cells) }

// Write prints the table; trailing blanks are trimmed from every line,
// so a short last cell leaves no spaces for a diff to trip on.
func (t *Table) Write(w io.Writer) error {
	var widths []int
	for _, r := range t.Rows {
		for i, c := range r {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], utf8.RuneCountInString(c))
		}
	}
	var b strings.Builder
	for _, r := range t.Rows {
		var line strings.Builder
		line.WriteString(t.Indent)
		for i, c := range r {
			if i > 0 {
				line.WriteString("  ")
			}
			pad := strings.Repeat(" ", widths[i]-utf8.RuneCountInString(c))
			if t.Right != nil && t.Right(i, len(r)) {
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
