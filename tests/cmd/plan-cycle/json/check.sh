#!/bin/sh
jq -e '.profile == "framework-2021" and .last_inspection == "2024-02-16" and (.rows | length) == 6 and all(.rows[]; (.reason | length) > 20) and .overdue == [] and (.rows[] | select(.key == "full-inspection") | .until == "2027-02-16")' "$OUT" >/dev/null
