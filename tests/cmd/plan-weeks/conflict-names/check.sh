# Conflicts written as people write them (case, '&', punctuation, lists
# split on ',' and '|' as well as ';') are honoured: nobody is sent to an
# area they conflict with.
set -e
if grep -q ',Bea Deputy,deputy,Kent and Sussex$' "$OUT"; then exit 1; fi
if grep -q ',Bea Deputy,deputy,Greater Manchester$' "$OUT"; then exit 1; fi
if grep -q ',Dee Deputy,deputy,London South$' "$OUT"; then exit 1; fi
if grep -q ',Dee Deputy,deputy,Wessex$' "$OUT"; then exit 1; fi
if grep -q ',unassigned$' "$OUT"; then exit 1; fi
