# lib.sh: what the benchmark scripts share; sourced by run.sh.
# measure NAME CMD: the median wall time of $RUNS runs and the peak memory,
# as a row of the table, with the ratio to the first row of the table (the
# libcsv read-only pass).  header TITLE starts a table.

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
	printf '| %-44s | %7s | %6s | %6s |\n' "$name" "$wall" "$mb" "${ratio}x"
}

header() {
	echo
	echo "$1"
	echo
	printf '| %-44s | %7s | %6s | %6s |\n' "command" "wall s" "MB" "ratio"
	printf '|%s|%s|%s|%s|\n' "----------------------------------------------" \
	    "---------" "--------" "--------"
	base=
}
