#!/usr/bin/env bash
# The cxkit-vs-DuckDB comparison of BENCHMARKS.md: NPS by store of a
# 10M-row survey export (200 stores), cxkit with --workers N against
# DuckDB (@duckdb/node-api) limited to N threads, N = 1 and 2, in
# alternating (paired) runs. Each run is a whole process: cxkit reads,
# checks every row and prints JSON; DuckDB reads the CSV and aggregates.
# Prints the median wall time and the median CPU time (user + sys) of
# each and their ratios; on a shared machine the CPU time is the steadier
# of the two. Never run by go test.
#
#   bench/duckdb/run.sh [ROWS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")"
export PATH="/usr/local/go/bin:$PATH"
rows=${1:-10000000}
runs=${2:-5}
data=${TMPDIR:-/tmp}/cxkit-survey-$rows.csv
bin=${TMPDIR:-/tmp}/cxkit-bench
[ -d node_modules/@duckdb/node-api ] || npm ci --no-audit --no-fund >/dev/null
(cd ../.. && go build -o "$bin" ./cmd/cxkit)
[ -s "$data" ] || (cd ../.. && go run ./bench/duckdb/gen -rows "$rows" -o "$data")
ls -l "$data"

TIMEFORMAT='%R %U %S'
measure() { # command... -> "wall cpu"
  local t
  t=$( { time "$@" >/dev/null; } 2>&1 | tail -1 )
  awk -v t="$t" 'BEGIN { split(t, a, " "); printf "%.3f %.3f\n", a[1], a[2] + a[3] }'
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

for n in 1 2; do
  : >"$bin.cx" ; : >"$bin.duck"
  for _ in $(seq "$runs"); do
    GOMAXPROCS=$n measure "$bin" nps "$data" --column nps --by store --json --workers "$n" >>"$bin.cx"
    measure node nps.mjs "$data" "$n" >>"$bin.duck"
  done
  cw=$(cut -d' ' -f1 "$bin.cx" | median); cc=$(cut -d' ' -f2 "$bin.cx" | median)
  dw=$(cut -d' ' -f1 "$bin.duck" | median); dc=$(cut -d' ' -f2 "$bin.duck" | median)
  awk -v n="$n" -v cw="$cw" -v cc="$cc" -v dw="$dw" -v dc="$dc" 'BEGIN {
    printf "threads %d: cxkit wall %.2fs cpu %.2fs | duckdb wall %.2fs cpu %.2fs | cxkit/duckdb wall %.2fx cpu %.2fx\n", n, cw, cc, dw, dc, cw / dw, cc / dc }'
done
