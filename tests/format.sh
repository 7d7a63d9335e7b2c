#!/bin/sh
# format.sh: the C sources follow .clang-format (run `make format` to fix).
cd "$(dirname "$0")/.." || exit 2
command -v clang-format >/dev/null 2>&1 || { echo "format: clang-format not installed (apt-get install clang-format)"; exit 1; }
files=$(ls lib/*.[ch] cmd/*/*.[ch] tests/unit/*.c tests/gen/*.[ch] tests/fuzz/*.[ch] tests/bench/*.c 2>/dev/null)
if clang-format --dry-run --Werror $files 2>/dev/null; then
	echo "format: $(echo "$files" | wc -l) files clean"
else
	clang-format --dry-run --Werror $files 2>&1 | grep -m5 'error:'
	echo "format: run 'make format'"
	exit 1
fi
