# The shipped examples end to end under the 2014 handbook: build-sea names the
# profile in the SEA and render-report takes it from there; the skeleton, the
# published report (final: every section written, the five titles), the team pack
# and the letters under a plan of each profile. The same gates apply to the
# profile's set: a graded judgement's section missing is refused, naming it.
set -eu
EX=$ROOT/share/examples
BIN=$(dirname "$TOOL")
J=$CASE/../data/judgements-2014-final.json
ID="--identifiers $EX/annexa-national.csv"
grep -q '<tr><th scope="row">Overall judgement</th><td>Good</td></tr>' "$OUT"
"$BIN/build-sea" --profile handbook-2014 $ID -o "$TMP/sea.json" "$EX"/evidence/*.csv
grep -q '"profile": "handbook-2014"' "$TMP/sea.json"
# the skeleton: one file per section the team writes, none for the overall judgement
"$TOOL" --judgements "$J" --skeleton "$TMP/sk" "$TMP/sea.json"
for f in key-findings what-needs-to-improve private-law public-law leadership-national leadership-local; do
	[ -s "$TMP/sk/$f.md" ] || { echo "no $f.md"; exit 1; }
done
[ ! -e "$TMP/sk/overall.md" ] && [ ! -e "$TMP/sk/leadership.md" ]
grep -q '^Section: The leadership and management of local services.$' "$TMP/sk/leadership-local.md"
grep -q '^  Overall judgement: Good$' "$TMP/sk/key-findings.md"
grep -q 'supervision' "$TMP/sk/leadership-local.md" # the leadership evidence, for both writers
# the team's prose: the example sections, leadership written for each judgement
mkdir "$TMP/sec"
for f in key-findings what-needs-to-improve private-law public-law; do cp "$EX/sections/$f.md" "$TMP/sec/"; done
cp "$EX/sections/leadership.md" "$TMP/sec/leadership-national.md"
cp "$EX/sections/leadership.md" "$TMP/sec/leadership-local.md"
for f in md txt html; do
	"$TOOL" --judgements "$J" $ID --sections "$TMP/sec" --format $f -o "$TMP/report.$f" "$TMP/sea.json"
	"$TOOL" --audience team --judgements "$J" $ID --format $f -o "$TMP/pack.$f" "$TMP/sea.json"
done
for t in 'Overall judgement' \
	'The quality and effectiveness of private law practice with families' \
	'The quality and effectiveness of public law practice with families' \
	'The leadership and governance of the national organisation' \
	'The leadership and management of local services'; do
	grep -q "<th scope=\"row\">$t</th>" "$TMP/report.html" || { echo "report.html: no $t"; exit 1; }
	grep -q "$t" "$TMP/report.txt" || { echo "report.txt: no $t"; exit 1; }
	grep -q "^## $t\$" "$TMP/pack.md" || { echo "pack.md: no section $t"; exit 1; }
done
grep -q '^## The leadership and management of local services$' "$TMP/report.md"
if grep -q -e '^## Overall judgement' -e 'The impact of leaders' -e DRAFT "$TMP/report.md"; then
	echo 'report.md: an overall section, a 2021 title or DRAFT'
	exit 1
fi
grep -q '^OFFICIAL-SENSITIVE' "$TMP/pack.md"
# a graded judgement's section missing: refused, naming it
rm "$TMP/sec/leadership-local.md"
rc=0
"$TOOL" --judgements "$J" $ID --sections "$TMP/sec" "$TMP/sea.json" >"$TMP/o" 2>"$TMP/e" || rc=$?
[ "$rc" = 1 ] && [ ! -s "$TMP/o" ]
grep -q '^render-report: section leadership-local: not written' "$TMP/e"
# the writers' sections are the profile's
printf 'section,writer\nleadership,Ann\n' >"$TMP/w.csv"
rc=0
"$TOOL" --judgements "$J" --skeleton "$TMP/sk2" --writers "$TMP/w.csv" "$TMP/sea.json" 2>"$TMP/e" || rc=$?
[ "$rc" = 2 ]
grep -q 'section: expected key-findings, what-needs-to-improve, private-law, public-law, leadership-national, leadership-local (profile handbook-2014)' "$TMP/e"
# the letters, under a plan of each profile
for p in handbook-2014 framework-2021; do
	rc=0
	"$BIN/plan-weeks" --profile $p --start 2027-01-15 --areas "$EX/areas.csv" --team "$EX/team.csv" \
		--format json -o "$TMP/plan-$p.json" 2>/dev/null || rc=$?
	[ "$rc" -le 1 ] && [ -s "$TMP/plan-$p.json" ]
	"$BIN/plan-weeks" --profile $p --start 2027-01-15 --areas "$EX/areas.csv" --team "$EX/team.csv" \
		--view areas -o "$TMP/areas-$p.csv" 2>/dev/null || true
	area=$(sed -n 2p "$TMP/areas-$p.csv" | cut -d, -f1)
	[ -n "$area" ]
	"$TOOL" --letter ce-email --details "$EX/details.json" --plan "$TMP/plan-$p.json" -o "$TMP/ce-$p.md"
	grep -q 'today, Friday 15 January 2027, Ofsted is beginning' "$TMP/ce-$p.md"
	for l in staff-info family; do
		"$TOOL" --letter $l --details "$EX/details.json" --plan "$TMP/plan-$p.json" --area "$area" \
			-o "$TMP/$l-$p.md"
		if grep -q -e '{{' -e '\[insert' "$TMP/$l-$p.md"; then echo "$l ($p): a blank left"; exit 1; fi
	done
done
