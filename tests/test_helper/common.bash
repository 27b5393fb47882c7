# common.bash: loaded by every suite.  Puts the freshly built programs first
# on PATH (CHAIN_BIN, default bin/ of this tree), runs each test in its own
# temporary directory, and with CHAIN_VALGRIND=1 runs every program under
# valgrind, failing a test on any memory error or leak.
bats_require_minimum_version 1.5.0
bats_load_library bats-support
bats_load_library bats-assert

CHAIN_ROOT=$(cd "$BATS_TEST_DIRNAME/.." && pwd)
: "${CHAIN_BIN:=$CHAIN_ROOT/bin}"
EXAMPLES=$CHAIN_ROOT/examples
FIXTURES=$CHAIN_ROOT/tests/fixtures

chain_wrap_valgrind() {
	local dir=$BATS_RUN_TMPDIR/valgrind-bin prog
	mkdir -p "$dir"
	for prog in "$CHAIN_BIN"/chain-*; do
		[ -e "$dir/${prog##*/}" ] && continue
		cat >"$dir/${prog##*/}" <<WRAP
#!/bin/sh
exec valgrind -q --error-exitcode=99 --leak-check=full \
	--errors-for-leak-kinds=definite,indirect "$prog" "\$@"
WRAP
		chmod +x "$dir/${prog##*/}"
	done
	PATH=$dir:$PATH
}

setup() {
	PATH=$CHAIN_BIN:$PATH
	if [ -n "${CHAIN_VALGRIND:-}" ]; then
		chain_wrap_valgrind
	fi
	export PATH LC_ALL=C TZ=Europe/Amsterdam
	cd "$BATS_TEST_TMPDIR" || return 1
}

# csv NAME: writes standard input to NAME (a here-document keeps a test's
# input next to its expected output).
csv() {
	cat >"$1"
}
