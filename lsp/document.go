package lsp

import (
	"github.com/cxkit/cxkit/dsl"
	"github.com/cxkit/cxkit/korto"
)

// document is an open file as the server knows it: its text and what
// one parse of it teaches. Every edit replaces the whole document, so
// nothing in it is ever stale.
type document struct {
	uri     string
	version int32
	text    []byte
	lines   *lines
	diags   korto.Diagnostics
	names   []dsl.Name
	// checklist is the checklist of the text, or, while the text has
	// syntax errors, of the last text that parsed: the outline and
	// hovers stay useful while the user types.
	checklist *korto.Checklist
	qchoice   map[string]string // question ID -> the choice it is on
}

// analyze parses text and returns the document for it; prev, when not
// nil, is the document it replaces.
func analyze(uri string, version int32, text []byte, prev *document) *document {
	d := &document{uri: uri, version: version, text: text, lines: newLines(text)}
	c, diags := dsl.ParseWithDiagnostics(fileName(uri), text)
	d.diags = diags
	d.names = dsl.Names(text)
	d.checklist = c
	d.qchoice = map[string]string{}
	for i, n := range d.names {
		if n.Kind == dsl.NameQuestion && n.Decl && i+1 < len(d.names) {
			if m := d.names[i+1]; m.Kind == dsl.NameChoice && !m.Decl {
				d.qchoice[n.Name] = m.Name
			}
		}
	}
	if c == nil && prev != nil {
		d.checklist = prev.checklist
	}
	return d
}

// nameAt returns the name whose bytes hold off (or end at it, where a
// cursor after the last letter stands), or nil.
func (d *document) nameAt(off int) *dsl.Name {
	for i := range d.names {
		n := &d.names[i]
		if n.Offset <= off && off <= n.End {
			return n
		}
	}
	return nil
}

// key says which names are one: the kind's namespace, the name, and for
// an option its choice.
type key struct {
	space string
	name  string
	scope string
}

func (d *document) keyOf(n *dsl.Name) key {
	switch n.Kind {
	case dsl.NameQuestion, dsl.NameSection:
		return key{space: "id", name: n.Name}
	case dsl.NameScale, dsl.NameChoice:
		return key{space: "type", name: n.Name}
	case dsl.NameOption:
		scope := n.Scope
		if !n.Decl {
			scope = d.choiceOf(n.Scope)
		}
		return key{space: "option", name: n.Name, scope: scope}
	case dsl.NameLevel:
		return key{space: "level", name: n.Name}
	}
	return key{}
}

// choiceOf returns the choice that question id is on, by the names of
// the source: the choice named right after its declaration.
func (d *document) choiceOf(id string) string { return d.qchoice[id] }

// same returns every name that is one with n, declaration first.
func (d *document) same(n *dsl.Name) []dsl.Name {
	k := d.keyOf(n)
	var out []dsl.Name
	for i := range d.names {
		m := &d.names[i]
		if d.keyOf(m) == k {
			if m.Decl {
				out = append([]dsl.Name{*m}, out...)
			} else {
				out = append(out, *m)
			}
		}
	}
	return out
}
