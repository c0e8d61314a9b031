package fielddata

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/internal/textenc"
	"github.com/cxkit/cxkit/korto"
)

// xmlSource reads ODK XML submissions: the instance documents ODK
// Collect and ODK Web Forms send, ODK Central serves one by one and ODK
// Briefcase keeps as submission.xml files. Each top-level element is one
// submission; a leaf element is a cell, named by its path below the
// submission's root joined with "/" ("level_1/arrival/has_parking",
// "audit/id", "meta/instanceID"). As in SurveyJS results there is no
// header: a path is matched to a question when it first appears.
//
// The decoder reads the file as a stream, so a file of many
// submissions one after another takes memory for one at a time.
type xmlSource struct {
	name  string
	dec   *xml.Decoder
	l     *layout
	warns *Errors
	cols  map[string]int
}

// maxXMLDepth caps the nesting of a submission: a form's groups are a
// few levels deep, and a deeper document is not a submission.
const maxXMLDepth = 64

func newXMLSource(br *bufio.Reader, name string, l *layout, warns *Errors) *xmlSource {
	if b, _ := br.Peek(len(textenc.BOM)); textenc.HasBOM(b) {
		br.Discard(len(textenc.BOM))
	}
	dec := xml.NewDecoder(br)
	dec.Strict = true
	// Submissions are UTF-8; a declaration that names another encoding
	// is refused by the decoder with a message that says so.
	return &xmlSource{name: name, dec: dec, l: l, warns: warns, cols: map[string]int{}}
}

func (xs *xmlSource) fail(err error) Errors {
	line, col := xs.dec.InputPos()
	msg := err.Error()
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		line, col, msg = se.Line, 0, se.Msg
	}
	if err == io.ErrUnexpectedEOF || msg == "unexpected EOF" {
		msg = "the file ends inside a submission: an element is not closed (a file cut short?)"
	}
	return Errors{{Pos: diag.Pos{File: xs.name, Line: max(line, 1), Column: col}, Code: CodeSyntax, Message: "not ODK XML submissions: " + msg}}
}

func (xs *xmlSource) next(r *row) error {
	for {
		tok, err := xs.dec.Token()
		if err == io.EOF {
			return io.EOF
		}
		if err != nil {
			return xs.fail(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			r.line, _ = xs.dec.InputPos()
			r.cells, r.lines, r.cols = r.cells[:0], r.lines[:0], r.cols[:0]
			return xs.submission(r, t)
		case xml.CharData:
			if len(bytes.TrimSpace(t)) > 0 {
				line, col := xs.dec.InputPos()
				return Errors{{Pos: diag.Pos{File: xs.name, Line: line, Column: col}, Code: CodeSyntax,
					Message: "not ODK XML submissions: text outside a submission's element"}}
			}
		case xml.EndElement: // the decoder refuses an unmatched one
		}
		// Declarations, comments and processing instructions pass.
	}
}

// submission reads the elements below root into r, leaves as cells.
func (xs *xmlSource) submission(r *row, root xml.StartElement) error {
	var (
		path  []string
		text  strings.Builder
		leaf  bool // no child element seen since the last start
		line  int
		col   int
		dupes Errors
	)
	for {
		tok, err := xs.dec.Token()
		if err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return xs.fail(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if len(path) >= maxXMLDepth {
				return xs.fail(fmt.Errorf("elements nested more than %d deep", maxXMLDepth))
			}
			path = append(path, t.Name.Local)
			text.Reset()
			leaf = true
			line, col = xs.dec.InputPos()
		case xml.CharData:
			if leaf {
				text.Write(t)
			}
		case xml.EndElement:
			if len(path) == 0 { // the root's end
				// A form made from the checklist has its ID as the
				// instance's id: another form's answers do not count.
				for _, a := range root.Attr {
					if id := xs.l.plan.Checklist().ID; a.Name.Local == "id" && a.Name.Space == "" && a.Value != id {
						dupes = append(Errors{{Pos: diag.Pos{File: xs.name, Line: r.line}, Code: CodeSyntax,
							Message: fmt.Sprintf("a submission of form %q, not of checklist %q: import it with its own checklist", a.Value, id)}}, dupes...)
					}
				}
				if len(dupes) > 0 {
					return &rowSyntaxError{dupes}
				}
				return nil
			}
			if leaf {
				if e := xs.cell(r, strings.Join(path, "/"), text.String(), line, col); e != nil {
					dupes = append(dupes, e)
				}
			}
			path = path[:len(path)-1]
			leaf = false
		}
	}
}

// cell sets the cell at path to value; it returns a problem when the
// submission answers the path twice (a repeat, which a checklist's form
// does not have).
func (xs *xmlSource) cell(r *row, path, value string, line, col int) *Error {
	i, ok := xs.cols[path]
	if !ok {
		if strings.TrimSpace(value) == "" {
			// An empty element that matches nothing (a group with no
			// answers, a field of the tool's) holds no data to lose.
			if c := xs.l.match(path); c.kind == colUnknown {
				return nil
			}
		}
		i = len(xs.l.cols)
		w, errs := xs.l.add(path, line, col)
		*xs.warns = append(*xs.warns, w...)
		xs.cols[path] = i
		if len(errs) > 0 { // answers what another element answers
			return errs[0]
		}
	}
	for len(r.cells) <= i {
		r.cells = append(r.cells, korto.Str(""))
		r.lines = append(r.lines, r.line)
		r.cols = append(r.cols, 0)
	}
	if r.cols[i] != 0 {
		return &Error{Pos: diag.Pos{File: xs.name, Line: line, Column: col}, Code: CodeDuplicate,
			Message: fmt.Sprintf("element %s appears twice in one submission (first at %d:%d): a checklist's form has no repeats", path, r.lines[i], r.cols[i])}
	}
	r.cells[i], r.lines[i], r.cols[i] = korto.Str(value), line, col
	return nil
}
