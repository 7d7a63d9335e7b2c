#!/bin/sh
# With --encoding cp1252 the same file is read, transcoded.
set -eu
"$TOOL" national --seed 1 --encoding cp1252 <stdin >"$TMP/o" 2>/dev/null && exit 1
[ $? -eq 1 ] # shortfall, but read
grep -q "$(printf 'Bo\303\261ess')" "$TMP/o"
