package main

import (
	"fmt"
	"strings"
	"testing"
)

// lspMessages frames JSON-RPC messages as a client writes them.
func lspMessages(msgs ...string) string {
	var b strings.Builder
	for _, m := range msgs {
		fmt.Fprintf(&b, "Content-Length: %d\r\n\r\n%s", len(m), m)
	}
	return b.String()
}

// TestLSP: cxkit lsp answers on standard output, exits 0 after shutdown
// and exit, 1 after an exit without shutdown (as LSP asks), and 2 when
// given arguments.
func TestLSP(t *testing.T) {
	initialize := `{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}`
	open := `{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///x/a.korto","languageId":"korto","version":1,"text":"checklist c \"C\" {\n  level 1 \"L\" {\n    qestion q \"Q\"\n  }\n}\n"}}}`
	shutdown := `{"jsonrpc":"2.0","id":2,"method":"shutdown"}`
	exit := `{"jsonrpc":"2.0","method":"exit"}`
	stdout, stderr, code := runCmd(t, lspMessages(initialize, open, shutdown, exit), "lsp")
	if code != exitOK || !strings.Contains(stdout, `"documentFormattingProvider":true`) ||
		!strings.Contains(stdout, `unknown keyword \"qestion\"; did you mean \"question\"?`) {
		t.Errorf("exit %d, stderr %q, stdout:\n%s", code, stderr, stdout)
	}
	if _, _, code := runCmd(t, lspMessages(initialize, exit), "lsp"); code != exitInput {
		t.Errorf("exit without shutdown: exit %d, want 1", code)
	}
	if _, _, code := runCmd(t, "", "lsp", "extra"); code != exitUsage {
		t.Errorf("lsp extra: exit %d, want 2", code)
	}
}
