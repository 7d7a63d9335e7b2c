# Fieldwork ends in July, but report writing runs into August: not an
# on-site day (exit 0), yet every such day is flagged, on stderr and in the
# page's timeline; the same for the Christmas period.
set -e
xmllint --noout "$OUT"
grep -q '2027-08-02</td>' "$OUT"
[ "$(grep -c '<td class="flag">August</td>' "$OUT")" -ge 15 ]
"$TOOL" --start 2027-11-26 >/dev/null 2>"$TMP/e" || true
grep -q '3 off-site or preparation days in a blackout period: 2027-12-29 to 2027-12-31 (Christmas and New Year)' "$TMP/e"
