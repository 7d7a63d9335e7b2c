# A start on a bank holiday: the plan is written from the nearest valid
# start, with the finding on stderr (exit 1), as the man page says.
set -e
grep -q '^1,2027-04-02,Friday,' "$OUT"
if grep -q '^1,2027-03-26,' "$OUT"; then exit 1; fi
