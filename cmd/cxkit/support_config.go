package main

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/cxkit/cxkit/internal/strictjson"
)

// parseSupportConfig reads a support configuration file (--standards,
// --calendar) with parse, which decodes it strictly, and reports a
// problem in the file's JSON as "name:line:col: why", the way every
// other input is reported, rather than as the library's "line L, column
// C". An empty file (a byte order mark and white space count as empty)
// is told so instead of as an unexpected end of input.
func parseSupportConfig(name string, data []byte, parse func([]byte) error) error {
	if len(bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\ufeff")))) == 0 {
		return fmt.Errorf("%s: the file is empty; want a JSON object", name)
	}
	err := parse(data)
	if err == nil {
		return nil
	}
	if e, ok := errors.AsType[*strictjson.Error](err); ok {
		msg := e.Message
		if e.Kind == strictjson.UnknownName && e.Suggestion == "" && e.Hint != "" {
			// With no near name to suggest, the list says what may go here.
			msg += " (" + e.Hint + ")"
		}
		return fmt.Errorf("%s:%d:%d: %s", name, e.Line, e.Column, msg)
	}
	return fmt.Errorf("%s: %v", name, err)
}
