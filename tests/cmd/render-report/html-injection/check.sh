# Every field that reaches the HTML is text, never markup: the judgements (title,
# summaries, lists), the team's sections (raw HTML, an image, a javascript: link),
# the SEA (summaries, service areas, titles, the concerns register), the plan's
# area names and the sample's strata, in the public report and the team pack.
set -eu
D=../data
bad() { # file: no live markup from the inputs
	for pat in '<script' '<img' '<iframe' '<b>' 'href="javascript' 'src="http'; do
		if grep -q -i -- "$pat" "$1"; then echo "$1: $pat"; exit 1; fi
	done
	xmllint --noout "$1"
}
# (the run above had no sections folder yet: it must have been refused)
mkdir -p "$TMP/s"
cp $D/sections/*.md "$TMP/s/"
printf '\n<script>alert(10)</script>\n\n<img src=x onerror=alert(11)>\n\nSee [this](javascript:alert(12)) and ![a picture](http://example.org/x.png) and <b>bold</b>.\n' \
	>>"$TMP/s/private-law.md"
sed 's/"service_area": "Wessex", "week": 5/"service_area": "Wessex <script>alert(14)<\/script>", "week": 5/' \
	$D/plan.json >"$TMP/plan.json"
sed '3s/,safeguarding-letter,/,<script>alert(15)<\/script>,/' $D/sample.csv >"$TMP/sample.csv"
"$TOOL" --format html --draft --judgements $D/judgements-inject.json --sections "$TMP/s" \
	--plan "$TMP/plan.json" --sample "$TMP/sample.csv" $D/sea-inject.json >"$TMP/public.html"
bad "$TMP/public.html"
grep -q 'Report &lt;script&gt;alert(7)&lt;/script&gt;' "$TMP/public.html"
grep -q 'We met &lt;b&gt;children&lt;/b&gt; &amp; &lt;img src=x onerror=alert(8)&gt;.' "$TMP/public.html"
grep -q 'Public &lt;script&gt;alert(4)&lt;/script&gt; law' "$TMP/public.html"
grep -q 'Wessex &lt;script&gt;alert(14)&lt;/script&gt;' "$TMP/public.html"
if grep -q 'alert(10)\|alert(11)' "$TMP/public.html"; then echo 'raw HTML of a section printed'; exit 1; fi
"$TOOL" --audience team --format html --draft --judgements $D/judgements-inject.json \
	--plan "$TMP/plan.json" --sample "$TMP/sample.csv" $D/sea-inject.json >"$TMP/team.html"
bad "$TMP/team.html"
grep -q '&lt;img src=x onerror=alert(1)&gt; and &lt;script&gt;alert(2)&lt;/script&gt;' "$TMP/team.html"
grep -q '&lt;b&gt;North&lt;/b&gt; East' "$TMP/team.html"
grep -q '&lt;script&gt;alert(3)&lt;/script&gt;' "$TMP/team.html"
grep -q '&lt;img src=x onerror=alert(5)&gt;' "$TMP/team.html"
grep -q '&lt;script&gt;alert(6)&lt;/script&gt;' "$TMP/team.html"
grep -q '&lt;iframe src=x&gt;' "$TMP/team.html"
grep -q '&lt;script&gt;alert(15)&lt;/script&gt;' "$TMP/team.html"
