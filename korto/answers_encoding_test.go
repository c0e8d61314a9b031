package korto

import (
	"strings"
	"testing"
)

// A sheet saved as Windows-1251 or UTF-16 is refused at the first byte
// that is not UTF-8, instead of being scored with its labels turned to
// U+FFFD (which would then group a report by garbage).
func TestReadAnswersNotUTF8(t *testing.T) {
	for name, src := range map[string]string{
		"windows-1251": "{\"checklist\": \"c\", \"audit\": {\"location\": \"\xd2\xd6 \xc5\xe2\xf0\xee\xef\xe0\"}, \"answers\": {}}",
		"utf-16le":     "\xff\xfe{\x00\"\x00",
	} {
		_, err := ReadAnswers(strings.NewReader(src))
		errs := AsAnswerErrors(err)
		if len(errs) != 1 || !strings.Contains(errs[0].Message, "not UTF-8 text") {
			t.Errorf("%s: %v, want one not-UTF-8 error", name, err)
			continue
		}
		if want := strings.IndexFunc(src, func(r rune) bool { return r == '\uFFFD' }); errs[0].Column != want+1 || errs[0].Line != 1 {
			t.Errorf("%s: placed at %d:%d, want 1:%d", name, errs[0].Line, errs[0].Column, want+1)
		}
	}
}
