package korto

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// The words people type for yes, no and "not applicable" when they edit a
// sheet by hand, in the languages of the checklists, lower case.
var (
	yesWords = []string{"yes", "y", "true", "да", "д"}
	noWords  = []string{"no", "n", "false", "нет", "н"}
	naWords  = []string{"na", "n/a", "n.a.", "n.a", "n/a.", "н/п", "нп", "н/д", "нд", "не применимо"}
)

// answerFix says how to write a wrong answer a the way question kind
// takes it, as ": write ..." to end a message, when the answer looks
// like a common slip: "Да" or true for "yes", "4,5" or "5" in quotes for
// a number, "N/A" for "na". It returns "" when it has nothing sure to
// say.
func answerFix(kind KindType, na bool, a Answer) string {
	typed := strings.ToLower(strings.TrimSpace(a.String))
	switch {
	case a.Type == AnswerNumber:
		typed = fmtNum(a.Number)
	case a.Type == AnswerString && isWord(typed, naWords):
		if na {
			return fmt.Sprintf(`: write "na" for %s`, clipText(a.String))
		}
		return ": the question has no `na`; answer it, or add na to the question in the checklist"
	}
	switch kind {
	case KindYesNo:
		if a.Type == AnswerString || a.Type == AnswerInvalid || a.Type == AnswerNumber {
			shown := a.String
			if a.Type == AnswerNumber {
				shown = typed
			}
			switch {
			case isWord(typed, yesWords) || a.Type == AnswerNumber && a.Number == 1:
				return fmt.Sprintf(`: write "yes" for %s`, clipText(shown))
			case isWord(typed, noWords) || a.Type == AnswerNumber && a.Number == 0:
				return fmt.Sprintf(`: write "no" for %s`, clipText(shown))
			}
		}
	case KindMeasure, KindScale, KindNPS, KindCES, KindCSAT, KindCSI:
		if a.Type != AnswerString {
			return ""
		}
		s := strings.TrimSpace(a.String)
		if isNumber(s) {
			return fmt.Sprintf(": write %s without quotes", s)
		}
		if c := strings.Replace(s, ",", ".", 1); c != s && isNumber(c) {
			return fmt.Sprintf(": write %s with a decimal point", c)
		}
		// A number and a unit: "5 мин", "5min".
		if i := strings.IndexFunc(s, unicode.IsLetter); i > 0 {
			if n := strings.TrimSpace(s[:i]); isNumber(n) {
				return fmt.Sprintf(": write %s alone, without quotes and unit", n)
			}
		}
	case KindText:
		if a.Type == AnswerNumber {
			return fmt.Sprintf(": write %s in quotes", strconv.Quote(typed))
		}
	}
	return ""
}

func isWord(s string, words []string) bool {
	for _, w := range words {
		if s == w {
			return true
		}
	}
	return false
}
