# 10 people x 21 working days; conflicts respected; at most 3 days in an area;
# two inspectors at the NBC on days 2 and 3 only.
[ "$(sed 1d "$OUT" | wc -l)" = 210 ] || { echo rows; exit 1; }
! grep -q '^[^,]*,Bea Deputy,deputy,Wessex$' "$OUT" || exit 1
! grep -q ',Dee Deputy,deputy,London South$' "$OUT" || exit 1
! grep -q ',Dee Deputy,deputy,Greater Manchester$' "$OUT" || exit 1
! grep -q ',Fay Inspector,inspector,Merseyside and Cheshire$' "$OUT" || exit 1
! grep -q ',Hal Inspector,inspector,West Midlands$' "$OUT" || exit 1
! grep -q ',Jon Inspector,inspector,Kent and Sussex$' "$OUT" || exit 1
over=$(sed 1d "$OUT" | grep -vE ',(off-site|national office|National Business Centre)$' | cut -d, -f2,4 | sort | uniq -c | awk '$1 > 3')
[ -z "$over" ] || { echo "over 3 days: $over"; exit 1; }
[ "$(grep -c 'National Business Centre$' "$OUT")" = 4 ] || exit 1
[ "$(grep 'National Business Centre$' "$OUT" | cut -d, -f1 | sort -u | tr '\n' ' ')" = "2027-01-18 2027-01-19 " ] || exit 1
[ "$(grep -c '^2027-01-26,.*,Merseyside and Cheshire$' "$OUT")" = 3 ]
