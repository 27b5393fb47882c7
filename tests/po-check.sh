#!/bin/sh
# po-check.sh PO... -- XGETTEXT-COMMAND...: checks each translation against
# the messages of the sources (the template the xgettext command writes,
# given without -o): every message there is translated in every PO file,
# none is fuzzy, the formats agree (msgfmt --check), and the PO file holds
# no message the sources no longer have.  Prints each problem; exits 1
# when there is any.  make po-check runs it, and tests/i18n.bats.
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
for po in $pos; do
	# the sources' messages that lack a translation, or have a fuzzy one
	msgcmp -N "$po" "$tmp/sources.pot" 2>"$tmp/missing" ||
	    { sed "s|^|$po: |" "$tmp/missing"; status=1; }
	# the translations of messages the sources no longer have
	msgcmp -N --use-untranslated "$tmp/sources.pot" "$po" 2>"$tmp/extra" ||
	    { sed "s|^|$po: no longer in the sources: |" "$tmp/extra"; status=1; }
	msgfmt --check --statistics -o /dev/null "$po" 2>"$tmp/stats" ||
	    status=1
	cat "$tmp/stats"
	if grep -q -E 'fuzzy|untranslated' "$tmp/stats"; then
		echo "$po: fuzzy or untranslated messages"
		status=1
	fi
done
exit $status
