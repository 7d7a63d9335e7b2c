# The plan is still written; with no deployment possible, every on-site
# day of the 9 deputies and inspectors (8 days) is marked unassigned.
[ "$(grep -c ',unassigned$' "$OUT")" = 72 ] && ! grep -q ',Dee Deputy,deputy,London South$' "$OUT"
