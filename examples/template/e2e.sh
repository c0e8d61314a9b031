#!/usr/bin/env bash
# LibreOffice test of the Excel template's rules (cxkit template): check.py
# opens the template of testdata/numbers.korto in headless LibreOffice
# Calc, types answers into the cells of a measure and of a long scale that
# allow "na" (and of a measure that does not), and asks Calc's detective
# which cells break their rule. A custom formula that Calc read wrongly,
# or one that gives an error for "na", shows here and not in excelize.
#
#   examples/template/e2e.sh            # from anywhere
#
# Needs Debian's libreoffice-calc-nogui and python3-uno. Without them it
# skips and exits 0, unless E2E_REQUIRED=1 (CI sets it).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
if ! command -v soffice >/dev/null || ! /usr/bin/python3 -c 'import uno' 2>/dev/null; then
  if [ "${E2E_REQUIRED:-0}" = 1 ]; then
    echo "e2e: no LibreOffice (apt-get install -y libreoffice-calc-nogui python3-uno)" >&2
    exit 1
  fi
  echo "e2e: SKIP: no LibreOffice (apt-get install -y libreoffice-calc-nogui python3-uno)"
  exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$root" && go run ./cmd/cxkit template "$here/testdata/numbers.korto" -o "$tmp/numbers.xlsx")
# Debian's python3, where python3-uno installs uno.
timeout 300 /usr/bin/python3 "$here/check.py" "$tmp/numbers.xlsx" "$tmp/profile"
echo "e2e: PASS"
