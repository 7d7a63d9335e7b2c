# Seven visits: the whole team (9) in the one week-5 area on both days.
area=$(grep '^2027-02-09,' "$OUT" | grep -v ',lead,' | cut -d, -f4 | sort -u)
[ "$(echo "$area" | wc -l)" = 1 ] || exit 1
[ "$(grep -c "^2027-02-1[0],.*,$area\$" "$OUT")" = 9 ]
