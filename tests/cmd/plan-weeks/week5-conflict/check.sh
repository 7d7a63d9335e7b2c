# With 7 visits the first placement sends the deputy who conflicts with
# London South to week 5 with nowhere else to go; placing the areas and the
# team together moves London South to week 4 and Birmingham and Solihull to
# week 5, so everyone is deployed, nobody in a conflict (exit 0).
set -e
if grep -q ',unassigned$' "$OUT"; then exit 1; fi
if grep -q ',Dee Deputy,deputy,London South$' "$OUT"; then exit 1; fi
if grep -q ',Dee Deputy,deputy,Greater Manchester$' "$OUT"; then exit 1; fi
if grep -q ',Bea Deputy,deputy,Wessex$' "$OUT"; then exit 1; fi
[ "$(grep -c '^2027-02-09,.*,Birmingham and Solihull$' "$OUT")" -ge 3 ]
"$TOOL" --start 2027-01-15 --areas ../data/areas.csv --team ../data/team.csv --visits 7 --view areas 2>/dev/null >"$TMP/areas"
grep -q '^London South,4,.*placed in week 4 rather than 5' "$TMP/areas"
