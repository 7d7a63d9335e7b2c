# Conflicts written as people write them (case, '&', punctuation, lists
# split on ',' and '|' as well as ';') are honoured: nobody is sent to an
# area they conflict with.
set -e
! grep -q ',Bea Deputy,deputy,Kent and Sussex$' "$OUT"
! grep -q ',Bea Deputy,deputy,Greater Manchester$' "$OUT"
! grep -q ',Dee Deputy,deputy,London South$' "$OUT"
! grep -q ',Dee Deputy,deputy,Wessex$' "$OUT"
! grep -q ',unassigned$' "$OUT"
