#!/bin/sh
# --explain goes to stderr only and the areas' draws add up to the stratum's.
set -eu
"$TOOL" national --seed 5 ../national-basic/annexa.csv | cmp - "$OUT"
awk '/^explain: stratum/ { s = $3 } /^explain:   / { for (i = 1; i <= NF; i++) if ($i == "drawn") d[s] += $(i + 1) }
	END { if (d["safeguarding-letter:"] != 50 || d["private-law:"] != 50 || d["public-law:"] != 50) exit 1 }' "$ERR"
