# On the example evidence: nothing planted survives (practitioners' names,
# phones, postcodes, e-mails, NHS numbers, dates of birth), while every case
# reference, initial and job title of the input is still there. The free
# text in: the summary, response and view columns (build/gen/csv-field);
# out: the same fields of the SEA's entries (jq).
set -eu
EX=$SHARE/examples
: >"$TMP/in.txt"
for f in "$EX"/evidence/*.csv; do
	"$ROOT/build/gen/csv-field" "$f" summary response view >>"$TMP/in.txt"
done
jq -r '.entries[] | .summary, (.response // ""), (.view // "")' "$OUT" >"$TMP/out.txt"
"$ROOT/build/gen/csv-field" "$EX/annexa-national.csv" Practitioner | sort -u >"$TMP/names.txt"
[ -s "$TMP/names.txt" ] && [ -s "$TMP/in.txt" ] && [ -s "$TMP/out.txt" ]
left=$(grep -i -o -F -f "$TMP/names.txt" "$TMP/out.txt" | wc -l)
[ "$left" = 0 ] || { echo "$left full names survive"; exit 1; }
planted() { # what ERE
	grep -q -E "$2" "$TMP/in.txt" || { echo "$1 not planted in the input"; exit 1; }
	if grep -q -E "$2" "$TMP/out.txt"; then echo "$1 survives"; exit 1; fi
}
planted phone '\b0[0-9]{3} ?[0-9]{3} ?[0-9]{4}\b|\b07[0-9]{3} ?[0-9]{6}\b'
planted e-mail '@'
planted postcode '\b[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}\b'
planted NHS '\b999 ?[0-9]{3} ?[0-9]{4}\b'
planted 'date of birth' 'born [0-9]'
kept() { # what ERE
	grep -o -E "$2" "$TMP/in.txt" | sort >"$TMP/a"
	grep -o -E "$2" "$TMP/out.txt" | sort >"$TMP/b"
	[ -s "$TMP/a" ] && cmp -s "$TMP/a" "$TMP/b" ||
		{ echo "$1: $(wc -l <"$TMP/a") in, $(wc -l <"$TMP/b") out"; exit 1; }
}
kept 'case reference' '\bCA[0-9]{8}\b'
kept initials '\b[A-Z]\.[A-Z]\.'
kept 'job title' "family court adviser|service manager|children's guardian"
grep -q -F '[name]' "$TMP/out.txt" && grep -q -F '[date of birth]' "$TMP/out.txt"
