#!/bin/sh
# seed.sh DIR: the seed corpus of every fuzz target, from the files of
# examples/ and tests/.  A program's inputs get the byte of each of its
# target's configurations in front (see input.h); the reader's get each
# option byte.
set -eu
out=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$out"
seed() {	# seed TARGET FILE BYTES...
	target=$1
	file=$2
	shift 2
	mkdir -p "$out/$target"
	for b in "$@"; do
		{ printf "\\$(printf %03o "$b")"; cat "$file"; } \
		    > "$out/$target/$b-$(basename "$file")"
	done
}
for f in "$root"/examples/*.csv "$root"/tests/fixtures/*.csv; do
	[ -f "$f" ] || continue
	seed csv "$f" 0 1 2 3
done
# the decoder: the register in Windows-1252 and in UTF-16 (LE and BE, with
# the mark), its titles Dutch; detected (0) and forced (16, 24)
mkdir -p "$out/encodings"
sed 's/Send case files/Stuur dossiers naar Súdwest-Fryslân café/' \
    "$root/examples/agreements.csv" > "$out/encodings/register.csv"
iconv -f UTF-8 -t WINDOWS-1252 "$out/encodings/register.csv" \
    > "$out/encodings/cp1252.csv"
{ printf '\377\376'; iconv -f UTF-8 -t UTF-16LE "$out/encodings/register.csv"; } \
    > "$out/encodings/utf16le.csv"
{ printf '\376\377'; iconv -f UTF-8 -t UTF-16BE "$out/encodings/register.csv"; } \
    > "$out/encodings/utf16be.csv"
seed csv "$out/encodings/cp1252.csv" 0 16
seed csv "$out/encodings/utf16le.csv" 0 24
seed csv "$out/encodings/utf16be.csv" 4 24
# Windows-1252 that shows itself only after the first 64 KiB of ASCII
{ cat "$root/examples/events.csv"; printf 'Z1,Caf\351,2025-10-01T11:02+02:00,POL\n'; } \
    > "$out/encodings/late-1252.csv"
seed csv "$out/encodings/late-1252.csv" 0 4
rm -r "$out/encodings"
seed agree "$root/examples/agreements.csv" 0 1 2 3 4 5 6 7 8 9 10 11
# a journal, for the configurations that read the input as one
journal=$out/journal.csv
printf '%s\n' time,user,id,column,old,new,kind \
    2026-11-20T09:00:00+01:00,coord,A1,announced,,2026-11-01,set \
    2026-11-20T09:00:00+01:00,coord,A1,announced,2026-11-01,2026-11-08,again \
    2026-11-20T09:00:00+01:00,coord,A1,announced,2026-11-08,2026-11-07,correct \
    > "$journal"
seed agree "$journal" 12 13
rm -f "$journal"
mkdir -p "$out/dates"
for s in 2026-11-20 20-11-2026 2026-W47 2020-W53 2026-11 2026-Q4 2026 \
    "2011-10-11 13:45:40.276+02:00" 2026-03-29T02:30:00Z 3,5 -0.25 1e3; do
	printf '%s' "$s" > "$out/dates/$(printf '%s' "$s" | tr -c 'A-Za-z0-9' _)"
done
for prog in kpi survey report; do
	[ -f "$root/tests/fuzz/seed-$prog.sh" ] && . "$root/tests/fuzz/seed-$prog.sh"
done
exit 0
