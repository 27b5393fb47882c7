#!/bin/sh
# deps.sh check|bench|harden: installs the Debian packages that building and
# testing (check), benchmarking (bench) or the valgrind and fuzzing runs
# (harden) need.  As root it runs apt-get itself;
# otherwise it prints the exact command and fails, so that nothing half-works.
set -u

case "${1:-check}" in
check)
	# build: cc, make, libcsv, libacl (a register keeps its ACL); tests:
	# setfacl (acl), bats with its helpers, mandoc for the
	# man page lint, chromium, pdftotext (poppler-utils) and fonts (one with
	# emoji) for the report's browser test, strace to kill a writer of
	# the register at its rename.
	want="gcc make libc6-dev libcsv-dev libacl1-dev acl bats bats-support bats-assert mandoc chromium poppler-utils fonts-dejavu-core fonts-noto-color-emoji strace"
	;;
bench)
	want="miller datamash sqlite3 csvkit time"
	;;
harden)
	# the valgrind run of the test suite and the libFuzzer targets
	want="valgrind clang libclang-rt-dev"
	;;
*)
	echo "usage: deps.sh check|bench|harden" >&2
	exit 2
	;;
esac

missing=""
for p in $want; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
	echo "deps: missing:$missing (install them with your package manager)" >&2
	exit 1
fi
if [ "$(id -u)" != 0 ]; then
	echo "deps: missing Debian packages:$missing" >&2
	echo "deps: run: sudo apt-get install -y$missing" >&2
	exit 1
fi
echo "deps: installing$missing"
export DEBIAN_FRONTEND=noninteractive
# shellcheck disable=SC2086
apt-get install -y --no-install-recommends $missing ||
	{ apt-get update && apt-get install -y --no-install-recommends $missing; }
