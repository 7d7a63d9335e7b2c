# Every unused opportunity is counted on stderr (whatever the format) and
# listed, with its line and reason, in the --rejected file (0600).
set -e
grep -q '4 opportunities not used: 1 without consent, 1 over the travel limit, 1 in an area the plan does not visit, 1 not needed' "$ERR"
R=$TMP/rejected.csv
[ "$(head -1 "$R")" = "opportunity_id,line,service_area,date,type,reason" ]
grep -qx 'WX1,7,Wessex,2027-01-26,court-duty,no_consent' "$R"
grep -qx 'NE4,5,North East,2027-01-27,home-visit,travel' "$R"
grep -qx 'LN1,9,London North,2027-01-26,court-duty,area_not_visited' "$R"
grep -qx 'NE3,4,North East,2027-01-26,meeting,not_needed' "$R"
[ "$(wc -l <"$R")" = 5 ]
[ "$(stat -c %a "$R")" = 600 ]
