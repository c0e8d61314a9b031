package korto

import (
	"strconv"
	"strings"
)

// String returns the condition in the canonical spelling of the .korto
// language, the one `cxkit fmt` writes, `cxkit diff` compares, the
// answer-sheet schema carries as x-cxkit-when and messages quote. It
// reads back through the parser to the same tree: a nested "or" inside
// an "or" keeps its parentheses ("a or (b or c)"), an "and" inside an
// "or" needs none, and numbers are written in full decimals (never
// 1e+21, which the language does not read).
func (e *Expr) String() string {
	if e == nil {
		return ""
	}
	var b strings.Builder
	e.write(&b, nil)
	return b.String()
}

// write appends the condition to b, writing each question ID through
// rename when it has an entry (diff compares conditions under the new
// names of renamed questions).
func (e *Expr) write(b *strings.Builder, rename map[string]string) {
	id := e.Question
	if n, ok := rename[id]; ok {
		id = n
	}
	switch e.Op {
	case ExprOr, ExprAnd:
		for i, a := range e.Args {
			if i > 0 {
				b.WriteString(" " + string(e.Op) + " ")
			}
			a.writeOperand(b, a != nil && (a.Op == ExprOr || a.Op == ExprAnd && e.Op == ExprAnd), rename)
		}
	case ExprNot:
		b.WriteString("not ")
		if len(e.Args) == 0 {
			b.WriteString("()")
			return
		}
		a := e.Args[0]
		a.writeOperand(b, a != nil && (a.Op == ExprOr || a.Op == ExprAnd), rename)
	case ExprIn:
		b.WriteString(id + " in (" + strings.Join(e.Options, ", ") + ")")
	case ExprCmp:
		b.WriteString(id + " " + string(e.Cmp) + " ")
		if e.Number != nil {
			b.WriteString(FormatNumber(*e.Number))
		} else if len(e.Options) > 0 {
			b.WriteString(e.Options[0])
		}
	default: // ExprYes, and anything a Go-built tree holds by mistake
		b.WriteString(id)
	}
}

// writeOperand writes an operand of and, or or not, in parentheses when
// the tree needs them; a missing operand of a malformed tree prints "?".
func (e *Expr) writeOperand(b *strings.Builder, paren bool, rename map[string]string) {
	if e == nil {
		b.WriteString("?")
		return
	}
	if paren {
		b.WriteByte('(')
	}
	e.write(b, rename)
	if paren {
		b.WriteByte(')')
	}
}

// FormatNumber writes a number of a checklist the shortest way that
// reads back exactly, in plain decimals as the language writes them
// (0.5, 1000000000000000000000; never an exponent).
func FormatNumber(v float64) string {
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// FormatPercent writes a share (a pass mark, a band threshold) as the
// shortest percentage the language reads back as exactly the same share:
// 0.85 is "85%", not "85.00000000000001%", and 1/3 keeps every digit it
// needs. The formatter, diff and the validator's messages all write
// shares this way.
func FormatPercent(v float64) string {
	for prec := 0; prec <= 17; prec++ {
		s := strconv.FormatFloat(v*100, 'f', prec, 64)
		if back, err := strconv.ParseFloat(s, 64); err == nil && back/100 == v {
			if strings.Contains(s, ".") {
				s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
			}
			return s + "%"
		}
	}
	return strconv.FormatFloat(v*100, 'f', -1, 64) + "%"
}
