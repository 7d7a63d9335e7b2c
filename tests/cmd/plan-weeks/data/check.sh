# The whole plan as JSON: the inputs echoed, every section present, every
# person on every working day 1-21, and the areas joined to the deployment.
jq -e '.profile == "handbook-2014" and .start == "2027-01-15" and .division == "england-and-wales" and .visits == 8' "$OUT" >/dev/null || exit 1
jq -e '(.timeline | length) > 60 and (.areas | length) == 8 and (.deployment | length) == 210 and .warnings == [] and .problems == []' "$OUT" >/dev/null || exit 1
jq -e '[.deployment[] | select(.location == "Merseyside and Cheshire")] | length == 9' "$OUT" >/dev/null || exit 1
jq -e 'all(.timeline[]; has("day") and has("date") and has("weekday") and has("week") and has("activity") and has("who") and has("where"))' "$OUT" >/dev/null || exit 1
jq -e 'all(.areas[]; has("service_area") and has("week") and has("on_site_from") and has("on_site_to") and has("notify_on") and has("reason"))' "$OUT" >/dev/null || exit 1
jq -e '[.deployment[].date] | unique | length == 21' "$OUT" >/dev/null
