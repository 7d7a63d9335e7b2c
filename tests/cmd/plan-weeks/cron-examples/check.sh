# Every crontab example in the man pages and the README is one line, as
# crontab(5) requires: cron does not join lines ending in a backslash. A
# crontab line starts with five time fields (or @daily and the like).
set -e
bad=$(grep -nE '^[[:space:]]*([0-9*/,-]+[[:space:]]+){5}[^[:space:]]|^[[:space:]]*@(hourly|daily|weekly|monthly|reboot)' \
	"$ROOT"/cmd/*/*.1 "$ROOT"/README.md | grep -E '(\\e|\\)[[:space:]]*$' || true)
[ -z "$bad" ] || { echo "$bad"; exit 1; }
[ "$(grep -cE '^0 6 \* \* \* plan-weeks .* -o /srv/plan.json$' "$ROOT/cmd/plan-weeks/plan-weeks.1")" = 1 ]
