package strictjson

import "testing"

// FirstByte skips a mark and white space, and nothing else.
func TestFirstByte(t *testing.T) {
	for _, tt := range []struct {
		src  string
		want byte
	}{
		{"", 0},
		{" \t\r\n", 0},
		{"\ufeff", 0},
		{"{}", '{'},
		{"[1]", '['},
		{"\ufeff{", '{'},
		{"\ufeff \r\n\t[", '['},
		{" \n{\"a\": 1}", '{'},
		{"id,weight\n", 'i'},
		{"<data/>", '<'},
		// Unicode's white space, which JSON refuses: the file is still
		// meant as JSON, and the decoder names the character.
		{"\f{", '{'},
		{"\v[", '['},
		{"\u00a0{", '{'},  // a no-break space
		{"\u2028 {", '{'}, // a line separator
		{"\u0085[", '['},  // NEL
		// What is not white space is where the file starts.
		{"\xa0{", 0xa0},         // Windows-1251's no-break space: not UTF-8
		{"\u200b{", 0xe2},       // a zero-width space is no white space
		{"\ufeff\ufeff{", 0xef}, // one mark is skipped, the second is text
		{" \ufeff{", 0xef},      // a mark only at the very start
	} {
		if got := FirstByte([]byte(tt.src)); got != tt.want {
			t.Errorf("FirstByte(%q) = %q, want %q", tt.src, got, tt.want)
		}
	}
}
