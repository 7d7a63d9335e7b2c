# Far dates (issue 21): a start late in the supported range gives a correct
# calendar (years past 2199 in DTSTART where the timetable runs on, never
# 00000000); a start outside 1900-2199 is refused (exit 2), nothing written.
set -e
grep -q '^DTSTART;VALUE=DATE:21991004' "$OUT" || grep -q '^DTSTART.*21991004' "$OUT"
if grep -q '00000000T' "$OUT"; then exit 1; fi
"$ROOT/build/gen/ics-check" "$OUT" >/dev/null
for d in 3500-01-01 9999-12-31 1899-12-29; do
	set +e
	"$TOOL" --start $d --format ics >"$TMP/o" 2>"$TMP/e"; rc=$?
	set -e
	[ $rc = 2 ]
	[ ! -s "$TMP/o" ]
	grep -q 'outside the supported years 1900 to 2199\|not a Friday\|1900' "$TMP/e"
done
