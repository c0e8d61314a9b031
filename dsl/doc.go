// Package dsl parses and formats the .korto checklist language.
//
// [Parse] turns source into a validated [korto.Checklist] and reports
// every problem at once as [korto.Diagnostics], each with file, line,
// column (in characters, as an editor counts them), a stable code and a hint; [ParseWithDiagnostics]
// also hands back warnings and the checklist as far as it was understood.
// [Render] prints diagnostics for people, with the source line and a
// caret under the column. [Format] prints the one canonical layout,
// keeping comments; [Print] writes a checklist built in Go code in the
// language.
//
// The grammar (grammar.go) is written for participle v2 over a
// hand-written lexer. Syntax problems carry these codes; the static rules
// of the language (unique IDs, level ranges, references, ...) are checked
// by [korto.Checklist.Validate] and carry its codes:
//
//	syntax           a token that does not belong where it stands
//	unknown-keyword  a misspelt keyword, with the one it was meant to be
//	bad-string       a text that is not closed, or a bad escape
//	bad-number       a malformed, out-of-range or non-finite number
//	number-kind      a percentage where a number belongs, or the reverse
//	encoding         bytes that are not UTF-8
//	binary           control characters or NUL: not a text file
//	limit            a file over MaxFileSize, or nesting over MaxDepth
//	repeated         a setting, modifier or translation given twice
//	order            checklist entries out of order (settings, scales and
//	                 choices, levels, survey)
//	bad-value        a model, knockout or direction (the high or low
//	                 after a ces or csat range) the language does not know
//
// The language is line-oriented: a question, with its kind and
// modifiers, stands on one line, and only a line that starts with a
// modifier keyword (hint, when, weight, ...) continues it; a condition
// ends with its line. So a word at the start of a line that is not a
// keyword is reported as a misspelt one, wherever it stands.
//
// After a syntax error the parser reads a misspelt keyword as meant,
// closes a block left open, or else skips the statement, and goes on, so
// one run reports every misspelt keyword and up to ten other independent
// mistakes. The static rules are then checked on what was
// read, leaving out what the skipped statements could explain (an
// unknown name they might have declared, an empty block they might have
// filled), so that syntax and rules come back in one list. No input
// makes Parse panic or run long: FuzzParse checks that, and that
// formatting keeps the checklist.
package dsl
