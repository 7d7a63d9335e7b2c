# A team of 8 (two inspectors short): the plan is made with the places it
# cannot fill named 'unfilled inspector N' (exit 1); the timeline view does
# not depend on the team (exit 0); a team with too many in a role is still
# a usage error (exit 2).
set -e
grep -q ',unfilled inspector 1,inspector,' "$OUT"
grep -q ',unfilled inspector 2,inspector,' "$OUT"
grep -q ',Eve Inspector,inspector,' "$OUT"
"$TOOL" --start 2027-01-15 --team team.csv >"$TMP/tl" 2>"$TMP/tl.err"
[ -s "$TMP/tl" ]
{ cat team.csv; echo 'Zed Lead,lead,'; } >"$TMP/two-leads.csv"
set +e
"$TOOL" --start 2027-01-15 --team "$TMP/two-leads.csv" --view deployment >"$TMP/x" 2>"$TMP/x.err"
rc=$?
set -e
[ "$rc" = 2 ]
grep -q 'it has 2, 3 and 4' "$TMP/x.err"
