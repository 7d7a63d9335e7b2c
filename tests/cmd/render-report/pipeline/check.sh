# build-sea -> render-report: the SEA build-sea writes now renders to the same
# report as the committed fixture, from standard input, and the same bytes twice
# (deterministic); -o creates a 0600 file with those bytes.
set -eu
BIN=$(dirname "$TOOL")
"$BIN/build-sea" --schedule ../data/schedule.json ../data/evidence.csv >"$TMP/sea.json"
"$TOOL" --audience team --judgements ../data/judgements.json --plan ../data/plan.json --sample ../data/sample.csv - \
	<"$TMP/sea.json" >"$TMP/a.md"
cmp "$OUT" "$TMP/a.md"
"$TOOL" --audience team --judgements ../data/judgements.json --plan ../data/plan.json --sample ../data/sample.csv \
	-o "$TMP/b.md" "$TMP/sea.json"
cmp "$OUT" "$TMP/b.md"
[ "$(stat -c %a "$TMP/b.md")" = 600 ]
"$TOOL" --audience team --judgements ../data/judgements.json --format html "$TMP/sea.json" >"$TMP/a.html"
"$TOOL" --audience team --judgements ../data/judgements.json --format html "$TMP/sea.json" >"$TMP/b.html"
cmp "$TMP/a.html" "$TMP/b.html"
xmllint --noout "$TMP/a.html"
