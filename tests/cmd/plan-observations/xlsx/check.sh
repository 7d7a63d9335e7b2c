# --format xlsx: a workbook (0600, nothing on stdout) whose one sheet,
# Observations, read back with the tools' own reader, holds exactly the
# records of the CSV (dates ISO, times as written); the rejected list stays
# CSV, the same as with --format csv.
set -eu
D=$ROOT/build/gen/table-dump
T="$TOOL --plan ../data/plan.json --opportunities ../data/opps.csv"
[ "$(stat -c %a "$TMP/obs.xlsx")" = 600 ]
[ ! -s "$OUT" ]
$T --raw --rejected "$TMP/rejected2.csv" >"$TMP/csv" 2>/dev/null || [ $? = 1 ]
[ "$(wc -l <"$TMP/csv")" -gt 3 ]
"$D" "$TMP/obs.xlsx" >"$TMP/book"
cmp "$TMP/csv" "$TMP/book"
"$D" "$TMP/obs.xlsx" Observations | cmp - "$TMP/csv"
cmp "$TMP/rejected.csv" "$TMP/rejected2.csv"
[ "$(head -c 2 "$TMP/rejected.csv")" != PK ]
