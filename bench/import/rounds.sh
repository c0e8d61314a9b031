#!/bin/bash
# Import benchmarks in interleaved rounds: encoding/csv's bare read, and
# cxkit import with one and two workers (into a pipe), each in its own
# process, one after the other, ROUNDS times. On a shared machine whose
# speed drifts by a third over seconds, the ratio of two runs taken
# seconds apart is what carries over; the script prints each round's
# ratios and their medians. Give two commits to compare them round by
# round (each built once):
#
#	bench/import/rounds.sh [-rounds 12] [-rows 200000] [COMMIT...]
#
# Without a commit it measures the work tree. Run it on an idle machine.
set -euo pipefail
rounds=12 rows=200000
while [ $# -gt 0 ]; do
	case $1 in
	-rounds) rounds=$2; shift 2 ;;
	-rows) rows=$2; shift 2 ;;
	*) break ;;
	esac
done
root=$(git rev-parse --show-toplevel)
tmp=$(mktemp -d)
trap 'cd "$root"; for w in "$tmp"/wt-*; do [ -d "$w" ] && git worktree remove --force "$w"; done; rm -rf "$tmp"' EXIT
bins=()
if [ $# -eq 0 ]; then
	(cd "$root" && go test -c -o "$tmp/work.test" ./fielddata)
	bins+=("$tmp/work.test")
fi
for c in "$@"; do
	git -C "$root" worktree add -q --detach "$tmp/wt-$c" "$c"
	(cd "$tmp/wt-$c" && go test -c -o "$tmp/$c.test" ./fielddata)
	bins+=("$tmp/$c.test")
done
cd "$root/fielddata"
for i in $(seq 1 "$rounds"); do
	for bin in "${bins[@]}"; do
		line="$(basename "$bin" .test)"
		for b in encoding-csv Import/workers=1 Import/workers=2; do
			ns=$("$bin" -test.run '^$' -test.bench "ImportCSV/$b\$" -test.benchtime "${rows}x" | awk '/ns\/op/ {print $3}')
			line="$line $ns"
		done
		echo "$line"
	done
done | awk '
	{ csv = $2; w1 = $3; w2 = $4
	  printf "%-12s csv %6.0f ns  workers=1 %6.0f ns (%.2fx csv)  workers=2 %6.0f ns (%.2fx csv)  1/2 %.2f\n", $1, csv, w1, w1/csv, w2, w2/csv, w1/w2
	  n[$1]++; r1[$1, n[$1]] = w1/csv; r2[$1, n[$1]] = w2/csv; s[$1, n[$1]] = w1/w2 }
	function median(a, k, m,    i, j, t, v) {
		for (i = 1; i <= m; i++) v[i] = a[k, i]
		for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
		return m % 2 ? v[(m + 1) / 2] : (v[m / 2] + v[m / 2 + 1]) / 2
	}
	END { for (k in n) printf "median %-12s workers=1 %.2fx csv, workers=2 %.2fx csv, two workers %.2fx faster than one (%d rounds)\n", k, median(r1, k, n[k]), median(r2, k, n[k]), median(s, k, n[k]), n[k] }'
