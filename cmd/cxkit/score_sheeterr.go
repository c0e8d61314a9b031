package main

import (
	"fmt"

	"github.com/cxkit/cxkit/korto"
)

// sheetErrorLine formats a problem of the answer sheet in the file name
// for stderr. A syntax error reads "name:line:col: msg", as checklist
// diagnostics do; any other problem "name: /answers/x: msg", or, for the
// sheet that starts at line (> 0) of a file of many,
// "name:line: /answers/x: msg".
func sheetErrorLine(name string, line int, ae *korto.AnswerError) string {
	switch {
	case ae.Line > 0:
		return name + ":" + ae.Error()
	case line > 0:
		return fmt.Sprintf("%s:%d: %s", name, line, ae.Error())
	}
	return name + ": " + ae.Error()
}
