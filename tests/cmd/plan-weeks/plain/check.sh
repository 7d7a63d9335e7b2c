# Days 0 to 41 all present, none on a weekend; byte-identical on a second run.
for d in $(seq 0 41); do grep -q "^$d,2027-" "$OUT" || { echo "day $d missing"; exit 1; }; done
if cut -d, -f3 "$OUT" | grep -qE 'Saturday|Sunday'; then echo weekend; exit 1; fi
"$TOOL" --start 15/01/2027 | cmp -s - "$OUT" || { echo "not deterministic (or UK date differs)"; exit 1; }
[ ! -s "$ERR" ] || { echo "unexpected stderr"; exit 1; }
