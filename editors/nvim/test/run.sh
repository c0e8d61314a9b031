#!/usr/bin/env bash
# Drives `cxkit lsp` from headless Neovim (its built-in LSP client): open
# a checklist with a mistake, receive the diagnostic, apply its quick
# fix, format, go to a definition, complete an ID in a when, hover.
set -euo pipefail
cd "$(dirname "$0")/../../.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/cxkit" ./cmd/cxkit
# One mistake: a misspelt ID in the first condition on has_parking.
sed '0,/when has_parking/s//when has_parkin/' examples/mall/mall.korto > "$tmp/mall.korto"
CXKIT="$tmp/cxkit" KORTO_FILE="$tmp/mall.korto" \
  timeout 60 nvim --headless --clean -u NONE -n -c "luafile editors/nvim/test/lsp_test.lua" -c "cquit 3" 2>&1
