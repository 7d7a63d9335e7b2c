#!/bin/sh
# The last 10 completed complaints investigations of the examples, against
# an independent oracle (sort), and -n.
set -eu
export LC_ALL=C
in=$SHARE/examples/complaints.csv
tail -n +2 "$in" | awk -F, '$4 != ""' | sort -t, -k4,4r -k1,1 | head -10 >"$TMP/want"
tail -n +2 "$OUT" | sed 's/,complaints,,,,$//' | cmp - "$TMP/want"
"$TOOL" complaints --as-of 2027-01-15 -n 3 "$in" | tail -n +2 | sed 's/,complaints,,,,$//' | cmp - "$(head -3 "$TMP/want" >"$TMP/w3"; echo "$TMP/w3")"
