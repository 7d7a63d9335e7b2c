#!/bin/sh
# RFC 5545: CRLF lines, one all-day event per row, a window on its last day
[ "$(grep -c '^BEGIN:VEVENT' "$OUT")" = 6 ] || exit 1
grep -q "$(printf 'DTSTART;VALUE=DATE:20270216\r')" "$OUT" || exit 1
grep -q 'SUMMARY:Next full inspection of the national organisation (window): the' "$OUT" || exit 1
[ "$(grep -c "$(printf '\r$')" "$OUT")" = "$(wc -l <"$OUT")" ]
