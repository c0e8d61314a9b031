package dsl

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"

	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/internal/suggest"
	"github.com/cxkit/cxkit/korto"
)

// explain turns participle's error at toks[e] into advice for a person
// who writes checklists, not grammars: what belongs at that place, and
// how to write it. participle's own message never reaches the user.
//
// fix, when not "", is the keyword a misspelt word was surely meant to be:
// the caller may put it in place and parse on. unfinished tells that the
// mistake is a statement cut short before toks[e].
func explain(file string, toks []lexer.Token, e int, perr participle.Error) (d *korto.Diagnostic, at int, fix string, unfinished bool) {
	// participle often reports a construct that failed at its second
	// token at its first one ("weight" in `weight NaN`): when the first
	// token demands something the next one is not, explain the next.
	shifted := false
	if e+1 < len(toks) {
		block, _ := enclosingBlock(toks, e)
		if fits := argument(toks, e, block); fits != nil && (!fits(toks[e+1]) || endsCondition(toks[e], toks[e+1])) {
			e++
			shifted = true
		}
	}
	t := toks[e]
	d = &korto.Diagnostic{
		Pos:      korto.Pos{File: file, Line: t.Pos.Line, Column: t.Pos.Column, Offset: t.Pos.Offset},
		Severity: korto.SeverityError,
		Code:     diag.CodeSyntax,
	}
	set := func(code, hint, format string, a ...any) *korto.Diagnostic {
		d.Code, d.Hint, d.Message = code, hint, fmt.Sprintf(format, a...)
		return d
	}
	block, opened := enclosingBlock(toks, e)
	var prev, prev2 lexer.Token
	if e > 0 {
		prev = toks[e-1]
	}
	if e > 1 {
		prev2 = toks[e-2]
	}
	atStart := e == 0 || firstOnLine(toks, e) || prev.Value == "{" && prev.Type == tokPunct

	// A misspelt statement keyword starting the line of the error: the
	// grammar read the line as the rest of the statement above (as in
	// "tags a," followed by "qestion b ..."), and the error shows only
	// further on. The language is line-oriented, so the word is the
	// mistake.
	if j := lineStartIndex(toks, e); j < e && j > 0 && !shifted && toks[j].Type == tokIdent {
		if blk, _ := enclosingBlock(toks, j); blk != "choice" {
			if kw := suggest.Nearest(toks[j].Value, blockStatements[blk]); kw != "" && keywords[kw] {
				w := toks[j]
				d.Pos.Line, d.Pos.Column, d.Pos.Offset = w.Pos.Line, w.Pos.Column, w.Pos.Offset
				return set(diag.CodeUnknownKeyword, blockHint[blk], "unknown keyword %q; did you mean %q?", w.Value, kw), j, kw, false
			}
		}
	}

	// A condition whose line ends with "and", "or", "not" or "(": the grammar
	// gives up at the "and" or "when" before it ("a and not" leaves "and"
	// over), but the mistake is the operand the line lacks.
	if t.Type == tokKeyword && (t.Value == "when" || t.Value == "and" || t.Value == "or" || t.Value == "not") {
		last := e
		for last+1 < len(toks) && !toks[last+1].EOF() && toks[last+1].Pos.Line == t.Pos.Line {
			last++
		}
		if l := toks[last]; l.Type == tokKeyword && (l.Value == "and" || l.Value == "or" || l.Value == "not") || l.Type == tokPunct && l.Value == "(" {
			what, hint := afterToken(toks, last, block)
			d.Pos.Line, d.Pos.Column, d.Pos.Offset = l.Pos.Line, l.Pos.Column+len(l.Value), l.Pos.Offset+len(l.Value)
			return set(diag.CodeSyntax, hint+"; a condition ends with its line", "expected %s", what), last + 1, "", true
		}
	}

	// Mistakes recognisable from the token itself, unless the line
	// before was cut short: then that is the mistake.
	if e > 0 && t.Pos.Line > prev.Pos.Line {
		if open := unclosedParen(toks, e); open >= 0 {
			d.Pos.Line, d.Pos.Column, d.Pos.Offset = prev.Pos.Line, prev.Pos.Column+len(prev.Value), prev.Pos.Offset+len(prev.Value)
			return set(diag.CodeSyntax, "a ( on this line is not closed; conditions end at the end of the line",
				"expected )"), e, "", true
		}
	}
	// A range right after a question's text ("Скорость" 1..5): the
	// inline scale of the reference reads scale 1..5, and a person
	// writing from memory leaves the keyword out.
	if t.Type == tokNumber && prev.Type == tokString && e+2 < len(toks) && toks[e+1].Value == ".." && toks[e+2].Type == tokNumber {
		if h := toks[stmtStartIndex(toks, e)]; h.Type == tokKeyword && h.Value == "question" {
			r := t.Value + ".." + toks[e+2].Value
			set(diag.CodeSyntax, "write scale "+r, "a scale after a question's text starts with the word scale: scale %s", r)
			d.Fix = &korto.Edit{Offset: t.Pos.Offset, End: t.Pos.Offset, Text: "scale "}
			return d, e, "", false
		}
	}
	if t.Type == tokIdent && expectsNumber(prev) {
		switch strings.ToLower(t.Value) {
		case "nan", "inf", "infinity":
			return set(diag.CodeBadNumber, "write a finite number, like 2 or 0.5", "%s is not allowed here; numbers must be finite", t.Value), e, "", false
		}
	}
	// A word in a level's or section's header, where only pass, weight
	// or the brace may stand: short as it may be ("pas"), it is a typo.
	if t.Type == tokIdent && !atStart && (prev.Type == tokString || prev.Type == tokNumber || prev.Type == tokPercent) {
		if h := toks[stmtStartIndex(toks, e)]; h.Type == tokKeyword && (h.Value == "level" || h.Value == "section") {
			if kw := suggest.Nearest(t.Value, []string{"pass", "weight"}); kw != "" && kw != t.Value {
				return set(diag.CodeUnknownKeyword, headerHint(toks, stmtStartIndex(toks, e)), "unknown keyword %q; did you mean %q?", t.Value, kw), e, kw, false
			}
		}
	}
	// After measure and its unit only target may stand.
	if t.Type == tokIdent && (prev.Type == tokKeyword && prev.Value == "measure" || prev.Type == tokString && prev2.Type == tokKeyword && prev2.Value == "measure") {
		if kw := suggest.Nearest(t.Value, []string{"target"}); kw != "" && kw != t.Value {
			op, num := "<=", "5"
			if e+2 < len(toks) && toks[e+1].Type == tokPunct && toks[e+2].Type == tokNumber && toks[e+2].Pos.Line == t.Pos.Line {
				switch toks[e+1].Value {
				case "<", "<=", ">", ">=", "==", "!=":
					op, num = toks[e+1].Value, toks[e+2].Value
				}
			}
			return set(diag.CodeUnknownKeyword, "write "+measureExample(toks, e, op, num), "unknown keyword %q; did you mean %q?", t.Value, kw), e, kw, false
		}
	}
	if t.Type == tokIdent && !shifted && (atStart || utf8.RuneCountInString(t.Value) > 3) {
		cands := allKeywords()
		if atStart {
			cands = blockStatements[block]
			if e > 0 && questionBefore(toks, e) >= 0 {
				// A line under a question may continue it with a modifier.
				cands = append(slices.Clip(cands), "weight", "critical", "na", "optional", "unscored", "when", "hint", "tags")
			}
		}
		if kw := suggest.Nearest(t.Value, cands); kw != "" && kw != t.Value {
			if atStart && keywords[kw] {
				fix = kw
			}
			hint := blockHint[block]
			if atStart && isModifierKeyword(kw) {
				hint = "a line under a question continues it with a modifier: weight, critical, na, optional, unscored, when, hint or tags"
			}
			return set(diag.CodeUnknownKeyword, hint, "unknown keyword %q; did you mean %q?", t.Value, kw), e, fix, false
		}
	}
	// "weight 1, 5": no list holds numbers, so the comma was meant as a
	// decimal point (the scanner reads "1,5" so itself).
	if t.Type == tokNumber && prev.Type == tokPunct && prev.Value == "," && prev2.Type == tokNumber && t.Pos.Line == prev2.Pos.Line {
		d.Pos.Line, d.Pos.Column, d.Pos.Offset = prev.Pos.Line, prev.Pos.Column, prev.Pos.Offset
		return set(diag.CodeBadNumber, "write "+prev2.Value+"."+t.Value+" with a decimal point", "decimal numbers use a point, not a comma"), e, "", false
	}
	if t.EOF() {
		if block != "" {
			return set(diag.CodeSyntax, "add } to close it", "the file ends before the %s block opened at line %d is closed", block, opened.Line), e, "", false
		}
		if e == 0 {
			return set(diag.CodeSyntax, `start with: checklist ID "Title" { ... }`, "the file is empty"), e, "", false
		}
	}

	// A misspelt kind or modifier after a question's text reads as the
	// name of a scale or choice, and the mistake shows only at the next
	// token ("scael 1..5" fails at 1): the word is the mistake.
	if prev.Type == tokIdent && e > 1 && !firstOnLine(toks, e-1) && kindMayFollow(prev2) && inQuestion(toks, e-1) {
		if kw := suggest.Nearest(prev.Value, modifierKeywords); kw != "" && kw != prev.Value {
			d.Pos.Line, d.Pos.Column, d.Pos.Offset = prev.Pos.Line, prev.Pos.Column, prev.Pos.Offset
			return set(diag.CodeUnknownKeyword, questionHint, "unknown keyword %q; did you mean %q?", prev.Value, kw), e - 1, kw, false
		}
	}

	// A misspelt keyword further back in the question, read as a scale
	// or choice name or as a condition's operand, so that the grammar
	// failed only later: "tgas a, b" fails at the comma, "when q == a
	// adn q != b" at the !=.
	if j, kw := misspeltInQuestion(toks, e); j >= 0 {
		w := toks[j]
		d.Pos.Line, d.Pos.Column, d.Pos.Offset = w.Pos.Line, w.Pos.Column, w.Pos.Offset
		hint := questionHint
		if conditionWords[kw] {
			hint = conditionHint
		}
		return set(diag.CodeUnknownKeyword, hint, "unknown keyword %q; did you mean %q?", w.Value, kw), j, kw, false
	}

	// "option all "Все работают" = 1": an option keyword the language
	// does not have, read as the option's ID.
	if block == "choice" && t.Type == tokIdent && prev.Type == tokIdent && prev.Value == "option" && firstOnLine(toks, e-1) {
		d.Pos.Line, d.Pos.Column, d.Pos.Offset = prev.Pos.Line, prev.Pos.Column, prev.Pos.Offset
		example := restOfLine(toks, e)
		if e+1 >= len(toks) || toks[e+1].Type != tokString || toks[e+1].Pos.Line != t.Pos.Line {
			example = t.Value + ` "Все работают" = 1`
		}
		return set(diag.CodeSyntax, "remove the word option at the start of the line",
			`"option" is not a keyword: an option is ID "label" = value, e.g. %s`, example), e, "", false
	}

	// A single "=" outside a choice: meant as a comparison.
	if t.Type == tokPunct && t.Value == "=" && block != "choice" && inQuestion(toks, e) {
		// "=<" and "=>": the sign typed the other way round.
		if n := toks[e+1]; n.Type == tokPunct && (n.Value == "<" || n.Value == ">") && n.Pos.Offset == t.Pos.Offset+1 {
			op := n.Value + "="
			set(diag.CodeSyntax, "write "+comparisonExample(toks, e, op)+"; the = comes second",
				`"=%s" is not a comparison; write %s`, n.Value, op)
			d.Fix = &korto.Edit{Offset: t.Pos.Offset, End: n.Pos.Offset + 1, Text: op}
			return d, e, "", false
		}
		n := toks[e+1]
		operands := e > 0 && prev.Type == tokIdent && prev.Pos.Line == t.Pos.Line && n.Pos.Line == t.Pos.Line &&
			(n.Type == tokIdent || n.Type == tokNumber || n.Type == tokPercent)
		if operands && n.Type == tokIdent && prev2.Value == "when" && yesNoQuestion(toks, prev.Value, e) {
			// "when has_wc = да": a yes/no question is tested by its ID;
			// "== да" would fail next, as it has no option да.
			test := prev.Value
			if noWords[strings.ToLower(n.Value)] {
				test = "not " + test
			}
			set(diag.CodeSyntax, "write when "+test+"; a yes/no question is tested by its ID alone, or with not for no",
				`"=" is not a comparison; a yes/no question is tested by its ID`)
			d.Fix = &korto.Edit{Offset: prev.Pos.Offset, End: n.Pos.Offset + len(n.Value), Text: test}
			return d, e, "", false
		}
		set(diag.CodeSyntax, "write "+comparisonExample(toks, e, "==")+"; a single = only gives a choice's option its value",
			`"=" is not a comparison; write ==`)
		if operands {
			d.Fix = &korto.Edit{Offset: t.Pos.Offset, End: t.Pos.Offset + 1, Text: "=="}
		}
		return d, e, "", false
	}
	// A range after a kind that has none.
	if t.Type == tokNumber && prev.Type == tokKeyword && t.Pos.Line == prev.Pos.Line {
		switch prev.Value {
		case "nps":
			return set(diag.CodeSyntax, "write nps alone: its answers are always 0..10", "nps takes no range"), e, "", false
		case "yesno", "emotion", "text":
			return set(diag.CodeSyntax, "write "+prev.Value+" alone; for a numeric answer write scale 1..5", "%s takes no range", prev.Value), e, "", false
		}
	}

	// A translation away from the text it translates, after the kind or
	// a modifier: question q "Q" stars @en "Qe".
	if t.Type == tokLang && prev.Type != tokString && t.Pos.Line == prev.Pos.Line {
		for j := stmtStartIndex(toks, e); j < e; j++ {
			if toks[j].Type != tokString {
				continue
			}
			tr := t.Value
			if n := toks[e+1]; n.Type == tokString && n.Pos.Line == t.Pos.Line {
				tr += " " + shorten(n.Value)
			}
			return set(diag.CodeSyntax, "move "+tr+" right after "+shorten(toks[j].Value),
				"a translation goes right after the text it translates"), e, "", false
		}
	}

	// A reserved word where an ID is declared: "question level ..." or
	// "section audit ...". The word is right, its place is not.
	if t.Type == tokKeyword && prev.Type == tokKeyword && t.Pos.Line == prev.Pos.Line && declaresID(prev.Value, block) {
		return set(diag.CodeSyntax, fmt.Sprintf("choose another ID, e.g. %s %s_1", prev.Value, t.Value),
			"%q is a reserved word of the language and cannot be the ID of a %s", t.Value, prev.Value), e, "", false
	}

	// What the previous token asks for.
	what, hint := afterToken(toks, e-1, block)
	if what == "" && prev.Type == tokString && prev2.Type == tokIdent && e > 2 && toks[e-3].Value == "section" && toks[e-3].Type == tokKeyword {
		what, hint = "{ to open the section, or weight", `write section `+prev2.Value+` `+shorten(prev.Value)+` weight 2 { ... }`
	}
	if (prev.Type == tokNumber || prev.Type == tokPercent) && (prev2.Value == "pass" || prev2.Value == "weight") && prev2.Type == tokKeyword {
		// The end of a level's or section's header, without its brace.
		if head := toks[stmtStartIndex(toks, e-1)]; head.Type == tokKeyword && (head.Value == "level" || head.Value == "section") {
			what, hint = "{ to open the "+head.Value, "write "+head.Value+" ... "+prev2.Value+" "+prev.Value+" { ... }"
		}
	}
	if what != "" {
		if t.EOF() || t.Pos.Line > prev.Pos.Line {
			// Point at the gap after the unfinished line, not at the next one.
			d.Pos.Line, d.Pos.Column, d.Pos.Offset = prev.Pos.Line, prev.Pos.Column+len(prev.Value), prev.Pos.Offset+len(prev.Value)
			if endsCondition(prev, t) {
				hint += "; a condition ends with its line"
			}
			return set(diag.CodeSyntax, hint, "expected %s", what), e, "", true
		}
		return set(diag.CodeSyntax, hint, "expected %s, found %s", what, describe(t)), e, "", false
	}

	// A keyword that a question does not take.
	if !atStart && t.Type == tokKeyword && toks[stmtStartIndex(toks, e)].Value == "question" {
		return set(diag.CodeSyntax, "after its text a question takes its kind (yesno, a scale or choice name, scale 1..5, measure, nps, emotion, ces, csat, text) and the modifiers weight, critical, na, optional, unscored, when, hint, tags",
			"%s is not something a question takes", describe(t)), e, "", false
	}

	// A question's kind on a line of its own.
	if atStart && e > 0 && (t.Type == tokKeyword && isKindKeyword(t.Value) ||
		t.Type == tokIdent && (e+1 >= len(toks) || toks[e+1].Pos.Line != t.Pos.Line || toks[e+1].Type == tokKeyword)) {
		if q := questionBefore(toks, e); q >= 0 {
			kind, what := restOfLine(toks, e), "a question's kind stands on the question's own line, after its text"
			if r := rangeBefore(toks, q, t); r != "" {
				// high or low says which end of a ces or csat range is
				// good, so it goes right after the range.
				kind, what = r+" "+kind, "the good end of a ces or csat range stands on the question's own line, right after the range"
			}
			return set(diag.CodeSyntax, fmt.Sprintf("write question %s %s %s; a new line may continue a question only with a modifier (weight, critical, na, optional, unscored, when, hint, tags)",
				toks[q+1].Value, shorten(toks[q+2].Value), kind),
				"%s cannot start a line: %s", describe(t), what), e, "", false
		}
	}

	// Anything after the checklist's closing brace: "expected checklist"
	// would be no help when the word found is checklist.
	if block == "" && e > 0 && prev.Type == tokPunct && prev.Value == "}" {
		hint := "one } too many above closes the checklist early; remove it"
		switch {
		case t.Type == tokPunct && t.Value == "}":
			hint = "remove the extra }: every { is already closed"
		case t.Type == tokKeyword && t.Value == "checklist":
			hint = "a file holds one checklist; put a second one in a file of its own"
		}
		return set(diag.CodeSyntax, hint, "%s after the end of the checklist", describe(t)), e, "", false
	}

	// A statement of an outer block inside an inner one: the inner block
	// was left open. The caller supplies the brace and reads on, so the
	// rest of the file is not reported line by line.
	if atStart && t.Type == tokKeyword && leftOpen(block, t.Value) {
		return set(diag.CodeSyntax, "add } on the line above to close it", "missing } before %s: the %s block opened at line %d is not closed",
			describe(t), block, opened.Line), e, "", false
	}

	// A question or section right in the checklist, mostly after one }
	// too many closed its level.
	if atStart && block == "checklist" && t.Type == tokKeyword && (t.Value == "question" || t.Value == "section") {
		return set(diag.CodeSyntax, "questions and sections go inside a level; if this one does, look for one } too many above",
			"%s cannot stand directly in the checklist", describe(t)), e, "", false
	}

	// A statement in the wrong block.
	if atStart {
		if t.Type == tokKeyword || t.Type == tokPunct && t.Value == "}" || t.Type == tokIdent || t.Type == tokString {
			return set(diag.CodeSyntax, blockHint[block], "%s cannot stand %s; expected %s", describe(t), blockPlace[block], orList(blockStatements[block])), e, "", false
		}
	}
	return set(diag.CodeSyntax, blockHint[block], "unexpected %s%s", describe(t), expectedFrom(perr)), e, "", false
}

// rangeBefore returns "ces lo..hi" or "csat lo..hi" when t is high or
// low and the question at toks[q] has that range on its line, else "".
func rangeBefore(toks []lexer.Token, q int, t lexer.Token) string {
	if t.Type != tokIdent || t.Value != "high" && t.Value != "low" {
		return ""
	}
	for i := q + 3; i+3 < len(toks) && toks[i].Pos.Line == toks[q].Pos.Line; i++ {
		if toks[i].Type == tokKeyword && (toks[i].Value == "ces" || toks[i].Value == "csat") && toks[i+2].Value == ".." {
			return toks[i].Value + " " + toks[i+1].Value + ".." + toks[i+3].Value
		}
	}
	return ""
}

// restOfLine writes the tokens from toks[e] to the end of its line as
// they would be typed, for hints that move them ("measure "мин" target <= 5").
func restOfLine(toks []lexer.Token, e int) string {
	var b strings.Builder
	for i := e; i < len(toks) && !toks[i].EOF() && toks[i].Pos.Line == toks[e].Pos.Line; i++ {
		v := toks[i].Value
		if i > e && v != ".." && v != "," && toks[i-1].Value != ".." {
			b.WriteByte(' ')
		}
		b.WriteString(v)
	}
	return b.String()
}

// leftOpen reports whether the statement keyword kw, found in block,
// can only mean that block was not closed: a level or survey inside a
// level, section, choice or survey, or a question or section inside a
// choice.
func leftOpen(block, kw string) bool {
	switch block {
	case "level", "section", "survey":
		return kw == "level" || kw == "survey"
	case "choice":
		return kw == "level" || kw == "survey" || kw == "question" || kw == "section"
	}
	return false
}

// endsCondition reports whether next, on a line after t, leaves the
// condition word t without its operand: conditions end with their line.
func endsCondition(t, next lexer.Token) bool {
	if t.Type != tokKeyword || next.Pos.Line == t.Pos.Line {
		return false
	}
	switch t.Value {
	case "when", "and", "or", "not":
		return true
	}
	return false
}

func isKindKeyword(kw string) bool {
	switch kw {
	case "yesno", "scale", "measure", "nps", "emotion", "ces", "csat", "csi", "text":
		return true
	}
	return false
}

// kindMayFollow reports whether a question's kind may follow t: the
// question's text, or a modifier that takes no argument or a number.
func kindMayFollow(t lexer.Token) bool {
	switch t.Type {
	case tokString, tokNumber, tokPercent:
		return true
	case tokKeyword:
		switch t.Value {
		case "critical", "na", "optional", "unscored":
			return true
		}
	}
	return false
}

// headerHint says what the level's or section's header starting at
// toks[h] takes, with the number or ID and title the user wrote.
func headerHint(toks []lexer.Token, h int) string {
	name, title := "1", `"Основа"`
	if toks[h].Value == "section" {
		name, title = "clean", `"Чистота"`
	}
	if h+2 < len(toks) && toks[h+1].Pos.Line == toks[h].Pos.Line && (toks[h+1].Type == tokNumber || toks[h+1].Type == tokIdent) {
		name = toks[h+1].Value
		if toks[h+2].Type == tokString && toks[h+2].Pos.Line == toks[h].Pos.Line {
			title = shorten(toks[h+2].Value)
		}
	}
	if toks[h].Value == "section" {
		return "a section's header takes weight before its {: section " + name + " " + title + " weight 2 { ... }"
	}
	return "a level's header takes pass and weight before its {: level " + name + " " + title + " pass 85% weight 2 { ... }"
}

// measureExample writes a measure with a target as the question around
// toks[i] would have it: with its unit, if it has one (quoted when the
// user left the quotes out), and the comparison and number the user
// wrote on the line, or else op and num.
func measureExample(toks []lexer.Token, i int, op, num string) string {
	unit, userOp, userNum := `"мин"`, "", ""
	for j := lineStartIndex(toks, i); j+1 < len(toks) && !toks[j].EOF() && toks[j].Pos.Line == toks[i].Pos.Line; j++ {
		t, n := toks[j], toks[j+1]
		switch {
		case t.Type == tokKeyword && t.Value == "measure":
			unit = ""
			if n.Pos.Line == t.Pos.Line {
				switch n.Type {
				case tokString:
					unit = shorten(n.Value)
				case tokIdent:
					// A unit without its quotes, unless it is a misspelt target.
					if suggest.Nearest(n.Value, []string{"target"}) == "" {
						unit = strconv.Quote(n.Value)
					}
				}
			}
		case t.Type == tokPunct && userOp == "":
			switch t.Value {
			case "<", "<=", ">", ">=", "==":
				userOp = t.Value
			}
		case (t.Type == tokNumber || t.Type == tokPercent) && userNum == "" && j > 0 &&
			(toks[j-1].Value == "target" || toks[j-1].Type == tokPunct):
			userNum = t.Value
		}
		if n.Type == tokNumber && userNum == "" && n.Pos.Line == t.Pos.Line && (t.Value == "target" || t.Type == tokPunct && t.Value != "," && t.Value != "..") {
			userNum = n.Value
		}
	}
	if userOp != "" && op == "<=" {
		op = userOp
	}
	if userNum != "" && num == "5" {
		num = userNum
	}
	if unit == "" {
		return "measure target " + op + " " + num
	}
	return "measure " + unit + " target " + op + " " + num
}

// comparisonExample rewrites the comparison whose operator is toks[i]
// with the operator op, keeping the user's operands: "has_card = yes"
// becomes "has_card == yes", "target =< 5" "target <= 5".
func comparisonExample(toks []lexer.Token, i int, op string) string {
	left, right := "", ""
	if i > 0 && toks[i-1].Pos.Line == toks[i].Pos.Line {
		switch l := toks[i-1]; l.Type {
		case tokIdent, tokKeyword, tokNumber:
			left = l.Value
		}
	}
	j := i + 1
	// A two-character operator typed as two tokens ("=<", "= =") ends
	// at the next token.
	if op != "" && j < len(toks) && toks[j].Type == tokPunct && toks[j].Pos.Line == toks[i].Pos.Line &&
		toks[j].Pos.Offset == toks[i].Pos.Offset+len(toks[i].Value) && strings.Contains("<>=", toks[j].Value) {
		j++
	}
	if j < len(toks) && !toks[j].EOF() && toks[j].Pos.Line == toks[i].Pos.Line {
		switch r := toks[j]; r.Type {
		case tokIdent, tokNumber, tokPercent:
			right = r.Value
		}
	}
	if left == "" || right == "" {
		if left == "target" {
			return "target " + op + " 5"
		}
		return "when lifts " + op + " all, or target " + op + " 5"
	}
	if left != "target" {
		left = "when " + left
	}
	return left + " " + op + " " + right
}

// optionExample writes the option on the line of toks[i] the way it
// should read, with the user's ID, label and value where they wrote
// them.
func optionExample(toks []lexer.Token, i int) string {
	id, label, value := "most", `"..."`, "0.5"
	j := lineStartIndex(toks, i)
	line := toks[j].Pos.Line
	k := j
	if toks[k].Type == tokIdent && toks[k].Pos.Line == line {
		id = toks[k].Value
		k++
	}
	if k < len(toks) && toks[k].Type == tokString && toks[k].Pos.Line == line {
		label = shorten(toks[k].Value)
		k++
	}
	for ; k < len(toks) && !toks[k].EOF() && toks[k].Pos.Line == line; k++ {
		if toks[k].Type == tokNumber {
			value = toks[k].Value
			break
		}
	}
	return id + " " + label + " = " + value
}

// noWords are the words a user writes for a yes/no question's "no".
var noWords = map[string]bool{"no": true, "n": true, "false": true, "нет": true, "н": true, "не": true}

// yesNoQuestion reports whether the question id, declared before
// toks[before], is a yes/no one: nothing, yesno or a modifier follows
// its text and translations.
func yesNoQuestion(toks []lexer.Token, id string, before int) bool {
	for k := 0; k+2 < before; k++ {
		if toks[k].Type != tokKeyword || toks[k].Value != "question" || toks[k+1].Type != tokIdent || toks[k+1].Value != id {
			continue
		}
		j := k + 2
		if toks[j].Type == tokString {
			j++
		}
		for j+1 < len(toks) && toks[j].Type == tokLang {
			j += 2
		}
		n := toks[j]
		return n.EOF() || n.Pos.Line != toks[k].Pos.Line || n.Type == tokKeyword && (n.Value == "yesno" || isModifierKeyword(n.Value))
	}
	return false
}

// conditionWords are the keywords that join a condition's tests.
var conditionWords = map[string]bool{"and": true, "or": true, "not": true, "in": true}

// conditionHint says how a condition is built.
const conditionHint = "a condition joins its tests with and, or and not; ID in (a, b) tests a choice's options"

// misspeltInQuestion looks in the question statement that toks[e]
// belongs to, before toks[e], for a word that is a misspelt keyword: a
// kind or modifier where one may stand, an "and", "or" or "in" after a
// condition's test, a "not" before one. It returns the word's index and
// the keyword, or -1. Names declared as scales or choices are never
// taken for typos.
func misspeltInQuestion(toks []lexer.Token, e int) (int, string) {
	q := questionStart(toks, e)
	if q < 0 {
		return -1, ""
	}
	declared := func(name string) bool {
		for i := 1; i < len(toks); i++ {
			if toks[i].Type == tokIdent && toks[i].Value == name && toks[i-1].Type == tokKeyword &&
				(toks[i-1].Value == "scale" || toks[i-1].Value == "choice") {
				return true
			}
		}
		return false
	}
	cond, tags, parens := false, false, 0
	for j := q + 3; j < e; j++ {
		t, prev, next := toks[j], toks[j-1], toks[j+1]
		switch t.Type {
		case tokKeyword:
			switch {
			case t.Value == "when":
				cond, tags = true, false
			case t.Value == "tags":
				cond, tags = false, true
			case isModifierKeyword(t.Value) || isKindKeyword(t.Value):
				if parens == 0 {
					cond, tags = false, false
				}
			}
			continue
		case tokPunct:
			switch t.Value {
			case "(":
				parens++
			case ")":
				parens--
			}
			continue
		case tokIdent:
		default:
			continue
		}
		if tags && prev.Type == tokPunct && prev.Value == "," || tags && prev.Type == tokKeyword && prev.Value == "tags" {
			continue // a tag's name
		}
		tags = false
		var cands []string
		switch {
		case !cond:
			cands = modifierKeywords
		case prev.Type == tokIdent || prev.Type == tokNumber || prev.Type == tokPercent || prev.Type == tokPunct && prev.Value == ")":
			// Where an operator or the end of the condition stands.
			cands = []string{"and", "or", "in"}
			if !(next.Type == tokIdent || next.Type == tokPunct && next.Value == "(") {
				cands = append(cands, modifierKeywords...)
			}
		case next.Type == tokIdent || next.Type == tokPunct && next.Value == "(":
			// An operand followed by another: the first was a "not".
			cands = []string{"not"}
		default:
			continue
		}
		if kw := suggest.Nearest(t.Value, cands); kw != "" && kw != t.Value && !declared(t.Value) {
			return j, kw
		}
	}
	return -1, ""
}

// questionStart returns the index of the "question" keyword of the
// statement toks[i] belongs to, or -1 when that is no question.
func questionStart(toks []lexer.Token, i int) int {
	j := stmtStartIndex(toks, i)
	for j > 0 && firstOnLine(toks, j) && toks[j].Type == tokKeyword && isModifierKeyword(toks[j].Value) {
		j = stmtStartIndex(toks, j-1)
	}
	if toks[j].Type == tokKeyword && toks[j].Value == "question" {
		return j
	}
	return -1
}

// inQuestion reports whether toks[i] belongs to a question statement:
// its line starts with "question", or continues one that does.
func inQuestion(toks []lexer.Token, i int) bool {
	j := stmtStartIndex(toks, i)
	for j > 0 && firstOnLine(toks, j) && toks[j].Type == tokKeyword && isModifierKeyword(toks[j].Value) {
		j = stmtStartIndex(toks, j-1)
	}
	return toks[j].Type == tokKeyword && toks[j].Value == "question"
}

// questionBefore returns the index of the "question" keyword of the
// statement that ends just before toks[e], which starts a line, or -1
// when that statement is no question. Lines that start with a modifier
// keyword continue the statement above them.
func questionBefore(toks []lexer.Token, e int) int {
	j := stmtStartIndex(toks, e-1)
	for j > 0 && firstOnLine(toks, j) && toks[j].Type == tokKeyword && isModifierKeyword(toks[j].Value) {
		j = stmtStartIndex(toks, j-1)
	}
	if toks[j].Type == tokKeyword && toks[j].Value == "question" && j+2 < e &&
		toks[j+1].Type == tokIdent && toks[j+2].Type == tokString {
		return j
	}
	return -1
}

// unclosedParen returns the index of a "(" left open on the line before
// toks[e], or -1.
func unclosedParen(toks []lexer.Token, e int) int {
	var open []int
	for i := lineStartIndex(toks, e-1); i < e; i++ {
		if toks[i].Type != tokPunct {
			continue
		}
		switch toks[i].Value {
		case "(":
			open = append(open, i)
		case ")":
			if len(open) > 0 {
				open = open[:len(open)-1]
			}
		}
	}
	if len(open) == 0 {
		return -1
	}
	return open[len(open)-1]
}

// enclosingBlock returns the keyword of the innermost block open at
// toks[e] ("checklist", "level", "section", "choice", "survey"; "" at the
// top) and where it was opened.
func enclosingBlock(toks []lexer.Token, e int) (string, lexer.Position) {
	type open struct {
		kw  string
		pos lexer.Position
	}
	var stack []open
	stmt := 0 // index of the current line's first token
	for i := 0; i < e; i++ {
		if firstOnLine(toks, i) {
			stmt = i
		}
		t := toks[i]
		if t.Type != tokPunct {
			continue
		}
		switch t.Value {
		case "{":
			kw := toks[stmt].Value
			if toks[stmt].Type == tokPunct { // "} ... {" on one line
				kw = "?"
				for j := i - 1; j >= stmt; j-- {
					if toks[j].Type == tokKeyword {
						kw = toks[j].Value
					}
				}
			}
			stack = append(stack, open{kw, toks[stmt].Pos})
			stmt = i + 1
		case "}":
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
			stmt = i + 1
		}
		if stmt >= e {
			stmt = e - 1
		}
	}
	if len(stack) == 0 {
		return "", lexer.Position{}
	}
	top := stack[len(stack)-1]
	return top.kw, top.pos
}

var blockStatements = map[string][]string{
	"":          {"checklist"},
	"checklist": {"version", "model", "description", "lang", "knockout", "bands", "scale", "choice", "level", "survey", "}"},
	"bands":     {"a band", "}"},
	"level":     {"section", "question", "}"},
	"section":   {"section", "question", "}"},
	"survey":    {"question", "}"},
	"choice":    {"an option", "}"},
}

var blockPlace = map[string]string{
	"":          "at the top of the file",
	"checklist": "directly in the checklist",
	"level":     "in a level",
	"section":   "in a section",
	"survey":    "in the survey",
	"choice":    "in a choice",
	"bands":     "in the bands",
}

var blockHint = map[string]string{
	"":          `a file holds one checklist: checklist ID "Title" { ... }`,
	"checklist": "a checklist holds settings (version, model, description, lang, knockout, bands), scale and choice declarations, levels and a survey",
	"bands":     `the bands hold a threshold and a name each, lowest first: 60% "средний" @en "average"`,
	"level":     `a level holds questions and sections: question ID "text" ... or section ID "Title" { ... }`,
	"section":   `a section holds questions and sections: question ID "text" ... or section ID "Title" { ... }`,
	"survey":    `the survey holds only questions: question ID "text" nps`,
	"choice":    `a choice holds options, one per line: ID "label" = value, like most "Большинство" = 0.5`,
}

func allKeywords() []string { return slices.Sorted(maps.Keys(keywords)) }

func expectsNumber(prev lexer.Token) bool {
	switch prev.Value {
	case "weight", "pass", "..", "=", "target", "<", "<=", ">", ">=", "==", "!=", "level":
		return true
	}
	return false
}

// afterToken says what must follow prev (with prev2 before it), or ""
// when prev alone does not tell.
func afterToken(toks []lexer.Token, i int, block string) (what, hint string) {
	var prev, prev2 lexer.Token
	if i >= 0 {
		prev = toks[i]
	}
	if i > 0 {
		prev2 = toks[i-1]
	}
	// operand is the ID a comparison or "in" at prev tests, if the user
	// wrote one.
	operand := "lifts"
	if prev2.Type == tokIdent {
		operand = prev2.Value
	}
	// title is the text the user wrote right after prev, if any: the
	// title of a level or section, or a question's text, whose number or
	// ID is missing.
	title := ""
	if i >= 0 && i+1 < len(toks) && toks[i+1].Type == tokString && toks[i+1].Pos.Line == prev.Pos.Line {
		title = shorten(toks[i+1].Value)
	}
	orTitle := func(canned string) string {
		if title != "" {
			return title
		}
		return canned
	}
	switch prev.Type {
	case tokKeyword:
		switch prev.Value {
		case "checklist":
			return "the checklist's ID", `write checklist mall_basic "Title" { ... }`
		case "question":
			return "a question ID after question", `write question ` + idFor(toks, i) + ` ` + orTitle(`"text"`) + `; the ID is a word of letters, digits and _`
		case "section":
			return "a section ID after section", `write section ` + idFor(toks, i) + ` ` + orTitle(`"Title"`) + ` { ... }; the ID is a word of letters, digits and _`
		case "choice":
			return "the choice's name after choice", `write choice lifts { all "Все работают" = 1 ... }`
		case "scale":
			if block == "checklist" {
				return "the scale's name after scale", "write scale stars 1..5"
			}
			return "the range after scale", "write scale 1..5"
		case "ces", "csat":
			return "the range after " + prev.Value, "write " + prev.Value + " 1..7"
		case "csi":
			return "the range after csi", "write csi 1..10"
		case "level":
			if block == "checklist" {
				return "the level's number after level", `write level 1 ` + orTitle(`"Основа и стандарт"`) + ` { ... }`
			}
			return "level or audit after knockout", "knockout level fails the question's level; knockout audit zeroes the whole audit"
		case "pass":
			return "a percentage after pass", "write pass 85%"
		case "weight":
			return "a number after weight", "write weight 2"
		case "version":
			return "the version in double quotes", `write version "2026.1"`
		case "model":
			return "korto or kotler after model", "model korto has levels 1..4, model kotler 1..5"
		case "description", "hint":
			return "a text in double quotes after " + prev.Value, `write ` + prev.Value + ` "..."`
		case "lang":
			return "a language tag after lang", "write lang ru"
		case "knockout":
			return "level or audit after knockout", "knockout level fails the question's level; knockout audit zeroes the whole audit"
		case "tags":
			return "a tag name after tags", "write tags cleanliness, toilets"
		case "when", "and", "or", "not":
			return "a condition after " + prev.Value, "write a yes/no question ID (when has_parking), a comparison (when speed >= 4) or a choice test (when lifts in (all, most))"
		case "target":
			return "a comparison after target", "write " + measureExample(toks, i, "<=", "5") + "; the comparisons are <=, <, >=, > and =="
		case "measure":
			return "a unit in double quotes or target after measure", "write " + measureExample(toks, i, "<=", "5")
		case "in":
			return "( and a list of options after in", "write " + operand + " in (all, most)"
		case "survey":
			return "{ after survey", "write survey { question ... }"
		case "promise":
			return "the ID of the question that records the promise", "write promise offered_callback due 7d: the yes/no question, answered yes when the promise was made"
		case "due":
			return "the days after due", "write due 7d (or 2w for two weeks)"
		case "bands":
			return "{ after bands", `write bands { 60% "средний" @en "average"  80% "очень хороший" @en "very good" }`
		case "fail":
			return "the next option or }", `options go one per line: ID "label" = value [fail]`
		}
	case tokPunct:
		switch prev.Value {
		case "..":
			return "a number after ..", "write a range as lo..hi, like 1..5"
		case "=":
			return "the option's value, a number from 0 to 1", "write " + optionExample(toks, i)
		case "<", "<=", ">", ">=":
			if prev2.Value == "target" {
				return "the target number", "write " + measureExample(toks, i, prev.Value, "5")
			}
			if prev2.Type == tokIdent {
				return "a number after " + prev.Value, "write when " + prev2.Value + " " + prev.Value + " 4"
			}
			return "a number after " + prev.Value, "write when speed " + prev.Value + " 4"
		case "==", "!=":
			if prev2.Type == tokIdent {
				return "a number or an option ID after " + prev.Value, "compare " + prev2.Value + " with one of its options or a number, like when " + prev2.Value + " " + prev.Value + " 5"
			}
			return "a number or an option ID after " + prev.Value, "write when lifts " + prev.Value + " all or when speed " + prev.Value + " 5"
		case ",":
			return "a name after the comma", "lists are written a, b, c"
		case "(":
			if prev2.Value == "in" {
				if i > 1 && toks[i-2].Type == tokIdent {
					operand = toks[i-2].Value
				}
				return "an option ID", "write " + operand + " in (all, most)"
			}
			return "a condition after (", "write when (a or b) and c"
		case "{":
			if block == "choice" {
				return "", ""
			}
		}
	case tokLang:
		if prev2.Type == tokString {
			return "the translation in double quotes after " + prev.Value, "write " + shorten(prev2.Value) + " " + prev.Value + ` "..."`
		}
		return "the translation in double quotes after " + prev.Value, `write "Чистота" ` + prev.Value + ` "Cleanliness"`
	case tokNumber, tokPercent:
		if prev2.Type == tokIdent && block == "checklist" { // scale NAME lo ..
			return ".. between the bounds", "write a range as lo..hi, like scale stars 1..5"
		}
		switch prev2.Value {
		case "scale", "ces", "csat", "csi":
			return ".. between the bounds", "write a range as lo..hi, like 1..5"
		case "level":
			return "the level's title in double quotes", `write level ` + prev.Value + ` "Основа и стандарт" { ... }`
		}
	case tokIdent:
		switch prev2.Value {
		case "question":
			return "the question text in double quotes after the question ID", `write question ` + prev.Value + ` "Входная группа чистая"`
		case "section":
			return "the section title in double quotes after the section ID", `write section ` + prev.Value + ` "Чистота" { ... }`
		case "checklist":
			return "the checklist title in double quotes after its ID", `write checklist ` + prev.Value + ` "Title" { ... }`
		case "choice":
			return "{ after the choice's name", `write choice ` + prev.Value + ` { all "Все работают" = 1 ... }`
		case "scale":
			if block == "checklist" {
				return "the range after the scale's name", "write scale " + prev.Value + " 1..5"
			}
		}
		if block == "choice" && (prev2.Type == tokPunct && (prev2.Value == "{" || prev2.Value == "=") || prev2.Type == tokNumber || prev2.Value == "fail") {
			return "the option's label in double quotes", "write " + optionExample(toks, i)
		}
	case tokString:
		if prev2.Type == tokKeyword && prev2.Value == "measure" { // measure "мин" target <= 5
			return "target after the unit", "write " + measureExample(toks, i, "<=", "5")
		}
		if block == "choice" {
			return "= and the option's value after its label", "write " + optionExample(toks, i)
		}
		if prev2.Type == tokNumber && block == "checklist" { // level N "Title"
			return "{ to open the level, or pass/weight", `write level ` + prev2.Value + ` ` + shorten(prev.Value) + ` pass 85% { ... }`
		}
	}
	return "", ""
}

// stmtStartIndex returns the index of the first token of the statement
// that toks[i] belongs to on its line: the line's first token, or the
// one after the last brace before toks[i] on the line, since a block's
// first statement may share the line of its header
// (level 1 "Основа" { question a "..." ...).
func stmtStartIndex(toks []lexer.Token, i int) int {
	for i > 0 && !firstOnLine(toks, i) {
		if p := toks[i-1]; p.Type == tokPunct && (p.Value == "{" || p.Value == "}") {
			return i
		}
		i--
	}
	return i
}

func lineStartIndex(toks []lexer.Token, i int) int {
	for i > 0 && !firstOnLine(toks, i) {
		i--
	}
	return i
}

// argument returns what must follow toks[e] when that token demands a
// particular kind of token, or nil.
func argument(toks []lexer.Token, e int, block string) func(lexer.Token) bool {
	t := toks[e]
	is := func(types ...lexer.TokenType) func(lexer.Token) bool {
		return func(n lexer.Token) bool { return slices.Contains(types, n.Type) }
	}
	number := is(tokNumber, tokPercent)
	switch t.Type {
	case tokLang:
		return is(tokString)
	case tokIdent:
		if block == "choice" && (e == 0 || firstOnLine(toks, e)) {
			return is(tokString)
		}
		return nil
	case tokPunct:
		switch t.Value {
		case ",":
			return is(tokIdent)
		case "=":
			if block == "choice" { // an option's value
				return number
			}
			return nil // "target =>" and the like: the "=" is the mistake
		case "..", "<", "<=", ">", ">=":
			return number
		case "==", "!=":
			return func(n lexer.Token) bool {
				return n.Pos.Line == t.Pos.Line && (n.Type == tokIdent || n.Type == tokNumber || n.Type == tokPercent)
			}
		}
		return nil
	case tokKeyword:
	default:
		return nil
	}
	switch t.Value {
	case "checklist", "question", "section", "choice", "lang", "tags", "promise":
		return is(tokIdent)
	case "due":
		return number
	case "model", "knockout":
		// Any word on the setting's line is read, to be named unknown.
		return func(n lexer.Token) bool {
			return n.Pos.Line == t.Pos.Line && (n.Type == tokIdent || n.Type == tokKeyword)
		}
	case "level":
		if block == "checklist" {
			return number
		}
	case "scale":
		if block == "checklist" {
			return is(tokIdent)
		}
		return number
	case "ces", "csat", "csi", "weight", "pass":
		return number
	case "hint", "description", "version":
		return is(tokString)
	case "when", "and", "or", "not":
		return func(n lexer.Token) bool { return n.Type == tokIdent || n.Value == "(" || n.Value == "not" }
	case "target":
		return func(n lexer.Token) bool {
			return n.Type == tokPunct && n.Value != "," && n.Value != ".." && n.Value != "="
		}
	case "measure":
		return func(n lexer.Token) bool { return n.Type == tokString || n.Value == "target" }
	case "in":
		return func(n lexer.Token) bool { return n.Value == "(" }
	case "survey", "bands":
		return func(n lexer.Token) bool { return n.Value == "{" }
	}
	return nil
}

// describe names a token the way a user sees it.
func describe(t lexer.Token) string {
	v := shorten(t.Value)
	switch t.Type {
	case lexer.EOF:
		return "the end of the file"
	case tokString:
		return "text " + v
	case tokKeyword:
		return fmt.Sprintf("keyword %q", v)
	case tokNumber:
		return "number " + v
	case tokPercent:
		return "percentage " + v
	}
	return fmt.Sprintf("%q", v)
}

// shorten cuts long token text for a message, at a rune boundary.
func shorten(v string) string {
	if utf8.RuneCountInString(v) <= 32 {
		return v
	}
	return string([]rune(v)[:28]) + "…"
}

// expectedFrom rewrites participle's "(expected X)" in plain words.
func expectedFrom(perr participle.Error) string {
	msg := perr.Message()
	i := strings.LastIndex(msg, "(expected ")
	if i < 0 || !strings.HasSuffix(msg, ")") {
		return ""
	}
	exp := msg[i+len("(expected ") : len(msg)-1]
	r := strings.NewReplacer(
		"<ident>", "an ID", "<string>", "a text in double quotes", "<number>", "a number",
		"<percent>", "a percentage", "<lang>", "a translation like @en",
		"Ident", "an ID", "String", "a text in double quotes", "Number", "a number", "Percent", "a percentage",
	)
	exp = r.Replace(exp)
	exp = strings.NewReplacer("AstClose", `"}"`, "AstNum", "a number", "AstText", "a text in double quotes",
		"astClose", `"}"`, "astNum", "a number", "astText", "a text in double quotes").Replace(exp)
	if strings.Contains(exp, "Ast") || strings.Contains(exp, "ast") {
		return "" // a grammar node's name: no help to a person
	}
	if strings.ContainsAny(exp, "@*?[]()|") || len(exp) > 80 {
		return ""
	}
	return "; expected " + exp
}

func orList(items []string) string {
	q := make([]string, len(items))
	for i, s := range items {
		if s == "an option" {
			q[i] = s
		} else {
			q[i] = fmt.Sprintf("%q", s)
		}
	}
	switch len(q) {
	case 0:
		return "nothing"
	case 1:
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
}

// declaresID reports whether keyword kw, in block, is followed by the ID
// it declares.
func declaresID(kw, block string) bool {
	switch kw {
	case "checklist", "question", "section", "choice":
		return true
	case "scale":
		return block == "checklist"
	}
	return false
}

// idFor suggests an ID for the question or section whose keyword is
// toks[i] and whose ID is missing: made of the first words of the text
// the user wrote after it, so that the hint shows their own checklist
// ("Пол чистый" gives пол_чистый), or the placeholder ID.
func idFor(toks []lexer.Token, i int) string {
	if i+1 >= len(toks) || toks[i+1].Type != tokString || toks[i+1].Pos.Line != toks[i].Pos.Line {
		return "ID"
	}
	words := strings.FieldsFunc(strings.ToLower(unquote(toks[i+1].Value)), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	id := ""
	for _, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); id == "" && !unicode.IsLetter(r) {
			continue // an ID starts with a letter: "2 кассы" gives кассы
		}
		if id != "" && utf8.RuneCountInString(id)+utf8.RuneCountInString(w) > 20 {
			break
		}
		if id != "" {
			id += "_"
		}
		id += w
		if strings.Count(id, "_") == 1 {
			break // two words are enough to tell questions apart
		}
	}
	if id == "" || keywords[id] {
		return "ID"
	}
	return id
}
