#!/bin/sh
# every row says where it comes from: none is presented as the 2021 framework's own
awk -F, 'NR > 1 && $NF == "" {exit 1}' "$OUT" || exit 1
# the JSON plan carries the basis of every row and names the problem
"$ROOT/bin/plan-weeks" --start 2027-01-15 --profile framework-2021 --format json >"$TMP/p.json" 2>/dev/null
[ $? = 1 ] || exit 1
jq -e '.profile == "framework-2021" and all(.timeline[]; .basis != null) and (.problems | length) == 1' "$TMP/p.json" >/dev/null
