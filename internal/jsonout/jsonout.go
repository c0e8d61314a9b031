// Package jsonout writes JSON the one way cxkit prints its documents:
// indented by two spaces, one document a call ending in a newline, map
// keys sorted (by encoding/json), and <, > and & as they are rather than
// as \u003c escapes, since the documents are read by people and by
// tools, not embedded in HTML.
package jsonout

import (
	"bytes"
	"encoding/json"
	"io"
)

// Marshal returns v as cxkit prints JSON.
func Marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	// SetEscapeHTML does not reach the output of a value's own
	// MarshalJSON: the JSON Schema library's extension keywords came out
	// as "\u003c= 5".
	return unescapeHTML(b.Bytes()), nil
}

// Value returns v as compact JSON with <, > and & as they are, for a
// MarshalJSON method: encoding/json escapes them (or not) when it copies
// a method's output into the document, as the caller's encoder says, so
// a method that escaped them itself would leave \u003c in a document
// whose encoder was told not to escape.
func Value(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// Write writes v to w as cxkit prints JSON.
func Write(w io.Writer, v any) error {
	doc, err := Marshal(v)
	if err != nil {
		return err
	}
	_, err = w.Write(doc)
	return err
}

// unescapeHTML turns \u003c, \u003e and \u0026 in JSON text back
// into <, > and &. It walks escapes in pairs, so an escaped backslash
// followed by "u003c" is left alone.
func unescapeHTML(doc []byte) []byte {
	if !bytes.Contains(doc, []byte(`\u00`)) {
		return doc
	}
	out := make([]byte, 0, len(doc))
	for i := 0; i < len(doc); i++ {
		c := doc[i]
		if c != '\\' || i+1 >= len(doc) {
			out = append(out, c)
			continue
		}
		if i+5 < len(doc) && doc[i+1] == 'u' {
			switch string(doc[i+2 : i+6]) {
			case "003c", "003C":
				out = append(out, '<')
				i += 5
				continue
			case "003e", "003E":
				out = append(out, '>')
				i += 5
				continue
			case "0026":
				out = append(out, '&')
				i += 5
				continue
			}
		}
		out = append(out, c, doc[i+1])
		i++
	}
	return out
}
