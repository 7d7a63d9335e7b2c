# The plan is still written: weeks 3 and 4 are deployed, and only the week
# that cannot be staffed (9 people x 2 days of week 5) is left unassigned.
[ "$(grep -c ',unassigned$' "$OUT")" = 18 ] || exit 1
[ "$(grep ',unassigned$' "$OUT" | cut -d, -f1 | sort -u | tr '\n' ' ')" = "2027-02-09 2027-02-10 " ] || exit 1
[ "$(grep -c '^2027-01-26,.*,Merseyside and Cheshire$' "$OUT")" = 3 ] || exit 1
! grep -q ',Dee Deputy,deputy,London South$' "$OUT"
