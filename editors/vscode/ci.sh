#!/usr/bin/env bash
# CI of the VS Code extension: install from the lockfile, test the
# grammar on every example checklist, and package the .vsix.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund --loglevel=error
node test/grammar.mjs
cp ../../LICENSE LICENSE
npx vsce package --out korto.vsix
