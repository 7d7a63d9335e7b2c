#!/bin/sh
# the deprecated name gives the handbook-2014 plan byte for byte, with a warning
"$ROOT/bin/plan-weeks" --start 2027-01-15 --profile handbook-2014 --areas "$SHARE/examples/areas.csv" \
	--team "$SHARE/examples/team.csv" --format ics >"$TMP/want" 2>"$TMP/want.err" || exit 1
cmp -s "$OUT" "$TMP/want" || exit 1
[ ! -s "$TMP/want.err" ] || exit 1
