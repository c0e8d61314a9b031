package fielddata

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"unicode/utf8"

	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/internal/strictjson"
	"github.com/cxkit/cxkit/internal/textenc"
	"github.com/cxkit/cxkit/korto"
	"github.com/go-json-experiment/json/jsontext"
)

// jsonSource reads SurveyJS results: objects of question names and
// values, given as one object, a JSON array of them, or one after
// another (JSON Lines). A result has no header: each name is matched
// to a question when it first appears. Values nested under "answers"
// and "audit" (an answer sheet's own layout) are read as answers and
// audit fields.
type jsonSource struct {
	name  string
	data  []byte
	nl    []int // offsets of the line breaks, for positions
	dec   jsontext.Decoder
	l     *layout
	warns *Errors
	cols  map[string]int // column by name ("audit.x" for audit members)
	inArr bool           // inside a top-level array
}

func newJSONSource(br *bufio.Reader, name string, l *layout, warns *Errors) (*jsonSource, error) {
	data, err := io.ReadAll(br)
	if err != nil {
		return nil, err
	}
	data = textenc.TrimBOM(data)
	js := &jsonSource{name: name, data: data, l: l, warns: warns, cols: map[string]int{}}
	for i, c := range data {
		if c == '\n' {
			js.nl = append(js.nl, i)
		}
	}
	js.dec.Reset(bytes.NewReader(data), jsontext.AllowInvalidUTF8(false))
	if js.dec.PeekKind() == '[' {
		if _, err := js.dec.ReadToken(); err != nil {
			return nil, js.fail(err)
		}
		js.inArr = true
	}
	return js, nil
}

// pos places a byte offset at a line and a column counted in characters.
func (js *jsonSource) pos(off int) (line, col int) {
	off = min(max(off, 0), len(js.data))
	i := sort.SearchInts(js.nl, off)
	start := 0
	if i > 0 {
		start = js.nl[i-1] + 1
	}
	return i + 1, 1 + utf8.RuneCount(js.data[start:off])
}

func (js *jsonSource) fail(err error) Errors {
	off := int(js.dec.InputOffset())
	msg := err.Error()
	var se *jsontext.SyntacticError
	if errors.As(err, &se) {
		off = int(se.ByteOffset)
		if se.Err != nil {
			msg = se.Err.Error()
		}
	}
	line, col := js.pos(off)
	return Errors{{Pos: diag.Pos{File: js.name, Line: line, Column: col}, Code: CodeSyntax, Message: "not SurveyJS results (JSON objects): " + msg}}
}

func (js *jsonSource) next(r *row) error {
	switch k := js.dec.PeekKind(); {
	case js.inArr && k == ']':
		js.dec.ReadToken()
		js.inArr = false
		return js.next(r)
	case k == 0:
		if _, err := js.dec.ReadToken(); err != io.EOF {
			if err == nil {
				err = errors.New("unexpected input")
			}
			return js.fail(err)
		}
		return io.EOF
	case k != '{':
		v, err := js.dec.ReadValue()
		if err != nil {
			return js.fail(err)
		}
		line, col := js.pos(int(js.dec.InputOffset()) - len(v))
		return Errors{{Pos: diag.Pos{File: js.name, Line: line, Column: col}, Code: CodeSyntax,
			Message: fmt.Sprintf("a SurveyJS result is a JSON object, not %s", strictjson.TypeName(v.Kind()))}}
	}
	r.line, _ = js.pos(int(js.dec.InputOffset()) + leadingSpace(js.data[js.dec.InputOffset():]))
	r.cells, r.lines, r.cols = r.cells[:0], r.lines[:0], r.cols[:0]
	if err := js.object(r, ""); err != nil {
		return err
	}
	return nil
}

func leadingSpace(b []byte) int { return len(b) - len(bytes.TrimLeft(b, " \t\r\n,")) }

// object reads one object's members into r; prefix is "audit." inside
// an audit object.
func (js *jsonSource) object(r *row, prefix string) error {
	if _, err := js.dec.ReadToken(); err != nil { // {
		return js.fail(err)
	}
	for js.dec.PeekKind() != '}' {
		t, err := js.dec.ReadToken()
		if err != nil {
			return js.fail(err)
		}
		key := t.String()
		if prefix == "" {
			switch key {
			case "answers", "audit":
				if js.dec.PeekKind() == '{' {
					p := ""
					if key == "audit" {
						p = auditGroup + "."
					}
					if err := js.object(r, p); err != nil {
						return err
					}
					continue
				}
			case "checklist", "version", "$schema":
				if _, err := js.dec.ReadValue(); err != nil {
					return js.fail(err)
				}
				continue
			}
		}
		at := int(js.dec.InputOffset())
		at += len(js.data[at:]) - len(bytes.TrimLeft(js.data[at:], " \t\r\n:"))
		v, err := js.dec.ReadValue()
		if err != nil {
			return js.fail(err)
		}
		line, col := js.pos(at)
		i, ok := js.cols[prefix+key]
		if !ok {
			i = len(js.l.cols)
			w, _ := js.l.add(prefix+key, line, col)
			*js.warns = append(*js.warns, w...)
			js.cols[prefix+key] = i
		}
		for len(r.cells) <= i {
			r.cells = append(r.cells, korto.Str(""))
			r.lines = append(r.lines, r.line)
			r.cols = append(r.cols, 0)
		}
		r.cells[i], r.lines[i], r.cols[i] = jsonAnswer(v), line, col
	}
	if _, err := js.dec.ReadToken(); err != nil { // }
		return js.fail(err)
	}
	return nil
}

// jsonAnswer is a JSON value as an answer: a string, a number, or the
// JSON text of anything else for the check to report (true and false
// answer yes/no questions, null is no answer).
func jsonAnswer(v jsontext.Value) korto.Answer {
	switch v.Kind() {
	case '"':
		s, err := strconv.Unquote(string(v))
		if err != nil { // JSON escapes Go does not know (\/): decode properly
			var t jsontext.Decoder
			t.Reset(bytes.NewReader(v))
			if tok, err := t.ReadToken(); err == nil {
				s = tok.String()
			}
		}
		return korto.Str(s)
	case '0':
		if x, err := strconv.ParseFloat(string(v), 64); err == nil {
			return korto.Num(x)
		}
	}
	return korto.Answer{Type: korto.AnswerInvalid, String: string(v)}
}
