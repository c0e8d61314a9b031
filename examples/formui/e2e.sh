#!/usr/bin/env bash
# Browser test of the form example, end to end: build the page, serve the
# mall checklist with `cxkit serve-form` on a free localhost port, fill
# and submit the form in headless Chromium (e2e.mjs), then score the sheet
# the browser sent once more with `cxkit score` and check both agree.
# Then the stock-engine tests: engines.mjs (Node) and stock.mjs
# (Chromium) run the JSON Schema, the JSON Forms UI schema and the
# SurveyJS survey in the renderers people use.
#
#   examples/formui/e2e.sh            # from anywhere
#
# Needs Node 20+, npm and Debian's chromium (/usr/bin/chromium, or set
# CHROMIUM). Without chromium it skips and exits 0, unless E2E_REQUIRED=1
# (CI sets it). Output goes to $E2E_OUT (default testoutput/formui at the
# repository root): form.png, result.png, sheet.json, result.json, logs.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=${E2E_OUT:-$root/testoutput/formui}
export CHROMIUM=${CHROMIUM:-/usr/bin/chromium}

if [ ! -x "$CHROMIUM" ]; then
  if [ "${E2E_REQUIRED:-0}" = 1 ]; then
    echo "e2e: no chromium at $CHROMIUM (apt-get install -y chromium)" >&2
    exit 1
  fi
  echo "e2e: SKIP: no chromium at $CHROMIUM (apt-get install -y chromium, or set CHROMIUM)"
  exit 0
fi
mkdir -p "$out"

cd "$here"
echo "e2e: building the page"
npm ci --no-audit --no-fund --loglevel=error
npm run --silent build

echo "e2e: building cxkit"
(cd "$root" && go build -o "$out/cxkit" ./cmd/cxkit)

checklist="$root/examples/mall/mall.korto"
"$out/cxkit" serve-form "$checklist" --addr 127.0.0.1:0 --dir "$here/dist" \
  >"$out/server.url" 2>"$out/server.log" &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true' EXIT

# The server prints its address as its first line once it listens.
url=
for _ in $(seq 100); do
  url=$(head -n 1 "$out/server.url" 2>/dev/null || true)
  [ -n "$url" ] && break
  kill -0 "$server" 2>/dev/null || { cat "$out/server.log" >&2; exit 1; }
  sleep 0.1
done
[ -n "$url" ] || { echo "e2e: the server did not start" >&2; cat "$out/server.log" >&2; exit 1; }
echo "e2e: serving $url"

node e2e.mjs "$url" "$out"

# The loop closes in Go: the sheet the browser posted scores the same
# through the command line as on the page.
"$out/cxkit" score "$checklist" "$out/sheet.json" --json >"$out/score.json"
node -e '
  const fs = require("fs");
  const [a, b] = process.argv.slice(1).map((f) => JSON.parse(fs.readFileSync(f, "utf8")));
  if (a.score !== b.score || a.reached !== b.reached) {
    console.error(`e2e: cxkit score says ${a.score} (level ${a.reached}), the page got ${b.score} (level ${b.reached})`);
    process.exit(1);
  }
  console.log(`ok: cxkit score agrees: ${a.score}, level ${a.reached}`);
' "$out/score.json" "$out/result.json"

# The documents cxkit writes in the stock engines, without a browser
# (JSON Forms' isVisible, survey-core's Model, the SurveyJS definition)
# and in headless Chromium (react-jsonschema-form, JSON Forms vanilla,
# SurveyJS), with nothing of ours between them and the renderer.
t0=$SECONDS
node engines.mjs "$out/cxkit"
echo "e2e: engines took $((SECONDS - t0)) s"
t0=$SECONDS
node stock.mjs "$out/cxkit" "$out/stock"
echo "e2e: stock renderers took $((SECONDS - t0)) s"
echo "e2e: PASS (screenshots in $out)"
