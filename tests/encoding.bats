#!/usr/bin/env bats
# Excel's own encodings (SPEC section 1, lib/encoding.c): Dutch Excel saves
# "CSV" in Windows-1252 and "Unicode-tekst" in UTF-16 with a byte-order
# mark.  Every example file, made Dutch, in Windows-1252 and in UTF-16 LE
# and BE gives what its UTF-8 version gives, in every program and the
# report; a register written to stays in its encoding, its other rows byte
# for byte; what is not of an encoding is an error that names its place.

load test_helper/common

# The example files with Dutch words in them, in utf8/: a partner code,
# a step, a KPI code, a title and names that Windows-1252 writes in one
# byte each (u acute, a circumflex, o and e diaeresis, e acute, the euro
# sign and an en dash), on the first lines of every file.
dutch_examples() {
	mkdir -p utf8
	for f in "$EXAMPLES"/*.csv; do
		sed -e 's/RvdK/Fryslân/g' -e 's/ftr/financiën/g' \
		    -e 's/,Report,/,Aangifte café,/' \
		    -e 's/Send case files/Stuur dossiers naar Súdwest-Fryslân/' \
		    -e 's/Decide on/Beslis (coördinator) over/' \
		    -e 's/Police district East/Politie – district Oost/' \
		    -e 's/Cost per case across the chain/Kosten per zaak in €/' \
		    "$f" > "utf8/${f##*/}"
	done
}

# encode DIR FILE...: each file into DIR, in the encoding of DIR's first
# part (cp1252, le or be: le/in is UTF-16LE too).
encode() {
	local dir=$1 f
	shift
	mkdir -p "$dir"
	for f in "$@"; do
		case ${dir%%/*} in
		cp1252) iconv -f UTF-8 -t WINDOWS-1252 "$f" ;;
		le) printf '\377\376'; iconv -f UTF-8 -t UTF-16LE "$f" ;;
		be) printf '\376\377'; iconv -f UTF-8 -t UTF-16BE "$f" ;;
		esac > "$dir/${f##*/}"
	done
}

# each DIR: every program on DIR's files, as examples/weekly.sh runs them,
# each command's output and exit status in DIR/out/; the report reads the
# outputs in DIR's encoding too.
each() {
	local a='--as-of 2026-11-20' w='survey-2026-05.csv survey-2026-11.csv'
	local n=0 cmd
	mkdir -p "$1/out"
	while IFS= read -r cmd; do
		n=$((n + 1))
		(cd "$1" && eval "$cmd" > "out/$n.csv" 2> "out/$n.err"
		    echo "$?" > "out/$n.status")
	done <<EOF
chain-agree status $a agreements.csv
chain-agree score $a agreements.csv
chain-agree score --per month $a agreements.csv
chain-agree matrix $a agreements.csv
chain-agree check --partners partners.csv agreements.csv
chain-agree list --state overdue --owner Fryslân --excel $a agreements.csv
chain-kpi check --plan plan.csv --baseline 12 --recalc 2026-W14 $a measurements.csv
chain-kpi summary --plan plan.csv --baseline 12 --recalc 2026-W14 $a measurements.csv
chain-kpi check --plan plan.csv --screen $a measurements.csv
chain-kpi leadtime --from 'Aangifte café' --to Close --norm 60d $a events.csv
chain-kpi leadtime --per week --from 'Aangifte café' --to Close --kpi chain $a events.csv
chain-kpi handoffs $a events.csv
chain-survey score --instrument trust $w
chain-survey matrix --instrument trust --wave 2026-11 $w
chain-survey compare --instrument trust --from 2026-05 --to 2026-11 $w
chain-survey alpha --instrument trust $w
EOF
	# the report, from the outputs in the directory's encoding
	cp "$1/out/1.csv" status.csv
	cp "$1/out/8.csv" summary.csv
	cp "$1/out/15.csv" compare.csv
	case $1 in
	utf8) mkdir -p utf8/in; cp status.csv summary.csv compare.csv utf8/in/ ;;
	*) encode "$1/in" status.csv summary.csv compare.csv ;;
	esac
	cp "$1/plan.csv" "$1/partners.csv" "$1/in/"
	for f in html txt md; do
		(cd "$1/in" && chain-report --chain 'Keten Súdwest-Fryslân' \
		    $a --format $f --lang nl *.csv > "../out/report.$f" \
		    2> "../out/report.$f.err"; echo "$?" > "../out/report.$f.status")
	done
}

# same DIR: DIR's outputs and statuses are utf8's; its messages too, but
# for the one warning per file that Windows-1252 is guessed.
same() {
	local f
	for f in utf8/out/*; do
		case $f in
		*.err)
			grep -v 'warning: not UTF-8 (byte 0x..), so read as Windows-1252' \
			    "$1/out/${f##*/}" | diff "$f" - ||
			    fail "$1: ${f##*/} differs" ;;
		*)
			cmp "$f" "$1/out/${f##*/}" || fail "$1: ${f##*/} differs" ;;
		esac
	done
}

@test "every example file in Windows-1252, UTF-16LE and UTF-16BE: the output of its UTF-8 version" {
	dutch_examples
	# the Dutch words are there, and make a difference
	grep -q 'Fryslân' utf8/agreements.csv
	for d in cp1252 le be; do
		encode $d utf8/*.csv
	done
	! cmp -s utf8/agreements.csv cp1252/agreements.csv
	for d in utf8 cp1252 le be; do
		each $d
	done
	# what a coordinator would look for, so that the runs are not empty
	grep -q '^Fryslân,,' utf8/out/2.csv
	# 3000 cases, 385 of them never closed after 'Aangifte café'
	[ "$(wc -l < utf8/out/10.csv)" -eq 2616 ]
	grep -q '^Fryslân,GEM,' utf8/out/12.csv
	grep -q '^financiën,' utf8/out/8.csv
	grep -q 'Keten Súdwest-Fryslân' utf8/out/report.html
	grep -q 'Politie – district Oost' utf8/out/report.html
	grep -q 'Kosten per zaak in €' utf8/out/report.txt
	[ "$(cat utf8/out/5.status)" = 0 ]
	[ "$(cat utf8/out/6.status)" = 0 ]
	for d in cp1252 le be; do
		same $d
	done
	# Windows-1252 is said once per file: no more, no less
	run -0 cat cp1252/out/2.err
	assert_output "chain-agree: agreements.csv:2: warning: not UTF-8 (byte 0xFA), so read as Windows-1252, as Excel saves CSV (--encoding NAME reads another encoding)"
	run -0 cat cp1252/out/5.err
	assert_output "chain-agree: partners.csv:2: warning: not UTF-8 (byte 0x96), so read as Windows-1252, as Excel saves CSV (--encoding NAME reads another encoding)
chain-agree: agreements.csv:2: warning: not UTF-8 (byte 0xFA), so read as Windows-1252, as Excel saves CSV (--encoding NAME reads another encoding)"
	run -0 cat le/out/2.err
	assert_output ''
}

@test "standard input in UTF-16 and Windows-1252, and -q without the warning" {
	printf 'id;eigenaar;omschrijving;deadline\r\nA1;OM;Overleg met Gemeente Súdwest-Fryslân over café;1-12-2026\r\n' > u.csv
	encode le u.csv
	encode cp1252 u.csv
	want='id,owner,title,due,state,effective_due,days_late,surprise,as_of,renegotiations
A1,OM,Overleg met Gemeente Súdwest-Fryslân over café,1-12-2026,open,2026-12-01,0,0,2026-11-20,0'
	run -0 --separate-stderr chain-agree status --as-of 2026-11-20 - < le/u.csv
	assert_equal "$output" "$want"
	assert_equal "$stderr" ''
	run -0 --separate-stderr chain-agree status --as-of 2026-11-20 < cp1252/u.csv
	assert_equal "$output" "$want"
	assert_equal "$stderr" "chain-agree: stdin:2: warning: not UTF-8 (byte 0xFA), so read as Windows-1252, as Excel saves CSV (--encoding NAME reads another encoding)"
	run -0 --separate-stderr chain-agree status -q --as-of 2026-11-20 cp1252/u.csv
	assert_equal "$output" "$want"
	assert_equal "$stderr" ''
	# named, it is no guess: no warning
	run -0 --separate-stderr chain-agree status --encoding windows-1252 --as-of 2026-11-20 cp1252/u.csv
	assert_equal "$output" "$want"
	assert_equal "$stderr" ''
	# --excel: UTF-8 with its byte-order mark, whatever the input was in
	run -0 chain-agree status --excel --as-of 2026-11-20 le/u.csv
	[ "$(printf '%s' "$output" | head -c 3)" = $'\xef\xbb\xbf' ]
	assert_line --index 1 $'A1;OM;Overleg met Gemeente Súdwest-Fryslân over café;1-12-2026;open;2026-12-01;0;0;2026-11-20;0\r'
}

@test "--encoding: any encoding iconv knows, UTF-16 without its mark, an unknown one" {
	# ISO-8859-15 writes the euro sign as 0xA4, where Windows-1252 has the
	# currency sign
	printf 'partner,name\nGEM,Gemeente \244 en caf\351\n' > p.csv
	run -0 --separate-stderr chain-report --encoding ISO-8859-15 --as-of 2026-11-20 p.csv
	assert_output --partial 'Gemeente € en café'
	run -0 --separate-stderr chain-report --as-of 2026-11-20 p.csv
	assert_output --partial 'Gemeente ¤ en café'
	# UTF-16 without a byte-order mark: named, it is little-endian
	printf 'kpi,period,value\ncost,2026-W01,1.5\n' | iconv -f UTF-8 -t UTF-16LE > nomark.csv
	run -0 chain-kpi check -q --encoding utf-16 nomark.csv
	assert_line --index 1 'cost,2026-W01,1.5,,,1.5,,,,'
	run -0 chain-kpi check -q --encoding UTF-16LE nomark.csv
	assert_line --index 1 'cost,2026-W01,1.5,,,1.5,,,,'
	# unnamed, its NUL bytes say what it may be
	run -3 --separate-stderr chain-kpi check nomark.csv
	assert_equal "${stderr_lines[0]}" "chain-kpi: nomark.csv:1: a NUL byte in the header: UTF-16 without a byte-order mark? (--encoding utf-16le or utf-16be reads it)"
	run -2 --separate-stderr chain-kpi check --encoding klingon nomark.csv
	assert_equal "$stderr" "chain-kpi: --encoding: 'klingon' is no encoding iconv knows ('iconv -l' lists them)
Try 'chain-kpi --help' for more information."
	for p in chain-agree chain-kpi chain-survey chain-report; do
		run -0 "$p" --help
		assert_output --partial '--encoding NAME'
	done
}

@test "--encoding utf-8: a byte that is not UTF-8 is an error with file, line and column" {
	# line 3: the Windows-1252 e acute; line 4: a character cut short; the
	# other rows are read
	printf 'id,owner,due,title\nA1,OM,2026-12-01,ok\nA2,OM,2026-12-01,caf\351\nA3,OM,2026-12-01,\342\202\nA4,OM,2026-12-01,\303\251\n' > r.csv
	run -3 --separate-stderr chain-agree status --encoding utf-8 --as-of 2026-11-20 r.csv
	assert_output 'id,owner,due,title,state,effective_due,days_late,surprise,as_of,renegotiations
A1,OM,2026-12-01,ok,open,2026-12-01,0,0,2026-11-20,0
A4,OM,2026-12-01,é,open,2026-12-01,0,0,2026-11-20,0'
	assert_equal "$stderr" "chain-agree: r.csv:3: title: byte 0xE9 is not UTF-8
chain-agree: r.csv:4: title: byte 0xE2 is not UTF-8"
	# in a quoted field over two lines: the line of the byte, its column
	printf 'id,title,owner,due\nA1,"two\nlines \377",OM,2026-12-01\n' > q.csv
	run -3 --separate-stderr chain-agree status --encoding UTF8 q.csv
	assert_equal "$stderr" "chain-agree: q.csv:3: title: byte 0xFF is not UTF-8"
	# in the header
	printf 'id,owner,due,caf\351\nA1,OM,2026-12-01,x\n' > h.csv
	run -3 --separate-stderr chain-agree status --encoding utf-8 --as-of 2026-11-20 h.csv
	# the column is the header's own field, shown cleaned
	assert_equal "$stderr" "chain-agree: h.csv:1: caf�: byte 0xE9 is not UTF-8"
}

@test "a byte that is not UTF-8 after a start that is UTF-8: an error where it is, never a guess" {
	# 64 KiB of UTF-8 (the block the encoding is told from), then café in
	# Windows-1252 on line 1002
	{
		echo 'id,owner,due,title'
		for i in $(seq 1000); do
			echo "A$i,OM,2026-12-01,Overleg über een titel die de regel lang maakt: zestig tekens"
		done
		printf 'B1,OM,2026-12-01,caf\351\n'
	} > late.csv
	[ "$(stat -c %s late.csv)" -gt 65536 ]
	run -3 --separate-stderr chain-agree score --as-of 2026-11-20 late.csv
	assert_equal "$stderr" "chain-agree: late.csv:1002: title: byte 0xE9 is not UTF-8, which the file is up to here (--encoding windows-1252 reads the whole file as Excel's CSV)"
	# as the message says
	run -0 --separate-stderr chain-agree score --encoding windows-1252 --as-of 2026-11-20 late.csv
	assert_line --index 1 'OM,,1001,0,0,0,0,0,1001,0,0,,'
	# a UTF-8 byte-order mark says UTF-8 of the whole file
	{ printf '\357\273\277id,owner,due,title\n'; printf 'A1,OM,2026-12-01,caf\351\n'; } > bom.csv
	run -3 --separate-stderr chain-agree score --as-of 2026-11-20 bom.csv
	assert_equal "$stderr" "chain-agree: bom.csv:2: title: byte 0xE9 is not UTF-8, which the file's byte-order mark says it is"
}

@test "Windows-1252's five undefined bytes, and UTF-16 that is cut short, are errors with their place" {
	printf 'id;eigenaar;deadline;omschrijving\r\nA1;OM;1-12-2026;Overleg \201\r\nA2;OM;1-12-2026;caf\351\r\nA3;OM;1-12-2026;\215\217\220\235\r\n' > u.csv
	run -3 --separate-stderr chain-agree status --as-of 2026-11-20 u.csv
	assert_output 'id,owner,due,title,state,effective_due,days_late,surprise,as_of,renegotiations
A2,OM,1-12-2026,café,open,2026-12-01,0,0,2026-11-20,0'
	assert_equal "$stderr" "chain-agree: u.csv:2: warning: not UTF-8 (byte 0x81), so read as Windows-1252, as Excel saves CSV (--encoding NAME reads another encoding)
chain-agree: u.csv:2: omschrijving: byte 0x81 is no character of Windows-1252 (--encoding NAME reads another encoding)
chain-agree: u.csv:4: omschrijving: byte 0x8D is no character of Windows-1252 (--encoding NAME reads another encoding)"
	# an odd byte at the end of UTF-16, and a lone surrogate (0xD800)
	printf 'id,owner,due\nA1,OM,2026-12-01\nA2,OM,2026-12-01\n' > r.csv
	encode le r.csv
	{ cat le/r.csv; printf 'x'; } > odd.csv
	run -3 --separate-stderr chain-agree status --as-of 2026-11-20 odd.csv
	assert_equal "$stderr" "chain-agree: odd.csv:4: id: byte 0x78 is no character of UTF-16LE (--encoding NAME reads another encoding)"
	{ printf '\377\376'; printf 'id,owner,due\nA1,OM,' | iconv -t UTF-16LE; printf '\000\330'; printf '2026-12-01\n' | iconv -t UTF-16LE; } > lone.csv
	run -3 --separate-stderr chain-agree status --as-of 2026-11-20 lone.csv
	assert_equal "$stderr" "chain-agree: lone.csv:2: due: bytes 0x00 0xD8 are no character of UTF-16LE (--encoding NAME reads another encoding)"
}

@test "a byte that is not UTF-8 after nothing but ASCII: Windows-1252 from there, as Excel saves it" {
	# 64 KiB of ASCII, then café and naïef in Windows-1252 on lines 1002
	# and 1003: ASCII is the same in both, so the file is Windows-1252
	{
		echo 'id,owner,due,done,title'
		for i in $(seq 1000); do
			echo "A$i,OM,2026-12-01,,Overleg over een titel die de regel lang maakt: zestig tekens"
		done
		printf 'B1,OM,2026-12-01,,caf\351\nB2,OM,2026-12-01,,na\357ef\n'
	} > late.csv
	[ "$(head -1001 late.csv | wc -c)" -gt 65536 ]
	run -0 --separate-stderr chain-agree list --as-of 2026-11-20 late.csv
	assert_equal "$stderr" "chain-agree: late.csv:1002: warning: not UTF-8 (byte 0xE9), so read as Windows-1252, as Excel saves CSV (--encoding NAME reads another encoding)"
	assert_equal "$(printf '%s\n' "${lines[@]}" | tail -2)" "B1,OM,2026-12-01,,café,open,2026-12-01,0,0,2026-11-20,0
B2,OM,2026-12-01,,naïef,open,2026-12-01,0,0,2026-11-20,0"
	# written to, it stays Windows-1252, every other row byte for byte
	cp late.csv before.csv
	run -0 chain-agree set -q -f late.csv A2 --done 2026-11-19 --as-of 2026-11-20
	cmp <(sed 3d before.csv) <(sed 3d late.csv)
	run -0 chain-agree add -q -f late.csv --owner GEM --due 2026-12-20 --title 'Coördinator'
	assert_output A1001
	[ "$(tail -1 late.csv)" = $'A1001,GEM,2026-12-20,,Co\366rdinator' ]
}

# A register as Excel saves it, with Dutch text, in utf8/r.csv.
register() {
	mkdir -p utf8
	printf 'id;eigenaar;aan;omschrijving;afgesproken;deadline;gereed;gemeld;nieuwe_deadline;plan\r\nA1;OM;GEM;Overleg met Gemeente Súdwest-Fryslân over café;2-11-2026;1-12-2026;;;;\r\nA2;GEM;OM;"Financiën; coördinator";2-11-2026;4-12-2026;;;;\r\nA3;POL;OM;Efficiënt – €;2-11-2026;8-12-2026;;;;\r\n' > utf8/r.csv
}

@test "add and set on a Windows-1252 register: Windows-1252 still, the other rows byte for byte" {
	register
	encode cp1252 utf8/r.csv
	cp cp1252/r.csv before.csv
	run -0 --separate-stderr chain-agree add -f cp1252/r.csv --owner OM --counterpart GEM \
	    --made 2026-11-20 --due 2026-12-18 --title 'Zoë en Chloë: één afspraak'
	assert_output A4
	assert_equal "$stderr" "chain-agree: cp1252/r.csv:2: warning: not UTF-8 (byte 0xFA), so read as Windows-1252, as Excel saves CSV (--encoding NAME reads another encoding)"
	# the old bytes first, untouched; the new row in Windows-1252, as the
	# register writes its dates (dd-mm-yyyy) and its line ends (CRLF)
	size=$(stat -c %s before.csv)
	head -c "$size" cp1252/r.csv | cmp - before.csv
	tail -c +$((size + 1)) cp1252/r.csv > added
	printf 'A4;OM;GEM;Zoë en Chloë: één afspraak;20-11-2026;18-12-2026;;;;\r\n' | iconv -f UTF-8 -t WINDOWS-1252 | cmp - added
	cp cp1252/r.csv before.csv
	run -0 chain-agree set -q -f cp1252/r.csv A2 --announce 2026-11-20 --new-due 2026-12-11 --plan 'Eerst de coördinator' --as-of 2026-11-20
	# line 3 changes, every other line is as it was
	cmp <(sed 3d before.csv) <(sed 3d cp1252/r.csv)
	printf 'A2;GEM;OM;"Financiën; coördinator";2-11-2026;4-12-2026;;20-11-2026;11-12-2026;Eerst de coördinator\r\n' | iconv -f UTF-8 -t WINDOWS-1252 | cmp - <(sed -n 3p cp1252/r.csv)
	# its journal is UTF-8, read so whatever --encoding says
	grep -q '^.*,A2,plan,,Eerst de coördinator,set$' cp1252/r.csv.journal
	run -0 chain-agree log --encoding windows-1252 -f cp1252/r.csv A2
	assert_line --index 3 --regexp ',A2,plan,,Eerst de coördinator,set$'
	# and it reads as before (the journal counts the one renegotiation)
	run -0 chain-agree list -q --state open --as-of 2026-11-20 cp1252/r.csv
	assert_line --index 2 'A2,GEM,OM,Financiën; coördinator,2-11-2026,4-12-2026,,20-11-2026,11-12-2026,Eerst de coördinator,open,2026-12-11,0,0,2026-11-20,1'
}

@test "add and set on UTF-16 registers: UTF-16 still, mark and byte order kept, the other rows byte for byte" {
	register
	for d in le be; do
		encode $d utf8/r.csv
		cp $d/r.csv before.csv
		run -0 --separate-stderr chain-agree add -f $d/r.csv --owner OM \
		    --made 2026-11-20 --due 2026-12-18 --title 'Feest 🎉 in Fryslân'
		assert_output A4
		assert_equal "$stderr" ''
		size=$(stat -c %s before.csv)
		head -c "$size" $d/r.csv | cmp - before.csv
		# an emoji is two UTF-16 units, a surrogate pair
		printf 'A4;OM;;Feest 🎉 in Fryslân;20-11-2026;18-12-2026;;;;\r\n' > want
		encode $d want
		tail -c +$((size + 1)) $d/r.csv | cmp - <(tail -c +3 $d/want)
		cp $d/r.csv before.csv
		run -0 chain-agree set -f $d/r.csv A1 --done 2026-11-19 --as-of 2026-11-20
		# the byte-order mark and line 1 before, lines 3 to 5 after the change
		iconv -f UTF-16 -t UTF-8 $d/r.csv > now
		iconv -f UTF-16 -t UTF-8 before.csv > was
		cmp <(sed 2d was) <(sed 2d now)
		[ "$(sed -n 2p now)" = $'A1;OM;GEM;Overleg met Gemeente Súdwest-Fryslân over café;2-11-2026;1-12-2026;19-11-2026;;;\r' ]
		head -c 2 before.csv | cmp - <(head -c 2 $d/r.csv)
	done
}

@test "a register widened by a column it lacks stays in its encoding" {
	printf 'nr;eigenaar;omschrijving;deadline\r\nA1;GEM;Overleg over café;1-12-2026\r\n' > u.csv
	encode cp1252 u.csv
	# set --done needs "done": every row gets an empty field for it
	run -0 chain-agree set -q -f cp1252/u.csv A1 --done 2026-11-19 --as-of 2026-11-20
	printf 'nr;eigenaar;omschrijving;deadline;done\r\nA1;GEM;Overleg over café;1-12-2026;19-11-2026\r\n' | iconv -f UTF-8 -t WINDOWS-1252 | cmp - cp1252/u.csv
	encode le u.csv
	run -0 chain-agree set -f le/u.csv A1 --done 2026-11-19 --as-of 2026-11-20
	printf 'nr;eigenaar;omschrijving;deadline;done\r\nA1;GEM;Overleg over café;1-12-2026;19-11-2026\r\n' > want
	encode le want
	cmp le/want le/u.csv
}

@test "a character the register's encoding cannot hold is refused, the register untouched" {
	register
	encode cp1252 utf8/r.csv
	cp cp1252/r.csv before.csv
	run -3 --separate-stderr chain-agree add -q -f cp1252/r.csv --owner OM --due 2026-12-18 --title 'Feest 🎉'
	assert_equal "$stderr" "chain-agree: cp1252/r.csv: omschrijving: 'Feest 🎉' cannot be written in Windows-1252, the register's encoding"
	cmp before.csv cp1252/r.csv
	run -3 --separate-stderr chain-agree set -q -f cp1252/r.csv A3 --announce 2026-11-19 --plan 'Łódź eerst' --as-of 2026-11-20
	assert_equal "$stderr" "chain-agree: cp1252/r.csv:4: plan: 'Łódź eerst' cannot be written in Windows-1252, the register's encoding"
	cmp before.csv cp1252/r.csv
	# and no temporary file is left beside it
	run -0 ls -A cp1252
	assert_output r.csv
	# a UTF-8 register stays UTF-8: a title from a Latin-1 terminal is
	# refused, or the next read would take the file for Windows-1252
	cp utf8/r.csv before.csv
	run -3 --separate-stderr chain-agree add -f utf8/r.csv --owner OM --due 2026-12-18 --title $'caf\xe9'
	assert_equal "$stderr" "chain-agree: utf8/r.csv: omschrijving: 'caf�' cannot be written in UTF-8, the register's encoding"
	cmp before.csv utf8/r.csv
}

@test "a new register in the encoding named: UTF-16 with its mark, as Excel writes it" {
	run -0 chain-agree add -f new.csv --encoding utf-16 --owner OM --due 2026-12-18 --made 2026-11-20 --title 'Café'
	# a new register's ids are numbers
	assert_output 1
	[ "$(head -c 2 new.csv | od -An -tx1)" = ' ff fe' ]
	printf 'id,owner,counterpart,title,made,due,done,announced,new_due,plan,reason,cancelled\n1,OM,,Café,2026-11-20,2026-12-18,,,,,,\n' > want
	encode le want
	cmp le/want new.csv
	# read back without --encoding: the mark tells
	run -0 chain-agree add -f new.csv --owner GEM --due 2026-12-19 --made 2026-11-20
	assert_output 2
	run -0 chain-agree list --as-of 2026-11-20 new.csv
	assert_line --index 2 '2,GEM,,,2026-11-20,2026-12-19,,,,,,,open,2026-12-19,0,0,2026-11-20,0'
	run -0 chain-agree add -f w.csv --encoding cp1252 --owner OM --due 2026-12-18 --made 2026-11-20 --title 'Café'
	printf 'id,owner,counterpart,title,made,due,done,announced,new_due,plan,reason,cancelled\n1,OM,,Caf\351,2026-11-20,2026-12-18,,,,,,\n' | cmp - w.csv
}
