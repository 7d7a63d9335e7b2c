# Reordering the rows of the areas and team files changes nothing.
(head -1 ../data/areas.csv; sed 1d ../data/areas.csv | sort -r) >"$TMP/areas.csv"
(head -1 ../data/team.csv; sed 1d ../data/team.csv | sort -r) >"$TMP/team.csv"
"$TOOL" --start 2027-01-15 --areas "$TMP/areas.csv" --team "$TMP/team.csv" --format json >"$TMP/again.json" || exit 1
cmp "$OUT" "$TMP/again.json"
