package textenc

import (
	"fmt"
	"testing"
	"unicode/utf16"
)

func utf16le(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

func TestDetect(t *testing.T) {
	cp1251 := []byte{'q', ' ', '"', 0xC2, 0xF5, 0xEE, 0xE4, ' ', 0xF7, 0xE8, 0xF1, 0xF2, 0xFB, 0xE9, '"'} // "Вход чистый"
	tests := []struct {
		name string
		src  []byte
		want Encoding
	}{
		{"ascii", []byte("checklist c \"C\" {}"), UTF8},
		{"russian", []byte("question вход \"Вход чистый\""), UTF8},
		{"empty", nil, UTF8},
		{"windows-1251", cp1251, Windows1251},
		{"latin-1 accent alone", []byte("question q \"Caf\xe9\""), Other},
		{"utf-8 with a stray byte", []byte("вход чистый, \xff вход"), Other},
		{"utf-16le bom", append([]byte{0xFF, 0xFE}, utf16le("вход")...), UTF16LE},
		{"utf-16be bom", []byte{0xFE, 0xFF, 0, 'a'}, UTF16BE},
		{"utf-16le no bom", utf16le("question q \"Вход\""), UTF16LE},
		// NULs on both sides of the code units are no UTF-16; readers call
		// such a file binary themselves.
		{"binary", []byte{0, 0, 1, 0, 0, 2, 0, 0}, UTF8},
	}
	for _, tt := range tests {
		if got := Detect(tt.src); got != tt.want {
			t.Errorf("%s: Detect = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestFirstInvalid(t *testing.T) {
	if got := FirstInvalid([]byte("вх\xffд")); got != 4 {
		t.Errorf("FirstInvalid = %d, want 4", got)
	}
	if got := FirstInvalid([]byte("вход")); got != -1 {
		t.Errorf("FirstInvalid = %d, want -1", got)
	}
}

func TestTrimBOM(t *testing.T) {
	tests := []struct {
		name, src, want string
		has             bool
	}{
		{"none", "{}", "{}", false},
		{"empty", "", "", false},
		{"mark alone", "\ufeff", "", true},
		{"mark then text", "\ufeff{}", "{}", true},
		{"only the first of two", "\ufeff\ufeffa", "\ufeffa", true},
		{"cut mark", "\xef\xbb", "\xef\xbb", false},
		{"mark later", "a\ufeff", "a\ufeff", false},
		{"utf-16le mark", "\xff\xfea\x00", "\xff\xfea\x00", false},
	}
	for _, tt := range tests {
		if got := HasBOM([]byte(tt.src)); got != tt.has {
			t.Errorf("%s: HasBOM = %v, want %v", tt.name, got, tt.has)
		}
		if got := string(TrimBOM([]byte(tt.src))); got != tt.want {
			t.Errorf("%s: TrimBOM = %q, want %q", tt.name, got, tt.want)
		}
	}
	if len(BOM) != 3 || BOM != "\xef\xbb\xbf" {
		t.Errorf("BOM = %q, want the 3 bytes EF BB BF", BOM)
	}
}

func ExampleTrimBOM() {
	fmt.Printf("%q\n", TrimBOM([]byte("\ufeffid,score")))
	// Output: "id,score"
}
