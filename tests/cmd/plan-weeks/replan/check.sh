# Replanning over three re-issues of one plan, each reading the one before
# with --previous (its SEQUENCE grows by one each time):
#  2. --pin: the three week-3 areas keep week 3 (as --include did not) and
#     Thames Valley is dropped;
#  3. --replace: an inspector falls ill; from 2 February a stand-in takes
#     every remaining place, earlier days unchanged;
#  4. --as-of: a conflict declared late; everything before 1 February
#     (days, and the areas already notified) stays as issued, only later
#     days change, and nobody goes where they conflict.
set -e
T="$TOOL --start 2027-01-15 --areas ../data/areas.csv"
PINS='--pin "Merseyside and Cheshire=3" --pin "London North=3" --pin "Birmingham and Solihull=3" --exclude "Thames Valley"'
seq_of() { grep -o '"sequence": [0-9]*' "$1" | cut -d' ' -f2; }
dep() { grep -o '"date": "[0-9-]*",[^}]*' "$1" | tr -d '\n ' | sed 's/"date"/\n&/g'; }
[ "$(seq_of "$TMP/p1.json")" = 1 ]
eval "$T --team ../data/team.csv $PINS --previous $TMP/p1.json --format json -o $TMP/p2.json" 2>/dev/null
[ "$(seq_of "$TMP/p2.json")" = 2 ]
eval "$T --team ../data/team.csv $PINS --previous $TMP/p1.json --view areas" 2>/dev/null >"$TMP/a2"
[ "$(grep -c ',3,.*pinned to week 3 (--pin)' "$TMP/a2")" = 3 ]
grep -q '^Merseyside and Cheshire,3,' "$TMP/a2"
if grep -q '^Thames Valley,' "$TMP/a2"; then exit 1; fi
eval "$T --team ../data/team.csv --include 'Merseyside and Cheshire' --include 'London North' --include 'Birmingham and Solihull' --view areas" 2>/dev/null >"$TMP/inc"
[ "$(grep -c ',3,' "$TMP/inc")" -lt 3 ] || [ "$(grep -c 'named with --include' "$TMP/inc")" = 3 ]
R="--replace 'Eve Inspector=Zoe Stand-in' --from 2027-02-02"
eval "$T --team ../data/team.csv $PINS $R --previous $TMP/p2.json --format json -o $TMP/p3.json" 2>/dev/null
[ "$(seq_of "$TMP/p3.json")" = 3 ]
eval "$T --team ../data/team.csv $PINS $R --previous $TMP/p2.json --view deployment" 2>/dev/null >"$TMP/d3"
if grep -q '^2027-02-0[2-9],Eve Inspector,' "$TMP/d3"; then exit 1; fi
if grep -q '^2027-02-1.,Eve Inspector,' "$TMP/d3"; then exit 1; fi
grep -q '^2027-01-26,Eve Inspector,inspector,Merseyside and Cheshire$' "$TMP/d3"
grep -q '^2027-02-02,Zoe Stand-in,inspector,' "$TMP/d3"
eval "$T --team team-late-conflict.csv $PINS $R --previous $TMP/p3.json --as-of 2027-02-01 --format json -o $TMP/p4.json" 2>/dev/null
[ "$(seq_of "$TMP/p4.json")" = 4 ]
eval "$T --team team-late-conflict.csv $PINS $R --previous $TMP/p3.json --as-of 2027-02-01 --view deployment" 2>/dev/null >"$TMP/d4"
eval "$T --team ../data/team.csv $PINS $R --previous $TMP/p2.json --view deployment" 2>/dev/null | awk -F, '$1 < "2027-02-01"' >"$TMP/before3"
awk -F, '$1 < "2027-02-01"' "$TMP/d4" >"$TMP/before4"
cmp -s "$TMP/before3" "$TMP/before4"
if grep -q ',Gus Inspector,inspector,West Midlands$' "$TMP/d4"; then exit 1; fi
grep -o '"service_area": "[^"]*", "week": [0-9]' "$TMP/p3.json" >/dev/null || true
eval "$T --team team-late-conflict.csv $PINS $R --previous $TMP/p3.json --as-of 2027-02-01 --view areas" 2>/dev/null >"$TMP/a4"
grep -q '^West Midlands,4,.*notified before --as-of' "$TMP/a4"
# --as-of without the plan it freezes is a usage error
set +e
$T --team ../data/team.csv --as-of 2027-02-01 >/dev/null 2>"$TMP/e"
{ [ $? = 2 ] && grep -q -- '--as-of needs --previous' "$TMP/e"; } || exit 1
# a stand-in's own conflicts of interest count for the weeks they work
set -e
eval "$T --team ../data/team.csv --replace 'Eve Inspector=Zoe Stand-in:West Midlands' --from 2027-02-02 --view deployment" 2>"$TMP/zs.err" >"$TMP/zs"
grep -q ',Zoe Stand-in,inspector,' "$TMP/zs"
if grep -q ',Zoe Stand-in,inspector,West Midlands$' "$TMP/zs"; then exit 1; fi
if grep -q 'has a conflict' "$TMP/zs.err"; then exit 1; fi
