# The same files in the other order give byte-identical JSON, and
# exact duplicates (a file given twice) merge without changing coverage.
set -eu
"$TOOL" --identifiers ../basic/ids.csv ../basic/hmi-ahmed.csv ../basic/hmi-bell.csv >"$TMP/fwd.json"
cmp "$OUT" "$TMP/fwd.json"
"$TOOL" --identifiers ../basic/ids.csv ../basic/hmi-ahmed.csv ../basic/hmi-bell.csv ../basic/hmi-ahmed.csv >"$TMP/dup.json"
grep -q '"duplicates_merged": 4,' "$TMP/dup.json"
grep -q '"entries": 8,' "$TMP/dup.json"
# coverage and the rest are identical; only the summary counts and origins differ
sed -n '/"coverage"/,$p' "$OUT" >"$TMP/a"
sed -n '/"coverage"/,$p' "$TMP/dup.json" >"$TMP/b"
cmp "$TMP/a" "$TMP/b"
# Rejected records are listed the same whatever the order of the files.
"$TOOL" ../schedule/e.csv ../rejected/bad.csv ../basic/hmi-bell.csv >"$TMP/r1.json" 2>/dev/null || [ $? = 1 ]
"$TOOL" ../rejected/bad.csv ../basic/hmi-bell.csv ../schedule/e.csv >"$TMP/r2.json" 2>/dev/null || [ $? = 1 ]
grep -q '"records_rejected": 7,' "$TMP/r1.json"
cmp "$TMP/r1.json" "$TMP/r2.json"
