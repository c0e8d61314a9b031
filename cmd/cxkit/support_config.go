package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// parseSupportConfig reads a support configuration file (--standards,
// --calendar) the way the command reads every input: a UTF-8 byte order
// mark is dropped, and a file that is not JSON, or holds a value of the
// wrong type, is reported at its line and column as "name:line:col: why"
// rather than as the decoder's byte offset or Go field path.
func parseSupportConfig(name string, data []byte, parse func([]byte) error) error {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if len(bytes.TrimSpace(data)) == 0 {
		return fmt.Errorf("%s: the file is empty; want a JSON object", name)
	}
	var probe any
	var syn *json.SyntaxError
	if err := json.Unmarshal(data, &probe); errors.As(err, &syn) {
		// Offset counts the offending byte too.
		line, col := supportLineCol(data, syn.Offset-1)
		return fmt.Errorf("%s:%d:%d: not JSON: %v", name, line, col, syn)
	}
	err := parse(data)
	if err == nil {
		return nil
	}
	var typ *json.UnmarshalTypeError
	if errors.As(err, &typ) {
		line, col := supportLineCol(data, typ.Offset)
		return fmt.Errorf("%s:%d:%d: %s: want %s, not %s", name, line, col, typ.Field, jsonKindOf(typ.Type.Kind().String()), article(typ.Value))
	}
	return fmt.Errorf("%s: %v", name, err)
}

// supportLineCol turns a byte offset into a 1-based line and column,
// counting columns in characters.
func supportLineCol(data []byte, off int64) (line, col int) {
	off = min(max(off, 0), int64(len(data)))
	before := data[:off]
	line = bytes.Count(before, []byte("\n")) + 1
	if i := bytes.LastIndexByte(before, '\n'); i >= 0 {
		before = before[i+1:]
	}
	return line, utf8.RuneCount(before) + 1
}

// jsonKindOf names a Go kind the way a JSON file's author knows it.
func jsonKindOf(kind string) string {
	switch kind {
	case "string":
		return "a string"
	case "bool":
		return "true or false"
	case "slice", "array":
		return "an array"
	case "struct", "map":
		return "an object"
	case "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64", "float32", "float64":
		return "a number"
	}
	return "another type"
}

// article puts "a" or "an" before a JSON type name from encoding/json
// ("number", "string", "array", "object", "bool").
func article(v string) string {
	if f := strings.Fields(v); len(f) > 0 {
		v = f[0] // "number 3.5"
	}
	switch v {
	case "array", "object":
		return "an " + v
	case "bool":
		return "true or false"
	}
	return "a " + v
}
