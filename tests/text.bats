#!/usr/bin/env bats
# Text from the inputs made safe to show (lib/utf8.c): a byte that is not
# UTF-8 and a control character (C0 but tab, LF and CR; DEL; C1, raw or
# encoded) become U+FFFD, tab and newline a blank, bidirectional controls
# are removed; in HTML every input text is in its own <bdi>.  Through every
# format of chain-report, its --actions CSV and the messages on standard
# error.

load test_helper/common

# A1's title: a DEL, the encoded C1 CSI U+009B, ESC [2J and BEL; A2's
# owner holds a DEL too ("S\x7fdwest"), its counterpart and title hold
# U+202E RIGHT-TO-LEFT OVERRIDE, as does the KPI's name.  (A byte that is
# not UTF-8 no longer comes from a file: the reader takes a file that is
# not UTF-8 for Windows-1252, tests/encoding.bats; the chain's name and
# a file's name, from the command line, still bring one.)
hostile() {
	{
		echo 'id,owner,counterpart,title,due,done,announced,new_due,cancelled,state,effective_due,days_late,surprise'
		printf 'A1,OM,POL,a\x7fb\xc2\x9bc\033[2Jd\007e,2026-11-10,,2026-11-09,,,overdue,2026-11-10,10,0\n'
		printf 'A2,S\x7fdwest,P\xe2\x80\xaeOL,Weg \xe2\x80\xaeterug,2026-11-10,,2026-11-09,,,overdue,2026-11-10,10,0\n'
	} > status.csv
	printf 'kpi,name,period,value,target,met,change,variation,assurance\nlt,Lead \xe2\x80\xaetime,2026-W47,31,25,0,4,concern,pass\n' > summary.csv
	printf 'partner,name\nOM,Openbaar \xe2\x80\xaeMinisterie\n' > partners.csv
}

# Nothing that could steer a terminal or a line's direction is left.
refute_raw() {
	refute_output --partial $'\033'
	refute_output --partial $'\007'
	refute_output --partial $'\x7f'
	refute_output --partial $'\xc2\x9b'
	refute_output --partial $'\xe2\x80\xae'
	run -1 grep -c $'\x9b\|\xfa' <<<"$output"
}

@test "txt: U+FFFD for control characters and bytes that are not UTF-8, overrides removed" {
	hostile
	run -0 chain-report --as-of 2026-11-20 --format txt status.csv summary.csv
	# a�b�c� and d�e are 12 characters wide, so the columns still line up
	assert_output --partial '
id  agreement     owner    to   due         state    days late
--  ------------  -------  ---  ----------  -------  ---------
A1  a�b�c�[2Jd�e  OM       POL  2026-11-10  overdue         10
A2  Weg terug     S�dwest  POL  2026-11-10  overdue         10
'
	assert_line 'Lead time  2026-W47     31      25       4  concern    pass'
	assert_line "2. [overdue] OM promised 'a�b�c�[2Jd�e' to POL by 2026-11-10; it is 10 days overdue."
	assert_line "   What would help S�dwest complete 'Weg terug', and which new date can S�dwest and POL agree on?"
	refute_raw
}

@test "md: the same cleaning, then Markdown escaping" {
	hostile
	run -0 chain-report --as-of 2026-11-20 --format md status.csv summary.csv
	assert_line '| A1  | a�b�c�\[2Jd�e | OM      | POL | 2026-11-10 | overdue |        10 |'
	assert_line '| A2  | Weg terug     | S�dwest | POL | 2026-11-10 | overdue |        10 |'
	assert_line '| Lead time | 2026-W47 |    31 |     25 |      4 | concern   | pass      |     |'
	assert_line "2. **overdue** OM promised 'a�b�c�\\[2Jd�e' to POL by 2026-11-10; it is 10 days overdue.  "
	refute_raw
}

@test "html: each input text in its own <bdi>, in sentences too; SVG labels without" {
	hostile
	run -0 chain-report --as-of 2026-11-20 --chain $'Keten \xe2\x80\xaeS\xfadwest' \
	    status.csv summary.csv partners.csv
	# <title> holds no elements: cleaned only
	assert_output --partial '<title>Keten S�dwest — week 47 of 2026</title>'
	assert_output --partial '<h1><bdi>Keten S�dwest</bdi></h1>'
	assert_output --partial '<p class="muted">Partners: <b><bdi>OM</bdi></b> <bdi>Openbaar Ministerie</bdi></p>'
	assert_output --partial '<tr><td><bdi>A1</bdi></td><td class="t"><bdi>a�b�c�[2Jd�e</bdi></td><td><bdi>OM</bdi></td><td><bdi>POL</bdi></td>'
	assert_output --partial '<tr><td><bdi>A2</bdi></td><td class="t"><bdi>Weg terug</bdi></td><td><bdi>S�dwest</bdi></td><td><bdi>POL</bdi></td>'
	assert_output --partial '<tr><td class="t"><bdi>Lead time</bdi></td><td class="nw"><bdi>2026-W47</bdi></td>'
	# a value that is not plain ASCII is isolated inside the sentence
	assert_output --partial "<li><span class=\"kind\">overdue</span> OM promised &#39;<bdi>a�b�c�[2Jd�e</bdi>&#39; to POL by 2026-11-10; it is 10 days overdue."
	assert_output --partial "<span class=\"q\">What would help <bdi>S�dwest</bdi> complete &#39;Weg terug&#39;, and which new date can <bdi>S�dwest</bdi> and POL agree on?</span>"
	# <bdi> may not go into SVG <text>
	assert_output --partial '<text x="164" y="56" font-size="8.5" text-anchor="end">S�dwest</text>'
	refute_raw
}

@test "--actions: the Act list cleaned as the report shows it" {
	hostile
	run -0 chain-report --as-of 2026-11-20 --actions a.csv -o r.txt --format txt status.csv summary.csv
	run -0 cat a.csv
	assert_output - <<'EOF'
priority,area,subject,owner,message,question,since
1,concern,Lead time,,"Lead time: a special-cause concern in 2026-W47, 31 against a target of 25.","What changed in the process behind Lead time, and who will look into it with us?",2026-W47
2,overdue,A1 a�b�c�[2Jd�e,OM,OM promised 'a�b�c�[2Jd�e' to POL by 2026-11-10; it is 10 days overdue.,"What would help OM complete 'a�b�c�[2Jd�e', and which new date can OM and POL agree on?",2026-W47
3,overdue,A2 Weg terug,S�dwest,S�dwest promised 'Weg terug' to POL by 2026-11-10; it is 10 days overdue.,"What would help S�dwest complete 'Weg terug', and which new date can S�dwest and POL agree on?",2026-W47
EOF
	refute_raw
}

@test "--actions: a long title is never cut inside a character" {
	# A12, a blank and 150 two-byte characters: 304 bytes, where the
	# subject was cut at 255, inside the 126th é
	title=$(printf 'é%.0s' $(seq 150))
	{
		echo 'id,owner,counterpart,title,due,done,announced,new_due,cancelled,state,effective_due,days_late,surprise'
		echo "A12,OM,POL,$title,2026-11-10,,,,,overdue,2026-11-10,10,0"
	} > status.csv
	run -0 chain-report --as-of 2026-11-20 --actions a.csv -o r.html status.csv
	run -0 cut -d, -f3 a.csv
	assert_output "subject
A12 $title"
	iconv -f UTF-8 -t UTF-8 a.csv r.html > /dev/null
}

@test "messages: a file name, a value and a column name are cleaned; a long value cut between characters" {
	run -4 chain-report $'x\033[31m\xe2\x80\xaey\xfa.csv'
	assert_output 'chain-report: x�[31my�.csv: No such file or directory'
	printf 'id,owner,counterpart,title,made,due\nA1,OM,POL,t,2026-01-01,\033[2J\xc2\x9b\tx\n' > bad.csv
	run -3 bash -c 'chain-agree status bad.csv > /dev/null'
	assert_output "chain-agree: bad.csv:2: due: '�[2J� x' is not a valid date"
	# x and 30 é: cut after x and 21 é, 43 bytes, not inside the 22nd
	printf 'id,owner,counterpart,title,made,due\nA1,OM,POL,t,2026-01-01,x%s\n' "$(printf 'é%.0s' $(seq 30))" > long.csv
	run -3 bash -c 'chain-agree status long.csv > /dev/null'
	assert_output "chain-agree: long.csv:2: due: 'xééééééééééééééééééééé...' is not a valid date"
	run -2 chain-report --week $'W\033]0;x\007' status.csv
	assert_output --partial "chain-report: --week: 'W�]0;x�' is not an ISO week (YYYY-Www)"
}
