package main

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/cxkit/cxkit/dsl"
	"github.com/cxkit/cxkit/korto"
)

// loadChecklist reads and validates the checklist named on the command
// line: its .korto source or, for a .json file, the JSON form that
// `cxkit export` prints (decoded strictly, see korto.DecodeChecklist).
// On any error it prints every problem, with the source line and a caret
// where there is one, and returns nil and exitInput. Warnings are
// printed only alongside errors: `cxkit check` is the command for them.
func loadChecklist(e *env, cmd, name string) (*korto.Checklist, int) {
	src, err := readInput(e, name)
	if err != nil {
		fmt.Fprintf(e.stderr, "cxkit %s: %v\n", cmd, err)
		return nil, exitInput
	}
	display := checklistName(name)
	var c *korto.Checklist
	var diags korto.Diagnostics
	if isJSONChecklist(name, src) {
		if c, err = korto.DecodeChecklist(src); err != nil {
			diags = korto.AsDiagnostics(err) // placed in src
		} else {
			diags = c.Validate()
			src = nil // these point into the model, not the bytes
		}
		for _, d := range diags {
			d.Pos.File = display
		}
	} else {
		c, diags = dsl.ParseWithDiagnostics(display, src)
	}
	if diags.HasErrors() || c == nil {
		if err := dsl.Render(e.stderr, diags, src); err != nil {
			fmt.Fprintf(e.stderr, "cxkit %s: %v\n", cmd, err)
		}
		return nil, exitInput
	}
	return c, exitOK
}

// isJSONChecklist tells a checklist's JSON form from .korto source: by
// the file's extension, or on standard input by its first character,
// since a .korto file never starts with "{".
func isJSONChecklist(name string, src []byte) bool {
	if name == "-" {
		rest := bytes.TrimLeft(bytes.TrimPrefix(src, []byte("\ufeff")), " \t\r\n")
		return bytes.HasPrefix(rest, []byte("{"))
	}
	return strings.EqualFold(filepath.Ext(name), ".json")
}

// warnLang warns when --lang names a language the checklist has no text
// in: the output falls back to the default language, which is what the
// user asked not to get, most often because of a typo.
func warnLang(e *env, cmd string, c *korto.Checklist, lang string) {
	if lang == "" {
		return
	}
	langs := c.Languages()
	for _, l := range langs {
		if l == lang {
			return
		}
	}
	if len(langs) == 0 {
		fmt.Fprintf(e.stderr, "cxkit %s: warning: the checklist has no translations; --lang %s shows its own language\n", cmd, lang)
		return
	}
	fmt.Fprintf(e.stderr, "cxkit %s: warning: the checklist has no texts in %q (it has %s); showing its default language\n",
		cmd, lang, strings.Join(langs, ", "))
}

// printCompileError prints why a valid checklist still did not compile
// into a scoring plan.
func printCompileError(e *env, name string, err error) {
	ds := korto.AsDiagnostics(err)
	if ds == nil {
		fmt.Fprintf(e.stderr, "%s: %v\n", name, err)
		return
	}
	for _, d := range ds {
		if d.Pos.File == "" {
			fmt.Fprintf(e.stderr, "%s: ", name)
		}
		fmt.Fprintln(e.stderr, d.Error())
	}
}
