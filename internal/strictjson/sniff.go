package strictjson

import (
	"bytes"
	"unicode"

	"github.com/cxkit/cxkit/internal/textenc"
)

// FirstByte returns the first byte of src past a UTF-8 byte-order mark
// and white space, or 0 when nothing follows them. A reader that takes
// JSON or another format (a checklist or its source, answers in CSV or
// JSON, CSI weights, a retail tally or sheet) calls src JSON when that
// byte opens the value it wants, '{' or '['.
//
// The white space skipped is Unicode's, not only JSON's own (RFC 8259:
// space, tab, line feed, carriage return). The question is which format
// the author meant, and a '{' after a no-break space or a form feed (a
// snippet pasted from a web page) is meant as JSON: the JSON decoder then
// names that character at 1:1, where the other reader would report
// something beside the point (a stray quote in a CSV cell, an unexpected
// "{" in .korto source). The mark is skipped once, at the very start, as
// [textenc.TrimBOM] does everywhere.
func FirstByte(src []byte) byte {
	rest := bytes.TrimLeftFunc(textenc.TrimBOM(src), unicode.IsSpace)
	if len(rest) == 0 {
		return 0
	}
	return rest[0]
}
