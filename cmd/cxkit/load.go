package main

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/dsl"
	"github.com/cxkit/cxkit/internal/textenc"
	"github.com/cxkit/cxkit/korto"
)

// loadChecklist reads and validates the checklist named on the command
// line (see dsl.ReadChecklist). On any error it returns every problem, to be
// printed with the source line and a caret where there is one. Warnings
// are printed only alongside errors: `cxkit check` is the command for
// them.
func loadChecklist(e *env, name string) (*korto.Checklist, error) {
	c, _, err := loadChecklistSource(e, name)
	return c, err
}

// loadChecklistSource is loadChecklist that also returns the source, for
// commands that may still find problems in a valid checklist (see
// checklistError).
func loadChecklistSource(e *env, name string) (*korto.Checklist, []byte, error) {
	src, err := readChecklistInput(e, name)
	if err != nil {
		return nil, nil, err
	}
	c, diags := dsl.ReadChecklist(inputName(name), src)
	if c == nil {
		if dsl.IsJSON(inputName(name), src) && looksLikeAnswerSheet(src) {
			// The checklist's own errors ("unknown field "checklist"")
			// would only confuse: the arguments are most likely swapped.
			return nil, nil, answerSheetMixup(inputName(name), e.cmd.Name)
		}
		return nil, nil, &sourceError{diags, src}
	}
	return c, src, nil
}

// checklistError is a problem found in a checklist that passed
// loadChecklist, by korto.Compile or a schema or form writer, read from
// the file name with the source src. Its diagnostics are printed as the
// checklist's own are, with the source line, the caret and the hint
// (most say it is a bug to report), placed in the file when they have
// no file of their own.
func checklistError(name string, src []byte, err error) error {
	ds := korto.AsDiagnostics(err)
	if ds == nil {
		return err
	}
	placed := make(korto.Diagnostics, len(ds))
	for i, d := range ds {
		c := *d
		if c.File == "" {
			c.File = name
		}
		placed[i] = &c
	}
	return &sourceError{placed, src}
}

// looksLikeAnswerSheet reports whether src, which failed to read as a
// checklist, is a JSON object with a sheet's "answers", or a "checklist"
// string, which a checklist never has.
func looksLikeAnswerSheet(src []byte) bool {
	var top map[string]json.RawMessage
	if json.Unmarshal(textenc.TrimBOM(src), &top) != nil {
		return false
	}
	_, answers := top["answers"]
	id := bytes.TrimSpace(top["checklist"])
	return answers || len(id) > 0 && id[0] == '"'
}

// answerSheetMixup says what to do about an answer sheet, the file
// name, given where the command cmd wants a checklist: a diagnostic of
// the file, whose hint says how to call the command.
func answerSheetMixup(name, cmd string) error {
	d := &diag.Diagnostic{Pos: diag.Pos{File: name}, Message: "this looks like an answer sheet, not a checklist"}
	switch cmd {
	case "score":
		d.Hint = "the checklist comes first: cxkit score CHECKLIST SHEET"
	case "report":
		d.Hint = "the checklist comes first: cxkit report CHECKLIST SHEETS..."
	default:
		d.Hint = fmt.Sprintf("cxkit %s takes checklists", cmd)
	}
	return diag.List{d}
}

// resolveLang returns the language the checklist is shown in for the
// --lang tag (korto's ResolveLang), so that every later lookup finds it.
// It warns when the checklist has no text in that language: the output
// then falls back to another, which is what the user asked not to get,
// most often because of a typo.
func resolveLang(e *env, c *korto.Checklist, lang string) string {
	shown, warning := c.ResolveLang(lang)
	if warning != "" {
		e.warnf("%s", warning)
	}
	return shown
}
