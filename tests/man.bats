#!/usr/bin/env bats
# The manual: every page lint-clean with mandoc, and every program's page
# states the exit codes; every page has its Dutch version in man/nl, in
# step with it.

load test_helper/common

@test "man pages are lint-clean" {
	run -0 mandoc -Tlint -Wwarning "$CHAIN_ROOT"/man/*.[157] \
	    "$CHAIN_ROOT"/man/nl/*.[157]
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

@test "every program has a Dutch page with its exit status and options" {
	for prog in "$CHAIN_BIN"/chain-*; do
		page=$CHAIN_ROOT/man/nl/${prog##*/}.1
		[ -f "$page" ]
		grep -q '^\.Sh AFSLUITWAARDE' "$page"
		grep -q '^\.Sh OMGEVING' "$page"
		grep -q 'fail-on' "$page"
		grep -q 'Fl -excel' "$page"
	done
}

# What a page says in mdoc words (options, commands and values, the
# examples, the number of sections and literal blocks) its Dutch version
# says too: an option added to one and not the other is found here.
@test "every page and its Dutch version: the same options, commands, examples and sections" {
	words() {
		grep -o 'Fl -\{0,1\}[A-Za-z][-A-Za-z]*' "$1" | sort -u
		grep -o 'Cm [^ ]*' "$1" | sort -u
		grep '^\$ ' "$1"
		grep -c '^\.S[hs] ' "$1"
		grep -c '^\.Bd ' "$1"
	}
	for page in "$CHAIN_ROOT"/man/*.[157]; do
		nl=$CHAIN_ROOT/man/nl/${page##*/}
		[ -f "$nl" ] || fail "no Dutch page for ${page##*/}"
		diff -u <(words "$page") <(words "$nl") ||
		    fail "man/nl/${page##*/} is not in step with man/${page##*/}"
	done
}
