# Every deputy conflicts with Merseyside and Cheshire: no placement can
# staff it, so the areas are chosen again without it (exit 1, said on
# stderr), and the plan still deploys everyone with no conflict.
set -e
if grep -q 'Merseyside and Cheshire' "$OUT"; then exit 1; fi
if grep -q ',unassigned$' "$OUT"; then exit 1; fi
