# Type and area names as Cafcass writes them: every row is read, both areas
# get a court duty, and the types come out canonical.
set -e
grep -q '"areas_with_court_duty": 2' "$OUT"
grep -q '"type": "court-duty"' "$OUT"
grep -q '"type": "meeting"\|"type": "interview"' "$OUT"
! grep -q 'not used' "$ERR" || grep -q 'not needed' "$ERR"
! grep -q 'area the plan does not visit' "$ERR"
