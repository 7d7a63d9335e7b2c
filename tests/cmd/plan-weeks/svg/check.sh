xmllint --noout "$OUT" && grep -q 'Good Friday' "$OUT" && ! grep -q '<script' "$OUT"
