// Package textfmt prints numbers, counts and aligned tables the way
// every text report of cxkit shows them to people.
//
// The reports of the command (cmd/cxkit) and of the library
// (report/render) print through it, so a share reads "78.4%" and a
// table lines up the same wherever it comes from.
package textfmt

import (
	"fmt"
	"strconv"
	"strings"
)

// Pct formats a share in [0,1] as a percentage with one decimal, the
// way every text report prints scores: 0.784 is "78.4%".
func Pct(x float64) string {
	return Fixed(100*x, 1) + "%"
}

// PctOrDash formats an optional share, printing "—" for "no score".
func PctOrDash(x *float64) string {
	if x == nil {
		return "—"
	}
	return Pct(*x)
}

// Fixed formats x with prec decimals. A value that rounds to zero prints
// as zero, never "-0.00": an interval such as -0.0004 … 0.7 is printed
// as 0.00 … 0.70, as a person would write it.
func Fixed(x float64, prec int) string {
	s := strconv.FormatFloat(x, 'f', prec, 64)
	if strings.HasPrefix(s, "-") && strings.Trim(s[1:], "0.") == "" {
		return s[1:]
	}
	return s
}

// Plural counts n things in English: "1 ticket", "3 tickets".
func Plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// PluralRu counts n things in Russian, which has three forms: one for
// 1, 21, 101 ("1 лист"), few for 2-4, 22-24 ("2 листа"), many for the
// rest, 11-14 included ("5 листов", "12 листов").
func PluralRu(n int, one, few, many string) string {
	m := n % 100
	if m < 0 {
		m = -m
	}
	w := many
	switch {
	case m >= 11 && m <= 14:
	case m%10 == 1:
		w = one
	case m%10 >= 2 && m%10 <= 4:
		w = few
	}
	return fmt.Sprintf("%d %s", n, w)
}

// Count counts n things in lang: forms are the one, few and many forms
// of Russian, and English's singular and plural in one and many, so a
// caller names the words once for both languages.
func Count(lang string, n int, forms [3]string) string {
	if lang == "ru" {
		return PluralRu(n, forms[0], forms[1], forms[2])
	}
	return Plural(n, forms[0], forms[2])
}

// PValue formats a p-value with four decimals, or "< 0.0001" below
// that: smaller values are noise of the approximation, not evidence.
func PValue(p float64) string {
	if p < 0.0001 {
		return "< 0.0001"
	}
	return fmt.Sprintf("%.4f", p)
}
