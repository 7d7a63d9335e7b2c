# An ICS re-issue parsed back with libical (build/gen/ics-check -l prints
# UID SEQUENCE STATUS LOCATION): the first issue has SEQUENCE 1; the
# re-issue (an inspector replaced from 2 February, read against the first
# with --previous) has SEQUENCE 2 on every event, keeps the UIDs of the
# events that did not change, and sends what it removed as CANCELLED; each
# event has a LOCATION; --per-inspector writes one calendar per person
# (0600), the replaced inspector's holding the cancellations; --sequence
# sets the number.
set -e
T="$TOOL --start 2027-01-15 --areas ../data/areas.csv --team ../data/team.csv"
C="$ROOT/build/gen/ics-check"
$T --format ics -o "$TMP/1.ics"
"$C" -l "$TMP/1.ics" >"$TMP/1"
[ "$(cut -d' ' -f2 "$TMP/1" | sort -u)" = 1 ]
if grep -q CANCELLED "$TMP/1"; then exit 1; fi
if grep -q ' -$' "$TMP/1"; then exit 1; fi
grep -q ' national office$' "$TMP/1"
grep -q ' Merseyside and Cheshire$' "$TMP/1"
mkdir "$TMP/people"
$T --replace 'Eve Inspector=Zoe Stand-in' --from 2027-02-02 --previous "$TMP/p1.json" \
	--per-inspector "$TMP/people" --format ics -o "$TMP/2.ics" 2>/dev/null
"$C" -l "$TMP/2.ics" >"$TMP/2"
[ "$(cut -d' ' -f2 "$TMP/2" | sort -u)" = 2 ]
# the same UIDs for what stayed: every timeline and area event of issue 1
[ "$(cut -d' ' -f1 "$TMP/1" | sort | comm -12 - "$(cut -d' ' -f1 "$TMP/2" | sort >"$TMP/u2"; echo "$TMP/u2")" | wc -l)" = "$(wc -l <"$TMP/1")" ]
# Eve's stays from 2 February are cancelled, with their location
[ "$(grep -c ' 2 CANCELLED ' "$TMP/2")" -ge 2 ]
grep -q ' 2 CANCELLED West Midlands$\| 2 CANCELLED Kent and Sussex$\| 2 CANCELLED London South$\| 2 CANCELLED Thames Valley$' "$TMP/2"
[ "$(grep -c '^BEGIN:VEVENT' "$TMP/2.ics")" -gt "$(grep -c '^BEGIN:VEVENT' "$TMP/1.ics")" ]
grep -q "$(printf '^SEQUENCE:2\r$')" "$TMP/2.ics"
# one calendar per person, private
[ -f "$TMP/people/eve-inspector.ics" ] && [ -f "$TMP/people/zoe-stand-in.ics" ]
[ "$(ls "$TMP/people" | wc -l)" = 11 ]
[ "$(stat -c %a "$TMP/people/eve-inspector.ics")" = 600 ]
"$C" -l "$TMP/people/eve-inspector.ics" | grep -q ' 2 CANCELLED '
if "$C" -l "$TMP/people/zoe-stand-in.ics" | grep -q CANCELLED; then exit 1; fi
"$C" "$TMP/people/zoe-stand-in.ics" | grep -q '^20270202 '
if grep -q 'Eve Inspector' "$TMP/people/zoe-stand-in.ics"; then exit 1; fi
# --sequence sets it
$T --sequence 7 --format ics | "$C" -l | cut -d' ' -f2 | sort -u | grep -qx 7
