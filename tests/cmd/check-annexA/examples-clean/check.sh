#!/bin/sh
# The shipped realistic extract: no error, every record read, the national
# sample feasible in every stratum and quota.
set -eu
"$TOOL" --as-of 2027-01-15 "$SHARE/examples/annexa-national.csv" >"$TMP/t"
rows=$(($(wc -l <"$SHARE/examples/annexa-national.csv") - 1))
grep -qx "records: $rows" "$TMP/t"
grep -qx 'errors: 0' "$TMP/t"
if grep -q ' SHORT$' "$TMP/t"; then echo "examples-clean: failed: line 9" >&2; exit 1; fi
