#!/bin/sh
set -u
for s in -1 12x "" 0x10; do
	"$TOOL" national --seed "$s" ../national-basic/annexa.csv >/dev/null 2>&1
	[ $? -eq 2 ] || { echo "seed '$s' accepted"; exit 1; }
done
