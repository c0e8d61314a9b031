// Package termtext makes user text safe to print on a terminal or in a
// log.
package termtext

import (
	"fmt"
	"strings"
)

// Safe returns s with its control characters (an ESC sequence, a
// carriage return, C1 codes) written as \u escapes, so that text from a
// file or a request cannot act on the terminal or forge a log line.
func Safe(s string) string {
	if !strings.ContainsFunc(s, isControl) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if isControl(r) {
			fmt.Fprintf(&b, "\\u%04x", r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isControl(r rune) bool { return r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) }
