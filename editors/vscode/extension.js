// The Ludus extension: the grammar, snippets and language configuration are declared in
// package.json; this file starts the language server (`ludus lsp`) and connects VS Code to it.
'use strict';
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

async function activate(context) {
  const config = vscode.workspace.getConfiguration('ludus');
  if (!config.get('server.enabled', true)) return;
  const command = config.get('server.path', 'ludus') || 'ludus';
  const serverOptions = { command, args: ['lsp'] };
  const clientOptions = {
    documentSelector: [{ scheme: 'file', language: 'ludus' }, { scheme: 'untitled', language: 'ludus' }],
    outputChannelName: 'Ludus',
  };
  client = new LanguageClient('ludus', 'Ludus', serverOptions, clientOptions);
  try {
    await client.start();
  } catch (err) {
    vscode.window.showErrorMessage(
      `Ludus: could not start the language server with "${command} lsp" (${err && err.message ? err.message : err}). ` +
      'Set "ludus.server.path" to your ludus command.');
  }
  context.subscriptions.push({ dispose: () => client && client.stop() });
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
