# measure.sh: sourced by tests/bench/run.sh. Times one command at a time
# (wall clock from wall.c, peak RSS and CPU from GNU time) and reduces the
# runs of a command to its median wall and CPU seconds and its peak memory.
# Needs $W (the scratch folder), $TIMER (/usr/bin/time) and $WALL (wall.c).

# trouble MESSAGE: stop the benchmark: something is missing or broken (exit 2).
trouble() {
	echo "bench: $*" >&2
	exit 2
}

# measure RESULTS CMD...: run CMD once, pinned to one core ($PIN: taskset,
# when there is one), output to /dev/null, and append "wall_us cpu_us
# peak_kib" to RESULTS. Exit 1 is a finding, not a failure (check-annexA); a
# higher status stops the benchmark.
measure() {
	m_res=$1
	shift
	m_rc=0
	$PIN "$TIMER" -f '%M' -o "$W/time" "$WALL" "$W/wall" "$@" >/dev/null 2>"$W/stderr" ||
		m_rc=$?
	if [ "$m_rc" -gt 1 ]; then
		head -n 5 "$W/stderr" >&2
		trouble "$* exited with status $m_rc"
	fi
	# GNU time writes "Command exited with non-zero status 1" first then.
	echo "$(cat "$W/wall") $(tail -n 1 "$W/time")" >>"$m_res"
}

# median: the median of the numbers on standard input, one a line.
median() {
	sort -n | awk '{ v[NR] = $1 }
	    END { if (NR == 0) exit 1
	          k = int((NR + 1) / 2)
	          printf "%.6f\n", (NR % 2 ? v[k] : (v[k] + v[k + 1]) / 2) }'
}

# summarise RESULTS: "wall_s cpu_s peak_mib runs": the median wall and CPU
# (user + system, every thread) seconds and the highest peak RSS of the runs.
summarise() {
	s_wall=$(awk '{ print $1 / 1e6 }' "$1" | median)
	s_cpu=$(awk '{ print $2 / 1e6 }' "$1" | median)
	s_rss=$(awk '$3 > m { m = $3 } END { printf "%.1f\n", m / 1024 }' "$1")
	echo "$s_wall $s_cpu $s_rss $(wc -l <"$1" | tr -d ' ')"
}
