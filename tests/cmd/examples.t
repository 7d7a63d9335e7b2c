#!/bin/sh
# examples.t: share/examples/ is exactly what build/gen/gen-examples makes
# (regenerated into a temporary folder and compared byte for byte), the
# generator is deterministic and streams, and the data has the shape the
# demo and the tests rely on (row counts, 17 areas, ~70/30 private/public,
# the rare sub-quotas, ages, disjoint Case IDs, evidence coverage and the
# planted personal data build-sea must redact).
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
GEN=$ROOT/build/gen/gen-examples
EX=$ROOT/share/examples
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT INT TERM

fail() {
	echo "examples.t: $*" >&2
	exit 1
}

# csv: an awk prelude that splits $0 (RFC 4180, no newlines in fields) into f[1..nf].
CSV='function split_csv(s,   i, c, q, cur) {
	nf = 0; cur = ""; q = 0
	for (i = 1; i <= length(s); i++) {
		c = substr(s, i, 1)
		if (q) {
			if (c == "\"") { if (substr(s, i + 1, 1) == "\"") { cur = cur c; i++ } else q = 0 }
			else cur = cur c
		} else if (c == "\"") q = 1
		else if (c == ",") { f[++nf] = cur; cur = "" }
		else cur = cur c
	}
	f[++nf] = cur
}'

[ -x "$GEN" ] || fail "$GEN is not built (run make)"

# 1. The committed examples are the generator's output, byte for byte.
"$GEN" all -o "$TMP/a" || fail "gen-examples all failed"
files="annexa-national.csv annexa-national-2025.csv recent-filed.csv recent-closed.csv areas.csv team.csv
complaints.csv opportunities.csv judgements.json details.json"
n=0
for f in $files; do
	cmp "$TMP/a/$f" "$EX/$f" || fail "$f differs from a fresh generation"
	n=$((n + 1))
done
for f in "$TMP"/a/evidence/*.csv; do
	b=$(basename "$f")
	cmp "$f" "$EX/evidence/$b" || fail "evidence/$b differs from a fresh generation"
	n=$((n + 1))
done
[ "$n" -eq 20 ] || fail "expected 20 generated files, compared $n"
for f in "$EX"/evidence/*.csv; do
	[ -f "$TMP/a/evidence/$(basename "$f")" ] || fail "evidence/$(basename "$f") is not generated"
done

# 2. Deterministic: a second run, single WHATs and standard output agree.
"$GEN" all -o "$TMP/b"
for f in $files; do cmp -s "$TMP/a/$f" "$TMP/b/$f" || fail "$f not deterministic"; done
"$GEN" annexa | cmp -s - "$EX/annexa-national.csv" || fail "annexa on stdout differs"
"$GEN" --seed 20270115 --as-of 2027-01-15 --rows 2300 opportunities -o "$TMP/o.csv"
cmp -s "$TMP/o.csv" "$EX/opportunities.csv" || fail "explicit defaults differ"
"$GEN" --seed 7 annexa >"$TMP/seed7.csv"
cmp -s "$TMP/seed7.csv" "$EX/annexa-national.csv" && fail "--seed does not change the data"
# Row i does not depend on --rows: a longer extract starts with the shorter one.
"$GEN" --rows 5000 annexa >"$TMP/5000.csv"
[ "$(wc -l <"$TMP/5000.csv")" -eq 5001 ] || fail "--rows 5000 does not give 5000 rows"
head -n 2301 "$TMP/5000.csv" | cmp -s - "$EX/annexa-national.csv" || fail "rows depend on --rows"

# --records sizes the evidence (the build-sea benchmark uses 100,000).
"$GEN" --records 1000 evidence -o "$TMP/ev"
[ "$(cat "$TMP"/ev/*.csv | wc -l)" -eq 1010 ] || fail "--records 1000 does not give 1000 records"

# 3. Usage errors exit 2 and write nothing.
st=0; "$GEN" nonsense >/dev/null 2>&1 || st=$?
[ "$st" -eq 2 ] || fail "unknown WHAT: exit $st, want 2"
st=0; "$GEN" --rows lots annexa >/dev/null 2>&1 || st=$?
[ "$st" -eq 2 ] || fail "--rows lots: exit $st, want 2"
st=0; "$GEN" --records 5 evidence -o "$TMP/few" >/dev/null 2>&1 || st=$?
[ "$st" -eq 2 ] && [ ! -e "$TMP/few" ] || fail "--records 5: exit $st, want 2 and no folder"
st=0; "$GEN" evidence >/dev/null 2>&1 || st=$?
[ "$st" -eq 2 ] || fail "evidence without -o DIR: exit $st, want 2"
"$GEN" --help | grep -q '^usage: gen-examples' || fail "--help"

# 4. The national extract: counts, mix, rare quotas, ages, unique IDs.
awk "$CSV"'
NR == 1 { split_csv($0); if (nf != 15 || f[1] != "Case ID" || f[15] != "File location") bad = "header"; next }
{
	split_csv($0)
	if (nf != 15) bad = "line " NR ": " nf " fields"
	if (f[1] !~ /^CA[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]$/) bad = "line " NR ": Case ID form"
	if (seen[f[1]]++) bad = "line " NR ": duplicate Case ID"
	area[f[12]]++
	law[f[8]]++
	if (f[9] == "r16.4" || f[9] == "Rule 16.4") r164++
	if (f[9] == "s25") s25++
	if (f[9] == "safeguarding letter only") slo++
	if (f[9] ~ /^(Section 7|S\.7|Rule 16\.4|care order|EPO)$/) variant[f[9]]++
	if (f[15] != "") archived++
	if ((f[8] == "Public") != (f[13] != "")) bad = "line " NR ": local authority vs law type"
	split(f[6], d, "/"); dob = d[3] d[2] d[1]
	if (dob <= "20090115" || dob > "20270115") bad = "line " NR ": child not 0-17"
	if (f[3] !~ /^(Female|Male|Not known)$/ || f[5] !~ /^[YN]$/) bad = "line " NR ": enum"
	if (f[2] !~ /^Re [A-Z]/ && f[2] !~ / v [A-Z]( and [A-Z])?$/) bad = "line " NR ": case name style"
	for (i = 1; i <= 15; i++) if (i != 13 && i != 15 && f[i] == "") bad = "line " NR ": blank field " i
}
END {
	rows = NR - 1; na = 0; for (a in area) na++
	pct = 100 * law["Private"] / rows
	if (bad == "" && rows != 2300) bad = rows " rows"
	if (bad == "" && na != 17) bad = na " service areas"
	if (bad == "" && (pct < 65 || pct > 75)) bad = "private law " pct "%"
	if (bad == "" && r164 < 20) bad = r164 " r16.4 cases"
	if (bad == "" && s25 < 8) bad = s25 " s25 cases"
	if (bad == "" && (slo < 0.40 * law["Private"] || slo > 0.50 * law["Private"])) bad = "safeguarding letters " slo
	nv = 0; for (v in variant) nv++
	if (bad == "" && nv != 5) bad = "only " nv " of the 5 export spellings"
	if (bad == "" && (archived < 5 || archived > 60)) bad = archived " file locations"
	if (bad == "" && (area["London North"] < area["Wessex"] || area["Greater Manchester"] < area["South Yorkshire"])) bad = "area volumes"
	if (bad != "") { print "annexa-national.csv: " bad; exit 1 }
}' "$EX/annexa-national.csv" || fail "annexa-national.csv has the wrong shape"

# 4b. The same extract in the September 2025 form: one row per child (2300 rows), Child
# ID second and the five other new fields last; its cases are the national extract's
# first cases, in order, each child of a case repeating the case-level fields; Case ID +
# Child ID unique; closed in the two weeks before 2027-01-15 (some end dates UK style),
# opened before; a section 7 report only in private law; Y/N fields; some audited.
awk "$CSV"'
function iso(d,   p) { if (d ~ /^[0-9][0-9]\/[0-9][0-9]\/[0-9][0-9][0-9][0-9]$/) { split(d, p, "/"); return p[3] "-" p[2] "-" p[1] } return d }
FILENAME == ARGV[1] { if (FNR > 1) { split_csv($0); order[++nn] = f[1] } next }
FNR == 1 { split_csv($0); if (nf != 21 || f[1] != "Case ID" || f[2] != "Child ID" || f[17] != "Case start date" || f[18] != "Case end date" || f[19] != "Child seen in person (Y/N)" || f[20] != "Section 7 report filed (Y/N)" || f[21] != "Audit (Y/N)") bad = "header"; next }
{
	split_csv($0); rows++
	if (nf != 21) bad = "line " FNR ": " nf " fields"
	if (f[1] != last) { if (f[1] in done) bad = "line " FNR ": a case split"; done[f[1]] = 1; last = f[1]; ncases++; if (order[ncases] != f[1]) bad = "line " FNR ": not the national extract case " ncases; cl = f[8] "|" f[9] "|" f[10] "|" f[11] "|" f[12] "|" f[13] "|" f[14] "|" f[15] "|" f[17] "|" f[18] "|" f[20] "|" f[21] }
	else { siblings++; if (cl != f[8] "|" f[9] "|" f[10] "|" f[11] "|" f[12] "|" f[13] "|" f[14] "|" f[15] "|" f[17] "|" f[18] "|" f[20] "|" f[21]) bad = "line " FNR ": a sibling differs on a case-level field" }
	if (seen[f[1] "|" f[2]]++) bad = "line " FNR ": Case ID + Child ID repeated"
	e = iso(f[18]); if (e != f[18]) uk++
	if (e < "2027-01-01" || e > "2027-01-14") bad = "line " FNR ": end date outside the window"
	if (f[17] >= e || f[17] !~ /^20[0-9][0-9]-[01][0-9]-[0-3][0-9]$/) bad = "line " FNR ": start date"
	if (f[19] !~ /^[YN]$/ || f[20] !~ /^[YN]$/ || f[21] !~ /^[YN]$/) bad = "line " FNR ": Y/N"
	if (f[20] == "Y" && f[9] != "Private") bad = "line " FNR ": s7 filed in public law"
	if (f[20] == "Y") s7++; if (f[21] == "Y") audited++; if (f[19] == "N") unseen++
}
END {
	if (bad == "" && rows != 2300) bad = rows " rows"
	if (bad == "" && (siblings < 200 || uk < 50 || s7 < 200 || audited < 40 || unseen < 50)) bad = "siblings " siblings ", UK dates " uk ", s7 " s7 ", audited " audited ", unseen " unseen
	if (bad != "") { print "annexa-national-2025.csv: " bad; exit 1 }
}' "$EX/annexa-national.csv" "$EX/annexa-national-2025.csv" || fail "annexa-national-2025.csv has the wrong shape"

# 5. Recent cases: every area, at least 25 filed / 12 closed and 4 public each; IDs disjoint.
for spec in recent-filed.csv:25 recent-closed.csv:12; do
	f=${spec%:*} min=${spec#*:}
	awk -v min="$min" "$CSV"'
	FILENAME != ARGV[2] { split_csv($0); ids[f[1]] = 1; next }
	FNR == 1 { next }
	{ split_csv($0); n[f[12]]++; if (f[8] == "Public") p[f[12]]++; if (f[1] in ids) clash++; if (f[16] !~ /^2027-01-[0-9][0-9]$/) bad++ }
	END {
		na = 0
		for (a in n) { na++; if (n[a] < min || p[a] < 4) short++ }
		if (na != 17 || short || clash || bad) { print na, short + 0, clash + 0, bad + 0; exit 1 }
	}' "$EX/annexa-national.csv" "$EX/$f" || fail "$f: areas, counts, public cases, disjoint IDs or dates"
done

# 6. Areas, team, complaints, opportunities.
[ "$(awk 'NR > 1' "$EX/areas.csv" | wc -l)" -eq 17 ] || fail "areas.csv: not 17 areas"
awk -F, 'NR > 1 && !($2 >= 1 && $2 <= 100 && $3 > 0 && $5 >= 0 && $5 <= 9) { exit 1 }' \
    "$EX/areas.csv" || fail "areas.csv: value out of range"
[ "$(cut -d, -f2 "$EX/team.csv" | sort | uniq -c | tr -s ' ' | tr '\n' '|')" = \
    " 3 deputy| 6 inspector| 1 lead| 1 role|" ] || fail "team.csv: roles"
awk -F, 'NR > 1 && $3 != "" { c++ } END { exit !(c >= 2 && c <= 3) }' "$EX/team.csv" ||
    fail "team.csv: two or three conflicts"
awk -F, 'NR > 1 { n++; if ($4 == "") open++; if ($3 < "2026-07-15" || $3 >= "2027-01-15") bad++ }
    END { exit !(n >= 35 && n <= 45 && open > 0 && !bad) }' "$EX/complaints.csv" ||
    fail "complaints.csv: ~40 rows in the 6 months before, some open"
awk "$CSV"'
NR > 1 { split_csv($0); if (f[6] == "court-duty" && f[9] == "Y") cd[f[2] "|" f[3]] = 1; d[f[3]] = 1
	if (f[6] !~ /^(court-duty|office-appointment|home-visit|meeting)$/ || f[8] < 0 || f[8] > 90 || f[4] !~ /^[0-2][0-9]:[0-5][0-9]$/) bad++ }
END { nd = 0; for (x in d) nd++; nc = 0; for (x in cd) nc++; exit !(nd == 8 && nc == 17 * 8 && !bad) }' \
    "$EX/opportunities.csv" || fail "opportunities.csv: 8 days, a consented court duty per area-day"

# 7. Evidence: ~300 records, criteria 1-32 covered, case refs from annexa, some concerns
# answered (a later record on the same case with response, response_date and view).
cat "$EX"/evidence/*.csv | awk -v ids="$EX/annexa-national.csv" "$CSV"'
BEGIN { while ((getline l < ids) > 0) { split(l, a, ","); known[a[1]] = 1 } }
$1 == "inspector,date,time,source,case_ref,service_area,judgement,criteria,finding,summary,team,response,response_date,view" { files++; next }
{
	split_csv($0); n++
	if (nf != 14) bad = bad " fields"
	if (f[5] != "" && !(f[5] in known)) bad = bad " case_ref"
	m = split(f[8], c, ";"); for (i = 1; i <= m; i++) cov[c[i]] = 1
	if (f[7] == "private-law") for (i = 1; i <= m; i++) if (c[i] < 1 || c[i] > 14) bad = bad " private criteria"
	if (f[7] == "public-law") for (i = 1; i <= m; i++) if (c[i] < 15 || c[i] > 32) bad = bad " public criteria"
	if (f[2] < "2027-01-18" || f[2] > "2027-02-12") bad = bad " date"
	if (f[9] == "concern") { concern++; if (f[11] == "") bad = bad " concern-team"; case_of[f[5]] = f[2] }
	if (f[12] != "") { answered++; if (!(f[5] in case_of) || f[13] < case_of[f[5]] || f[14] == "") bad = bad " response" }
}
END {
	for (i = 1; i <= 32; i++) if (!(i in cov)) bad = bad " criterion" i
	if (files != 10 || n < 250 || n > 350 || concern < 3 || answered < 1 || answered >= concern) bad = bad " counts"
	if (bad != "") { print bad; exit 1 }
}' || fail "evidence: records, coverage, case refs or concerns"

# 8. Planted personal data (about one summary in ten) and what must survive.
cat "$EX"/evidence/*.csv >"$TMP/ev.csv"
planted=$(grep -c -E ' (07700 900|0113 496 0|0161 496 0|020 7946 0)[0-9]{3}|[a-z]+\.[a-z]+@example\.com|born [0-9]{2}/[0-9]{2}/20[0-9]{2}|NHS number as 999 [0-9]{3} [0-9]{4}|near [A-Z]{1,2}[0-9][0-9A-Z]? [0-9][A-Z]{2}\.|, the family court adviser,|s analysis was challenged' "$TMP/ev.csv")
[ "$planted" -ge 25 ] && [ "$planted" -le 40 ] || fail "evidence: $planted summaries with planted data, want about 30"
for want in '@example.com' 'born ' 'NHS number as 999' '07700 900' 'near ' ', the family court adviser,' "'s analysis"; do
	grep -q -- "$want" "$TMP/ev.csv" || fail "evidence: no planted '$want'"
done
grep -q -E ' [A-Z]\.[A-Z]\. spoke with the ' "$TMP/ev.csv" || fail "evidence: no initials"
# Every planted NHS number has a valid modulus 11 check digit.
grep -o -E '999 [0-9]{3} [0-9]{4}' "$TMP/ev.csv" | tr -d ' ' | awk '{
	s = 0; for (i = 1; i <= 9; i++) s += substr($0, i, 1) * (11 - i)
	c = 11 - s % 11; if (c == 11) c = 0
	if (c == 10 || c != substr($0, 10, 1)) exit 1; n++ }
	END { exit !n }' || fail "evidence: an NHS number fails its check digit"
# Every planted full name is a practitioner of the national extract.
awk "$CSV"' NR > 1 { split_csv($0); p[f[10]] = 1 } END { for (x in p) print x }' \
    "$EX/annexa-national.csv" >"$TMP/practitioners"
grep -o -E '[A-Z][a-z]+ [A-Z][A-Za-z]+, the family court adviser,' "$TMP/ev.csv" |
    sed 's/, the family court adviser,//' | sort -u >"$TMP/named"
[ -s "$TMP/named" ] || fail "evidence: no planted practitioner names"
while IFS= read -r name; do
	grep -qxF "$name" "$TMP/practitioners" || fail "evidence: a planted name is not a practitioner"
done <"$TMP/named"

# 9. JSON: the shapes render-report expects.
grep -q '"inspection_start": "2027-01-15"' "$EX/details.json" || fail "details.json: start"
grep -q '@ofsted.gov.uk' "$EX/details.json" || fail "details.json: contacts"
for k in private-law public-law leadership summary_for_children key_findings \
    areas_for_improvement priority_actions; do
	grep -q "\"$k\"" "$EX/judgements.json" || fail "judgements.json: no $k"
done

# 10. The clean extract passes check-annexA (once that tool is built).
if [ -x "$ROOT/bin/check-annexA" ] && ! "$ROOT/bin/check-annexA" --help 2>&1 | grep -q 'not built'; then
	st=0
	"$ROOT/bin/check-annexA" --as-of 2027-01-15 --format csv "$EX/annexa-national.csv" \
	    >"$TMP/findings.csv" 2>/dev/null || st=$?
	[ "$st" -eq 0 ] || fail "check-annexA reports errors on the clean extract (exit $st)"
	grep -q 'identifying-case-name' "$TMP/findings.csv" && fail "check-annexA: identifying case names"
	st=0
	"$ROOT/bin/check-annexA" --as-of 2027-01-15 "$EX/annexa-national-2025.csv" \
	    >"$TMP/check-2025.txt" 2>/dev/null || st=$?
	[ "$st" -eq 0 ] || fail "check-annexA reports errors on the clean 2025 extract (exit $st)"
	grep -qx 'form: 2025 (6 of the 6 fields added in September 2025)' "$TMP/check-2025.txt" ||
	    fail "check-annexA does not read the 2025 extract as the 2025 form"
fi
exit 0
