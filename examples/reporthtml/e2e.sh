#!/usr/bin/env bash
# Browser test of the HTML reports (cxkit report --html, cxkit score
# --html): e2e.mjs renders them for several examples, opens each in
# headless Chromium at 1280 px, at 390 px and as printed on A4, checks
# them against the --json of the same input, and writes screenshots and
# PDFs to look at.
#
#   examples/reporthtml/e2e.sh            # from anywhere
#
# Needs Node 20+, npm, Debian's chromium (/usr/bin/chromium, or set
# CHROMIUM) and a font with Cyrillic (fonts-dejavu-core). Without
# chromium it skips and exits 0, unless E2E_REQUIRED=1 (CI sets it).
# Output goes to $E2E_OUT (default testoutput/reporthtml at the
# repository root): NAME.html, NAME.json, NAME-1280.png, NAME-390.png,
# NAME-print.png and NAME.pdf per page.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=${E2E_OUT:-$root/testoutput/reporthtml}
export CHROMIUM=${CHROMIUM:-/usr/bin/chromium}

if [ ! -x "$CHROMIUM" ]; then
  if [ "${E2E_REQUIRED:-0}" = 1 ]; then
    echo "e2e: no chromium at $CHROMIUM (apt-get install -y chromium)" >&2
    exit 1
  fi
  echo "e2e: SKIP: no chromium at $CHROMIUM (apt-get install -y chromium, or set CHROMIUM)"
  exit 0
fi
# Without a font that has Cyrillic, Chromium draws the Russian reports
# as boxes; e2e.mjs would fail on it too, but this names the cause.
if command -v fc-list >/dev/null && [ -z "$(fc-list :lang=ru family)" ]; then
  echo "e2e: no font with Cyrillic is installed (apt-get install -y fonts-dejavu-core)" >&2
  exit 1
fi
mkdir -p "$out"

cd "$here"
npm ci --no-audit --no-fund --loglevel=error
(cd "$root" && go build -o "$out/cxkit" ./cmd/cxkit)
node e2e.mjs "$out/cxkit" "$out"
echo "e2e: PASS (screenshots and PDFs in $out)"
