# The JSON output matches share/schemas/sea.schema.json (lib/core/jschema
# through build/gen/schema-check), and -o creates it 0600.
set -eu
[ ! -s "$OUT" ]
[ "$(stat -c %a "$TMP/sea.json")" = 600 ]
"$ROOT/build/gen/schema-check" "$ROOT/share/schemas/sea.schema.json" "$TMP/sea.json"
[ "$(jq '.coverage | length' "$TMP/sea.json")" = 32 ]
jq -e '.redactions.total == ([.redactions | to_entries[] | select(.key != "total") | .value] | add)' \
	"$TMP/sea.json" >/dev/null
