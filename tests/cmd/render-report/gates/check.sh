# Every gate of the report, each naming the item and never its text, each
# writing nothing: the public report first (the run above must pass), then a
# change at a time that one gate must refuse.
set -eu
D=../data
J=$D/judgements.json
SEA=$D/sea.json
n=0
fresh() { rm -rf "$TMP/s"; cp -r $D/sections "$TMP/s"; }
refused() { # what the message must say, what it must never say, then the arguments
	want=$1 never=$2
	shift 2
	n=$((n + 1))
	rc=0
	"$TOOL" -o "$TMP/out.$n" "$@" >"$TMP/o" 2>"$TMP/e" || rc=$?
	[ "$rc" = 1 ] || { echo "[$n] exit $rc, want 1: $want"; cat "$TMP/e"; exit 1; }
	[ ! -e "$TMP/out.$n" ] || { echo "[$n] written: $want"; exit 1; }
	grep -qF -- "$want" "$TMP/e" || { echo "[$n] missing: $want"; cat "$TMP/e"; exit 1; }
	if [ -n "$never" ] && grep -qF -- "$never" "$TMP/e"; then echo "[$n] leaked: $never"; exit 1; fi
	grep -qF 'nothing written' "$TMP/e" || { echo "[$n] no 'nothing written'"; exit 1; }
}
public() { "$TOOL" --judgements $J --sections "$TMP/s" "$@" $SEA; }

# The public report that passed: nothing case-level, the comments never printed.
never() { if grep "$@"; then echo "present: $*"; exit 1; fi; }
never -E '\b[A-Z]{2}[0-9]{8}\b' "$OUT"
never -E '\b[A-Z]\.[A-Z]\.|\b(child|case) [A-Z]{1,3}\b' "$OUT"
never -E '\[(name|email|phone|postcode|NI number|NHS number|date of birth|insert)' "$OUT"
never -F -e 'Concerns referred back' -e 'Ann Inspector' -e 'Ben Checker' -e 'Sam Lead' -e '<!--' "$OUT"
never -F -e 'Reading ease' -e 'Criterion' -e 'JS' "$OUT"
grep -q '^Overall, Cafcass is good for children because' "$OUT"
grep -q '^Guardians see children regularly' "$OUT"

# A graded judgement with no evidence (leadership included).
refused 'leadership: graded, but the SEA holds no evidence for it' '' \
	--audience team --judgements $J $D/sea-no-leadership.json
# Below good with no area for improvement.
refused 'leadership: graded below good but areas_for_improvement is empty' '' \
	--audience team --judgements $D/ri-no-areas.json $SEA
# Inadequate with a token for an action.
refused 'public-law.priority_actions[0]: not an action of substance' '' \
	--audience team --judgements $D/inadequate-token.json $SEA
# A free text over 20,000 characters.
refused 'key_findings[0]: over 20000 characters' 'children are seen' \
	--audience team --judgements $D/long-text.json $SEA
# Sections: not written; still the skeleton's; too long; key findings not "Overall ... because".
refused 'section private-law: not written' '' --judgements $J $SEA
fresh
printf '\n[Write this section: the evaluation.]\n' >>"$TMP/s/public-law.md"
refused "section public-law: still holds the skeleton's placeholder text" '' \
	--judgements $J --sections "$TMP/s" $SEA
fresh
awk 'BEGIN { for (i = 0; i < 900; i++) printf "Children are seen and heard. "; print "" }' \
	>>"$TMP/s/leadership.md"
refused 'characters, over the 15000 a section may hold' 'Children are seen' --judgements $J --sections "$TMP/s" $SEA
fresh
echo 'Cafcass is good.' >"$TMP/s/key-findings.md"
refused 'section key-findings: does not open "Overall, ... because"' 'Cafcass is good' \
	--judgements $J --sections "$TMP/s" $SEA
# Nothing case-level in the public report, whatever the section says.
for bad in 'The child in CA10000001 was seen.:a case reference:CA10000001' \
	'The child in AB12345678 was seen.:a case reference:AB12345678' \
	'The file XY 123456 was read.:a case reference:XY 123456' \
	'The guardian XXXX was praised.:a placeholder:guardian XXXX' \
	'The date is [insert date].:a placeholder:insert date' \
	'Inspectors met child JS at home.:initials:JS' \
	'Inspectors met J.S. at home.:initials:J.S.' \
	'The guardian [name] was praised.:a placeholder:guardian [name]' \
	'The date is TBC.:a placeholder:date is TBC'; do
	text=${bad%%:*}
	rest=${bad#*:}
	fresh
	printf '\n%s\n' "$text" >>"$TMP/s/private-law.md"
	refused "section private-law: holds ${rest%%:*}" "${rest#*:}" \
		--judgements $J --sections "$TMP/s" $SEA
done
# A case reference of the SEA that no pattern knows: an entry's "CA20000003;
# Wx-7731,k9q" holds three, each sought alone; one under 4 bytes never is.
fresh
printf '\nThe file Wx-7731 was read.\n' >>"$TMP/s/private-law.md"
refused 'section private-law: holds a case reference of the SEA' '' \
	--judgements $J --sections "$TMP/s" $D/sea-refs-split.json
fresh
printf '\nThe k9q form was read.\n' >>"$TMP/s/private-law.md"
"$TOOL" -o "$TMP/k9q.md" --judgements $J --sections "$TMP/s" $D/sea-refs-split.json
grep -q 'The k9q form was read' "$TMP/k9q.md"
# Personal data: an inspector's name, a phone number, in the team's prose.
fresh
printf '\nBen Checker met the team.\n' >>"$TMP/s/public-law.md"
refused 'section public-law: would print personal data (name)' 'Checker' \
	--judgements $J --sections "$TMP/s" $SEA
fresh
printf '\nCall 020 7946 0018 for more.\n' >>"$TMP/s/leadership.md"
refused 'section leadership: would print personal data (phone)' '7946' \
	--judgements $J --sections "$TMP/s" $SEA
# Personal data in values that are not free text: a service area, a stratum, an area name.
fresh
refused 'would print personal data (postcode)' 'SW1A' \
	--audience team --judgements $J $D/sea-area-personal.json
# (the public report prints no entry's service area: nothing to refuse)
"$TOOL" --judgements $J --sections "$TMP/s" $D/sea-area-personal.json >"$TMP/p.md"
never -q SW1A "$TMP/p.md"
for a in team public; do
	refused 'would print personal data (postcode)' 'Robinson' \
		--audience $a --judgements $J --sections "$TMP/s" --plan $D/plan-area-personal.json $SEA
done
refused 'would print personal data (postcode)' 'SW1A' \
	--audience team --judgements $J --sample $D/sample-stratum-personal.csv $SEA
# --draft lets the drafting gates through, marked, and never the personal-data ones.
fresh
printf '\n[Write this section: the evaluation.]\n' >>"$TMP/s/public-law.md"
"$TOOL" --draft --judgements $J --sections "$TMP/s" $SEA >"$TMP/draft.md"
grep -q '^# DRAFT: ' "$TMP/draft.md"
printf '\nCall 020 7946 0018 for more.\n' >>"$TMP/s/leadership.md"
refused 'section leadership: would print personal data (phone)' '7946' \
	--draft --judgements $J --sections "$TMP/s" $SEA
[ $n = 25 ] || { echo "$n refusals tried"; exit 1; }
