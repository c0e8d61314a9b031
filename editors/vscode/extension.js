// The VS Code side of the .korto language: it starts `cxkit lsp` and
// lets VS Code's language client do the rest. Everything the editor
// shows about a checklist (errors, fixes, hovers, completion, outline,
// format) comes from the server, so VS Code, Neovim and any other LSP
// client agree.
'use strict';

const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration('korto').get('server.path') || 'cxkit';
  const server = { command, args: ['lsp'] };
  client = new LanguageClient('korto', 'KORTO (cxkit lsp)', { run: server, debug: server }, {
    documentSelector: [{ language: 'korto' }],
  });
  context.subscriptions.push(client);
  // Without this, a cxkit that is not on VS Code's PATH (an editor
  // started from a desktop menu does not see a PATH set in a shell
  // profile) shows only the client's "spawn cxkit ENOENT".
  return client.start().catch((err) => {
    vscode.window.showErrorMessage(
      `KORTO: could not start "${command} lsp": ${err && err.message ? err.message : err}. ` +
      'Install cxkit (go install ./cmd/cxkit in a clone of cxkit) and put it on the PATH, ' +
      'or set korto.server.path to the full path of the cxkit program.');
  });
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
