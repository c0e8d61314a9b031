package lsp

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"unicode"
	"unicode/utf8"

	"go.lsp.dev/protocol"

	"github.com/cxkit/cxkit/dsl"
	"github.com/cxkit/cxkit/korto"
)

// publish turns the document's diagnostics into the protocol's.
func (d *document) publish() *protocol.PublishDiagnosticsParams {
	out := make([]protocol.Diagnostic, 0, len(d.diags))
	for _, k := range d.diags {
		out = append(out, d.diagnostic(k))
	}
	return &protocol.PublishDiagnosticsParams{
		URI:         protocol.DocumentURI(d.uri),
		Version:     uint32(max(d.version, 0)),
		Diagnostics: out,
	}
}

func (d *document) diagnostic(k *korto.Diagnostic) protocol.Diagnostic {
	sev := protocol.DiagnosticSeverityError
	if k.Severity == korto.SeverityWarning {
		sev = protocol.DiagnosticSeverityWarning
	}
	msg := k.Message
	if k.Hint != "" {
		msg += "\nhint: " + k.Hint
	}
	return protocol.Diagnostic{
		Range:    d.diagRange(k),
		Severity: sev,
		Code:     k.Code,
		Source:   "cxkit",
		Message:  msg,
	}
}

// diagRange covers the word a diagnostic points at, or one character.
func (d *document) diagRange(k *korto.Diagnostic) protocol.Range {
	if !k.Pos.IsValid() {
		return protocol.Range{}
	}
	off := min(k.Pos.Offset, len(d.text))
	return d.lines.rng(off, wordEnd(d.text, off))
}

// wordEnd returns the end of the identifier or number at off, or of
// the one character there when it is neither.
func wordEnd(text []byte, off int) int {
	i := off
	for i < len(text) {
		r, size := utf8.DecodeRune(text[i:])
		if r != '_' && !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.In(r, unicode.Mn, unicode.Mc) {
			break
		}
		i += size
	}
	if i == off && off < len(text) && text[off] != '\n' {
		_, size := utf8.DecodeRune(text[off:])
		i += size
	}
	return i
}

// codeActions offers the fixes of the diagnostics that touch rng.
func (d *document) codeActions(rng protocol.Range) []protocol.CodeAction {
	from, to := d.lines.offset(rng.Start), d.lines.offset(rng.End)
	actions := []protocol.CodeAction{}
	for _, k := range d.diags {
		if k.Fix == nil || !k.Pos.IsValid() {
			continue
		}
		end := wordEnd(d.text, k.Pos.Offset)
		if end < from || k.Pos.Offset > to {
			continue
		}
		title := k.Hint
		if title == "" {
			title = "fix: " + k.Message
		}
		actions = append(actions, protocol.CodeAction{
			Title:       title,
			Kind:        protocol.QuickFix,
			Diagnostics: []protocol.Diagnostic{d.diagnostic(k)},
			IsPreferred: true,
			Edit: &protocol.WorkspaceEdit{Changes: map[protocol.DocumentURI][]protocol.TextEdit{
				protocol.DocumentURI(d.uri): {{Range: d.lines.rng(k.Fix.Offset, k.Fix.End), NewText: k.Fix.Text}},
			}},
		})
	}
	return actions
}

// format returns the edit that makes the document canonical: none when
// it is, or when it does not parse (the diagnostics say why).
func (d *document) format() []protocol.TextEdit {
	out, err := dsl.Format(d.text)
	if err != nil || bytes.Equal(out, d.text) {
		return []protocol.TextEdit{}
	}
	return []protocol.TextEdit{{Range: d.lines.rng(0, len(d.text)), NewText: string(out)}}
}

// symbols is the outline: levels, their sections and questions, the
// survey's questions, the scales and choices, nested as in the source.
// It is built from the names of the text itself, so it follows the
// user's typing even while the text does not parse.
func (d *document) symbols() []protocol.DocumentSymbol {
	type open struct {
		sym *protocol.DocumentSymbol
		end int
	}
	var root protocol.DocumentSymbol
	stack := []open{{sym: &root, end: len(d.text) + 1}}
	for _, n := range d.names {
		if !n.Decl || n.Kind == dsl.NameOption {
			continue
		}
		for len(stack) > 1 && n.Offset >= stack[len(stack)-1].end {
			stack = stack[:len(stack)-1]
		}
		start := bytes.LastIndexByte(d.text[:n.Offset], '\n') + 1
		end := n.BlockEnd
		if end == n.End {
			end = lineEnd(d.text, n.Offset)
		}
		sym := protocol.DocumentSymbol{
			Name:           n.Name,
			Detail:         d.detail(n),
			Kind:           symbolKind(n.Kind),
			Range:          d.lines.rng(start, end),
			SelectionRange: d.lines.rng(n.Offset, n.End),
		}
		if n.Kind == dsl.NameLevel {
			sym.Name = "level " + n.Name
		}
		top := stack[len(stack)-1].sym
		top.Children = append(top.Children, sym)
		if n.BlockEnd > n.End {
			stack = append(stack, open{sym: &top.Children[len(top.Children)-1], end: n.BlockEnd})
		}
	}
	if root.Children == nil {
		return []protocol.DocumentSymbol{}
	}
	return root.Children
}

func lineEnd(text []byte, off int) int {
	if i := bytes.IndexByte(text[off:], '\n'); i >= 0 {
		return off + i
	}
	return len(text)
}

func symbolKind(k dsl.NameKind) protocol.SymbolKind {
	switch k {
	case dsl.NameLevel:
		return protocol.SymbolKindNamespace
	case dsl.NameSection:
		return protocol.SymbolKindModule
	case dsl.NameQuestion:
		return protocol.SymbolKindField
	case dsl.NameScale:
		return protocol.SymbolKindTypeParameter
	case dsl.NameChoice:
		return protocol.SymbolKindEnum
	}
	return protocol.SymbolKindVariable
}

// detail is a symbol's text, from the checklist.
func (d *document) detail(n dsl.Name) string {
	c := d.checklist
	if c == nil {
		return ""
	}
	switch n.Kind {
	case dsl.NameQuestion:
		if q := c.Question(n.Name); q != nil {
			return q.Text.Text
		}
	case dsl.NameSection:
		if s := findSection(c, n.Name); s != nil {
			return s.Title.Text
		}
	case dsl.NameLevel:
		for _, l := range c.Levels {
			if l != nil && strconv.Itoa(l.Number) == n.Name {
				return l.Title.Text
			}
		}
	case dsl.NameScale:
		if s := c.Scale(n.Name); s != nil {
			return korto.FormatNumber(s.Lo) + ".." + korto.FormatNumber(s.Hi)
		}
	case dsl.NameChoice:
		if ch := c.Choice(n.Name); ch != nil {
			return fmt.Sprintf("%d options", len(ch.Options))
		}
	}
	return ""
}

func findSection(c *korto.Checklist, id string) *korto.Section {
	var found *korto.Section
	var walk func([]korto.Item)
	walk = func(items []korto.Item) {
		for _, it := range items {
			if s := it.Section; s != nil && found == nil {
				if s.ID == id {
					found = s
					return
				}
				walk(s.Items)
			}
		}
	}
	for _, l := range c.Levels {
		if l != nil {
			walk(l.Items)
		}
	}
	return found
}

// definition is where the name under the cursor is declared.
func (d *document) definition(p protocol.Position) []protocol.Location {
	n := d.nameAt(d.lines.offset(p))
	if n == nil {
		return []protocol.Location{}
	}
	all := d.same(n)
	if len(all) == 0 || !all[0].Decl {
		return []protocol.Location{}
	}
	return []protocol.Location{d.location(all[0])}
}

func (d *document) location(n dsl.Name) protocol.Location {
	return protocol.Location{URI: protocol.DocumentURI(d.uri), Range: d.lines.rng(n.Offset, n.End)}
}

// references lists every mention of the name under the cursor.
func (d *document) references(p protocol.Position, decl bool) []protocol.Location {
	n := d.nameAt(d.lines.offset(p))
	out := []protocol.Location{}
	if n == nil {
		return out
	}
	for _, m := range d.same(n) {
		if m.Decl && !decl {
			continue
		}
		out = append(out, d.location(m))
	}
	return out
}

// prepareRename tells the client what rename would change: the name
// under the cursor, unless it is a level's number.
func (d *document) prepareRename(p protocol.Position) *protocol.Range {
	n := d.nameAt(d.lines.offset(p))
	if n == nil || n.Kind == dsl.NameLevel {
		return nil
	}
	r := d.lines.rng(n.Offset, n.End)
	return &r
}

// rename renames the name under the cursor in the whole file.
func (d *document) rename(p protocol.Position, to string) (*protocol.WorkspaceEdit, error) {
	n := d.nameAt(d.lines.offset(p))
	if n == nil || n.Kind == dsl.NameLevel {
		return nil, fmt.Errorf("no ID, scale, choice or option here to rename")
	}
	if !isIdent(to) {
		return nil, fmt.Errorf("%q is not an ID: an ID is a letter or _, then letters, digits and _", to)
	}
	if slices.Contains(dsl.Keywords(), to) {
		return nil, fmt.Errorf("%q is a keyword of the language", to)
	}
	k := d.keyOf(n)
	for i := range d.names {
		m := &d.names[i]
		if mk := d.keyOf(m); mk.space == k.space && mk.scope == k.scope && m.Name == to && m.Decl {
			return nil, fmt.Errorf("%q is already declared at line %d", to, d.lines.pos(m.Offset).Line+1)
		}
	}
	var edits []protocol.TextEdit
	for _, m := range d.same(n) {
		edits = append(edits, protocol.TextEdit{Range: d.lines.rng(m.Offset, m.End), NewText: to})
	}
	return &protocol.WorkspaceEdit{Changes: map[protocol.DocumentURI][]protocol.TextEdit{protocol.DocumentURI(d.uri): edits}}, nil
}

func isIdent(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if r == '_' || unicode.IsLetter(r) || i > 0 && (unicode.IsDigit(r) || unicode.In(r, unicode.Mn, unicode.Mc)) {
			continue
		}
		return false
	}
	return true
}
