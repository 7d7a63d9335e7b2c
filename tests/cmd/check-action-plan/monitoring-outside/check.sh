#!/bin/sh
jq -e '(.monitoring | map(.key)) == ["monitoring-starts", "final-meeting", "draft-letter", "comments", "final-letter"] and .monitoring[2].date == "2027-12-29"' "$OUT" >/dev/null
