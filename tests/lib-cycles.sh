#!/bin/sh
# lib-cycles.sh OBJDIR: which lib/ files call each other, from their object
# files (the symbols each needs and the file that defines them); prints
# every pair that calls both ways and every longer loop, and exits 1 when
# there is any: data flows one way, reader to domain to writer.
set -eu
cd "$1"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for o in *.o; do
	nm -g --defined-only "$o" | awk -v f="${o%.o}" 'NF == 3 {print $3, f}'
done | sort > "$tmp/defs"
for o in *.o; do
	nm -u "$o" | awk '{print $2}' | sort -u | join - "$tmp/defs" |
	    awk -v f="${o%.o}" '$2 != f {print f, $2}'
done | sort -u > "$tmp/edges"
awk '{e[$1 " " $2] = 1}
END {for (k in e) {split(k, a, " ");
	if ((a[2] " " a[1]) in e && a[1] < a[2]) print "both ways: " a[1] " " a[2]}}' \
    "$tmp/edges" > "$tmp/found"
tsort "$tmp/edges" 2>&1 >/dev/null | sed 's/^/loop: /' >> "$tmp/found" || true
cat "$tmp/found"
[ ! -s "$tmp/found" ]
