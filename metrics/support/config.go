package support

import (
	"bytes"

	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/internal/strictjson"
	"github.com/cxkit/cxkit/internal/textenc"
)

// ReadStandards is ParseStandards for the contents of a file called
// name: every problem is a *diag.Diagnostic of the file, placed at its
// line and column (a bad standard at the line and column of its
// object), in a [diag.List]; an empty file is told so.
func ReadStandards(name string, data []byte) (*StandardSet, error) {
	var set *StandardSet
	err := readConfig(name, data, func(b []byte) (err error) {
		set, err = ParseStandards(b)
		return err
	})
	return set, err
}

// ReadCalendar is ParseCalendar for the contents of a file called name,
// with its problems placed as ReadStandards places them.
func ReadCalendar(name string, data []byte) (*Calendar, error) {
	var c *Calendar
	err := readConfig(name, data, func(b []byte) (err error) {
		c, err = ParseCalendar(b)
		return err
	})
	return c, err
}

// readConfig reads a configuration file with parse, which decodes it
// strictly, and places the problems in the file: a problem known by its
// JSON Pointer alone is put at the line and column of that value. An
// empty file (a byte order mark and white space count as empty) is told
// so instead of as an unexpected end of input.
func readConfig(name string, data []byte, parse func([]byte) error) error {
	if len(bytes.TrimSpace(textenc.TrimBOM(data))) == 0 {
		return diag.List{{Pos: diag.Pos{File: name}, Code: diag.CodeSyntax, Message: "the file is empty; want a JSON object"}}
	}
	err := parse(data)
	if err == nil {
		return nil
	}
	return strictjson.InFile(name, data, strictjson.Diagnostics(err))
}
