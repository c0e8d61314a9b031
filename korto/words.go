package korto

import (
	"strings"
	"sync"
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
	}
}

// IsNAWord reports whether s is a way people write "not applicable" in
// a cell or a form: "na", "N/A", "н/п", or the "not applicable" label
// of any language the package has words for, in any letter case and
// with surrounding space. Importers turn such a cell into [NA].
func IsNAWord(s string) bool {
	s = strings.TrimSpace(s)
	// Lowering keeps the number of runes: an s of a length no word has
	// (most written answers) cannot lower to one, and is told so
	// without a lowered copy.
	if n := utf8.RuneCountInString(s); n >= 64 || naRuneCounts()&(1<<n) == 0 {
		return false
	}
	s = strings.ToLower(s)
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

// naRuneCounts has bit n set when a word IsNAWord takes, lowered, has
// n runes (n < 64).
var naRuneCounts = sync.OnceValue(func() uint64 {
	var bits uint64
	add := func(w string) {
		if n := utf8.RuneCountInString(w); n < 64 {
			bits |= 1 << n
		}
	}
	for _, w := range naWords {
		add(w)
	}
	for _, w := range schemaVocabularies {
		add(strings.ToLower(w.na))
	}
	return bits
})
