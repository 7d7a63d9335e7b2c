#!/bin/sh
# format.sh: the C sources follow .clang-format (run `make format` to fix).
# The format is pinned to the clang-format that `make deps` installs (Debian
# 12: version 14); another version formats some constructs differently, so
# with another version the check says so and is not run.
PINNED=14
cd "$(dirname "$0")/.." || exit 2
command -v clang-format >/dev/null 2>&1 || { echo "format: clang-format not installed (apt-get install clang-format)"; exit 1; }
version=$(clang-format --version | sed -n 's/.*version \([0-9]*\)\..*/\1/p')
if [ "$version" != "$PINNED" ]; then
	echo "format: NOT CHECKED: clang-format ${version:-?} is not the pinned $PINNED (make deps installs it)"
	exit 0
fi
files=$(ls lib/*/*.[ch] cmd/*/*.[ch] tests/unit/*.c tests/gen/*.[ch] tests/fuzz/*.[ch] tests/bench/*.c 2>/dev/null)
if clang-format --dry-run --Werror $files 2>/dev/null; then
	echo "format: $(echo "$files" | wc -l) files clean (clang-format $version)"
else
	clang-format --dry-run --Werror $files 2>&1 | grep -m5 'error:'
	echo "format: run 'make format'"
	exit 1
fi
