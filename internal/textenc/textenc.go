// Package textenc tells in which encoding a text file that is not UTF-8
// was saved, so that every reader of the module can say how to save it
// again in one message instead of one per byte, and holds the one rule
// for the UTF-8 byte-order mark that every reader skips.
//
// The rule is the one the survey CSV reader started with: in the
// module's users' world a text that is not UTF-8 is nearly always
// Windows-1251 (Excel's plain "CSV", Notepad's "ANSI" on a Russian
// Windows) or UTF-16 (Notepad's "Unicode"). Detect names which.
package textenc

import (
	"unicode/utf8"
)

// Encoding is what Detect found a text to be.
type Encoding int

const (
	// UTF8 is valid UTF-8, possibly with a byte-order mark.
	UTF8 Encoding = iota
	// UTF16LE is UTF-16, little-endian: Notepad's "Unicode".
	UTF16LE
	// UTF16BE is UTF-16, big-endian.
	UTF16BE
	// Windows1251 is the Cyrillic code page of Windows.
	Windows1251
	// Other is some other 8-bit encoding, or a UTF-8 text broken in
	// places, as a file edited in two editors may be.
	Other
)

// String names the encoding as a message to a user does.
func (e Encoding) String() string {
	switch e {
	case UTF8:
		return "UTF-8"
	case UTF16LE, UTF16BE:
		return "UTF-16"
	case Windows1251:
		return "Windows-1251"
	}
	return "another encoding"
}

// BOM is the UTF-8 byte-order mark. Windows editors (Notepad, Excel's
// "CSV UTF-8") start files with it; it carries no meaning in UTF-8, so
// every reader of the module skips it before the first line, cell or
// JSON value. The string form serves a reader that compares text, and
// len(BOM) a reader that skips bytes in a stream.
const BOM = "\ufeff"

// HasBOM reports whether src starts with the UTF-8 byte-order mark.
func HasBOM(src []byte) bool {
	return len(src) >= len(BOM) && src[0] == BOM[0] && src[1] == BOM[1] && src[2] == BOM[2]
}

// TrimBOM returns src without a leading UTF-8 byte-order mark. Only the
// first mark is removed; what follows it is the text.
func TrimBOM(src []byte) []byte {
	if HasBOM(src) {
		return src[len(BOM):]
	}
	return src
}

// sample bounds the bytes Detect looks at, so that detection costs the
// same for any size of file.
const sample = 64 << 10

// Detect tells the encoding of src. It looks at a bounded prefix for
// UTF-16 (a byte-order mark, or NUL bytes all on one side of the code
// units, as ASCII text in UTF-16 has them), and at the whole text for
// UTF-8 validity. A text that is not UTF-8 is Windows-1251 when its
// non-ASCII bytes are mostly that code page's letters and there are more
// of them than well-formed UTF-8 characters, standing next to each other
// as the letters of words do; otherwise it is Other.
func Detect(src []byte) Encoding {
	if len(src) >= 2 {
		switch {
		case src[0] == 0xFF && src[1] == 0xFE:
			return UTF16LE
		case src[0] == 0xFE && src[1] == 0xFF:
			return UTF16BE
		}
	}
	head := src[:min(len(src), sample)]
	var nuls [2]int
	for i, c := range head {
		if c == 0 {
			nuls[i&1]++
		}
	}
	if units := len(head) / 2; units > 0 {
		// ASCII in UTF-16 puts a NUL in every other byte; Cyrillic puts
		// 0x04 there instead, so a quarter of the units is plenty.
		switch {
		case nuls[1]*4 >= units && nuls[0] == 0:
			return UTF16LE
		case nuls[0]*4 >= units && nuls[1] == 0:
			return UTF16BE
		}
	}
	if utf8.Valid(src) {
		return UTF8
	}
	var multi, bad, letters, pairs int
	prevLetter := false
	for i := 0; i < len(head); {
		c := head[i]
		if c < utf8.RuneSelf {
			prevLetter = false
			i++
			continue
		}
		r, size := utf8.DecodeRune(head[i:])
		if r == utf8.RuneError && size == 1 {
			bad++
			// А..я and Ё, ё in Windows-1251.
			letter := c >= 0xC0 || c == 0xA8 || c == 0xB8
			if letter {
				letters++
				if prevLetter {
					pairs++
				}
			}
			prevLetter = letter
			i++
			continue
		}
		prevLetter = false
		multi++
		i += size
	}
	// Cyrillic words are runs of such letters; the accented letters of
	// a Latin-1 text ("Café") mostly stand alone among ASCII ones.
	if bad > multi && letters*10 >= bad*7 && pairs*4 >= letters {
		return Windows1251
	}
	return Other
}

// FirstInvalid returns the offset of the first byte of src that is not
// part of valid UTF-8, or -1.
func FirstInvalid(src []byte) int {
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}
