# 8 areas: 3 in week 3, 3 in week 4, 2 in week 5, each notified a week ahead (Monday before).
[ "$(sed 1d "$OUT" | wc -l)" = 8 ] || exit 1
[ "$(grep -c ',3,2027-01-26,2027-01-28,2027-01-18,' "$OUT")" = 3 ] || exit 1
[ "$(grep -c ',4,2027-02-02,2027-02-04,2027-01-25,' "$OUT")" = 3 ] || exit 1
[ "$(grep -c ',5,2027-02-09,2027-02-10,2027-02-01,' "$OUT")" = 2 ] || exit 1
head -1 "$OUT" | grep -qx 'service_area,week,on_site_from,on_site_to,notify_on,reason'
