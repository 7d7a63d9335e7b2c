# Issue 21's reproducers: an areas file of 40,000 rows and a team file of
# 20,000 rows are read in linear time and refused with a message (more than
# the 1,000 rows a real file could hold); 1,000 distinct areas are accepted,
# and a duplicate is named by the line it repeats.
set -e
[ "$(wc -l <"$OUT")" = 9 ]
awk 'BEGIN{print "service_area,performance,volume"; for(i=0;i<40000;i++) printf "Area %d,%d,%d\n", i, i%100, i}' >"$TMP/areas40k.csv"
set +e
"$TOOL" --start 2027-01-15 --areas "$TMP/areas40k.csv" --view areas >"$TMP/o" 2>"$TMP/e"; rc=$?
set -e
[ $rc = 2 ]
[ ! -s "$TMP/o" ]
grep -q 'areas40k.csv: 40000 service areas, more than the 1000 one file may hold' "$TMP/e"
awk 'BEGIN{print "name,role,conflicts"; for(i=0;i<20000;i++) printf "Person %d,inspector,\n", i}' >"$TMP/team20k.csv"
set +e
"$TOOL" --start 2027-01-15 --team "$TMP/team20k.csv" --view deployment >"$TMP/o" 2>"$TMP/e"; rc=$?
set -e
[ $rc = 2 ]
grep -q 'team20k.csv: 20000 people, more than the 1000 one team file may hold' "$TMP/e"
awk 'BEGIN{print "service_area,performance,volume"; for(i=0;i<1000;i++) printf "Area %d,%d,%d\n", i, i%100, i}' >"$TMP/areas1k.csv"
"$TOOL" --start 2027-01-15 --areas "$TMP/areas1k.csv" --view areas >"$TMP/o"
[ "$(wc -l <"$TMP/o")" = 9 ]
{ cat "$TMP/areas1k.csv"; echo 'AREA-5,1,1'; } | head -1000 >/dev/null
printf 'service_area,performance,volume\nKent & Sussex,1,1\nNorth,2,2\nkent and sussex,3,3\n' >"$TMP/dup.csv"
set +e
"$TOOL" --start 2027-01-15 --areas "$TMP/dup.csv" --view areas >/dev/null 2>"$TMP/e"; rc=$?
set -e
[ $rc = 2 ] && grep -q 'dup.csv:4: service_area: the same area as line 2' "$TMP/e"
