#!/bin/sh
# Without --seed the seed comes from the operating system, is printed on
# stderr, is in the seed column, and draws the same sample again.
set -eu
seed=$(sed -n 's/^sample-cases: seed \([0-9][0-9]*\)$/\1/p' "$ERR")
[ -n "$seed" ] || { echo "no seed on stderr"; exit 1; }
[ "$(tail -n +2 "$OUT" | awk -F, -v s="$seed" '$20 != s' | wc -l)" -eq 0 ] || { echo "seed column"; exit 1; }
"$TOOL" national --seed "$seed" ../national-basic/annexa.csv 2>"$TMP/err2" | cmp - "$OUT"
[ ! -s "$TMP/err2" ] || { echo "stderr with --seed given"; exit 1; }
# two unseeded draws differ (a 2^-64 chance of a false failure)
"$TOOL" national ../national-basic/annexa.csv 2>/dev/null | cmp -s - "$OUT" && exit 1
exit 0
