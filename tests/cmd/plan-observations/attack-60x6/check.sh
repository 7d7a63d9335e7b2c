# Issue 21's reproducer: 6 inspectors on site, 60 opportunities at 5-minute
# steps in one area-day (it took minutes and gigabytes with the exponential
# search). Solved, every inspector observed, nobody double-booked; then an
# area-day over the bound of 1,000 is refused naming the area and the date.
set -e
[ "$(tail -n +2 "$OUT" | cut -d, -f2 | sort -u | wc -l)" = 6 ]
grep -q ',court-duty$' "$OUT"
"$TOOL" --plan plan.json --opportunities opps.csv >"$TMP/one" 2>/dev/null
[ "$(tail -n +2 "$TMP/one" | wc -l)" = 6 ]
awk 'BEGIN{print "id,service_area,date,start,end,type,location,travel_minutes,consent"; for(i=0;i<1001;i++) printf "B%d,North,2027-02-08,09:00,09:30,meeting,x,0,Y\n", i}' >"$TMP/big.csv"
set +e
"$TOOL" --plan plan.json --opportunities "$TMP/big.csv" >"$TMP/big.out" 2>"$TMP/big.err"
rc=$?
set -e
[ "$rc" = 2 ]
grep -q 'North on 2027-02-08: 1001 usable opportunities, more than the 1000' "$TMP/big.err"
[ ! -s "$TMP/big.out" ]
