package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/cxkit/cxkit/dsl"
	"github.com/cxkit/cxkit/korto"
)

// loadChecklist reads and validates the checklist named on the command
// line (see dsl.ReadChecklist). On any error it returns every problem, to be
// printed with the source line and a caret where there is one. Warnings
// are printed only alongside errors: `cxkit check` is the command for
// them.
func loadChecklist(e *env, name string) (*korto.Checklist, error) {
	src, err := readChecklistInput(e, name)
	if err != nil {
		return nil, err
	}
	c, diags := dsl.ReadChecklist(inputName(name), src)
	if c == nil {
		if dsl.IsJSON(inputName(name), src) && looksLikeAnswerSheet(src) {
			// The checklist's own errors ("unknown field "checklist"")
			// would only confuse: the arguments are most likely swapped.
			return nil, located(inputName(name), answerSheetMixup(e.cmd.Name))
		}
		return nil, &sourceError{diags, src}
	}
	return c, nil
}

// looksLikeAnswerSheet reports whether src, which failed to read as a
// checklist, is a JSON object with a sheet's "answers", or a "checklist"
// string, which a checklist never has.
func looksLikeAnswerSheet(src []byte) bool {
	var top map[string]json.RawMessage
	if json.Unmarshal(bytes.TrimPrefix(src, []byte("\ufeff")), &top) != nil {
		return false
	}
	_, answers := top["answers"]
	id := bytes.TrimSpace(top["checklist"])
	return answers || len(id) > 0 && id[0] == '"'
}

// answerSheetMixup says what to do about an answer sheet given where the
// command cmd wants a checklist.
func answerSheetMixup(cmd string) string {
	switch cmd {
	case "score":
		return "this looks like an answer sheet; the checklist comes first: cxkit score CHECKLIST SHEET"
	case "report":
		return "this looks like an answer sheet; the checklist comes first: cxkit report CHECKLIST SHEETS..."
	}
	return fmt.Sprintf("this looks like an answer sheet, not a checklist: cxkit %s takes checklists", cmd)
}

// resolveLang returns the language the checklist is shown in for the
// --lang tag (korto's ShownLang), so that every later lookup finds it.
// It warns when the checklist has no text in that language: the output
// then falls back to another, which is what the user asked not to get,
// most often because of a typo.
func resolveLang(e *env, c *korto.Checklist, lang string) string {
	if lang == "" {
		return ""
	}
	switch l, found := c.MatchLang(lang); {
	case found == korto.LangExact:
		return l
	case found == korto.LangBase:
		e.warnf("the checklist has no texts in %q; showing %q", lang, l)
		return l
	}
	if langs := c.Languages(); len(langs) == 0 {
		e.warnf("the checklist has no translations; --lang %s shows its own language", lang)
	} else {
		e.warnf("the checklist has no texts in %q (it has %s); showing its default language", lang, strings.Join(langs, ", "))
	}
	// Everything else the output says (built-in words, labels, the
	// schema's x-cxkit-lang) follows the language actually shown, so a
	// form is not half German and half Russian.
	return c.ShownLang("")
}

// compileError says why a valid checklist, read from the file name,
// still did not compile into a scoring plan: each problem on a line,
// named after the file.
func compileError(name string, err error) error {
	ds := korto.AsDiagnostics(err)
	if ds == nil {
		return located(name, err.Error())
	}
	lines := make([]string, 0, len(ds))
	for _, d := range ds {
		l := d.Error()
		if d.Pos.File == "" {
			l = name + ": " + l
		}
		lines = append(lines, l)
	}
	return &linesError{lines: lines}
}
