# The JSON carries the assignments, the unmet aims and the summary.
set -e
[ "$(grep -c '"opportunity_id"' "$OUT")" = 4 ]
grep -q '"aim": "court-duty"' "$OUT"
grep -q '"areas_visited": 2' "$OUT"
grep -q '"areas_with_court_duty": 1' "$OUT"
grep -q '"no_consent": 1' "$OUT"
grep -q '"area_not_visited": 1' "$OUT"
