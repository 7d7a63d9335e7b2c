#!/bin/sh
# Every eligible case is taken; spellings of the area match; the filed case
# drawn is not drawn again from the closed list.
set -eu
[ "$(tail -n +2 "$OUT" | cut -d, -f1 | tr '\n' ' ')" = "CA00000021 CA00000022 CA00000011 CA00000012 CA00000014 " ]
# supervision: 5 of 10 wanted, 3 drawn: all 3 flagged
[ "$(tail -n +2 "$OUT" | awk -F, '$7 == "local-filed" && $10 == "Y"' | wc -l)" -eq 3 ]
