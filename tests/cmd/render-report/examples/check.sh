# The shipped examples end to end: build-sea on the team's evidence, then the
# published report (the team's prose sections) and the evidence pack in every
# format, and the letters. The judgements are final (no gaps in the example SEA),
# no personal data gets through, and the HTML is well-formed.
set -eu
EX=$ROOT/share/examples
BIN=$(dirname "$TOOL")
grep -q '^Dear Margaret Ellison$' "$OUT"
grep -q 'today, Friday 15 January 2027, Ofsted is beginning' "$OUT"
"$BIN/build-sea" --identifiers "$EX/annexa-national.csv" -o "$TMP/sea.json" "$EX"/evidence/*.csv
for f in md txt html; do
	"$TOOL" --judgements "$EX/judgements.json" --identifiers "$EX/annexa-national.csv" \
		--sections "$EX/sections" --format $f -o "$TMP/report.$f" "$TMP/sea.json"
	"$TOOL" --audience team --judgements "$EX/judgements.json" \
		--identifiers "$EX/annexa-national.csv" --format $f -o "$TMP/pack.$f" "$TMP/sea.json"
done
xmllint --noout "$TMP/report.html"
xmllint --noout "$TMP/pack.html"
grep -q '<td>Requires improvement to be good</td>' "$TMP/report.html"
grep -q '^Reading ease (Flesch) [0-9]*; reading age (Flesch-Kincaid) about [0-9]* years.$' "$TMP/pack.txt"
if grep -q 'Reading ease' "$TMP/report.txt"; then echo 'the measure in the public report'; exit 1; fi
grep -q '^Overall, Cafcass is good at helping children' "$TMP/report.txt"
if grep -q DRAFT "$TMP/report.md"; then echo 'DRAFT in a final report'; exit 1; fi
for l in ce-email family; do
	"$TOOL" --letter $l --details "$EX/details.json" -o "$TMP/$l.md"
	if grep -q -e '{{' -e '\[insert' "$TMP/$l.md"; then echo "$l: a blank left"; exit 1; fi
done
