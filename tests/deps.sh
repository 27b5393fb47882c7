#!/bin/sh
# deps.sh check|bench|harden: installs the Debian packages that building and
# testing (check), benchmarking (bench) or the valgrind and fuzzing runs
# (harden) need.  As root it runs apt-get itself;
# otherwise it prints the exact command and fails, so that nothing half-works.
set -u

case "${1:-check}" in
check)
	# build: cc, make, libcsv, libacl (a register keeps its ACL), gettext
	# (msgfmt compiles the Dutch messages; xgettext and msgmerge check
	# them); tests: setfacl (acl), bats with its helpers, mandoc for the man
	# page lint, chromium, pdftotext (poppler-utils) and fonts (one with
	# emoji) for the report's browser test, strace to kill a writer of the
	# register at its rename, locales for the Dutch locale of
	# tests/i18n.bats.
	want="gcc make libc6-dev libcsv-dev libacl1-dev gettext acl bats bats-support bats-assert mandoc chromium poppler-utils fonts-dejavu-core fonts-noto-color-emoji strace locales"
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

# The Dutch locale, in which tests/i18n.bats runs the programs with
# LC_MESSAGES=nl_NL.UTF-8 (it skips those tests, saying so, without it):
# generated as root from the locales package, as locale-gen does.
dutch_locale() {
	[ "$1" = check ] || return 0
	locale -a 2>/dev/null | grep -qix 'nl_NL.utf-\{0,1\}8' && return 0
	if [ "$(id -u)" != 0 ]; then
		echo "deps: no nl_NL.UTF-8 locale (tests/i18n.bats skips its tests);" \
		    "as root: localedef -i nl_NL -c -f UTF-8 nl_NL.UTF-8" >&2
		return 0
	fi
	echo "deps: generating the nl_NL.UTF-8 locale"
	localedef -i nl_NL -c -f UTF-8 -A /usr/share/locale/locale.alias \
	    nl_NL.UTF-8 || echo "deps: nl_NL.UTF-8 could not be generated" >&2
}

missing=""
for p in $want; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
		missing="$missing $p"
	fi
done
if [ -z "$missing" ]; then
	dutch_locale "${1:-check}"
	exit 0
fi

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
	{ apt-get update && apt-get install -y --no-install-recommends $missing; } ||
	exit 1
dutch_locale "${1:-check}"
