# RFC 5545 shape: CRLF on every line, at most 75 octets, stable bytes.
f=$TMP/plan.ics
[ "$(stat -c %a "$f")" = 600 ] || { echo "mode"; exit 1; }
[ ! -s "$OUT" ] || exit 1
head -1 "$f" | grep -q "^BEGIN:VCALENDAR$(printf '\r')\$" || exit 1
[ "$(grep -vc "$(printf '\r')\$" "$f")" = 0 ] || { echo "bare LF"; exit 1; }
LC_ALL=C awk '{ sub(/\r$/, ""); if (length($0) > 75) bad = 1 } END { exit bad }' "$f" || { echo long; exit 1; }
grep -q '^TZID:Europe/London' "$f" || exit 1
"$ROOT/build/gen/ics-check" "$f" >/dev/null || { echo "ics-check"; exit 1; }
grep -q '^DTSTAMP:20270115T000000Z' "$f" || exit 1
[ "$(grep -c '^BEGIN:VEVENT' "$f")" = "$(grep '^UID:' "$f" | sort -u | wc -l)" ] || { echo "uids"; exit 1; }
grep -q '^SUMMARY:Visit: Merseyside and Cheshire (week 3)' "$f" || exit 1
"$TOOL" --start 2027-01-15 --areas ../data/areas.csv --team ../data/team.csv --format ics | cmp -s - "$f"
