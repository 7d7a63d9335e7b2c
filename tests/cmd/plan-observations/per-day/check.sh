# --per-day 2 lets one inspector take a second observation that fits the
# 30-minute-plus-travel gap; the default keeps to one a day (para 63).
set -e
grep -qx 'NE3,Inspector Two,North East,2027-01-26,12:20,13:00,meeting' "$OUT"
[ "$(grep -c ',North East,2027-01-26,' "$OUT")" = 3 ]
"$TOOL" --plan ../data/plan.json --opportunities ../data/opps.csv --max-travel 60 >"$TMP/one" 2>/dev/null || true
[ "$(grep -c ',North East,2027-01-26,' "$TMP/one")" = 2 ]
"$TOOL" --plan ../data/plan.json --opportunities ../data/opps.csv --per-day 0 2>"$TMP/e" && exit 1
grep -q -- '--per-day: expected 1 to 10' "$TMP/e"
