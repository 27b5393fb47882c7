#!/bin/sh
# make bench: generates large files (once, into tests/bench/data), then times
# the toolkit against a libcsv read-only pass over the same file and against
# peer tools doing a comparable computation.  Wall time is the median of
# BENCH_RUNS runs (default 3), memory the peak resident set size.
set -eu
cd "$(dirname "$0")/../.."
RUNS=${BENCH_RUNS:-3}
N_AGREEMENTS=${BENCH_AGREEMENTS:-1000000}
B=build/bench
D=tests/bench/data
BIN=${CHAIN_BIN:-bin}
mkdir -p "$B" "$D"
cc -O2 -o "$B/gen" tests/bench/gen.c
cc -O2 -o "$B/csvpass" tests/bench/csvpass.c -lcsv

# measure NAME CMD...: median wall seconds and peak MB over $RUNS runs
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

agreements=$D/agreements-$N_AGREEMENTS.csv
[ -s "$agreements" ] || "$B/gen" agreements "$N_AGREEMENTS" > "$agreements"
small=$D/agreements-100000.csv
[ -s "$small" ] || "$B/gen" agreements 100000 > "$small"
size=$(du -m "$agreements" | cut -f1)

mlr_status='mlr --icsv --ocsv put '\''
	D = strptime("2026-11-20", "%Y-%m-%d");
	due = strptime($due, "%Y-%m-%d");
	done = is_empty($done) ? -1 : strptime($done, "%Y-%m-%d");
	done = done > D ? -1 : done;
	ann = is_empty($announced) ? -1 : strptime($announced, "%Y-%m-%d");
	intime = ann >= 0 && ann <= D && ann <= due;
	eff = (intime && !is_empty($new_due)) ? strptime($new_due, "%Y-%m-%d") : due;
	if (!is_empty($cancelled) && strptime($cancelled, "%Y-%m-%d") <= D) {
		$state = "cancelled";
	} elif (done >= 0) {
		$state = done <= due ? "kept" : done <= eff ? "renegotiated" : "late";
	} elif (D > eff) {
		$state = "overdue";
	} elif (eff <= D + 7 * 86400) {
		$state = "due-soon";
	} else {
		$state = "open";
	}
	$effective_due = strftime(eff, "%Y-%m-%d");
	$surprise = ($state == "late" || $state == "overdue" || $state == "renegotiated") && !intime ? 1 : 0;
'\'''

header "chain-agree: $N_AGREEMENTS agreements ($size MB), as of 2026-11-20"
measure "libcsv read-only pass" "$B/csvpass $agreements"
measure "chain-agree status" "$BIN/chain-agree status --as-of 2026-11-20 $agreements"
measure "chain-agree score" "$BIN/chain-agree score --as-of 2026-11-20 $agreements"
measure "chain-agree score --per month" "$BIN/chain-agree score --per month --as-of 2026-11-20 $agreements"
measure "chain-agree matrix" "$BIN/chain-agree matrix --as-of 2026-11-20 $agreements"
measure "chain-agree status (100,000 rows: memory)" "$BIN/chain-agree status --as-of 2026-11-20 $small"
if command -v mlr > /dev/null; then
	measure "mlr put (the states)" "$mlr_status $agreements"
	measure "mlr put, then count -g owner,state" "$mlr_status then count -g owner,state $agreements"
fi
