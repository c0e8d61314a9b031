package korto

import (
	"strings"
	"testing"
)

// isNAWordByLowering is IsNAWord as it was first written, lowering a
// copy of s: the reference the copy-free one must agree with.
func isNAWordByLowering(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	if isWord(s, naWords) {
		return true
	}
	for _, w := range schemaVocabularies {
		if s == strings.ToLower(w.na) {
			return true
		}
	}
	return false
}

func TestIsNAWordAsLowering(t *testing.T) {
	ins := []string{"", "na", "NA", "nA", "N/A", "n/a.", "N.A", "Н/П", "н/п", "НП", "Н/Д", "нд",
		"Не применимо", "НЕ ПРИМЕНИМО", "не применимо ", "Not Applicable", "NICHT ZUTREFFEND",
		"ǅ", "İ", "K", "ß", "\xff", "n\xffa", "na\u0301", "ｎａ", "no", "yes", "nan", "n/", "не",
		"Продавец был вежлив", strings.Repeat("na", 40)}
	for _, w := range naWordsLower().words {
		ins = append(ins, w, strings.ToUpper(w), w+"x", w[:len(w)-1])
	}
	for _, s := range ins {
		if got, want := IsNAWord(s), isNAWordByLowering(s); got != want {
			t.Errorf("IsNAWord(%q) = %v, lowering says %v", s, got, want)
		}
	}
}

func FuzzIsNAWord(f *testing.F) {
	for _, s := range []string{"na", "Н/П", "Not applicable", "İ", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := IsNAWord(s), isNAWordByLowering(s); got != want {
			t.Errorf("IsNAWord(%q) = %v, lowering says %v", s, got, want)
		}
	})
}
