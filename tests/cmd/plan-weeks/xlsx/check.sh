# --format xlsx: one workbook (0600, nothing on stdout) whose sheets Timeline,
# Areas and Deployment, read back with the tools' own reader (by number and
# by name), hold exactly the records of the CSV views (dates ISO, numbers as
# written).
set -eu
D=$ROOT/build/gen/table-dump
T="$TOOL --start 2027-01-15 --areas ../data/areas.csv --team ../data/team.csv"
[ "$(stat -c %a "$TMP/plan.xlsx")" = 600 ]
[ ! -s "$OUT" ]
n=0
for v in Timeline Areas Deployment; do
	n=$((n + 1))
	$T --view "$(echo $v | tr A-Z a-z)" --raw >"$TMP/$v.csv"
	[ "$(wc -l <"$TMP/$v.csv")" -gt 8 ]
	"$D" "$TMP/plan.xlsx" $n >"$TMP/$v.n"
	cmp "$TMP/$v.csv" "$TMP/$v.n"
	"$D" "$TMP/plan.xlsx" $v >"$TMP/$v.name"
	cmp "$TMP/$v.csv" "$TMP/$v.name"
done
# the deployment sheet names the people of the team file
grep -q '^2027-01-26,Bea Deputy,deputy,' "$TMP/Deployment.n"
# no fourth sheet
if "$D" "$TMP/plan.xlsx" 4 >/dev/null 2>&1; then exit 1; fi
