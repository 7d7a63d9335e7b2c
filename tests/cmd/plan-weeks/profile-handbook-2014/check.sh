#!/bin/sh
# handbook-2014 is today's plan: the timeline above is the one the profile gave
# under its old name (ofsted-2021) before it was renamed, byte for byte; and in
# every view and format the profile named gives the plan plan-weeks gives by default.
set -eu
for v in "--view timeline" "--view areas" "--view deployment" "--format ics" "--format html" \
	"--format svg" "--format json"; do
	# shellcheck disable=SC2086
	"$TOOL" --start 2027-01-15 --profile handbook-2014 --areas ../data/areas.csv \
		--team ../data/team.csv $v >"$TMP/named" 2>"$TMP/named.err"
	# shellcheck disable=SC2086
	"$TOOL" --start 2027-01-15 --areas ../data/areas.csv --team ../data/team.csv $v \
		>"$TMP/default" 2>/dev/null
	cmp -s "$TMP/named" "$TMP/default" || { echo "$v: differs from the default plan"; exit 1; }
	[ ! -s "$TMP/named.err" ] || { echo "$v: a message"; exit 1; }
done
