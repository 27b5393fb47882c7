# lib.sh: what the benchmark scripts share; sourced by run.sh.
# header TITLE starts a section (a file and what is done with it); measure
# NAME CMD times CMD: the median wall time of $RUNS runs and the peak
# memory, as one row of the table that run.sh prints at the end, with the
# ratio to the section's first row (the libcsv read-only pass).

TABLE=$B/table.md
: > "$TABLE"

header() {
	section=$1
	base=
	echo "bench: $section" >&2
	printf '| **%s** | | | |\n' "$section" >> "$TABLE"
}

measure() {
	name=$1
	shift
	i=0
	: > "$B/times"
	while [ "$i" -lt "$RUNS" ]; do
		/usr/bin/time -f '%e %M' -o "$B/time.1" sh -c "$*" > /dev/null
		cat "$B/time.1" >> "$B/times"
		i=$((i + 1))
	done
	set -- $(sort -n "$B/times" | awk '{ w[NR] = $1; if ($2 > m) m = $2 }
		END { printf "%s %.1f", w[int((NR + 1) / 2)], m / 1024 }')
	wall=$1
	mb=$2
	if [ -z "${base:-}" ]; then
		base=$wall
	fi
	ratio=$(awk -v w="$wall" -v b="$base" 'BEGIN { printf "%.2f", w / b }')
	printf '| %-46s | %7s | %7s | %7s |\n' "$name" "$wall" "$mb" "${ratio}x" >> "$TABLE"
	printf 'bench:   %-46s %7s s %7s MB %7s\n' "$name" "$wall" "$mb" "${ratio}x" >&2
}

# measure_once NAME CMD: one run only, for a tool that takes minutes.
measure_once() {
	saved_runs=$RUNS
	RUNS=1
	measure "$@"
	RUNS=$saved_runs
}

print_table() {
	printf '| %-46s | %7s | %7s | %7s |\n' "file, then command" "wall s" "MB" "ratio"
	printf '|%s|%s|%s|%s|\n' "------------------------------------------------" \
	    "---------" "---------" "---------"
	cat "$TABLE"
}
