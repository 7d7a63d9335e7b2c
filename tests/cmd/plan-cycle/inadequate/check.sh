#!/bin/sh
# monitoring visits every 4 months until the window closes, none in a blackout
n=$(grep -c '^[0-9-]*,,Monitoring visit' "$OUT")
[ "$n" = 8 ] || { echo "monitoring visits: $n"; exit 1; }
if grep -q '^[0-9]*-08-[0-9]*,,Monitoring' "$OUT"; then echo "inadequate: failed: line 5" >&2; exit 1; fi
if grep -q '^[0-9]*-12-2[4-9],\|^[0-9]*-12-3[01],\|^[0-9]*-01-01,' "$OUT"; then echo "inadequate: failed: line 6" >&2; exit 1; fi
