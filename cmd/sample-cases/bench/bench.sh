#!/bin/sh
# bench.sh: the sample-cases benchmark (issue 4): the national draw from a
# 1,000,000-row Annex A extract against a bare libcsv parse of the same file
# (csvcount.c), CPU time (user + system) best of 5, and the draw's peak memory.
# Passes when the draw takes at most 1.5 times the parse and under 256 MiB.
# Run from the top of the source tree after `make`: sh cmd/sample-cases/bench/bench.sh
set -eu
ROWS=${ROWS:-1000000}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cc -O2 -o "$T/csvcount" cmd/sample-cases/bench/csvcount.c -lcsv
build/gen/gen-examples --rows "$ROWS" annexa -o "$T/annexa.csv"

best() { # command...: the least user+system seconds of 5 runs, and peak KiB
	b=""
	for i in 1 2 3 4 5; do
		/usr/bin/time -f "%U %S %M" -o "$T/time" "$@" >/dev/null 2>"$T/err"
		t=$(awk '{ printf "%.2f", $1 + $2 }' "$T/time")
		m=$(awk '{ print $3 }' "$T/time")
		if [ -z "$b" ] || awk -v a="$t" -v b="$b" 'BEGIN { exit !(a < b) }'; then b=$t; fi
	done
	echo "$b $m"
}

set -- $(best "$T/csvcount" "$T/annexa.csv")
parse=$1
set -- $(best bin/sample-cases national --seed 1 "$T/annexa.csv")
draw=$1 kib=$2
ratio=$(awk -v d="$draw" -v p="$parse" 'BEGIN { printf "%.2f", d / p }')
echo "bench sample-cases: $ROWS rows: libcsv parse ${parse}s, national draw ${draw}s (x$ratio), peak $((kib / 1024)) MiB"
ok=0
awk -v r="$ratio" 'BEGIN { exit !(r <= 1.5) }' || { echo "bench sample-cases: slower than 1.5 x the parse"; ok=1; }
[ "$kib" -lt $((256 * 1024)) ] || { echo "bench sample-cases: 256 MiB or more"; ok=1; }
exit $ok
