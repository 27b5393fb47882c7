#!/usr/bin/env bats
# The manual: every page lint-clean with mandoc, and every program's page
# states the exit codes.

load test_helper/common

@test "man pages are lint-clean" {
	run -0 mandoc -Tlint -Wwarning "$CHAIN_ROOT"/man/*.[157]
	assert_output ''
}

@test "every program has a page with its exit status and options" {
	for prog in "$CHAIN_BIN"/chain-*; do
		page=$CHAIN_ROOT/man/${prog##*/}.1
		[ -f "$page" ]
		grep -q '^\.Sh EXIT STATUS' "$page"
		grep -q 'fail-on' "$page"
		grep -q 'Fl -excel' "$page"
	done
}

@test "the usage line of --help matches the man page's synopsis" {
	for prog in "$CHAIN_BIN"/chain-*; do
		name=${prog##*/}
		run -0 "$name" --help
		assert_line --index 0 --partial "usage: $name"
	done
}
