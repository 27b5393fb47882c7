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
	# information late is informatie te laat: one reason, written in the
	# language first met (3 of 4, 0.75)
	printf 'nr;eigenaar;deadline;gereed;reden\r\nA1;OM;1-10-2026;5-10-2026;Informatie te laat\r\nA2;OM;2-10-2026;;informatie te laat\r\nA3;POL;3-10-2026;;Eigen reden, met komma\r\nA4;POL;4-10-2026;;information late\r\n' > nl.csv
	run -0 chain-agree reasons --as-of 2026-11-20 nl.csv
	assert_output - <<'EOF'
partner,period,reason,count,share,cumulative_share
,,informatie te laat,3,0.75,0.75
,,"Eigen reden, met komma",1,0.25,1
EOF
	run -0 chain-agree reasons --excel --as-of 2026-11-20 nl.csv
	assert_output $'\xef\xbb\xbfpartner;period;reason;count;share;cumulative_share\r\n;;informatie te laat;3;0,75;0,75\r\n;;Eigen reden, met komma;1;0,25;1\r'
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
	assert_line --index 2 'A2,OM,POL,2026-06-01,2026-06-19,2026-07-02,2026-06-15,2026-07-03,Extra staff,information late,renegotiated,2026-07-03,0,0,2026-07-10,2'
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
	assert_line --index 1 'L1,OM,2026-06-10,2026-06-12,2026-07-01,overdue,2026-06-10,20,1,2026-06-30,2'
}

@test "report: the reasons in Check, and the Act point the top reason shapes" {
	pareto_register
	chain-agree reasons -q --by owner --as-of 2026-11-20 r.csv > reasons.csv
	run -0 chain-report --as-of 2026-11-20 reasons.csv
	assert_output --partial '<footer><p>Sources: chain-agree reasons.</p></footer>'
	# summed over the partners: information late 4 (all OM's), capacity 3
	# (POL 2, GEM 1), predecessor 1 (GEM); 3/8 is 37.5%, 12.5% rounds to
	# the even 12%
	run -0 chain-report --as-of 2026-11-20 --format txt reasons.csv
	assert_output --partial - <<'EOF'
Why promises break
------------------

the reasons given for the deviations (renegotiated, late, overdue), the most frequent first

reason            deviations  share  cumulative  mostly by
----------------  ----------  -----  ----------  ---------
information late           4    50%         50%  OM (4)
capacity                   3    38%         88%  POL (2)
predecessor                1    12%        100%  GEM (1)
EOF
	# the Act point: 60 + 20 x 4/8 = 70, asked of OM about information
	run -0 chain-report --as-of 2026-11-20 --actions actions.csv reasons.csv
	run -0 cat actions.csv
	assert_output - <<'EOF'
priority,area,subject,owner,message,question,since
1,reason,information late,OM,"'information late' is the reason given most for promises not kept: 4 of 8 deviations with a reason (50%), 4 of them by OM.","What would it take for the information needed by OM to arrive in time, and who sends it?",2026-W47
EOF
	run -0 chain-report --as-of 2026-11-20 --format md --lang nl reasons.csv
	assert_output --partial - <<'EOF'
#### Waarom afspraken niet worden nagekomen

de redenen die bij de afwijkingen zijn gegeven (opnieuw afgesproken, te laat, over tijd), de meest gegeven eerst

| reden              | afwijkingen | aandeel | cumulatief | vooral bij |
| ------------------ | ----------: | ------: | ---------: | ---------- |
| informatie te laat |           4 |     50% |        50% | OM (4)     |
| capaciteit         |           3 |     38% |        88% | POL (2)    |
| voorganger         |           1 |     12% |       100% | GEM (1)    |
EOF
	assert_output --partial - <<'EOF'
1. **reden** 'informatie te laat' is de reden die het vaakst is gegeven voor afspraken die niet zijn nagekomen: 4 van de 8 afwijkingen met een reden (50%), waarvan 4 bij OM.  
   *Wat is er nodig om de informatie voor OM op tijd te laten komen, en wie levert die aan?*
EOF
	# html: a Pareto chart within the page, with its legend, and the table
	run -0 chain-report --as-of 2026-11-20 reasons.csv
	assert_output --partial '<svg class="chart pareto" width="560" height="84" viewBox="0 0 560 84" role="img">'
	assert_output --partial '<rect x="170" y="18" width="165.0" height="13" fill="#17607d"/>'
	assert_output --partial '<polyline fill="none" stroke="#e8730c" stroke-width="1.5" points="335.0,24 458.8,44 500.0,64"/>'
	assert_output --partial 'share of the deviations with a reason &#160; <svg width="16" height="10">'
	assert_output --partial '<tr><td class="t"><bdi>information late</bdi></td><td class="n">4</td><td class="n">50%</td><td class="n">50%</td><td><bdi>OM</bdi> (4)</td></tr>'
	run -0 chain-report --as-of 2026-11-20 --lang nl reasons.csv
	assert_output --partial '<h3>Waarom afspraken niet worden nagekomen</h3>'
	assert_output --partial '<td class="t"><bdi>voorganger</bdi></td>'
}

@test "report: a reason of the chain's own, the whole chain, fewer than three, files of several groupings" {
	csv own.csv <<'EOF'
partner,period,reason,count,share,cumulative_share
,,Wachten op de rechtbank,3,0.75,0.75
,,capaciteit,1,0.25,1
EOF
	# the standard reason in the report's language, the chain's own as
	# written, and the question for any other reason about the chain
	run -0 chain-report --as-of 2026-11-20 --format txt own.csv
	assert_output --partial 'Wachten op de rechtbank           3    75%         75%'
	assert_output --partial 'capacity                          1    25%        100%'
	assert_output --partial - <<'EOF'
1. [reason] 'Wachten op de rechtbank' is the reason given most for promises not kept: 3 of 4 deviations with a reason (75%).
   What lies behind 'Wachten op de rechtbank', the reason given most for the promises of the chain not kept, and what would take it away?
EOF
	run -0 chain-report --as-of 2026-11-20 --format txt --lang nl own.csv
	assert_output --partial "   Wat zit er achter 'Wachten op de rechtbank', de reden die het vaakst is gegeven voor de afspraken van de keten die niet zijn nagekomen, en wat neemt die oorzaak weg?"
	# a standard reason in either language is one reason
	printf 'partner,period,reason,count,share,cumulative_share\nOM,,capacity,2,1,1\nPOL,,Capaciteit,1,1,1\n' > both.csv
	run -0 chain-report --as-of 2026-11-20 --format txt both.csv
	assert_output --partial 'capacity           3   100%        100%  OM (2)'
	# two deviations make no Pareto: the table, no Act point
	printf 'partner,period,reason,count,share,cumulative_share\n,,capacity,2,1,1\n' > two.csv
	run -0 chain-report --as-of 2026-11-20 --format txt two.csv
	assert_output --partial 'capacity           2   100%        100%'
	assert_output --partial 'Nothing needs special attention this week.'
	# a chain-wide file beside one by owner and one per month: the totals
	# from the chain-wide rows, the partners from the owners' (not 3 x 8)
	pareto_register
	chain-agree reasons -q --as-of 2026-11-20 r.csv > chain.csv
	chain-agree reasons -q --by owner --as-of 2026-11-20 r.csv > owner.csv
	chain-agree reasons -q --per month --as-of 2026-11-20 r.csv > month.csv
	run -0 chain-report --as-of 2026-11-20 --format txt chain.csv owner.csv month.csv
	assert_output --partial 'information late           4    50%         50%  OM (4)'
	assert_output --partial '4 of 8 deviations with a reason (50%), 4 of them by OM.'
	# every question of the standard list (the predecessor's, say)
	printf 'partner,period,reason,count,share,cumulative_share\nRvdK,,voorganger,3,1,1\n' > pred.csv
	run -0 chain-report --as-of 2026-11-20 --format txt pred.csv
	assert_output --partial '   At which handoff does the work of RvdK stand still, and what would the partner before that handoff need to deliver in time?'
	run -0 chain-report --as-of 2026-11-20 --format txt --lang nl pred.csv
	assert_output --partial '   Bij welke overdracht staat het werk van RvdK stil, en wat heeft de partner vóór die overdracht nodig om op tijd te leveren?'
	run -1 chain-report --as-of 2026-11-20 --fail-on reason --format txt pred.csv
}

@test "report: the journal, as chain-agree log writes it, is an input it knows" {
	set_register
	chain-agree set -f s.csv A2 --announce 2026-06-15 --new-due 2026-06-26 --reason capacity --as-of 2026-06-30
	chain-agree log -f s.csv -o log.csv
	run -0 chain-report --as-of 2026-06-30 log.csv
	assert_output --partial '<footer><p>Sources: chain-agree log.</p></footer>'
}
