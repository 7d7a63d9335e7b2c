#!/bin/sh
# The largest seed is accepted and recorded in full; seed 0 is a seed too.
set -eu
[ "$(tail -n +2 "$OUT" | awk -F, '$20 != "18446744073709551615"' | wc -l)" -eq 0 ]
[ "$(tail -n +2 "$OUT" | wc -l)" -eq 150 ]
"$TOOL" national --seed 0 ../national-basic/annexa.csv | tail -n +2 | wc -l | grep -qx 150
