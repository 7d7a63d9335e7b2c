# Names that look like formulas: the CSV view puts a quote before them (a
# spreadsheet would run them), the workbook holds them exactly, as text
# (a workbook's text cell is never a formula), and --raw CSV equals it.
set -eu
D=$ROOT/build/gen/table-dump
T="$TOOL --start 2027-01-15 --areas ../data/areas.csv --team team.csv --view deployment"
"$D" "$TMP/plan.xlsx" Deployment >"$TMP/book"
grep -q '^2027-01-15,"=HYPERLINK(""http://x"")",lead,' "$TMP/book"
grep -q '^2027-01-26,-Cal Deputy,deputy,' "$TMP/book"
grep -q ',@Dee Deputy,deputy,' "$TMP/book"
$T >"$TMP/csv"
grep -q '^2027-01-15,"'"'"'=HYPERLINK(""http://x"")",lead,' "$TMP/csv"
grep -q ",'-Cal Deputy,deputy," "$TMP/csv"
$T --raw | cmp - "$TMP/book"
