#!/usr/bin/env bash
# The XForm cxkit writes (`cxkit form FILE --to xform`), proven in ODK's
# own engine and renderer in headless Chromium:
#
#   engine.mjs    the ODK XForms engine (@getodk/xforms-engine): relevance
#                 agrees with `when` on the generated sheets of every
#                 example checklist, every answer enters as given, and
#                 the engine's submissions of the sheets import with
#                 `cxkit import --from odk-xml` as the values it held.
#   webforms.mjs  stock ODK Web Forms (@getodk/web-forms): a mall visit
#                 entered by clicks is submitted, and its XML imports with
#                 `cxkit import --from odk-xml` and scores as `cxkit score`
#                 scores the visit.
#
#   examples/odk/e2e.sh            # from anywhere
#
# Needs Node 20.19+, npm and Debian's chromium (/usr/bin/chromium, or set
# CHROMIUM). Without chromium it skips and exits 0, unless E2E_REQUIRED=1
# (CI sets it). Output goes to $E2E_OUT (default testoutput/odk at the
# repository root): the XForms, submissions and screenshots.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=${E2E_OUT:-$root/testoutput/odk}
export CHROMIUM=${CHROMIUM:-/usr/bin/chromium}

if [ ! -x "$CHROMIUM" ]; then
  if [ "${E2E_REQUIRED:-0}" = 1 ]; then
    echo "odk: no chromium at $CHROMIUM (apt-get install -y chromium)" >&2
    exit 1
  fi
  echo "odk: SKIP: no chromium at $CHROMIUM (apt-get install -y chromium, or set CHROMIUM)"
  exit 0
fi
mkdir -p "$out"

cd "$here"
t0=$SECONDS
npm ci --no-audit --no-fund --loglevel=error
npm run --silent build
echo "odk: npm ci and build took $((SECONDS - t0)) s"

(cd "$root" && go build -o "$out/cxkit" ./cmd/cxkit)

t0=$SECONDS
node engine.mjs "$out/cxkit" "$out"
echo "odk: engine took $((SECONDS - t0)) s"
t0=$SECONDS
node webforms.mjs "$out/cxkit" "$out"
echo "odk: Web Forms took $((SECONDS - t0)) s"
echo "odk: PASS (output in $out)"
