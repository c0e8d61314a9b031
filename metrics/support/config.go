package support

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/cxkit/cxkit/internal/strictjson"
)

// ReadStandards is ParseStandards for the contents of a file called
// name: a problem is placed as "name:line:col: why", the way every other
// input is reported, and each bad standard at the line and column of its
// object; an empty file is told so.
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
// strictly, and reports a problem in the file's JSON as
// "name:line:col: why" rather than as the decoder's "line L, column C".
// An empty file (a byte order mark and white space count as empty) is
// told so instead of as an unexpected end of input.
func readConfig(name string, data []byte, parse func([]byte) error) error {
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
	if bad := standardErrors(err); len(bad) > 0 {
		// Each bad standard at the line and column of its object.
		at := map[string]int{}
		strictjson.Values(data, func(p jsontext.Pointer, off int) { at[string(p)] = off })
		lines := make([]string, len(bad))
		index := strictjson.NewLines(data)
		for i, se := range bad {
			line, col := index.Position(at[fmt.Sprintf("/standards/%d", se.Index)])
			lines[i] = fmt.Sprintf("%s:%d:%d: %v", name, line, col, se)
		}
		return errors.New(strings.Join(lines, "\n"))
	}
	return fmt.Errorf("%s: %v", name, err)
}

// standardErrors collects the per-standard problems in err's tree.
func standardErrors(err error) []*StandardError {
	var out []*StandardError
	var walk func(error)
	walk = func(e error) {
		if se, ok := e.(*StandardError); ok {
			out = append(out, se)
			return
		}
		switch u := e.(type) {
		case interface{ Unwrap() []error }:
			for _, x := range u.Unwrap() {
				walk(x)
			}
		case interface{ Unwrap() error }:
			if x := u.Unwrap(); x != nil {
				walk(x)
			}
		}
	}
	walk(err)
	return out
}
