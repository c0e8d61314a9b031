package lsp

import (
	"context"
	"encoding/json"
	"net"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"

	"github.com/cxkit/cxkit/dsl"
)

// client is a test's end of a connection to a server in the same
// process: it speaks the protocol over a pipe, as an editor does.
type client struct {
	t     testing.TB
	conn  jsonrpc2.Conn
	diags chan protocol.PublishDiagnosticsParams
	done  chan error
}

func newClient(t testing.TB) *client {
	t.Helper()
	a, b := net.Pipe()
	ctx, cancel := context.WithCancel(context.Background())
	c := &client{t: t, diags: make(chan protocol.PublishDiagnosticsParams, 16), done: make(chan error, 1)}
	go func() { c.done <- Serve(ctx, a) }()
	c.conn = jsonrpc2.NewConn(jsonrpc2.NewStream(b))
	c.conn.Go(ctx, func(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) error {
		if req.Method() == protocol.MethodTextDocumentPublishDiagnostics {
			var p protocol.PublishDiagnosticsParams
			if err := json.Unmarshal(req.Params(), &p); err != nil {
				t.Error(err)
			}
			c.diags <- p
		}
		return reply(ctx, nil, nil)
	})
	t.Cleanup(func() {
		c.call(protocol.MethodShutdown, nil, nil)
		c.conn.Notify(context.Background(), protocol.MethodExit, nil)
		select {
		case err := <-c.done:
			if err != nil {
				t.Errorf("Serve: %v", err)
			}
		case <-time.After(5 * time.Second):
			t.Error("the server did not stop on exit")
		}
		cancel()
		b.Close()
	})
	var init protocol.InitializeResult
	c.call(protocol.MethodInitialize, &protocol.InitializeParams{}, &init)
	if init.Capabilities.HoverProvider != true || init.Capabilities.DocumentFormattingProvider != true {
		t.Fatalf("capabilities: %+v", init.Capabilities)
	}
	return c
}

func (c *client) call(method string, params, result any) {
	c.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if _, err := c.conn.Call(ctx, method, params, result); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
}

func (c *client) open(uri, text string) protocol.PublishDiagnosticsParams {
	c.t.Helper()
	c.conn.Notify(context.Background(), protocol.MethodTextDocumentDidOpen, &protocol.DidOpenTextDocumentParams{
		TextDocument: protocol.TextDocumentItem{URI: protocol.DocumentURI(uri), LanguageID: "korto", Version: 1, Text: text}})
	return c.published()
}

func (c *client) change(uri, text string, version int32) protocol.PublishDiagnosticsParams {
	c.t.Helper()
	c.conn.Notify(context.Background(), protocol.MethodTextDocumentDidChange, &protocol.DidChangeTextDocumentParams{
		TextDocument:   protocol.VersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: protocol.DocumentURI(uri)}, Version: version},
		ContentChanges: []protocol.TextDocumentContentChangeEvent{{Text: text}}})
	return c.published()
}

func (c *client) published() protocol.PublishDiagnosticsParams {
	c.t.Helper()
	select {
	case p := <-c.diags:
		return p
	case <-time.After(10 * time.Second):
		c.t.Fatal("no diagnostics published")
	}
	return protocol.PublishDiagnosticsParams{}
}

func at(uri string, line, char uint32) protocol.TextDocumentPositionParams {
	return protocol.TextDocumentPositionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: protocol.DocumentURI(uri)},
		Position:     protocol.Position{Line: line, Character: char},
	}
}

// position finds the n-th (from 0) occurrence of needle in text, plus
// skip bytes, as an LSP position: in UTF-16 units.
func position(t *testing.T, text, needle string, skip int) protocol.Position {
	t.Helper()
	i := strings.Index(text, needle)
	if i < 0 {
		t.Fatalf("%q not in the text", needle)
	}
	return newLines([]byte(text)).pos(i + skip)
}

// apply makes LSP edits, given in UTF-16 positions, to text.
func apply(text string, edits []protocol.TextEdit) string {
	l := newLines([]byte(text))
	slices.SortFunc(edits, func(a, b protocol.TextEdit) int { return l.offset(b.Range.Start) - l.offset(a.Range.Start) })
	for _, e := range edits {
		text = text[:l.offset(e.Range.Start)] + e.NewText + text[l.offset(e.Range.End):]
	}
	return text
}

const uri = "file:///work/visit/mall.korto"

const cyrillic = `checklist c "Проверка" {
  choice lifts {
    all "Все" = 1
    none "Нет" = 0
  }
  level 1 "Основа" {
    section вход "Вход" weight 2 {
      question чисто "Чисто" weight 3 critical
      question лифты "Лифты" lifts
    }
    question двери "Двери" when чисто and лифты == all
  }
}
`

func TestDiagnosticsAndQuickFix(t *testing.T) {
	c := newClient(t)
	// A Cyrillic ID before the mistake: the column is in UTF-16 units.
	text := strings.Replace(cyrillic, "when чисто and", "when чисто = да and", 1)
	p := c.open(uri, text)
	if len(p.Diagnostics) != 1 {
		t.Fatalf("diagnostics: %+v", p.Diagnostics)
	}
	d := p.Diagnostics[0]
	want := position(t, text, "= да", 0)
	if d.Range.Start != want || d.Code != "syntax" || d.Severity != protocol.DiagnosticSeverityError || !strings.Contains(d.Message, "hint: write when чисто") {
		t.Fatalf("diagnostic %+v, want at %+v", d, want)
	}
	var actions []protocol.CodeAction
	c.call(protocol.MethodTextDocumentCodeAction, &protocol.CodeActionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: uri}, Range: d.Range,
		Context: protocol.CodeActionContext{Diagnostics: p.Diagnostics}}, &actions)
	if len(actions) != 1 || actions[0].Kind != protocol.QuickFix {
		t.Fatalf("code actions: %+v", actions)
	}
	fixed := apply(text, actions[0].Edit.Changes[uri])
	if fixed != cyrillic {
		t.Fatalf("the quick fix gives\n%s\nwant\n%s", fixed, cyrillic)
	}
	if p := c.change(uri, fixed, 2); len(p.Diagnostics) != 0 || p.Version != 2 {
		t.Fatalf("after the fix: %+v", p)
	}
}

func TestFormatting(t *testing.T) {
	c := newClient(t)
	text := strings.ReplaceAll(cyrillic, "  ", "\t")
	c.open(uri, text)
	var edits []protocol.TextEdit
	c.call(protocol.MethodTextDocumentFormatting, &protocol.DocumentFormattingParams{TextDocument: protocol.TextDocumentIdentifier{URI: uri}}, &edits)
	want, err := dsl.Format([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if got := apply(text, edits); got != string(want) {
		t.Fatalf("formatted:\n%s\nwant:\n%s", got, want)
	}
	c.change(uri, string(want), 2)
	c.call(protocol.MethodTextDocumentFormatting, &protocol.DocumentFormattingParams{TextDocument: protocol.TextDocumentIdentifier{URI: uri}}, &edits)
	if len(edits) != 0 {
		t.Fatalf("a formatted text gets edits: %+v", edits)
	}
}

func TestSymbols(t *testing.T) {
	c := newClient(t)
	c.open(uri, cyrillic)
	var syms []protocol.DocumentSymbol
	c.call(protocol.MethodTextDocumentDocumentSymbol, &protocol.DocumentSymbolParams{TextDocument: protocol.TextDocumentIdentifier{URI: uri}}, &syms)
	var outline func([]protocol.DocumentSymbol, string) string
	outline = func(ss []protocol.DocumentSymbol, indent string) string {
		var b strings.Builder
		for _, s := range ss {
			b.WriteString(indent + s.Name + " " + s.Detail + "\n")
			b.WriteString(outline(s.Children, indent+"  "))
		}
		return b.String()
	}
	want := `lifts 2 options
level 1 Основа
  вход Вход
    чисто Чисто
    лифты Лифты
  двери Двери
`
	if got := outline(syms, ""); got != want {
		t.Fatalf("outline:\n%s\nwant:\n%s", got, want)
	}
}

func TestHover(t *testing.T) {
	c := newClient(t)
	c.open(uri, cyrillic)
	var h protocol.Hover
	p := position(t, cyrillic, "чисто \"Чисто\"", 2)
	c.call(protocol.MethodTextDocumentHover, &protocol.HoverParams{TextDocumentPositionParams: at(uri, p.Line, p.Character)}, &h)
	// вход weighs 2 of 3 (with двери's 1); чисто 3 of 4 in it: 50%.
	for _, want := range []string{"yes/no", "answers: `yes`, `no`", "weight 3, 50.0% of level 1's score", "**critical**"} {
		if !strings.Contains(h.Contents.Value, want) {
			t.Errorf("hover lacks %q:\n%s", want, h.Contents.Value)
		}
	}
	p = position(t, cyrillic, "двери", 0)
	c.call(protocol.MethodTextDocumentHover, &protocol.HoverParams{TextDocumentPositionParams: at(uri, p.Line, p.Character)}, &h)
	if !strings.Contains(h.Contents.Value, "asked when `чисто and лифты == all`") || !strings.Contains(h.Contents.Value, "33.3%") {
		t.Errorf("hover:\n%s", h.Contents.Value)
	}
	// The default pass mark, 0.8, is spelled as the checklist writes it
	// (korto.FormatPercent), not as a measured share with one decimal.
	p = position(t, cyrillic, "level 1", 6)
	c.call(protocol.MethodTextDocumentHover, &protocol.HoverParams{TextDocumentPositionParams: at(uri, p.Line, p.Character)}, &h)
	if want := "pass 80%, weight 1"; !strings.Contains(h.Contents.Value, want) {
		t.Errorf("level hover lacks %q:\n%s", want, h.Contents.Value)
	}
}

func TestCompletion(t *testing.T) {
	c := newClient(t)
	text := strings.Replace(cyrillic, "when чисто and лифты == all", "when ", 1)
	c.open(uri, text)
	labels := func(line, char uint32) []string {
		var l protocol.CompletionList
		c.call(protocol.MethodTextDocumentCompletion, &protocol.CompletionParams{TextDocumentPositionParams: at(uri, line, char)}, &l)
		var out []string
		for _, it := range l.Items {
			out = append(out, it.Label)
		}
		return out
	}
	p := position(t, text, "when ", 5)
	if got := labels(p.Line, p.Character); !slices.Contains(got, "чисто") || !slices.Contains(got, "лифты") || slices.Contains(got, "двери") {
		t.Errorf("in when: %v", got)
	}
	text = strings.Replace(cyrillic, "лифты == all", "лифты == ", 1)
	c.change(uri, text, 2)
	p = position(t, text, "лифты == ", len("лифты == "))
	if got := labels(p.Line, p.Character); !slices.Equal(got, []string{"all", "none"}) {
		t.Errorf("after ==: %v", got)
	}
	p = position(t, text, "    question лифты", 4)
	if got := labels(p.Line, p.Character); !slices.Contains(got, "question") || !slices.Contains(got, "section") || slices.Contains(got, "level") {
		t.Errorf("at a line's start in a section: %v", got)
	}
	p = position(t, text, `"Лифты" lifts`, len(`"Лифты" `))
	if got := labels(p.Line, p.Character); !slices.Contains(got, "lifts") || !slices.Contains(got, "measure") {
		t.Errorf("after a question's text: %v", got)
	}
	text = strings.Replace(cyrillic, `"Проверка"`, `"Проверка" @`, 1)
	c.change(uri, text, 3)
	p = position(t, text, "@", 1)
	if got := labels(p.Line, p.Character); !slices.Contains(got, "en") {
		t.Errorf("after @: %v", got)
	}
	for _, kw := range slices.Concat(kindWords, modifierWords, operatorWords, blockWords["checklist"], blockWords["level"]) {
		if !slices.Contains(dsl.Keywords(), kw) {
			t.Errorf("offered keyword %q is none of the language", kw)
		}
	}
}

func TestDefinitionReferencesRename(t *testing.T) {
	c := newClient(t)
	c.open(uri, cyrillic)
	use := position(t, cyrillic, "лифты == all", 2)
	var locs []protocol.Location
	c.call(protocol.MethodTextDocumentDefinition, &protocol.DefinitionParams{TextDocumentPositionParams: at(uri, use.Line, use.Character)}, &locs)
	decl := position(t, cyrillic, `лифты "Лифты"`, 0)
	if len(locs) != 1 || locs[0].Range.Start != decl {
		t.Fatalf("definition: %+v, want %+v", locs, decl)
	}
	// The option all: declared in the choice, used in the condition.
	opt := position(t, cyrillic, "== all", 3)
	c.call(protocol.MethodTextDocumentReferences, &protocol.ReferenceParams{TextDocumentPositionParams: at(uri, opt.Line, opt.Character),
		Context: protocol.ReferenceContext{IncludeDeclaration: true}}, &locs)
	if len(locs) != 2 || locs[0].Range.Start != position(t, cyrillic, `all "Все"`, 0) {
		t.Fatalf("references of all: %+v", locs)
	}
	// The scale/choice name: declaration and kind.
	kind := position(t, cyrillic, `"Лифты" lifts`, len(`"Лифты" `))
	c.call(protocol.MethodTextDocumentDefinition, &protocol.DefinitionParams{TextDocumentPositionParams: at(uri, kind.Line, kind.Character)}, &locs)
	if len(locs) != 1 || locs[0].Range.Start != position(t, cyrillic, "lifts {", 0) {
		t.Fatalf("definition of lifts: %+v", locs)
	}
	var edit protocol.WorkspaceEdit
	c.call(protocol.MethodTextDocumentRename, &protocol.RenameParams{TextDocumentPositionParams: at(uri, decl.Line, decl.Character), NewName: "лифты_ок"}, &edit)
	renamed := apply(cyrillic, edit.Changes[uri])
	if strings.Count(renamed, "лифты_ок") != 2 {
		t.Fatalf("renamed:\n%s", renamed)
	}
	if p := c.change(uri, renamed, 2); len(p.Diagnostics) != 0 {
		t.Fatalf("the renamed file has problems: %+v", p.Diagnostics)
	}
	ctx := context.Background()
	if _, err := c.conn.Call(ctx, protocol.MethodTextDocumentRename, &protocol.RenameParams{TextDocumentPositionParams: at(uri, decl.Line, decl.Character), NewName: "question"}, &edit); err == nil {
		t.Error("renaming to a keyword succeeds")
	}
}

func TestMallOpens(t *testing.T) {
	src, err := os.ReadFile("../examples/mall/mall.korto")
	if err != nil {
		t.Fatal(err)
	}
	c := newClient(t)
	if p := c.open(uri, string(src)); len(p.Diagnostics) != 0 {
		t.Fatalf("mall.korto: %+v", p.Diagnostics)
	}
}
