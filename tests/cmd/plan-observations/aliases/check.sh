# Type and area names as Cafcass writes them: every row is read, both areas
# get a court duty, and the types come out canonical.
set -e
grep -q '"areas_with_court_duty": 2' "$OUT"
grep -q '"type": "court-duty"' "$OUT"
grep -q '"type": "meeting"\|"type": "interview"' "$OUT"
if grep -q 'without consent\|travel limit\|does not visit\|nobody is on site' "$ERR"; then exit 1; fi
if grep -q 'area the plan does not visit' "$ERR"; then exit 1; fi
