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
