#!/bin/sh
# A header with a multi-line name and a Windows-1252 byte: the names are
# matched, the bad bytes are findings, and the JSON stays valid UTF-8 (Jansson
# through build/gen/schema-check refuses anything else) with the column
# printable on one line.
set -eu
"$ROOT/build/gen/schema-check" "$SHARE/schemas/check-annexA.schema.json" "$OUT"
jq -e '
	(.findings[0].line == 1 and .findings[0].rule == "encoding") and
	(.findings[1] == {"line": 3, "column": "Not?s", "rule": "encoding", "severity": "error",
		"message": "bytes that are not valid UTF-8 (is it Windows-1252? try --encoding cp1252)"}) and
	(.summary.by_rule["missing-column"] == 0) and
	(.summary.records == 1)' "$OUT" >/dev/null
