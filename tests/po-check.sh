#!/bin/sh
# po-check.sh PO... -- XGETTEXT-COMMAND...: checks each translation against
# the messages of the sources (the template the xgettext command writes,
# given without -o): every message there is translated in every PO file,
# none is fuzzy, the formats agree (msgfmt --check), and the PO file holds
# no message the sources no longer have; and that no message of the
# sources is a choice (cond ? "a" : "b") that xgettext would half see
# (tests/msg-formats.awk, with the command's keywords and sources).
# Prints each problem and the statistics; exits 1 when there is any.
# make po-check runs it, and tests/i18n.bats.
set -u
pos=""
while [ $# -gt 0 ] && [ "$1" != -- ]; do
	pos="$pos $1"
	shift
done
[ $# -gt 1 ] || { echo "usage: po-check.sh PO... -- XGETTEXT..." >&2; exit 2; }
shift
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$@" -o "$tmp/sources.pot" || exit 1
status=0

keywords="" sources=""
for arg in "$@"; do
	case $arg in
	--keyword=*) keywords="$keywords ${arg#--keyword=}" ;;
	*.c | *.h) sources="$sources $arg" ;;
	esac
done
# shellcheck disable=SC2086
awk -v keywords="$keywords" -f "$(dirname "$0")/msg-formats.awk" $sources \
    > "$tmp/choices" || exit 1
if [ -s "$tmp/choices" ]; then
	cat "$tmp/choices"
	status=1
fi

# what: the messages of merged.po that msgattrib's options pick, if any
show() {
	what=$1
	shift
	msgattrib --no-location "$@" "$tmp/merged.po" > "$tmp/picked" || exit 1
	if [ -s "$tmp/picked" ]; then
		echo "$po: $what:"
		# each message by its msgid's first line (the header aside)
		msgcat --no-wrap "$tmp/picked" | sed 's/^#~ //' | awk '
		    /^msgid / { id = 1; s = substr($0, 7); if (s != "\"\"") { print "    " s; id = 0 }; next }
		    id && /^"/ { print "    " $0; id = 0; next }
		    { id = 0 }'
		status=1
	fi
}

for po in $pos; do
	# the translation as it would be for the sources of today
	msgmerge --quiet --no-fuzzy-matching -o "$tmp/merged.po" "$po" \
	    "$tmp/sources.pot" || { status=1; continue; }
	show "not translated" --untranslated --no-obsolete
	show "fuzzy" --only-fuzzy --no-obsolete
	show "no longer in the sources" --only-obsolete
	msgfmt --check --statistics -o /dev/null "$po" 2>"$tmp/stats" ||
	    status=1
	cat "$tmp/stats"
	! grep -q 'fuzzy\|untranslated' "$tmp/stats" || status=1
done
exit $status
