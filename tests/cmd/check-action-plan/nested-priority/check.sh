#!/bin/sh
# A priority action given under its judgement is a recommendation as much as one at
# the top level (render-report prints it): number 3, after the two areas for
# improvement. Before, only top-level lists were counted and the plan passed.
set -eu
"$TOOL" --recommendations ../data/judgements-nested.json --plan ../data/complete.md \
	--draft-sent 2027-04-06 --received 2027-05-03 >"$TMP/all" || [ $? = 1 ]
grep -q '^3 recommendations, 3 answered' "$TMP/all"
