#!/bin/sh
# -o writes the report atomically to a new 0600 file; a run that cannot read
# its input leaves an existing file exactly as it was.
set -eu
"$TOOL" --as-of 2027-01-15 --format csv -o "$TMP/r.csv" input.csv || [ $? = 1 ]
[ "$(stat -c %a "$TMP/r.csv")" = 600 ]
grep -qx '5,Team,required,error,required value is blank' "$TMP/r.csv"
echo keep >"$TMP/r.csv"
if "$TOOL" -o "$TMP/r.csv" "$TMP/nonexistent.csv" 2>/dev/null; then exit 1; fi
[ "$(cat "$TMP/r.csv")" = keep ]
