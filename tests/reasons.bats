#!/usr/bin/env bats
# chain-agree reasons and set --reason: why promises break, as the Last
# Planner System reads it (SPEC section 2): a Pareto of the deviations'
# reasons, worked out by hand, per partner and period; the standard list
# of chain(5) in English and Dutch; and the rules by which set records a
# reason, once, like a date.

load test_helper/common

# Eight deviations with a reason, as of 2026-11-20, three reasons written in
# several ways (case, blanks, an underscore); one deviation without a
# reason; a kept and an open agreement whose reasons do not count.
#   D1 OM  late (done 10-05 > due 10-01)         information late
#   D2 OM  late                                   Information late
#   D3 POL overdue                                capacity
#   D4 POL renegotiated (announced in time)       Capacity
#   D5 OM  overdue                                "  information   late "
#   D6 GEM late                                   predecessor
#   D7 GEM overdue                                capacity
#   D8 OM  overdue, due in November               information_late
#   N1 ZORG overdue, no reason
#   K1 OM kept (a reason by hand, not counted); P1 OM open
pareto_register() {
	csv r.csv <<'EOF'
id,owner,counterpart,due,done,announced,new_due,reason
D1,OM,POL,2026-10-01,2026-10-05,,,information late
D2,OM,POL,2026-10-02,2026-10-09,,,Information late
D3,POL,OM,2026-10-03,,,,capacity
D4,POL,OM,2026-10-04,2026-10-08,2026-10-01,2026-10-10,Capacity
D5,OM,GEM,2026-10-05,,,,"  information   late "
D6,GEM,ZORG,2026-10-06,2026-10-20,,,predecessor
D7,GEM,POL,2026-10-07,,,,capacity
D8,OM,POL,2026-11-01,,,,information_late
N1,ZORG,GEM,2026-10-08,,,,
K1,OM,POL,2026-10-01,2026-09-30,,,capacity
P1,OM,POL,2026-12-31,,,,
EOF
}

@test "reasons: a Pareto of eight deviations with three reasons" {
	pareto_register
	run -0 --separate-stderr chain-agree reasons --as-of 2026-11-20 r.csv
	# information late 4 of 8 (D1 D2 D5 D8): 0.5; capacity 3 (D3 D4 D7):
	# 0.375, cumulative 0.875; predecessor 1 (D6): 0.125, cumulative 1.
	assert_output - <<'EOF'
partner,period,reason,count,share,cumulative_share
,,information late,4,0.5,0.5
,,capacity,3,0.375,0.875
,,predecessor,1,0.125,1
EOF
	assert_equal "$stderr" "chain-agree: warning: 1 of 9 deviations carries no reason; the shares are of the 8 that do"
	run -0 chain-agree reasons -q --as-of 2026-11-20 r.csv
	[ "$(echo "$output" | wc -l)" -eq 4 ]
}

@test "reasons: per partner, per month of the due date, by counterpart" {
	pareto_register
	# GEM: capacity 1, predecessor 1 (a tie, by name); OM: information
	# late 4; POL: capacity 2
	run -0 chain-agree reasons -q --by owner --as-of 2026-11-20 r.csv
	assert_output - <<'EOF'
partner,period,reason,count,share,cumulative_share
GEM,,capacity,1,0.5,0.5
GEM,,predecessor,1,0.5,1
OM,,information late,4,1,1
POL,,capacity,2,1,1
EOF
	# October: capacity 3 and information late 3 of 7 (3/7 = 0.4286, a tie
	# by name), predecessor 1 (1/7 = 0.1429; 6/7 = 0.8571); November: D8
	run -0 chain-agree reasons -q --per month --as-of 2026-11-20 r.csv
	assert_output - <<'EOF'
partner,period,reason,count,share,cumulative_share
,2026-10,capacity,3,0.4286,0.4286
,2026-10,information late,3,0.4286,0.8571
,2026-10,predecessor,1,0.1429,1
,2026-11,information late,1,1,1
EOF
	# by counterpart: GEM D5; OM D3 D4; POL D1 D2 D7 D8; ZORG D6
	run -0 chain-agree reasons -q --by counterpart --as-of 2026-11-20 r.csv
	assert_output - <<'EOF'
partner,period,reason,count,share,cumulative_share
GEM,,information late,1,1,1
OM,,capacity,2,1,1
POL,,information late,3,0.75,0.75
POL,,capacity,1,0.25,1
ZORG,,predecessor,1,1,1
EOF
}

@test "reasons: judged as of --as-of; not-made and kept agreements left out" {
	pareto_register
	# as of 2026-10-04: D1 late (done 10-05 has not happened: overdue), D2
	# overdue, D3 overdue; D4 not yet (due-soon to its new date); the rest
	# not yet due
	run -0 chain-agree reasons -q --as-of 2026-10-04 r.csv
	assert_output - <<'EOF'
partner,period,reason,count,share,cumulative_share
,,information late,2,0.6667,0.6667
,,capacity,1,0.3333,1
EOF
	# nothing due yet: the header alone, and no warning
	run -0 --separate-stderr chain-agree reasons --as-of 2026-09-01 r.csv
	assert_output 'partner,period,reason,count,share,cumulative_share'
	[ -z "$stderr" ]
	printf 'id,owner,due\nA1,OM,2026-01-01\n' > none.csv
	run -0 --separate-stderr chain-agree reasons --as-of 2026-02-01 none.csv
	assert_output 'partner,period,reason,count,share,cumulative_share'
	assert_equal "$stderr" 'chain-agree: warning: the one deviation carries no reason'
}

@test "reasons: the standard list in Dutch, a Dutch register, --excel" {
	printf 'nr;eigenaar;deadline;gereed;reden\r\nA1;OM;1-10-2026;5-10-2026;Informatie te laat\r\nA2;OM;2-10-2026;;informatie te laat\r\nA3;POL;3-10-2026;;Eigen reden, met komma\r\n' > nl.csv
	run -0 chain-agree reasons --as-of 2026-11-20 nl.csv
	assert_output - <<'EOF'
partner,period,reason,count,share,cumulative_share
,,informatie te laat,2,0.6667,0.6667
,,"Eigen reden, met komma",1,0.3333,1
EOF
	run -0 chain-agree reasons --excel --as-of 2026-11-20 nl.csv
	assert_output $'\xef\xbb\xbfpartner;period;reason;count;share;cumulative_share\r\n;;informatie te laat;2;0,6667;0,6667\r\n;;Eigen reden, met komma;1;0,3333;1\r'
	# options that do not go with it
	run -2 chain-agree reasons --state late nl.csv
	assert_output --partial '--state does not go with reasons'
	run -2 chain-agree reasons --by nobody nl.csv
	run -2 chain-agree reasons --per fortnight nl.csv
}

@test "reasons: standard input, several files, a bad row reported" {
	pareto_register
	run -0 bash -c 'chain-agree reasons -q --as-of 2026-11-20 < r.csv'
	assert_line --index 1 ',,information late,4,0.5,0.5'
	printf 'id,owner,due,reason\nX1,OM,2026-10-01,capacity\nX2,OM,soon,capacity\n' > bad.csv
	run -3 --separate-stderr chain-agree reasons -q --as-of 2026-11-20 r.csv bad.csv
	assert_equal "$stderr" "chain-agree: bad.csv:3: due: 'soon' is not a valid date"
}

# A register to record reasons in, as of 2026-06-30.
set_register() {
	csv s.csv <<'EOF'
id,owner,counterpart,made,due,done,announced,new_due,plan
A1,POL,OM,2026-06-01,2026-06-12,,,,
A2,OM,POL,2026-06-01,2026-06-19,,,,
A3,OM,POL,2026-06-01,2026-06-19,2026-06-18,,,
EOF
}

@test "set --reason: with an announcement or a late done date, in a column added" {
	set_register
	run -0 chain-agree set -f s.csv A2 --announce 2026-06-15 --new-due 2026-06-26 \
	    --reason 'capacity' --as-of 2026-06-30
	run -0 chain-agree set -f s.csv A1 --done 2026-06-20 --reason 'information late' \
	    --as-of 2026-06-30
	assert_equal "$(cat s.csv)" 'id,owner,counterpart,made,due,done,announced,new_due,plan,reason
A1,POL,OM,2026-06-01,2026-06-12,2026-06-20,,,,information late
A2,OM,POL,2026-06-01,2026-06-19,,2026-06-15,2026-06-26,,capacity
A3,OM,POL,2026-06-01,2026-06-19,2026-06-18,,,,'
	run -0 chain-agree reasons --as-of 2026-06-30 s.csv
	assert_output - <<'EOF'
partner,period,reason,count,share,cumulative_share
,,capacity,1,0.5,0.5
,,information late,1,0.5,1
EOF
}

@test "set --reason: recorded once; --again or --correct change it; never for a promise kept" {
	set_register
	run -0 chain-agree set -f s.csv A2 --announce 2026-06-15 --new-due 2026-06-26 \
	    --reason capacity --as-of 2026-06-30
	cp s.csv before.csv
	# a done date with another reason: the reason is recorded already
	run -3 chain-agree set -f s.csv A2 --done 2026-06-25 --reason predecessor --as-of 2026-06-30
	assert_output "chain-agree: s.csv:3: reason: 'capacity' is recorded already; --again records a new one with a new announcement, --correct puts a wrong one right"
	# a promise kept has no reason
	run -3 chain-agree set -f s.csv A1 --done 2026-06-12 --reason capacity --as-of 2026-06-30
	assert_output 'chain-agree: s.csv:2: reason: done 2026-06-12, by the due date 2026-06-12: a promise kept has no reason to record'
	cmp s.csv before.csv
	# the done date with the reason recorded is no change of the reason
	run -0 chain-agree set -f s.csv A2 --done 2026-06-25 --reason capacity --as-of 2026-06-30
	run -0 chain-agree set -f s.csv A2 --reason 'decision pending' --correct \
	    --done 2026-06-25 --as-of 2026-06-30
	assert_equal "$(sed -n 3p s.csv)" 'A2,OM,POL,2026-06-01,2026-06-19,2026-06-25,2026-06-15,2026-06-26,,decision pending'
	# usage: with --cancel, alone, empty
	run -2 chain-agree set -f s.csv A1 --cancel 2026-06-20 --reason capacity
	assert_output --partial '--reason goes with --announce or --done'
	run -2 chain-agree set -f s.csv A1 --reason capacity
	assert_output --partial 'set needs one of --done, --announce, --cancel'
	run -2 chain-agree set -f s.csv A1 --done 2026-06-20 --reason ''
	assert_output --partial '--reason: a reason is text, not empty'
	run -2 chain-agree add -f s.csv --owner OM --due 2026-07-01 --reason capacity
	assert_output --partial '--reason does not go with add'
}

@test "set --again: a second renegotiation keeps the first announcement, in time" {
	set_register
	run -0 chain-agree set -f s.csv A2 --announce 2026-06-15 --new-due 2026-06-26 \
	    --plan 'Extra staff' --reason capacity --as-of 2026-06-30
	# announced again on 24 June, after the first due date of 19 June but
	# before the agreed 26 June: still announced in time
	run -0 chain-agree set -f s.csv A2 --announce 2026-06-24 --new-due 2026-07-03 \
	    --again --reason 'information late' --as-of 2026-06-30
	assert_equal "$(sed -n 3p s.csv)" 'A2,OM,POL,2026-06-01,2026-06-19,,2026-06-15,2026-07-03,Extra staff,information late'
	# done on 2 July, by the new date: renegotiated, no surprise, twice
	run -0 chain-agree set -f s.csv A2 --done 2026-07-02 --as-of 2026-07-02
	run -0 chain-agree status --as-of 2026-07-10 s.csv
	assert_line --index 2 'A2,OM,POL,2026-06-01,2026-06-19,2026-07-02,2026-06-15,2026-07-03,Extra staff,information late,renegotiated,2026-07-03,0,0,2,2026-07-10'
	cp s.csv before.csv
	# an announcement after the date it would move comes too late: A3 is
	# done, A1 was never announced, and after 3 July A2's date is past
	run -3 chain-agree set -f s.csv A1 --announce 2026-06-10 --again --as-of 2026-06-30
	assert_output 'chain-agree: s.csv:2: announced: no announcement is recorded yet; --again is for one after an earlier one'
	chain-agree set -f s.csv A3 --announce 2026-06-10 --new-due 2026-06-20 --as-of 2026-06-30
	run -3 chain-agree set -f s.csv A3 --announce 2026-06-21 --new-due 2026-06-30 --again --as-of 2026-06-30
	assert_output 'chain-agree: s.csv:4: announced: 2026-06-21 is after 2026-06-20, the due date agreed at the last announcement: the agreement is overdue since, and a new date is a new agreement (add)'
	run -3 chain-agree set -f s.csv A3 --announce 2026-06-09 --again --as-of 2026-06-30
	assert_output 'chain-agree: s.csv:4: announced: 2026-06-10 is recorded already; a new announcement comes after it (--correct puts a wrong date right)'
	run -2 chain-agree set -f s.csv A3 --announce 2026-06-12 --again --correct
	assert_output --partial '--again records a new announcement, --correct puts a recorded one right: not both'
	# a first announcement that came late moves nothing: another after it
	# is recorded, and the agreement stays judged against its due date
	printf 'id,owner,due,announced,new_due\nL1,OM,2026-06-10,2026-06-12,2026-06-20\n' > late.csv
	run -0 chain-agree set -f late.csv L1 --announce 2026-06-25 --new-due 2026-07-01 --again --as-of 2026-06-30
	run -0 chain-agree status --as-of 2026-06-30 late.csv
	assert_line --index 1 'L1,OM,2026-06-10,2026-06-12,2026-07-01,overdue,2026-06-10,20,1,2,2026-06-30'
}

