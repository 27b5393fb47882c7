#!/bin/sh
# make bench: generates large files (once, into tests/bench/data), then, for
# each program (tests/bench/bench-*.sh), times the toolkit against a libcsv
# read-only pass over the same file and against peer tools (Miller,
# datamash, sqlite3, csvkit on a sample, in one run) doing a comparable
# computation.
# Wall time is the median of BENCH_RUNS runs (default 3), memory the peak
# resident set size.  One table for all programs goes to standard output
# (the README's), progress to standard error.  BENCH_ONLY=kpi runs one.
set -eu
cd "$(dirname "$0")/../.."
RUNS=${BENCH_RUNS:-3}
B=build/bench
D=tests/bench/data
BIN=${CHAIN_BIN:-bin}
mkdir -p "$B" "$D"
for gen in tests/bench/gen-*.c; do
	name=${gen##*/}
	cc -O2 -o "$B/${name%.c}" "$gen" -lm
done
cc -O2 -o "$B/csvpass" tests/bench/csvpass.c -lcsv
# csvkit's SQLAlchemy warns on every run
export SQLALCHEMY_SILENCE_UBER_WARNING=1
. tests/bench/lib.sh
for script in tests/bench/bench-${BENCH_ONLY:-*}.sh; do
	. "$script"
done
print_table
