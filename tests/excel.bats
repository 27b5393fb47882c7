#!/usr/bin/env bats
# Real files from real coordinators: what Dutch Excel saves (a byte-order
# mark, ';', CRLF, decimal comma, dd-mm-yyyy, Dutch column names) and what
# people type by hand, read as the person sees the cell or refused with
# file, line, column and the value (SPEC section 1).  Every answer below
# is worked out by hand.

load test_helper/common

# dutch FILE: writes standard input to FILE as Dutch Excel saves it: a
# byte-order mark, and CRLF line ends.
dutch() {
	{ printf '\357\273\277'; sed 's/$/\r/'; } >"$1"
}

@test "numbers: the Dutch way with ';', a thousands point between groups of three" {
	dutch m.csv <<'EOF'
kpi;periode;waarde
cost;2026-W01;1.400
cost;2026-W02;1.350,5
cost;2026-W03;1400
EOF
	# 1400, 1350.5, 1400: mean 1383.5; moving ranges 49.5 and 49.5, so the
	# limits are 1383.5 -/+ 2.66 x 49.5 = 131.67
	run -0 chain-kpi check -q m.csv
	assert_output - <<'EOF'
kpi,period,value,target,met,mean,lower,upper,signal,rule
cost,2026-W01,1400,,,1383.5,1251.83,1515.17,,
cost,2026-W02,1350.5,,,1383.5,1251.83,1515.17,,
cost,2026-W03,1400,,,1383.5,1251.83,1515.17,,
EOF
	# the same numbers in a comma file
	printf 'kpi,period,value\ncost,2026-W01,1400\ncost,2026-W02,1350.5\ncost,2026-W03,1400\n' > c.csv
	run -0 chain-kpi check -q c.csv
	assert_line --index 1 'cost,2026-W01,1400,,,1383.5,1251.83,1515.17,,'
	# in a comma file the point is the decimal point
	printf 'kpi,period,value\ncost,2026-W01,1.400\n' > p.csv
	run -0 chain-kpi check -q p.csv
	assert_line --index 1 'cost,2026-W01,1.4,,,1.4,,,,'
}

@test "numbers: anything ambiguous is refused, naming file, line, column and value" {
	dutch m.csv <<'EOF'
kpi;periode;waarde
cost;2026-W01;3.5
cost;2026-W02;1.40
cost;2026-W03;12.34.567
cost;2026-W04;3,5
EOF
	run -3 --separate-stderr chain-kpi check -q m.csv
	assert_equal "$stderr" "chain-kpi: m.csv:2: waarde: '3.5' is not a valid number: in a file separated by ';' a number has a decimal comma (3,5) and '.' only between thousands (1.400)
chain-kpi: m.csv:3: waarde: '1.40' is not a valid number: in a file separated by ';' a number has a decimal comma (3,5) and '.' only between thousands (1.400)
chain-kpi: m.csv:4: waarde: '12.34.567' is not a valid number"
	printf 'kpi,period,value\ncost,2026-W01,"1,400"\n' > c.csv
	run -3 --separate-stderr chain-kpi check -q c.csv
	assert_equal "${stderr_lines[0]}" "chain-kpi: c.csv:2: value: '1,400' is not a valid number"
}

@test "--excel: a signed decimal passed through stays a number, a text is guarded" {
	csv r.csv <<'EOF'
id,owner,due,delta,note
A1,OM,2026-01-01,-3.5,-foo
A2,OM,2026-01-01,+2.25,=1+1
EOF
	expected=$'\xef\xbb\xbfid;owner;due;delta;note;state;effective_due;days_late;surprise;as_of;renegotiations\r
A1;OM;2026-01-01;-3,5;\'-foo;overdue;2026-01-01;4;1;2026-01-05;0\r
A2;OM;2026-01-01;+2,25;\'=1+1;overdue;2026-01-01;4;1;2026-01-05;0\r'
	run -0 chain-agree status --as-of 2026-01-05 --excel r.csv
	assert_output "$expected"
	run -0 chain-agree list --state overdue --as-of 2026-01-05 --excel r.csv
	assert_output "$expected"
	# from a Dutch file the numbers are Dutch already: 1.400 stays 1400
	dutch d.csv <<'EOF'
id;owner;due;delta
A1;OM;1-1-2026;-3,5
A2;OM;1-1-2026;1.400
EOF
	run -0 chain-agree status --as-of 2026-01-05 --excel d.csv
	assert_line --index 1 $'A1;OM;1-1-2026;-3,5;overdue;2026-01-01;4;1;2026-01-05;0\r'
	assert_line --index 2 $'A2;OM;1-1-2026;1.400;overdue;2026-01-01;4;1;2026-01-05;0\r'
	# every writer: numbers it computes are numbers too
	printf 'kpi,period,value\nd,2026-01,-0.5\nd,2026-02,-1.25\n' > m.csv
	run -0 chain-kpi check -q --excel m.csv
	assert_line --index 1 $'d;2026-01;-0,5;;;-0,875;-2,87;1,12;;\r'
}

@test "CSV edges: a literal quote, ';;;' rows, a comma in a ';' header" {
	csv q.csv <<'EOF'
id,owner,due,title
A1,OM,2026-06-01,12" scherm
A2,OM,2026-06-01,"37°36'37.8""N"
EOF
	run -0 chain-agree status --as-of 2026-06-10 q.csv
	assert_output - <<'EOF'
id,owner,due,title,state,effective_due,days_late,surprise,as_of,renegotiations
A1,OM,2026-06-01,"12"" scherm",overdue,2026-06-01,9,1,2026-06-10,0
A2,OM,2026-06-01,"37°36'37.8""N",overdue,2026-06-01,9,1,2026-06-10,0
EOF
	# the rows of nothing but delimiters Excel leaves below a table
	dutch r.csv <<'EOF'
id;owner;due;Opmerking, intern
A1;OM;1-6-2026;x, y
;;;
;;;
EOF
	run -0 chain-agree check r.csv
	assert_output ''
	run -0 chain-agree status --as-of 2026-06-10 r.csv
	assert_output - <<'EOF'
id,owner,due,"Opmerking, intern",state,effective_due,days_late,surprise,as_of,renegotiations
A1,OM,1-6-2026,"x, y",overdue,2026-06-01,9,1,2026-06-10,0
EOF
	# a quoted field with text after its closing quote is still an error
	printf 'id,owner,due\n1,"PO"L,2026-01-01\n' > bad.csv
	run -3 chain-agree status bad.csv
	assert_output --partial 'bad.csv:2: owner: malformed CSV at byte 20: a character after a closing quote'
}

@test "CSV edges: a missing column names the delimiter and the columns found" {
	dutch r.csv <<'EOF'
id;wie;due
A1;OM;1-6-2026
EOF
	run -3 chain-agree status r.csv
	assert_output "chain-agree: r.csv:1: owner: required column is missing (the header, split at ';', has: id, wie, due)"
	printf 'kpi\tperiod\n' > t.csv
	run -3 --separate-stderr chain-kpi check t.csv
	assert_equal "$stderr" "chain-kpi: t.csv:1: value: required column is missing (the header, split at '\\t', has: kpi, period)"
}

@test "set records and never rewrites: --correct, --again, refused changes leave the register" {
	dutch r.csv <<'EOF2'
id;owner;counterpart;made;due;done;announced;new_due;plan
A001;POL;OM;1-6-2026;12-6-2026;11-6-2026;;;
A003;RvdK;GEM;1-6-2026;19-6-2026;;15-6-2026;26-6-2026;Extra investigator
EOF2
	cp r.csv before.csv
	# the in-time announcement of 15 June is not overwritten by a late one
	run -3 chain-agree set -f r.csv A003 --announce 2026-06-22
	assert_output 'chain-agree: r.csv:3: announced: 2026-06-15 is recorded already; --again records a new announcement, --correct puts a wrong date right'
	# nor a recorded done date, nor a date before the agreement was made
	run -3 chain-agree set -f r.csv A001 --done 2026-06-12
	assert_output 'chain-agree: r.csv:2: done: 2026-06-11 is recorded already; --correct puts a wrong date right'
	run -3 chain-agree set -f r.csv A003 --done 20-5-2026
	assert_output 'chain-agree: r.csv:3: done: 2026-05-20 is before made (2026-06-01)'
	run -3 chain-agree set -f r.csv A003 --announce 2026-06-10 --again
	assert_output 'chain-agree: r.csv:3: announced: 2026-06-15 is recorded already; a new announcement comes after it (--correct puts a wrong date right)'
	cmp r.csv before.csv
	# so check never fails the weekly run on what set let through
	run -0 chain-agree check r.csv
	# a second renegotiation (the row keeps the first announcement, which
	# was in time; the journal has both), and a correction, in the
	# register's own style
	run -0 chain-agree set -f r.csv A003 --announce 2026-06-18 --new-due 2026-07-03 --again
	run -0 chain-agree set -f r.csv A001 --done 2026-06-10 --correct
	# CRLF kept on every line
	[ "$(grep -c $'\r$' r.csv)" -eq 3 ]
	run -0 sh -c "tr -d '\r' < r.csv"
	assert_output - <<'EOF2'
﻿id;owner;counterpart;made;due;done;announced;new_due;plan
A001;POL;OM;1-6-2026;12-6-2026;10-06-2026;;;
A003;RvdK;GEM;1-6-2026;19-6-2026;;15-6-2026;03-07-2026;Extra investigator
EOF2
	run -2 chain-agree set -f r.csv A001 --done 2026-06-10 --again
	assert_output --partial '--again go with --announce'
}

@test "not-made: an agreement made after the date did not exist yet" {
	csv r.csv <<'EOF2'
id,owner,counterpart,made,due,done
A1,OM,POL,2026-01-05,2026-01-20,2026-01-19
A2,OM,POL,2026-06-10,2026-06-20,
EOF2
	# replayed as of 1 February, A2 (made in June) is not an agreement yet
	run -0 chain-agree status --as-of 2026-02-01 r.csv
	assert_output - <<'EOF2'
id,owner,counterpart,made,due,done,state,effective_due,days_late,surprise,as_of,renegotiations
A1,OM,POL,2026-01-05,2026-01-20,2026-01-19,kept,2026-01-20,0,0,2026-02-01,0
A2,OM,POL,2026-06-10,2026-06-20,,not-made,2026-06-20,0,0,2026-02-01,0
EOF2
	run -0 chain-agree score --as-of 2026-02-01 r.csv
	assert_line --index 1 'OM,,1,1,0,0,0,0,0,0,0,1,'
	run -0 chain-agree matrix --as-of 2026-02-01 r.csv
	assert_line --index 1 'OM,POL,1,1,0,1'
	run -0 chain-agree list --state not-made --as-of 2026-02-01 r.csv
	assert_line --index 1 --partial 'A2,'
	# the report leaves it out
	chain-agree status --as-of 2026-02-01 r.csv > status.csv
	run -0 chain-report --format txt --as-of 2026-02-01 status.csv
	refute_output --partial 'A2'
}

# long FILE: the wide responses of FILE in the long layout, one answer a row.
long() {
	awk -F, 'NR == 1 { for (i = 5; i <= NF; i++) item[i] = $i;
		print "respondent,partner,about,wave,item,value"; next }
	{ for (i = 5; i <= NF; i++) if ($i != "")
		print $1 "," $2 "," $3 "," $4 "," item[i] "," $i }' "$1"
}

@test "the long survey layout in any order gives the results of the wide one" {
	wide=$EXAMPLES/survey-2026-05.csv
	long "$wide" > by-respondent.csv
	{ head -1 by-respondent.csv; tail -n +2 by-respondent.csv | sort -t, -k5,5 -k1,1; } > by-item.csv
	[ "$(sed -n 2p by-item.csv | cut -d, -f5)" = T01 ]
	[ "$(tail -1 by-item.csv | cut -d, -f5)" = T18 ]
	chain-survey score --instrument trust --by partner,about "$wide" > wide.out
	[ "$(wc -l < wide.out)" -gt 20 ]
	for f in by-respondent.csv by-item.csv; do
		run -0 chain-survey score --instrument trust --by partner,about "$f"
		assert_output "$(cat wide.out)"
	done
	chain-survey alpha --instrument trust "$wide" > alpha.out
	run -0 chain-survey alpha --instrument trust by-item.csv
	assert_output "$(cat alpha.out)"
}

@test "no empty answer to a wrong question: waves and columns the responses lack" {
	waves="$EXAMPLES/survey-2026-05.csv $EXAMPLES/survey-2026-11.csv"
	run -3 --separate-stderr chain-survey compare --instrument trust --from 2026-05 --to 2026-12 --fail-on decline $waves
	assert_equal "$stderr" "chain-survey: --to: the responses hold no wave '2026-12' (they hold 2026-05, 2026-11)"
	run -3 --separate-stderr chain-survey matrix --instrument trust --wave 2026-12 $waves
	assert_equal "$stderr" "chain-survey: --wave: the responses hold no wave '2026-12' (they hold 2026-05, 2026-11)"
	run -3 --separate-stderr chain-survey score --instrument trust --wave 2026-5 $waves
	assert_equal "$stderr" "chain-survey: --wave: the responses hold no wave '2026-5' (they hold 2026-05, 2026-11)"
	run -3 --separate-stderr chain-survey alpha --instrument trust --ignore T99 $waves
	assert_equal "$stderr" "chain-survey: --ignore: the responses have no column or item 'T99'"
	# a wave given as a date is one however it is written
	printf 'respondent,partner,wave,T01,T02\nr1,POL,12-05-2026,4,4\n' > d.csv
	run -0 --separate-stderr chain-survey score --instrument trust --min-n 1 --wave 2026-05-12 d.csv
	assert_line --index 1 --partial '2026-05-12,POL,,agreements,1,4,'
}

# dutch_headers FILE: FILE with every column of its header by its Dutch
# name (chain(5)), as a Dutch coordinator's sheet heads it.
dutch_headers() {
	awk -F, -v OFS=, 'NR == 1 {
		n = split("id nr|owner Eigenaar|counterpart Aan|title Omschrijving|" \
		    "made Afgesproken|due Deadline|done Gereed|announced Gemeld|" \
		    "new_due Nieuwe deadline|reason Reden|cancelled Vervallen|name Naam|" \
		    "unit Eenheid|better Beter|target Norm|baseline Nulmeting|" \
		    "combine Samenvoegen|period Periode|value Waarde|case Zaak|" \
		    "step Stap|time Tijd|about Over|wave Meting|role Rol|" \
		    "signed Ondertekend|note Toelichting", m, "|")
		for (i = 1; i <= n; i++) { split(m[i], kv, " "); d[kv[1]] = substr(m[i], length(kv[1]) + 2) }
		for (i = 1; i <= NF; i++) if ($i in d) $i = d[$i]
	} { print }' "$1"
}

@test "Dutch headers: every example file gives the output of the English one" {
	cp -R "$EXAMPLES" en
	cp -R "$EXAMPLES" nl
	for f in nl/*.csv; do
		dutch_headers "$f" > "$f.new" && mv "$f.new" "$f"
	done
	head -1 nl/agreements.csv | grep -q '^nr,Eigenaar,Aan,Omschrijving,Afgesproken,Deadline,Gereed,Gemeld,Nieuwe deadline,plan,Reden,Vervallen$'
	head -1 nl/measurements.csv | grep -q '^kpi,Periode,partner,Waarde$'
	head -1 nl/events.csv | grep -q '^Zaak,Stap,Tijd,partner$'
	head -1 nl/changes.csv | grep -q '^kpi,Periode,Toelichting$'
	head -1 nl/survey-2026-05.csv | grep -q '^respondent,partner,Over,Meting,T01,'
	CHAIN_OUT=$PWD/out-en sh en/weekly.sh > /dev/null
	CHAIN_OUT=$PWD/out-nl sh nl/weekly.sh > /dev/null
	head -1 nl/signatures.csv | grep -q '^partner,Naam,Rol,Ondertekend$'
	# plan, partners, signatures and changes are copied as they are; the
	# rest must not differ
	diff -r -x plan.csv -x partners.csv -x signatures.csv -x changes.csv out-en out-nl
	[ "$(ls out-nl | wc -l)" -ge 15 ]
}

@test "--column NAME=HEADER in every program" {
	printf 'Nummer,Trekker,Uiterlijk\nA1,OM,2026-06-01\n' > r.csv
	run -0 chain-agree status --as-of 2026-06-10 --column id=Nummer --column owner=Trekker --column due=Uiterlijk r.csv
	assert_output - <<'EOF2'
id,owner,due,state,effective_due,days_late,surprise,as_of,renegotiations
A1,OM,2026-06-01,overdue,2026-06-01,9,1,2026-06-10,0
EOF2
	printf 'kpi,week,bedrag\nc,2026-W01,2\nc,2026-W02,4\n' > m.csv
	run -0 chain-kpi check -q --column period=week --column value=bedrag m.csv
	assert_line --index 2 'c,2026-W02,4,,,3,-2.32,8.32,,'
	printf 'dossier,actie,moment\nz1,in,2026-01-01T10:00\nz1,uit,2026-01-03T22:00\n' > ev.csv
	run -0 chain-kpi leadtime --column case=dossier --column step=actie --column time=moment ev.csv
	assert_line --index 1 'z1,2026-01-01T10:00:00,2026-01-03T22:00:00,2.5,2,0,0,0,0'
	printf 'wie,organisatie,T01,T02\nr1,POL,4,5\n' > s.csv
	run -0 --separate-stderr chain-survey score --instrument trust --min-n 1 --column respondent=wie --column partner=organisatie s.csv
	assert_line --index 1 ',POL,,agreements,1,4.5,,87.5,strength,0'
	chain-agree status --as-of 2026-06-10 --column id=Nummer --column owner=Trekker --column due=Uiterlijk r.csv > st.csv
	run -0 chain-report --format txt --as-of 2026-06-10 st.csv
	assert_output --partial 'A1'
	run -2 chain-kpi check --column period m.csv
	assert_output --partial "--column: 'period' is not NAME=HEADER"
}

@test "no empty answer to a wrong question: steps, periods and partners the input lacks" {
	run -3 --separate-stderr chain-kpi leadtime --from report --to Close "$EXAMPLES/events.csv"
	assert_equal "$stderr" "chain-kpi: --from: no event has step 'report' (the steps are Care plan, Child protection advice, Close, Police file, Probation report, Prosecution decision, Report)"
	run -3 --separate-stderr chain-kpi handoffs --to close "$EXAMPLES/events.csv"
	assert_equal "$stderr" "chain-kpi: --to: no event has step 'close' (the steps are Care plan, Child protection advice, Close, Police file, Probation report, Prosecution decision, Report)"
	run -3 --separate-stderr chain-kpi check --plan "$EXAMPLES/plan.csv" --recalc 2027-W01 --as-of 2026-11-20 "$EXAMPLES/measurements.csv"
	assert_equal "$stderr" "chain-kpi: --recalc: 2027-W01 starts new limits for no KPI: the measurements run from 2025-W48 to 2026-W47"
	run -3 --separate-stderr chain-agree list --owner XX "$EXAMPLES/agreements.csv"
	assert_equal "$stderr" "chain-agree: --owner: no agreement has 'XX' (the register has GEM, OM, POL, RECL, RvdK, ZORG)"
	run -3 --separate-stderr chain-agree list --counterpart pol "$EXAMPLES/agreements.csv"
	assert_equal "$stderr" "chain-agree: --counterpart: no agreement has 'pol' (the register has *, GEM, OM, POL, RECL, RvdK, ZORG)"
	# blanks around a value that names something are ignored
	run -0 chain-agree list --owner ' RECL' --as-of 2026-11-20 "$EXAMPLES/agreements.csv"
	# a typo in a date after --as-of vanishes no more without a word
	dutch m.csv <<'EOF2'
kpi;periode;waarde
c;2026-W01;1
c;2026-W02;2
c;2062-W05;3
EOF2
	run -0 --separate-stderr chain-kpi check --as-of 2026-06-01 m.csv
	assert_equal "$stderr" "chain-kpi: warning: 1 row after 2026-06-01 left out, up to 2062-W05
chain-kpi: warning: kpi c: the limits from 2026-W01 rest on 2 points, fewer than 12: trial limits, which each new point will revise"
}

@test "blanks around codes and keys are ignored" {
	csv r.csv <<'EOF2'
id,owner,due,done
A1,GEM,2026-06-01,2026-06-01
A2, GEM ,2026-06-01,2026-06-05
A3 ,OM,2026-06-01,
EOF2
	run -0 chain-agree score --as-of 2026-06-10 r.csv
	assert_output - <<'EOF2'
partner,period,total,kept,renegotiated,late,overdue,due_soon,open,cancelled,surprises,reliability,predictability
GEM,,2,1,0,1,0,0,0,0,1,0.5,0
OM,,1,0,0,0,1,0,0,0,1,0,0
EOF2
	run -0 chain-agree set -f r.csv A3 --done 2026-06-02
	run -0 sed -n 4p r.csv
	assert_output 'A3,OM,2026-06-01,2026-06-02'
	dutch m.csv <<'EOF2'
kpi;periode;waarde
 cost ; 2026-W01 ;1.400
cost;2026-W02;1.400
EOF2
	run -0 chain-kpi check -q m.csv
	[ "${#lines[@]}" -eq 3 ]
	assert_line --index 1 'cost,2026-W01,1400,,,1400,1400,1400,,'
}

@test "--excel: every writer writes a negative decimal as a number, never as text" {
	waves="$EXAMPLES/survey-2026-05.csv $EXAMPLES/survey-2026-11.csv"
	run -0 chain-survey compare --excel --instrument trust --from 2026-05 --to 2026-11 --dimension '*' $waves
	assert_line $'ZORG;GEM;*;20;3,7436;20;2,3514;-1,3922;0;-2,4259\r'
	run -0 chain-survey matrix --excel --instrument trust --wave 2026-11 $waves
	assert_line $'ZORG;GEM;20;2,3514;33,7847;3,2109;-0,8595\r'
	run -0 chain-agree matrix --excel --as-of 2026-11-20 "$EXAMPLES/agreements.csv"
	assert_output --partial ';-0,'
	refute_output --partial "'-"
	run -0 chain-kpi summary --excel --plan "$EXAMPLES/plan.csv" --as-of 2026-11-20 "$EXAMPLES/measurements.csv"
	assert_output --regexp ';-[0-9]+(,[0-9]+)?;'
	refute_output --partial "'-"
	printf 'case,step,time,partner\nz,a,2026-01-02T10:00,P\nz,b,2026-01-01T10:00,Q\n' > ev.csv
	run -0 chain-kpi handoffs --excel ev.csv
	assert_line $'Q;P;1;1;1;1;0\r'
	chain-agree status --as-of 2026-11-20 "$EXAMPLES/agreements.csv" > st.csv
	run -0 chain-report --excel --actions act.csv --as-of 2026-11-20 st.csv
	run -0 grep -c $'\r$' act.csv
	[ "$output" -gt 1 ]
}

@test "--column names a column of chain(5), or is a usage error" {
	run -2 chain-agree status --column bogus=x "$EXAMPLES/agreements.csv"
	assert_line --index 0 "chain-agree: --column: 'bogus' is no column of any format of chain(5) (give its English name)"
	run -2 chain-kpi check --column eigenaar=wie "$EXAMPLES/measurements.csv"
	run -2 chain-survey items --column =x
}
