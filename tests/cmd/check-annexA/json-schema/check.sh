#!/bin/sh
# --format json is one document with the shape the schema in share/ states,
# checked against the schema itself (lib/core/jschema through
# build/gen/schema-check) and its values with jq.
set -eu
"$TOOL" --as-of 2027-01-15 --format json --documents ../documents-csv/manifest.csv input.csv >"$TMP/o.json" || [ $? = 1 ]
"$ROOT/build/gen/schema-check" "$SHARE/schemas/check-annexA.schema.json" "$TMP/o.json"
jq -e '
	(keys_unsorted == ["summary", "findings"]) and
	(.summary.records == 4 and .summary.errors == 3) and
	(.summary.by_rule.enum == 3 and .summary.by_rule["document-missing"] == 7) and
	((.findings | length) == .summary.findings and .summary.findings == .summary.findings_listed) and
	(.findings[0] == {"line": 5, "column": "Gender", "rule": "enum", "severity": "error",
		"message": "1 row with a value not one of: female, male, not known, unknown, other, indeterminate, not stated; 1 distinct (not quoted): value 1: 1 row (line 5)"}) and
	(.findings[3].line == null and .findings[3].rule == "sample-shortfall") and
	(.summary.documents.items[0].status == "supplied")' "$TMP/o.json" >/dev/null
