package dsl

import (
	"strconv"
	"strings"

	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/korto"
)

// validateRead checks the static rules of the language on a checklist
// read from source. For a source without mistakes that is c.Validate().
// After mistakes it still runs, on the checklist as far as it was read,
// so that one run reports syntax and rules together; but it keeps only
// what the mistakes cannot have caused:
//
//   - nothing at the very place of a mistake found while building the
//     checklist: it would say the same thing twice (as for "l < all",
//     which compares an option);
//   - nothing on a line whose statement recovery cut short or stood in
//     for, or where a number could not be read (0 stands in for it): the
//     node there is not what the author wrote;
//   - once statements were cut out (or characters the scanner could not
//     read), nothing that says a name is unknown or a block is empty, as
//     the cut part may have declared or held it: unknown-scale,
//     unknown-choice, unknown-kind, when-unknown, unknown-option,
//     empty-level, empty-section, empty-choice and no-levels; but when
//     all that was cut is whole questions (or their continuation
//     lines), they declared only themselves, so only an empty level or
//     section and a condition on a cut question's ID are left out;
//   - when the model was not understood, no level-range: the default
//     model's 1..4 may not be the one meant;
//   - when a word after a question's text was not understood (it may have
//     been the question's kind), and when a number could not be read (it
//     may have been a scale bound), nothing that depends on the kind or
//     range of a question a condition tests: when-kind, unknown-option
//     and when-range.
//
// Everything else (duplicate IDs and names, bad weights, pass marks,
// scales and option values, levels outside the model or given twice,
// conditions on the question itself or on a later one, survey-only kinds
// in a level, ...) is the author's own and is reported. A misspelt
// keyword read as meant, or a missing brace supplied, cuts nothing: the
// statement is read whole and checked like any other.
func validateRead(c *korto.Checklist, rec *recovery, b *builder) korto.Diagnostics {
	diags := c.Validate()
	pointAtOptions(diags, b.options)
	if len(b.diags) == 0 && !rec.cut && len(rec.doubt) == 0 && len(b.unsure) == 0 {
		return diags
	}
	doubt := map[int]bool{}
	for l := range rec.doubt {
		doubt[l] = true
	}
	at := make(map[int]bool, len(b.diags)) // where the builder found mistakes
	for _, d := range b.diags {
		if d.Pos.IsValid() {
			at[d.Pos.Offset] = true
		}
		if d.Code == diag.CodeBadNumber {
			doubt[d.Pos.Line] = true
		}
	}
	kept := diags[:0]
	for _, d := range diags {
		switch {
		case at[d.Pos.Offset], doubt[d.Pos.Line], b.unsure[d.Code]:
		case rec.cut && cutArtefact(d.Code) && (rec.cutOther || questionCutMayCause(d, rec.cutQuestions)):
		default:
			kept = append(kept, d)
		}
	}
	return kept
}

// questionCutMayCause reports whether diagnostic d may be the echo of
// cutting out whole questions, with the IDs cut, and nothing else: a
// condition testing one of them, or a block left without a question.
// Such a cut declares no scale or choice and no other question.
func questionCutMayCause(d *korto.Diagnostic, cut map[string]bool) bool {
	switch d.Code {
	case "empty-level", "empty-section":
		return true
	case "when-unknown":
		_, rest, ok := strings.Cut(d.Message, "unknown question ")
		if !ok {
			return true
		}
		q, err := strconv.QuotedPrefix(rest)
		if err != nil {
			return true
		}
		id, _ := strconv.Unquote(q)
		return cut[id]
	}
	return false
}

// cutArtefact reports whether a diagnostic with code may be only the
// echo of statements recovery cut out.
func cutArtefact(code string) bool {
	switch code {
	case "unknown-scale", "unknown-choice", "unknown-kind", "when-unknown", "unknown-option",
		"empty-level", "empty-section", "empty-choice", "no-levels":
		return true
	}
	return false
}

// pointAtOptions moves each unknown-option diagnostic from the start of
// its condition test ("d == да") to the option it names ("да"), which
// is the word to fix. Validate knows only where the test stands; the
// parser knows where its options do.
func pointAtOptions(diags korto.Diagnostics, options map[int][]optionAt) {
	for _, d := range diags {
		if d.Code != "unknown-option" {
			continue
		}
		opts := options[d.Pos.Offset]
		if len(opts) == 0 {
			continue
		}
		_, rest, ok := strings.Cut(d.Message, "has no option ")
		if !ok {
			continue
		}
		q, err := strconv.QuotedPrefix(rest)
		if err != nil {
			continue
		}
		id, _ := strconv.Unquote(q)
		for _, o := range opts {
			if o.id == id {
				d.Pos = o.pos
				break
			}
		}
	}
}
