#!/bin/sh
jq -e '.recommendations == 4 and .answered == 3 and (.findings | length) == 1 and .findings[0].rule == "unanswered" and .findings[0].recommendation == "4"' "$OUT" >/dev/null
