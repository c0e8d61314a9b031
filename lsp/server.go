// Package lsp is the language server of the .korto checklist language:
// it gives editors that speak the Language Server Protocol (3.17) the
// parser's and validator's diagnostics as the user types, with quick
// fixes, the canonical format, an outline, hovers, completion,
// go-to-definition, references and rename. cxkit lsp runs it on stdio.
//
// The protocol's framing and types come from go.lsp.dev/jsonrpc2 and
// go.lsp.dev/protocol; everything the server knows about the language
// comes from packages dsl and korto.
package lsp

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/url"
	"path"
	"strings"
	"sync"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
)

// Server holds the documents a client has open. The zero Server is
// ready to use; one Server serves one connection.
type Server struct {
	mu       sync.Mutex
	docs     map[string]*document
	conn     jsonrpc2.Conn
	shutdown bool
	exited   bool
}

// Serve runs the server on rwc (stdin and stdout for cxkit lsp) until
// the client sends exit, the connection closes, or ctx is done. It
// returns nil after a shutdown request and an exit, and an error for an
// exit without a shutdown, which LSP asks to end with a failure.
func Serve(ctx context.Context, rwc io.ReadWriteCloser) error {
	s := &Server{}
	conn := jsonrpc2.NewConn(jsonrpc2.NewStream(rwc))
	s.conn = conn
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	conn.Go(ctx, s.handle(cancel))
	select {
	case <-ctx.Done():
		// Closing stops a pipe's reader; standard input has no close,
		// and its reader ends with the process, which the exit ends.
		conn.Close()
	case <-conn.Done():
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.shutdown {
		return nil
	}
	if s.exited {
		return errors.New("exit without a shutdown request first")
	}
	if err := conn.Err(); err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, context.Canceled) && !strings.Contains(err.Error(), "closed") {
		return err
	}
	return nil
}

// stdio joins standard input and output into the connection Serve takes.
type stdio struct {
	io.Reader
	io.Writer
}

func (stdio) Close() error { return nil }

// ServeStdio runs the server on r and w, as cxkit lsp does with the
// process's standard input and output.
func ServeStdio(ctx context.Context, r io.Reader, w io.Writer) error {
	return Serve(ctx, stdio{r, w})
}

func (s *Server) handle(exit context.CancelFunc) jsonrpc2.Handler {
	return func(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) error {
		params := req.Params()
		decode := func(v any) bool {
			if err := json.Unmarshal(params, v); err != nil {
				reply(ctx, nil, jsonrpc2.Errorf(jsonrpc2.InvalidParams, "%s: %v", req.Method(), err))
				return false
			}
			return true
		}
		switch req.Method() {
		case protocol.MethodInitialize:
			return reply(ctx, initializeResult(), nil)
		case protocol.MethodInitialized:
			return nil
		case protocol.MethodShutdown:
			s.mu.Lock()
			s.shutdown = true
			s.mu.Unlock()
			return reply(ctx, nil, nil)
		case protocol.MethodExit:
			s.mu.Lock()
			s.exited = true
			s.mu.Unlock()
			exit()
			return nil
		case protocol.MethodTextDocumentDidOpen:
			var p protocol.DidOpenTextDocumentParams
			if !decode(&p) {
				return nil
			}
			return s.update(ctx, string(p.TextDocument.URI), p.TextDocument.Version, []byte(p.TextDocument.Text))
		case protocol.MethodTextDocumentDidChange:
			var p protocol.DidChangeTextDocumentParams
			if !decode(&p) || len(p.ContentChanges) == 0 {
				return nil
			}
			// Full sync: the last change holds the whole text.
			text := p.ContentChanges[len(p.ContentChanges)-1].Text
			return s.update(ctx, string(p.TextDocument.URI), p.TextDocument.Version, []byte(text))
		case protocol.MethodTextDocumentDidClose:
			var p protocol.DidCloseTextDocumentParams
			if !decode(&p) {
				return nil
			}
			s.mu.Lock()
			delete(s.docs, string(p.TextDocument.URI))
			s.mu.Unlock()
			return s.conn.Notify(ctx, protocol.MethodTextDocumentPublishDiagnostics,
				&protocol.PublishDiagnosticsParams{URI: p.TextDocument.URI, Diagnostics: []protocol.Diagnostic{}})
		case protocol.MethodTextDocumentDidSave:
			return nil
		}
		// The requests on one document.
		var p struct {
			TextDocument protocol.TextDocumentIdentifier `json:"textDocument"`
		}
		if !decode(&p) {
			return nil
		}
		d := s.doc(string(p.TextDocument.URI))
		if d == nil {
			return reply(ctx, nil, jsonrpc2.Errorf(jsonrpc2.InvalidParams, "%s is not open", p.TextDocument.URI))
		}
		switch req.Method() {
		case protocol.MethodTextDocumentFormatting:
			return reply(ctx, d.format(), nil)
		case protocol.MethodTextDocumentDocumentSymbol:
			return reply(ctx, d.symbols(), nil)
		case protocol.MethodTextDocumentCodeAction:
			var a protocol.CodeActionParams
			if !decode(&a) {
				return nil
			}
			return reply(ctx, d.codeActions(a.Range), nil)
		case protocol.MethodTextDocumentHover:
			var a protocol.HoverParams
			if !decode(&a) {
				return nil
			}
			return reply(ctx, d.hover(a.Position), nil)
		case protocol.MethodTextDocumentCompletion:
			var a protocol.CompletionParams
			if !decode(&a) {
				return nil
			}
			return reply(ctx, d.complete(a.Position), nil)
		case protocol.MethodTextDocumentDefinition:
			var a protocol.DefinitionParams
			if !decode(&a) {
				return nil
			}
			return reply(ctx, d.definition(a.Position), nil)
		case protocol.MethodTextDocumentReferences:
			var a protocol.ReferenceParams
			if !decode(&a) {
				return nil
			}
			return reply(ctx, d.references(a.Position, a.Context.IncludeDeclaration), nil)
		case protocol.MethodTextDocumentPrepareRename:
			var a protocol.PrepareRenameParams
			if !decode(&a) {
				return nil
			}
			return reply(ctx, d.prepareRename(a.Position), nil)
		case protocol.MethodTextDocumentRename:
			var a protocol.RenameParams
			if !decode(&a) {
				return nil
			}
			edit, err := d.rename(a.Position, a.NewName)
			if err != nil {
				return reply(ctx, nil, jsonrpc2.NewError(jsonrpc2.InvalidParams, err.Error()))
			}
			return reply(ctx, edit, nil)
		}
		return reply(ctx, nil, jsonrpc2.Errorf(jsonrpc2.MethodNotFound, "method not supported: %s", req.Method()))
	}
}

func initializeResult() *protocol.InitializeResult {
	return &protocol.InitializeResult{
		Capabilities: protocol.ServerCapabilities{
			TextDocumentSync: &protocol.TextDocumentSyncOptions{
				OpenClose: true,
				Change:    protocol.TextDocumentSyncKindFull,
			},
			CompletionProvider: &protocol.CompletionOptions{
				TriggerCharacters: []string{"@", " ", "(", ","},
			},
			HoverProvider:              true,
			DefinitionProvider:         true,
			ReferencesProvider:         true,
			DocumentSymbolProvider:     true,
			DocumentFormattingProvider: true,
			CodeActionProvider: &protocol.CodeActionOptions{
				CodeActionKinds: []protocol.CodeActionKind{protocol.QuickFix},
			},
			RenameProvider: &protocol.RenameOptions{PrepareProvider: true},
		},
		ServerInfo: &protocol.ServerInfo{Name: "cxkit lsp"},
	}
}

func (s *Server) doc(uri string) *document {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.docs[uri]
}

// update analyzes a new text of a document and publishes its
// diagnostics.
func (s *Server) update(ctx context.Context, uri string, version int32, text []byte) error {
	s.mu.Lock()
	if s.docs == nil {
		s.docs = map[string]*document{}
	}
	d := analyze(uri, version, text, s.docs[uri])
	s.docs[uri] = d
	s.mu.Unlock()
	return s.conn.Notify(ctx, protocol.MethodTextDocumentPublishDiagnostics, d.publish())
}

// fileName is the base name of a document's URI, which diagnostics name.
func fileName(uri string) string {
	if u, err := url.Parse(uri); err == nil && u.Path != "" {
		return path.Base(u.Path)
	}
	return path.Base(uri)
}
