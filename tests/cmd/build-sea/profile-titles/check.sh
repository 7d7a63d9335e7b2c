#!/bin/sh
# build-sea takes the judgement titles from the profile: the SEA names its profile,
# and each evidence area's row the judgements judged on it, with their exact titles.
set -eu
grep -q '"profile": "framework-2021",' "$OUT"
grep -q '"title": "The impact of leaders on practice with children and families",' "$OUT"
grep -q '"title": "The quality and effectiveness of private law practice",' "$OUT"
"$TOOL" --profile handbook-2014 e.csv >"$TMP/hb.json"
grep -q '"profile": "handbook-2014",' "$TMP/hb.json"
grep -q '"title": "The leadership and governance of the national organisation; The leadership and management of local services",' "$TMP/hb.json"
grep -q '"title": "The quality and effectiveness of private law practice with families",' "$TMP/hb.json"
tr -d ' \n' <"$TMP/hb.json" | grep -q '"judged_as":\["leadership-national","leadership-local"\]'
if grep -q -e 'The impact of leaders' -e 'leaders and managers' "$TMP/hb.json"; then exit 1; fi
# a profile with no judgement set: nothing to summarise against
rc=0
"$TOOL" --profile mcsi-2002 e.csv >"$TMP/m.json" 2>"$TMP/m.err" || rc=$?
[ "$rc" = 2 ] && [ ! -s "$TMP/m.json" ]
grep -q 'profile mcsi-2002 grades no judgement' "$TMP/m.err"
