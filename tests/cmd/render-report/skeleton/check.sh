# --skeleton writes one file per section (0600), headed with its writer, the SEA's
# evidence in comments; a second run keeps what is there; the skeleton assembled
# is refused until written, and a draft never prints a comment.
set -eu
S=$TMP/sk
[ ! -s "$OUT" ]
for f in key-findings what-needs-to-improve private-law public-law leadership; do
	[ -s "$S/$f.md" ] || { echo "no $f.md"; exit 1; }
	[ "$(stat -c %a "$S/$f.md")" = 600 ] || { echo "$f.md not 0600"; exit 1; }
	grep -q '^\[Write this section' "$S/$f.md" || { echo "$f.md: no placeholder"; exit 1; }
done
[ "$(stat -c %a "$S")" = 700 ]
# writers from the plan: the lead the summaries; deputies, inspectors, then the lead the judgements
grep -q '^Writer: Cy Lead.$' "$S/key-findings.md"
grep -q '^Writer: Cy Lead.$' "$S/leadership.md"
grep -q '^Writer: Ann Inspector.$' "$S/private-law.md"
grep -q '^Writer: Ben Checker.$' "$S/public-law.md"
# the evidence, criterion by criterion, inside comments
grep -q '^Criterion 1: ' "$S/private-law.md"
grep -q 'The child was seen alone' "$S/private-law.md"
grep -q 'Performance reports show supervision is not always recorded' "$S/leadership.md"
grep -q '^  - The recording of supervision.$' "$S/what-needs-to-improve.md"
# a second run keeps a section begun
echo 'Overall, Cafcass is good because children are heard.' >"$S/key-findings.md"
"$TOOL" --judgements ../data/judgements.json --skeleton "$S" ../data/sea.json 2>"$TMP/e"
grep -q '^Overall, Cafcass is good because children are heard.$' "$S/key-findings.md"
grep -q 'kept 5 sections already begun' "$TMP/e"
# assembled as they are: refused; as a draft: rendered, no comment, no evidence
rc=0
"$TOOL" --judgements ../data/judgements.json --sections "$S" ../data/sea.json >"$TMP/r" 2>"$TMP/e" || rc=$?
[ $rc = 1 ]
grep -q "section private-law: still holds the skeleton's placeholder text" "$TMP/e"
"$TOOL" --draft --judgements ../data/judgements.json --sections "$S" ../data/sea.json >"$TMP/d"
grep -q '^# DRAFT: Inspection of' "$TMP/d"
if grep -q -e '<!--' -e 'Criterion 1' -e 'seen alone with' -e 'Writer:' "$TMP/d"; then exit 1; fi
# --writers: a CSV of section and writer
printf 'section,writer\nprivate-law,Dee Puty\nleadership,Eve Third\n' >"$TMP/w.csv"
"$TOOL" --judgements ../data/judgements.json --skeleton "$TMP/sk2" --writers "$TMP/w.csv" ../data/sea.json
grep -q '^Writer: Dee Puty.$' "$TMP/sk2/private-law.md"
grep -q '^Writer: Eve Third.$' "$TMP/sk2/leadership.md"
printf 'section,writer\nprivate law practice,Dee Puty\n' >"$TMP/bad.csv"
rc=0
"$TOOL" --judgements ../data/judgements.json --skeleton "$TMP/sk3" --writers "$TMP/bad.csv" ../data/sea.json 2>"$TMP/e" || rc=$?
[ $rc = 2 ]
grep -q 'bad.csv:2: section: expected key-findings' "$TMP/e"
