# RFC 5545: CRLF line ends, a VTIMEZONE for Europe/London, one event per
# assignment with a stable UID and times in Europe/London; byte-identical twice.
set -e
[ "$(head -1 "$OUT")" = "$(printf 'BEGIN:VCALENDAR\r')" ]
[ "$(grep -c "$(printf '\r$')" "$OUT")" = "$(wc -l <"$OUT")" ]
grep -q "$(printf "^TZID:Europe/London\r")" "$OUT"
[ "$(grep -c '^BEGIN:VEVENT' "$OUT")" = 4 ]
grep -q "^UID:observation-NE1@cafcass-inspect" "$OUT"
grep -q '^DTSTART;TZID=Europe/London:20270126T100000' "$OUT"
"$TOOL" --plan ../data/plan.json --opportunities ../data/opps.csv --format ics >"$TMP/again" 2>/dev/null || true
cmp -s "$OUT" "$TMP/again"
# Parsed back by libical: five events, Europe/London start times.
"$ROOT/build/gen/ics-check" "$OUT" >"$TMP/events"
[ "$(wc -l <"$TMP/events")" = 4 ]
grep -q '^20270126T100000 20270126T120000 Europe/London observation-NE1@cafcass-inspect$' "$TMP/events"
