package korto

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// FormWords are the few texts a form built from a checklist needs that
// the checklist does not carry: the labels of the fixed answers and of
// the usual audit fields, in one language. They are the words the
// answer-sheet schema uses, so every form of a checklist says the same.
type FormWords struct {
	Lang                        string // the language they are in
	Yes, No, NA                 string // labels of "yes", "no" and "na"
	Positive, Neutral, Negative string // labels of the emotions
	Audit                       string // the group of audit fields
	AuditID, Location           string // labels of the audit fields
	Date, Auditor               string
	Target                      string // "target", as in "target <= 5"
	Level, Survey               string // headings: "Level 1. ...", the survey group
	// Required and Invalid are the messages a form shows for a missing
	// and a refused answer, where it lets the form say them (ODK's
	// required_message and constraint_message); GPS labels the device's
	// location.
	Required, Invalid, GPS string
}

// Words returns the form words for the checklist in language lang (""
// for the checklist's own), falling back to English for a language the
// package has no words for.
func (c *Checklist) Words(lang string) FormWords {
	lang = c.ShownLang(lang)
	w := schemaVocabulary(lang, c)
	return FormWords{
		Lang: lang,
		Yes:  w.yes, No: w.no, NA: w.na,
		Positive: w.positive, Neutral: w.neutral, Negative: w.negative,
		Audit: w.audit, AuditID: w.auditID, Location: w.location,
		Date: w.date, Auditor: w.auditor, Target: w.target,
		Level: w.level, Survey: w.survey,
		Required: w.required, Invalid: w.invalid, GPS: w.gps,
	}
}

// IsNAWord reports whether s is a way people write "not applicable" in
// a cell or a form: "na", "N/A", "н/п", or the "not applicable" label
// of any language the package has words for, in any letter case and
// with surrounding space. Importers turn such a cell into [NA].
func IsNAWord(s string) bool {
	s = strings.TrimSpace(s)
	na := naWordsLower()
	// Lowering keeps the number of runes, so a cell of another length
	// (most text: a comment, a number) is no word without a look at
	// its letters. A rune is at most 4 bytes.
	if len(s) > 4*na.maxRunes {
		return false
	}
	n := utf8.RuneCountInString(s)
	for i, w := range na.words {
		if na.runes[i] == n && lowerIs(s, w) {
			return true
		}
	}
	return false
}

// naWordsLower are the words IsNAWord takes, in lower case, with their
// lengths in runes.
var naWordsLower = sync.OnceValue(func() (na struct {
	words    []string
	runes    []int
	maxRunes int
}) {
	na.words = slices.Clone(naWords)
	for _, w := range schemaVocabularies {
		na.words = append(na.words, strings.ToLower(w.na))
	}
	for _, w := range na.words {
		n := utf8.RuneCountInString(w)
		na.runes = append(na.runes, n)
		na.maxRunes = max(na.maxRunes, n)
	}
	return na
})

// lowerIs reports whether strings.ToLower(s) == w without making the
// lowered copy: ToLower lowers rune by rune (an invalid byte becoming
// U+FFFD, as ranging over s gives it), so the runes can be compared as
// they come.
func lowerIs(s, w string) bool {
	for _, r := range s {
		wr, n := utf8.DecodeRuneInString(w)
		if n == 0 || unicode.ToLower(r) != wr {
			return false
		}
		w = w[n:]
	}
	return w == ""
}
