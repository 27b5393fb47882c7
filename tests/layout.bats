#!/usr/bin/env bats
# The shape of the code (issue "one rule, one place"): every program in
# cmd/ reads like its man page, under 450 lines; the lib/ files call each
# other one way only; the programs use the public header alone.

load test_helper/common

@test "no cmd/ file over 450 lines" {
	for f in "$CHAIN_ROOT"/cmd/*.c; do
		n=$(wc -l < "$f")
		[ "$n" -le 450 ] || { echo "$f: $n lines"; false; }
	done
}

@test "no call cycle between lib/ files" {
	# the objects beside the programs tested (build/san for make sanitize)
	objdir=$(cd "$CHAIN_BIN/.." && pwd)/lib
	ls "$objdir"/*.o >/dev/null 2>&1 || objdir=$CHAIN_ROOT/build/lib
	run -0 "$CHAIN_ROOT/tests/lib-cycles.sh" "$objdir"
	assert_output ''
}

@test "the programs include chain.h alone; lib/ files the private header" {
	run grep -l 'chain_priv.h\|report_priv.h' "$CHAIN_ROOT"/cmd/*.c
	assert_output ''
	for f in "$CHAIN_ROOT"/lib/*.c; do
		grep -q '#include "\(chain_priv\|report_priv\).h"' "$f" ||
		    { echo "$f"; false; }
	done
}
