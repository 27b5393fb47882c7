#!/usr/bin/env bats
# chain-agree: every state and boundary of SPEC section 2, the score and
# matrix formulas on registers worked out by hand, every bad input, and the
# locked edits (add, set) including concurrent writers.

load test_helper/common

# One agreement per case, judged as of 2026-03-10 with the default window of
# 7 days (the expected state is the id's letter: K kept, R renegotiated,
# L late, O overdue, D due-soon, P open, C cancelled).
states_register() {
	csv states.csv <<'EOF'
id,owner,counterpart,due,done,announced,new_due,cancelled
K1,POL,OM,2026-03-01,2026-03-01,,,
K2,POL,OM,2026-03-01,2026-02-20,,,
R1,OM,POL,2026-03-01,2026-03-05,2026-03-01,2026-03-06,
R2,OM,POL,2026-03-01,2026-03-06,2026-02-25,2026-03-06,
L1,OM,RvdK,2026-03-01,2026-03-04,,,
L2,OM,RvdK,2026-03-01,2026-03-09,2026-03-02,2026-03-08,
L3,RvdK,OM,2026-03-01,2026-03-09,2026-02-27,2026-03-05,
L4,RvdK,OM,2026-03-01,2026-03-03,2026-02-27,,
O1,GEM,OM,2026-03-09,,,,
O2,GEM,POL,2026-03-01,2026-03-11,,,
O3,GEM,POL,2026-03-01,,2026-02-28,2026-03-09,
D1,POL,GEM,2026-03-10,,,,
D2,POL,GEM,2026-03-17,,,,
P1,POL,*,2026-03-18,,,,
P2,OM,,2026-03-01,,2026-03-01,2026-04-30,
C1,RvdK,GEM,2026-03-01,,,,2026-03-10
C2,RvdK,GEM,2026-03-01,,,,2026-03-11
A1,GEM,OM,2026-03-05,,2026-03-11,2026-03-20,
EOF
}

@test "status: every state and boundary as of a date" {
	states_register
	run -0 chain-agree status --as-of 2026-03-10 states.csv
	# K1 done on the due date is kept; R1 announced on the due date is in
	# time; L2 announced a day after the due date is a surprise; L4
	# announced in time without a new due date is late but no surprise;
	# O1 due yesterday is overdue; O2 done after --as-of is not done yet;
	# D1 due today and D2 due at the window's edge are due soon, P1 a day
	# beyond it is open; C1 cancelled today, C2 cancelled tomorrow; A1's
	# announcement lies after --as-of and does not count.
	assert_output - <<'EOF'
id,owner,counterpart,due,done,announced,new_due,cancelled,state,effective_due,days_late,surprise,as_of,renegotiations
K1,POL,OM,2026-03-01,2026-03-01,,,,kept,2026-03-01,0,0,2026-03-10,0
K2,POL,OM,2026-03-01,2026-02-20,,,,kept,2026-03-01,0,0,2026-03-10,0
R1,OM,POL,2026-03-01,2026-03-05,2026-03-01,2026-03-06,,renegotiated,2026-03-06,0,0,2026-03-10,1
R2,OM,POL,2026-03-01,2026-03-06,2026-02-25,2026-03-06,,renegotiated,2026-03-06,0,0,2026-03-10,1
L1,OM,RvdK,2026-03-01,2026-03-04,,,,late,2026-03-01,3,1,2026-03-10,0
L2,OM,RvdK,2026-03-01,2026-03-09,2026-03-02,2026-03-08,,late,2026-03-01,8,1,2026-03-10,1
L3,RvdK,OM,2026-03-01,2026-03-09,2026-02-27,2026-03-05,,late,2026-03-05,4,0,2026-03-10,1
L4,RvdK,OM,2026-03-01,2026-03-03,2026-02-27,,,late,2026-03-01,2,0,2026-03-10,1
O1,GEM,OM,2026-03-09,,,,,overdue,2026-03-09,1,1,2026-03-10,0
O2,GEM,POL,2026-03-01,2026-03-11,,,,overdue,2026-03-01,9,1,2026-03-10,0
O3,GEM,POL,2026-03-01,,2026-02-28,2026-03-09,,overdue,2026-03-09,1,0,2026-03-10,1
D1,POL,GEM,2026-03-10,,,,,due-soon,2026-03-10,0,0,2026-03-10,0
D2,POL,GEM,2026-03-17,,,,,due-soon,2026-03-17,0,0,2026-03-10,0
P1,POL,*,2026-03-18,,,,,open,2026-03-18,0,0,2026-03-10,0
P2,OM,,2026-03-01,,2026-03-01,2026-04-30,,open,2026-04-30,0,0,2026-03-10,1
C1,RvdK,GEM,2026-03-01,,,,2026-03-10,cancelled,2026-03-01,0,0,2026-03-10,0
C2,RvdK,GEM,2026-03-01,,,,2026-03-11,overdue,2026-03-01,9,1,2026-03-10,0
A1,GEM,OM,2026-03-05,,2026-03-11,2026-03-20,,overdue,2026-03-05,5,1,2026-03-10,0
EOF
}

@test "status: --window moves the due-soon edge" {
	states_register
	run -0 chain-agree list --as-of 2026-03-10 --window 0 --state due-soon states.csv
	assert_output - <<'EOF'
id,owner,counterpart,due,done,announced,new_due,cancelled,state,effective_due,days_late,surprise,as_of,renegotiations
D1,POL,GEM,2026-03-10,,,,,due-soon,2026-03-10,0,0,2026-03-10,0
EOF
	run -0 chain-agree list --as-of 2026-03-10 --window 8 --state due-soon,open states.csv
	assert_output - <<'EOF'
id,owner,counterpart,due,done,announced,new_due,cancelled,state,effective_due,days_late,surprise,as_of,renegotiations
D1,POL,GEM,2026-03-10,,,,,due-soon,2026-03-10,0,0,2026-03-10,0
D2,POL,GEM,2026-03-17,,,,,due-soon,2026-03-17,0,0,2026-03-10,0
P1,POL,*,2026-03-18,,,,,due-soon,2026-03-18,0,0,2026-03-10,0
P2,OM,,2026-03-01,,2026-03-01,2026-04-30,,open,2026-04-30,0,0,2026-03-10,1
EOF
}

@test "status: replaying an earlier date" {
	states_register
	run -0 chain-agree list --as-of 2026-02-26 --owner OM states.csv
	# R2's announcement of 2026-02-25 already counts, R1's of 2026-03-01
	# and every done date not yet: OM's agreements are due soon or open
	assert_output - <<'EOF'
id,owner,counterpart,due,done,announced,new_due,cancelled,state,effective_due,days_late,surprise,as_of,renegotiations
R1,OM,POL,2026-03-01,2026-03-05,2026-03-01,2026-03-06,,due-soon,2026-03-01,0,0,2026-02-26,0
R2,OM,POL,2026-03-01,2026-03-06,2026-02-25,2026-03-06,,open,2026-03-06,0,0,2026-02-26,1
L1,OM,RvdK,2026-03-01,2026-03-04,,,,due-soon,2026-03-01,0,0,2026-02-26,0
L2,OM,RvdK,2026-03-01,2026-03-09,2026-03-02,2026-03-08,,due-soon,2026-03-01,0,0,2026-02-26,0
P2,OM,,2026-03-01,,2026-03-01,2026-04-30,,due-soon,2026-03-01,0,0,2026-02-26,0
EOF
}

@test "score: states, reliability and predictability per owner" {
	states_register
	run -0 chain-agree score --as-of 2026-03-10 states.csv
	# OM: reliability (0+2)/(0+2+2+0) = 0.5, predictability (4-2)/4 = 0.5
	# RvdK: 0/3 = 0 and (3-1)/3 = 0.6667; GEM: 0/4 and (4-3)/4 = 0.25
	# POL has no deviation: predictability is empty
	assert_output - <<'EOF'
partner,period,total,kept,renegotiated,late,overdue,due_soon,open,cancelled,surprises,reliability,predictability
GEM,,4,0,0,0,4,0,0,0,3,0,0.25
OM,,5,0,2,2,0,0,1,0,2,0.5,0.5
POL,,5,2,0,0,0,2,1,0,0,1,
RvdK,,4,0,0,2,1,0,0,1,1,0,0.6667
EOF
}

@test "score --by counterpart: '*' and empty are the whole chain" {
	states_register
	run -0 chain-agree score --by counterpart --as-of 2026-03-10 states.csv
	assert_output - <<'EOF'
partner,period,total,kept,renegotiated,late,overdue,due_soon,open,cancelled,surprises,reliability,predictability
*,,2,0,0,0,0,0,2,0,0,,
GEM,,4,0,0,0,1,2,0,1,1,0,0
OM,,6,2,0,2,2,0,0,0,2,0.3333,0.5
POL,,4,0,2,0,2,0,0,0,1,0.5,0.75
RvdK,,2,0,0,2,0,0,0,0,2,0,0
EOF
}

@test "score --per month and week: periods of the due date, across a year boundary" {
	csv r.csv <<'EOF'
id,owner,due,done
X0,POL,2025-12-30,2025-12-29
X1,POL,2026-01-10,2026-01-10
X2,POL,2026-01-20,2026-01-25
X3,POL,2026-02-05,2026-02-01
EOF
	run -0 chain-agree score --per month --as-of 2026-03-01 r.csv
	assert_output - <<'EOF'
partner,period,total,kept,renegotiated,late,overdue,due_soon,open,cancelled,surprises,reliability,predictability
POL,2025-12,1,1,0,0,0,0,0,0,0,1,
POL,2026-01,2,1,0,1,0,0,0,0,1,0.5,0
POL,2026-02,1,1,0,0,0,0,0,0,0,1,
EOF
	run -0 chain-agree score --per week --as-of 2026-03-01 r.csv
	assert_output - <<'EOF'
partner,period,total,kept,renegotiated,late,overdue,due_soon,open,cancelled,surprises,reliability,predictability
POL,2026-W01,1,1,0,0,0,0,0,0,0,1,
POL,2026-W02,1,1,0,0,0,0,0,0,0,1,
POL,2026-W04,1,0,0,1,0,0,0,0,1,0,0
POL,2026-W06,1,1,0,0,0,0,0,0,0,1,
EOF
	run -0 chain-agree score --per quarter --as-of 2026-03-01 r.csv
	assert_line --index 1 'POL,2025-Q4,1,1,0,0,0,0,0,0,0,1,'
	assert_line --index 2 'POL,2026-Q1,3,2,0,1,0,0,0,0,1,0.6667,0'
}

@test "matrix: reciprocity and balance per ordered pair" {
	csv r.csv <<'EOF'
id,owner,counterpart,due,done,cancelled
1,A,B,2026-01-01,2026-01-01,
2,A,B,2026-01-01,2026-01-01,
3,A,B,2026-01-01,2026-01-05,
4,B,A,2026-01-01,2025-12-30,
5,A,C,2026-01-01,2026-01-01,
6,C,A,2026-01-01,,2025-12-01
7,A,*,2026-01-01,,
8,B,,2026-01-01,,
EOF
	# A->B: 3 agreements, 2 of 3 kept (0.6667), 1 back: (3-1)/(3+1) = 0.5;
	# C->A is cancelled and agreements with the whole chain are left out
	run -0 chain-agree matrix --as-of 2026-02-01 r.csv
	assert_output - <<'EOF'
owner,counterpart,agreements,reliability,reverse_agreements,balance
A,B,3,0.6667,1,0.5
A,C,1,1,0,1
B,A,1,1,3,-0.5
C,A,0,,1,-1
EOF
}

@test "list: filters by state, owner and counterpart" {
	states_register
	run -0 chain-agree list --state late --owner RvdK --as-of 2026-03-10 states.csv
	assert_output - <<'EOF'
id,owner,counterpart,due,done,announced,new_due,cancelled,state,effective_due,days_late,surprise,as_of,renegotiations
L3,RvdK,OM,2026-03-01,2026-03-09,2026-02-27,2026-03-05,,late,2026-03-05,4,0,2026-03-10,1
L4,RvdK,OM,2026-03-01,2026-03-03,2026-02-27,,,late,2026-03-01,2,0,2026-03-10,1
EOF
}

@test "list: --counterpart '*' matches the whole chain" {
	states_register
	run -0 chain-agree list --counterpart '*' --as-of 2026-03-10 states.csv
	assert_output - <<'EOF'
id,owner,counterpart,due,done,announced,new_due,cancelled,state,effective_due,days_late,surprise,as_of,renegotiations
P1,POL,*,2026-03-18,,,,,open,2026-03-18,0,0,2026-03-10,0
P2,OM,,2026-03-01,,2026-03-01,2026-04-30,,open,2026-04-30,0,0,2026-03-10,1
EOF
	run -2 chain-agree list --state lost states.csv
	assert_output --partial "unknown state 'lost'"
}

@test "--fail-on: exit 1 for cron alerts, with the output still written" {
	states_register
	run -1 chain-agree status --as-of 2026-03-10 --fail-on overdue states.csv
	assert_line --index 0 --partial 'id,owner'
	run -0 chain-agree list --owner POL --as-of 2026-03-10 --fail-on overdue,surprise states.csv
	run -1 chain-agree list --owner POL --as-of 2026-03-10 --fail-on due-soon states.csv
	run -1 chain-agree score --as-of 2026-03-10 --fail-on surprise states.csv
	run -0 chain-agree list --owner OM --state renegotiated --fail-on surprise --as-of 2026-03-10 states.csv
	run -2 chain-agree status --fail-on lateness states.csv
}

@test "check: a clean register passes silently" {
	states_register
	run -0 --separate-stderr chain-agree check states.csv
	assert_output ''
	[ -z "$stderr" ]
}

@test "check: every problem listed with file, line and column" {
	csv partners.csv <<'EOF'
partner,name
POL,Police
OM,Public prosecutor
EOF
	csv bad.csv <<'EOF'
id,owner,counterpart,made,due,done,announced,new_due
A1,POL,OM,2026-01-10,2026-02-01,2026-01-05,,
A2,OM,XYZ,2026-01-10,31-02-2026,,,
A1,POL,*,2026-01-10,2026-02-01,,,2026-03-01
A4,,OM,2026-01-10,2026-02-01,,2026-01-02,
A5,OM,POL,2026-03-01,2026-02-01,,,
EOF
	run -3 chain-agree check --partners partners.csv bad.csv
	assert_output - <<'EOF'
chain-agree: bad.csv:2: done: done before made
chain-agree: bad.csv:3: counterpart: unknown partner 'XYZ'
chain-agree: bad.csv:3: due: '31-02-2026' is not a valid date
chain-agree: bad.csv:4: id: duplicate id 'A1' (first at line 2)
chain-agree: bad.csv:4: new_due: new_due without announced
chain-agree: bad.csv:5: owner: missing value
chain-agree: bad.csv:6: due: due before made
EOF
}

@test "check: a missing required column" {
	csv r.csv <<'EOF'
ID,Owner,when
1,POL,2026-01-01
EOF
	run -3 chain-agree check r.csv
	assert_output "chain-agree: r.csv:1: due: required column is missing (the header, split at ',', has: ID, Owner, when)"
	# a ';' file read with -d , shows itself
	printf 'id;owner;due\n1;POL;2026-01-01\n' > semi.csv
	run -3 chain-agree check -d , semi.csv
	assert_line --index 0 "chain-agree: semi.csv:1: id: required column is missing (the header, split at ',', has: id;owner;due)"
}

@test "bad input: a bad date names file, line and column; good rows still listed" {
	csv r.csv <<'EOF'
id,owner,due
1,POL,2026-01-01
2,POL,2026-13-01
3,POL,soon
EOF
	run -3 --separate-stderr chain-agree status --as-of 2026-02-01 r.csv
	assert_output - <<'EOF'
id,owner,due,state,effective_due,days_late,surprise,as_of,renegotiations
1,POL,2026-01-01,overdue,2026-01-01,31,1,2026-02-01,0
EOF
	[ "$stderr" = "chain-agree: r.csv:3: due: '2026-13-01' is not a valid date
chain-agree: r.csv:4: due: 'soon' is not a valid date" ]
}

@test "bad input: -o keeps the old file when the input is bad" {
	csv r.csv <<'EOF'
id,owner,due
1,POL,2026-01-0x
EOF
	echo old > out.csv
	run -3 chain-agree status -o out.csv r.csv
	[ "$(cat out.csv)" = old ]
	[ -z "$(ls -A | grep -v '^r.csv$' | grep -v '^out.csv$')" ]
}

@test "bad input: unterminated quote, ragged row, empty input" {
	printf 'id,owner,due\n1,"POL,2026-01-01\n2,OM,2026-01-01\n' > q.csv
	run -3 chain-agree status q.csv
	assert_output --partial 'q.csv:2: a quoted field is never closed (unterminated quote)'

	printf 'id,owner,due\n1,POL\n2,OM,2026-01-01\n' > rag.csv
	run -3 chain-agree status --as-of 2026-01-01 rag.csv
	assert_output --partial 'rag.csv:2: 2 fields where the header has 3'
	run -3 chain-agree status --as-of 2026-01-01 --allow-ragged rag.csv
	assert_output --partial 'rag.csv:2: due: missing value'

	printf 'id,owner,due,note\n2,OM,2026-01-01\n' > short.csv
	run -0 chain-agree status --as-of 2026-01-01 --allow-ragged short.csv
	assert_line --index 1 '2,OM,2026-01-01,,due-soon,2026-01-01,0,0,2026-01-01,0'

	: > empty.csv
	run -3 chain-agree status empty.csv
	assert_output 'chain-agree: empty.csv: empty input: no header row'

	printf 'id,owner,due\n1,"PO"L,2026-01-01\n' > stray.csv
	run -3 chain-agree status stray.csv
	assert_output --partial 'stray.csv:2: owner: malformed CSV at byte 20: a character after a closing quote'
}

@test "files: missing input, unwritable output, full disk" {
	states_register
	run -4 chain-agree status nosuch.csv
	assert_output 'chain-agree: nosuch.csv: No such file or directory'
	# the other files are still read
	run -4 --separate-stderr chain-agree status --as-of 2026-03-10 nosuch.csv states.csv
	assert_line --index 1 --partial 'K1,POL'
	run -4 chain-agree status -o /nonexistent/dir/out.csv states.csv
	assert_output --partial '/nonexistent/dir/out.csv'
	run -4 bash -c 'chain-agree status states.csv > /dev/full'
	assert_output --partial 'write error'
	run -4 bash -c 'chain-agree score states.csv > /dev/full'
}

@test "files: -o to a device, a FIFO or a link writes through; a register must be a file" {
	states_register
	chain-agree status --as-of 2026-03-10 states.csv > want.csv
	# a FIFO (as /dev/null or /dev/stdout) is written to, never replaced
	mkfifo fifo
	timeout 10 cat fifo > got.csv &
	run -0 chain-agree status --as-of 2026-03-10 -o fifo states.csv
	wait
	[ -p fifo ]
	cmp want.csv got.csv
	run -4 chain-agree status --as-of 2026-03-10 -o /dev/full states.csv
	assert_output --partial '/dev/full: write error'
	[ -c /dev/full ]
	# a link to a file: the file gets the output, the link stays a link
	echo old > target.csv
	ln -s target.csv link.csv
	run -0 chain-agree status --as-of 2026-03-10 -o link.csv states.csv
	[ -L link.csv ]
	cmp want.csv target.csv
	# a register that is not a regular file is refused, and left alone
	run -4 chain-agree add -f fifo --owner POL --due 2026-04-01
	assert_output 'chain-agree: fifo: not a regular file'
	[ -p fifo ]
}

@test "input: standard input, '-', CRLF and several files" {
	states_register
	chain-agree status --as-of 2026-03-10 states.csv > want.csv
	run -0 bash -c 'chain-agree status --as-of 2026-03-10 < states.csv'
	assert_output "$(cat want.csv)"
	run -0 bash -c 'cat states.csv | chain-agree status --as-of 2026-03-10 -'
	assert_output "$(cat want.csv)"
	sed 's/$/\r/' states.csv > crlf.csv
	run -0 chain-agree status --as-of 2026-03-10 crlf.csv
	assert_output "$(cat want.csv)"
	head -3 states.csv > one.csv
	{ head -1 states.csv; tail -n +4 states.csv; } > two.csv
	run -0 chain-agree status --as-of 2026-03-10 one.csv two.csv
	assert_output "$(cat want.csv)"
}

@test "input: quoted delimiters, quotes and newlines pass through" {
	printf 'id,owner,due,title\n1,POL,2026-01-01,"files, and ""more""\nsecond line"\n' > q.csv
	run -0 chain-agree status --as-of 2026-01-01 q.csv
	assert_output - <<'EOF'
id,owner,due,title,state,effective_due,days_late,surprise,as_of,renegotiations
1,POL,2026-01-01,"files, and ""more""
second line",due-soon,2026-01-01,0,0,2026-01-01,0
EOF
}

@test "Dutch Excel: ';', BOM, CRLF and dd-mm-yyyy in; --excel out" {
	printf '\xef\xbb\xbfId;Owner;Counterpart;Due;Done;Title\r\nA1;POL;OM;01-03-2026;28-02-2026;=2+3\r\nA2;OM;POL;1-3-2026;;Bel -OM\r\n' > nl.csv
	run -0 chain-agree status --as-of 2026-03-10 nl.csv
	assert_output - <<'EOF'
Id,Owner,Counterpart,Due,Done,Title,state,effective_due,days_late,surprise,as_of,renegotiations
A1,POL,OM,01-03-2026,28-02-2026,=2+3,kept,2026-03-01,0,0,2026-03-10,0
A2,OM,POL,1-3-2026,,Bel -OM,overdue,2026-03-01,9,1,2026-03-10,0
EOF
	chain-agree status --excel --as-of 2026-03-10 nl.csv > x.csv
	printf "\xef\xbb\xbfId;Owner;Counterpart;Due;Done;Title;state;effective_due;days_late;surprise;as_of;renegotiations\r\nA1;POL;OM;01-03-2026;28-02-2026;'=2+3;kept;2026-03-01;0;0;2026-03-10;0\r\nA2;OM;POL;1-3-2026;;Bel -OM;overdue;2026-03-01;9;1;2026-03-10;0\r\n" > want.csv
	cmp x.csv want.csv
	chain-agree score --excel --as-of 2026-03-10 nl.csv > s.csv
	printf '\xef\xbb\xbfpartner;period;total;kept;renegotiated;late;overdue;due_soon;open;cancelled;surprises;reliability;predictability\r\nOM;;1;0;0;0;1;0;0;0;1;0;0\r\nPOL;;1;1;0;0;0;0;0;0;0;1;\r\n' > want.csv
	cmp s.csv want.csv
}

@test "--excel: decimal comma in numbers" {
	csv r.csv <<'EOF'
id,owner,counterpart,due,done
1,A,B,2026-01-01,2026-01-01
2,A,B,2026-01-01,2026-01-01
3,A,B,2026-01-01,
EOF
	chain-agree matrix --excel --as-of 2026-02-01 r.csv > m.csv
	printf '\xef\xbb\xbfowner;counterpart;agreements;reliability;reverse_agreements;balance\r\nA;B;3;0,6667;0;1\r\nB;A;0;;3;-1\r\n' | cmp - m.csv
}

@test "usage: --help, --version, bad options exit 2" {
	run -0 chain-agree --help
	assert_line --index 0 --partial 'usage: chain-agree'
	run -0 chain-agree -V
	assert_output --regexp '^chain-agree [0-9]+\.[0-9]+\.[0-9]+$'
	run -2 chain-agree
	run -2 chain-agree frobnicate
	assert_output --partial "unknown command 'frobnicate'"
	run -2 chain-agree --bogus status
	run -2 chain-agree status --by owner
	assert_output --partial '--by does not go with status'
	run -2 chain-agree score --per fortnight
	run -2 chain-agree status --as-of 2026-02-30
	assert_output --partial "--as-of: '2026-02-30' is not a valid date"
	run -2 chain-agree status --window -1
	run -2 chain-agree status -d ab
}

@test "add: appends one row with a generated id, everything else untouched" {
	printf 'id,owner,counterpart,title,made,due,extra\r\nA008,POL,OM,"keep ""this""",2026-01-02,2026-02-01,x\r\nA009,OM,,two,2026-01-02,2026-02-01,"multi\r\nline"\r\n' > reg.csv
	cp reg.csv before.csv
	run -0 chain-agree add -f reg.csv --owner RvdK --counterpart OM --due 2026-04-01 --title 'advies, snel' --as-of 2026-03-10
	assert_output 'A010'
	printf 'A010,RvdK,OM,"advies, snel",2026-03-10,2026-04-01,\r\n' > row.csv
	cat before.csv row.csv | cmp - reg.csv
	run -0 chain-agree add -f reg.csv --owner POL --due 2026-05-01 --made 2026-03-01 --id X-1
	assert_output 'X-1'
	assert_equal "$(tail -n 1 reg.csv)" $'X-1,POL,,,2026-03-01,2026-05-01,\r'
}

@test "add: a new register, a register without trailing newline, Dutch dates" {
	run -0 chain-agree add -f new.csv --owner POL --due 2026-04-01 --as-of 2026-03-10
	assert_output '1'
	run -0 chain-agree add -f new.csv --owner OM --due 2026-04-02 --as-of 2026-03-10
	assert_output '2'
	assert_equal "$(cat new.csv)" "id,owner,counterpart,title,made,due,done,announced,new_due,plan,reason,cancelled
1,POL,,,2026-03-10,2026-04-01,,,,,,
2,OM,,,2026-03-10,2026-04-02,,,,,,"
	printf 'id;owner;due\nK-7;OM;01-02-2026' > nl.csv
	run -0 chain-agree add -f nl.csv --owner POL --due 2026-05-06
	assert_output 'K-8'
	assert_equal "$(cat nl.csv)" "id;owner;due
K-7;OM;01-02-2026
K-8;POL;06-05-2026"
}

@test "add: a duplicate --id, a bad date or a missing option changes nothing" {
	printf 'id,owner,due\nA1,POL,2026-01-01\n' > reg.csv
	cp reg.csv before.csv
	run -3 chain-agree add -f reg.csv --owner POL --due 2026-02-01 --id A1
	assert_output "chain-agree: reg.csv: id 'A1' is already in the register"
	cmp before.csv reg.csv
	run -2 chain-agree add -f reg.csv --owner POL --due 2026-02-30
	run -2 chain-agree add -f reg.csv --due 2026-02-01
	run -2 chain-agree add --owner POL --due 2026-02-01
	cmp before.csv reg.csv
	printf 'id,owner,due\nA1,"POL,2026-01-01\n' > broken.csv
	cp broken.csv broken.before
	run -3 chain-agree add -f broken.csv --owner POL --due 2026-02-01
	cmp broken.before broken.csv
	[ "$(ls -A | sort | tr '\n' ' ')" = "before.csv broken.before broken.csv reg.csv " ]
}

@test "set: done, announce with new due date and plan, cancel" {
	printf 'id,owner,due,done,announced,new_due,plan,cancelled,note\nA1,POL,2026-03-01,,,,,,"quoted, note"\nA2,OM,2026-03-01,,,,,,\nA3,OM,2026-03-01,,,,,,x\n' > reg.csv
	run -0 chain-agree set -f reg.csv A1 --done 2026-03-01
	run -0 chain-agree set -f reg.csv A2 --announce 2026-02-27 --new-due 2026-03-15 --plan 'extra staff, from HR'
	run -0 chain-agree set -f reg.csv A3 --cancel 2026-02-20
	assert_equal "$(cat reg.csv)" 'id,owner,due,done,announced,new_due,plan,cancelled,note
A1,POL,2026-03-01,2026-03-01,,,,,"quoted, note"
A2,OM,2026-03-01,,2026-02-27,2026-03-15,"extra staff, from HR",,
A3,OM,2026-03-01,,,,,2026-02-20,x'
	run -0 chain-agree status --as-of 2026-03-10 reg.csv
	assert_line --index 1 --partial ',kept,'
	assert_line --index 2 --partial ',due-soon,2026-03-15,0,0'
	assert_line --index 3 --partial ',cancelled,'
}

@test "set: a column the register lacks is added, other rows kept" {
	printf 'id,owner,due\r\nA1,POL,01-03-2026\r\nA2,OM,"01-03-2026"\r\n' > reg.csv
	run -0 chain-agree set -f reg.csv A2 --done 2026-03-02
	printf 'id,owner,due,done\r\nA1,POL,01-03-2026,\r\nA2,OM,01-03-2026,02-03-2026\r\n' > want.csv
	cmp want.csv reg.csv
}

@test "set: an unknown or duplicate id, or a bad command line, changes nothing" {
	printf 'id,owner,due\nA1,POL,2026-01-01\nA2,POL,2026-01-01\nA2,OM,2026-01-01\n' > reg.csv
	cp reg.csv before.csv
	run -3 chain-agree set -f reg.csv NOPE --done 2026-01-01
	assert_output "chain-agree: reg.csv: no agreement with id 'NOPE'"
	cmp before.csv reg.csv
	run -3 chain-agree set -f reg.csv A2 --done 2026-01-01
	assert_output "chain-agree: reg.csv:4: id: id 'A2' also on line 3; not changed"
	cmp before.csv reg.csv
	run -2 chain-agree set -f reg.csv A1
	run -2 chain-agree set -f reg.csv A1 --done 2026-01-01 --cancel 2026-01-01
	run -2 chain-agree set -f reg.csv A1 --done 2026-01-01 --plan x
	run -2 chain-agree set -f reg.csv A1 --done 2026-01-32
	run -4 chain-agree set -f nosuch.csv A1 --done 2026-01-01
	cmp before.csv reg.csv
	[ ! -e nosuch.csv ]
}

@test "add: forty concurrent writers lose nothing" {
	printf 'id,owner,due\nA000,POL,2026-01-01\n' > reg.csv
	for i in $(seq 1 40); do
		chain-agree add -f reg.csv --owner "P$i" --due 2026-02-01 --title "t$i" > "id.$i" &
	done
	wait
	[ "$(wc -l < reg.csv)" -eq 42 ]
	[ "$(cut -d, -f1 reg.csv | sort | uniq -d)" = "" ]
	[ "$(cat id.* | sort | tr '\n' ' ')" = "$(seq -f 'A%03g' 1 40 | tr '\n' ' ')" ]
	for i in $(seq 1 40); do grep -q ",P$i,2026-02-01" reg.csv; done
	run -0 chain-agree check reg.csv
}

@test "set: concurrent setters of different rows all land" {
	{ echo id,owner,due,done; for i in $(seq 1 20); do echo "A$i,POL,2026-01-01,"; done; } > reg.csv
	for i in $(seq 1 20); do chain-agree set -f reg.csv "A$i" --done 2026-01-01 & done
	wait
	[ "$(grep -c ',2026-01-01,2026-01-01$' reg.csv)" -eq 20 ]
}

@test "man page examples run on examples/" {
	run -1 chain-agree list --state overdue --fail-on surprise --as-of 2026-11-20 "$EXAMPLES/agreements.csv"
	assert_output - <<'EOF2'
id,owner,counterpart,title,made,due,done,announced,new_due,plan,reason,cancelled,state,effective_due,days_late,surprise,as_of,renegotiations
A027,GEM,ZORG,Assign case managers to the waiting list,2026-09-07,2026-10-23,,,,,decision pending,,overdue,2026-10-23,28,1,2026-11-20,0
A028,OM,POL,Decide on prosecution of September cases,2026-09-07,2026-10-30,,,,,information late,,overdue,2026-10-30,21,1,2026-11-20,0
A031,GEM,*,Chain dashboard for the council,2026-09-21,2026-11-13,,,,,priorities changed,,overdue,2026-11-13,7,1,2026-11-20,0
A041,GEM,RvdK,Provide school and care data (winter),2026-11-02,2026-11-16,,,,,predecessor,,overdue,2026-11-16,4,1,2026-11-20,0
EOF2
	run -0 chain-agree score --per month --as-of 2026-11-20 "$EXAMPLES/agreements.csv"
	assert_line 'GEM,2026-07,1,1,0,0,0,0,0,0,0,1,'
	assert_line 'GEM,2026-11,2,0,0,0,2,0,0,0,2,0,0'
	run -0 chain-agree matrix --excel -o matrix.csv --as-of 2026-11-20 "$EXAMPLES/agreements.csv"
	[ "$(head -c 3 matrix.csv)" = $'\xef\xbb\xbf' ]
	cp "$EXAMPLES/agreements.csv" agreements.csv
	run -0 chain-agree add -f agreements.csv --owner OM --counterpart POL \
	    --due 2026-12-18 --title 'Decide on November cases' --as-of 2026-11-20
	assert_output A044
	run -0 chain-agree set -f agreements.csv A044 --announce 2026-11-27 \
	    --new-due 2027-01-08 --plan 'Two prosecutors on leave'
	assert_equal "$(tail -1 agreements.csv)" 'A044,OM,POL,Decide on November cases,2026-11-20,2026-12-18,,2026-11-27,2027-01-08,Two prosecutors on leave,,'
	run -0 chain-agree check --partners "$EXAMPLES/partners.csv" "$EXAMPLES/agreements.csv"
	assert_output ''
}

@test "examples: the register shows every state, a partner that announces and one that surprises" {
	run -0 chain-agree status --as-of 2026-11-20 "$EXAMPLES/agreements.csv"
	for s in kept renegotiated late overdue due-soon open cancelled; do
		assert_line --partial ",$s,"
	done
	run -0 chain-agree score --as-of 2026-11-20 "$EXAMPLES/agreements.csv"
	assert_line 'RvdK,,6,0,3,1,0,0,2,0,0,0.75,1'
	assert_line 'OM,,8,1,0,4,1,1,0,1,5,0.1667,0'
}

@test "-q: warnings are not shown, errors are" {
	printf 'id,owner,due,due\n1,POL,2026-01-01,x\n' > dup.csv
	run -0 --separate-stderr chain-agree status --as-of 2026-01-01 dup.csv
	[ "$stderr" = "chain-agree: dup.csv:1: due: warning: column appears more than once; the first is used" ]
	run -0 --separate-stderr chain-agree status -q --as-of 2026-01-01 dup.csv
	[ -z "$stderr" ]
	printf 'id,owner,due\n1,POL,2026-13-01\n' > bad.csv
	run -3 --separate-stderr chain-agree status -q bad.csv
	[ "$stderr" = "chain-agree: bad.csv:2: due: '2026-13-01' is not a valid date" ]
}

@test "input: old Mac line ends (a lone CR), found by fuzzing" {
	printf 'id,owner,due\rA1,POL,2026-01-01\rA2,OM,2026-01-02\n' > cr.csv
	run -0 chain-agree status --as-of 2026-01-01 cr.csv
	assert_output - <<'EOF2'
id,owner,due,state,effective_due,days_late,surprise,as_of,renegotiations
A1,POL,2026-01-01,due-soon,2026-01-01,0,0,2026-01-01,0
A2,OM,2026-01-02,due-soon,2026-01-02,0,0,2026-01-01,0
EOF2
}

@test "set: a register with ';', CRLF and Dutch dates gets the change in its own style" {
	printf 'id;owner;due\r\nA1;POL;01-03-2026\r\nA2;OM;"01-03-2026"\r\n' > reg.csv
	run -0 chain-agree set -f reg.csv A2 --announce 2026-03-02 --new-due 2026-04-01 --plan 'x;y'
	printf 'id;owner;due;announced;new_due;plan\r\nA1;POL;01-03-2026;;;\r\nA2;OM;01-03-2026;02-03-2026;01-04-2026;"x;y"\r\n' > want.csv
	cmp want.csv reg.csv
}

@test "add: a register without a made column gets one only with --made" {
	printf 'id,owner,due\r\nA1,POL,2026-01-01\r\n' > reg.csv
	run -0 chain-agree add -f reg.csv --owner POL --due 2026-05-06 --as-of 2026-03-10
	assert_output 'A2'
	printf 'id,owner,due\r\nA1,POL,2026-01-01\r\nA2,POL,2026-05-06\r\n' | cmp - reg.csv
	run -0 chain-agree add -f reg.csv --owner OM --due 2026-05-07 --made 2026-03-01 --counterpart POL
	assert_output 'A3'
	printf 'id,owner,due,counterpart,made\r\nA1,POL,2026-01-01,,\r\nA2,POL,2026-05-06,,\r\nA3,OM,2026-05-07,POL,2026-03-01\r\n' | cmp - reg.csv
}

@test "status: judged columns the input already has are filled in where they are" {
	csv s.csv <<'EOF'
id,owner,due,state,surprise
1,POL,2026-03-01,old,x
EOF
	run -0 chain-agree status --as-of 2026-03-10 s.csv
	assert_output - <<'EOF'
id,owner,due,state,surprise,effective_due,days_late,as_of,renegotiations
1,POL,2026-03-01,overdue,1,2026-03-01,9,2026-03-10,0
EOF
}

@test "check: an id is unique across the inputs" {
	printf 'id,owner,due\n7,POL,2026-03-01\n' > a.csv
	printf 'id,owner,due\n9,POL,2026-03-01\n7,OM,2026-03-01\n' > b.csv
	run -3 chain-agree check a.csv b.csv
	assert_output "chain-agree: b.csv:3: id: duplicate id '7' (first at line 2)"
}
