#!/usr/bin/env bats
# chain-agree attendance (SPEC section 2): who comes to the chain meeting.
# A meetings file counted per partner, worked out by hand; --per month;
# --notice and --holidays; errors; the report's section in every format and
# both languages, and the Act point for a partner that stays away.

load test_helper/common

# Six chain meetings on Thursdays, POL and OM.  --notice 2: regrets are in
# time when sent on or before the Tuesday of the meeting's week.
#   M1 2026-03-05  OM absent, regrets Mon 03-02 <= Tue 03-03: in time
#   M2 2026-03-19  OM absent, regrets Wed 03-18 >  Tue 03-17: late
#   M3 2026-04-02  OM absent, no regrets: a no-show
#   M4 2026-04-16  OM attended (yes), regrets 04-10 recorded: attended wins
#   M5 2026-05-07  OM attended (ja)
#   M6 2026-05-21  OM attended (1)
# POL attended all six (1, YES, Ja, ...).
# OM: 6 meetings, 3 attended, rate 0.5, 1 in time, 1 late, 1 no-show.
# POL: 6, 6, 1, 0, 0, 0.
meetings() {
	csv m.csv <<'EOF'
meeting,date,partner,attended,regrets
M1,2026-03-05,POL,1,
M1,2026-03-05,OM,0,2026-03-02
M2,2026-03-19,POL,YES,
M2,2026-03-19,OM,no,2026-03-18
M3,2026-04-02,POL,Ja,
M3,2026-04-02,OM,nee,
M4,2026-04-16,POL,1,
M4,2026-04-16,OM,yes,2026-04-10
M5,2026-05-07,POL,1,
M5,2026-05-07,OM,ja,
M6,2026-05-21,POL,1,
M6,2026-05-21,OM,1,
EOF
}

@test "attendance: six meetings, a late regret and a no-show" {
	meetings
	run -0 --separate-stderr chain-agree attendance --as-of 2026-11-20 m.csv
	assert_output - <<'EOF'
partner,period,meetings,attended,rate,regrets_in_time,regrets_late,no_shows
OM,,6,3,0.5,1,1,1
POL,,6,6,1,0,0,0
EOF
	assert_equal "$stderr" ""
}

@test "attendance: --per month, and meetings after --as-of left out" {
	meetings
	# March: M1 (in time), M2 (late); April: M3 (no-show), M4; May: M5, M6
	run -0 chain-agree attendance --per month --as-of 2026-11-20 m.csv
	assert_output - <<'EOF'
partner,period,meetings,attended,rate,regrets_in_time,regrets_late,no_shows
OM,2026-03,2,0,0,1,1,0
OM,2026-04,2,1,0.5,0,0,1
OM,2026-05,2,2,1,0,0,0
POL,2026-03,2,2,1,0,0,0
POL,2026-04,2,2,1,0,0,0
POL,2026-05,2,2,1,0,0,0
EOF
	# as of 30 April, M5 and M6 (four rows) have not happened
	run -0 --separate-stderr chain-agree attendance --as-of 2026-04-30 m.csv
	assert_output - <<'EOF'
partner,period,meetings,attended,rate,regrets_in_time,regrets_late,no_shows
OM,,4,1,0.25,1,1,1
POL,,4,4,1,0,0,0
EOF
	assert_equal "$stderr" "chain-agree: warning: 4 rows after 2026-04-30 left out, up to 2026-05-21"
	run -0 chain-agree attendance --as-of 2026-04-30 -q m.csv
}

@test "attendance: --notice, and --holidays moving the limit" {
	meetings
	# --notice 0: regrets on or before the day itself are in time (M2's)
	run -0 chain-agree attendance --notice 0 --as-of 2026-11-20 m.csv
	assert_line --index 1 'OM,,6,3,0.5,2,0,1'
	# --notice 3: M1's limit is Mon 03-02, still in time
	run -0 chain-agree attendance --notice 3 --as-of 2026-11-20 m.csv
	assert_line --index 1 'OM,,6,3,0.5,1,1,1'
	# --notice 4: limit Fri 02-27, M1's regrets of Monday come late
	run -0 chain-agree attendance --notice 4 --as-of 2026-11-20 m.csv
	assert_line --index 1 'OM,,6,3,0.5,0,2,1'
	# A meeting on Wed 2026-04-08: two working days back skip Easter
	# Monday (a general holiday) to Thu 04-02 with Good Friday a day off,
	# else to Fri 04-03.  Regrets sent on Fri 04-03: in time without the
	# holidays file, late with it.
	csv e.csv <<'EOF'
meeting,date,partner,attended,regrets
E1,2026-04-08,GEM,0,2026-04-03
EOF
	printf 'date,name\n2026-04-03,Good Friday\n' > h.csv
	run -0 chain-agree attendance --as-of 2026-11-20 e.csv
	assert_line --index 1 'GEM,,1,0,0,1,0,0'
	run -0 chain-agree attendance --holidays h.csv --as-of 2026-11-20 e.csv
	assert_line --index 1 'GEM,,1,0,0,0,1,0'
	run -4 chain-agree attendance --holidays nothing.csv e.csv
	assert_output --partial 'nothing.csv'
}

@test "attendance: Dutch column names and a ';' file" {
	printf 'overleg;datum;partner;aanwezig;afmelding\nKO-1;15-1-2026;RECL;nee;\nKO-1;15-1-2026;POL;ja;\n' > nl.csv
	run -0 chain-agree attendance --as-of 2026-11-20 nl.csv
	assert_output - <<'EOF'
partner,period,meetings,attended,rate,regrets_in_time,regrets_late,no_shows
POL,,1,1,1,0,0,0
RECL,,1,0,0,0,0,1
EOF
}

@test "attendance: bad values are errors naming file, line and column" {
	csv bad.csv <<'EOF'
meeting,date,partner,attended,regrets
M1,2026-03-05,POL,maybe,
M1,2026-02-30,OM,1,
M1,,GEM,1,
M1,2026-03-05,,0,
M1,2026-03-05,ZORG,,
M1,2026-03-05,RECL,0,yesterday
EOF
	run -3 chain-agree attendance --as-of 2026-11-20 bad.csv
	assert_line "chain-agree: bad.csv:2: attended: 'maybe' is not 1/0, yes/no or ja/nee"
	assert_line "chain-agree: bad.csv:3: date: '2026-02-30' is not a valid date"
	assert_line "chain-agree: bad.csv:4: date: missing value"
	assert_line "chain-agree: bad.csv:5: partner: missing value"
	assert_line "chain-agree: bad.csv:6: attended: missing value"
	assert_line "chain-agree: bad.csv:7: regrets: 'yesterday' is not a valid date"
	printf 'meeting,date,partner\nM1,2026-03-05,POL\n' > short.csv
	run -3 chain-agree attendance short.csv
	assert_output --partial 'short.csv:1: attended: required column is missing'
}

@test "attendance: --notice is a whole number from 0 to 30, for attendance" {
	meetings
	run -2 chain-agree attendance --notice 31 m.csv
	assert_line --index 0 "chain-agree: --notice: '31' is not a whole number from 0 to 30"
	run -2 chain-agree attendance --notice -1 m.csv
	assert_line --index 0 "chain-agree: --notice: '-1' is not a whole number from 0 to 30"
	run -2 chain-agree attendance --notice two m.csv
	assert_line --index 0 "chain-agree: --notice: 'two' is not a whole number from 0 to 30"
	run -2 chain-agree score --notice 2 m.csv
	assert_line --index 0 'chain-agree: --notice does not go with score (only with attendance)'
	run -2 chain-agree status --holidays m.csv m.csv
	assert_line --index 0 'chain-agree: --holidays does not go with status (only with attendance)'
}

# RECL: 6 meetings, 2 attended (33%), 1 late regret, 3 no-shows: an Act
# point (below half, and more than two no-shows), weight 50 + 10 * 4/6 =
# 56.67.  OM: 6, 3 (50%, not below half), 1 no-show: none.  A score beside
# it: OM 2 surprises, RECL none.
report_inputs() {
	csv att.csv <<'EOF'
partner,period,meetings,attended,rate,regrets_in_time,regrets_late,no_shows
OM,,6,3,0.5,1,1,1
RECL,,6,2,0.3333,0,1,3
EOF
	csv score.csv <<'EOF'
partner,period,total,kept,renegotiated,late,overdue,due_soon,open,cancelled,surprises,reliability,predictability
OM,,4,1,1,1,1,0,0,0,2,0.5,0.5
RECL,,1,1,0,0,0,0,0,0,0,1,1
EOF
}

@test "report: who comes to the table, txt and md, en and nl" {
	report_inputs
	run -0 chain-report --as-of 2026-11-20 --format txt att.csv score.csv
	assert_output --partial - <<'EOF'
Who comes to the table
----------------------

attendance at the chain meetings; an absence without notice counts as a surprise

partner  meetings  attended  attendance  regrets in time  regrets late  absent without notice  surprises
-------  --------  --------  ----------  ---------------  ------------  ---------------------  ---------
OM              6         3         50%                1             1                      1          2
RECL            6         2         33%                0             1                      3          0
EOF
	run -0 chain-report --as-of 2026-11-20 --format md --lang nl att.csv
	assert_output --partial "#### Wie schuift aan"
	assert_output --partial "aanwezigheid bij het ketenoverleg; wie zonder bericht wegblijft, telt als niet vooraf gemeld"
	assert_output --partial "| RECL    |          6 |        2 |          33% |               0 |                1 |                  3 |"
	run -0 chain-report --as-of 2026-11-20 --format txt --lang nl att.csv
	assert_output --partial "partner  overleggen  aanwezig  aanwezigheid  tijdig afgemeld  te laat afgemeld  zonder bericht weg"
	run -0 chain-report --as-of 2026-11-20 --format md att.csv
	assert_output --partial "#### Who comes to the table"
}

@test "report: who comes to the table in html, en and nl" {
	report_inputs
	run -0 chain-report --as-of 2026-11-20 att.csv score.csv
	assert_output --partial '<h3>Who comes to the table</h3><p class="muted">attendance at the chain meetings; an absence without notice counts as a surprise</p>'
	assert_output --partial '<footer><p>Sources: chain-agree score, chain-agree attendance.</p></footer>'
	assert_output --partial '<tr><td><bdi>RECL</bdi></td><td class="n">6</td><td class="n">2</td><td class="n">33%</td><td class="n">0</td><td class="n">1</td><td class="n">3</td><td class="n">0</td></tr>'
	run -0 chain-report --as-of 2026-11-20 --lang nl att.csv
	assert_output --partial '<h3>Wie schuift aan</h3>'
	assert_output --partial '<th class="n">zonder bericht weg</th>'
}

@test "report: an Act point for a partner that stays away" {
	report_inputs
	run -0 chain-report --as-of 2026-11-20 --actions a.csv --format txt att.csv
	assert_output --partial - <<'EOF'
1. [attendance] RECL attended 2 of 6 chain meetings and stayed away 3 times without notice (each counts as a surprise).
   What would help RECL take part in the chain meeting?
EOF
	refute_output --partial '[attendance] OM'
	run -0 cat a.csv
	assert_line --index 1 '1,attendance,RECL,RECL,RECL attended 2 of 6 chain meetings and stayed away 3 times without notice (each counts as a surprise).,What would help RECL take part in the chain meeting?,2026-W47'
	run -0 chain-report --as-of 2026-11-20 --format txt --lang nl att.csv
	assert_output --partial - <<'EOF'
1. [aanwezigheid] RECL was bij 2 van de 6 ketenoverleggen en bleef 3 keer zonder bericht weg (telt elk als niet vooraf gemeld).
   Wat heeft RECL nodig om aan het ketenoverleg deel te nemen?
EOF
	# two no-shows alone are enough, at 67% attended; fewer than three
	# meetings are not
	printf 'partner,period,meetings,attended,rate,regrets_in_time,regrets_late,no_shows\nGEM,,6,4,0.6667,0,0,2\nPOL,,2,0,0,0,0,2\n' > two.csv
	run -0 chain-report --as-of 2026-11-20 --format txt two.csv
	assert_output --partial '[attendance] GEM attended 4 of 6'
	refute_output --partial '[attendance] POL'
}

@test "report: attendance per month added up; a whole row wins" {
	printf 'partner,period,meetings,attended,rate,regrets_in_time,regrets_late,no_shows\nOM,2026-03,2,0,0,1,1,0\nOM,2026-04,2,1,0.5,0,0,1\n' > per.csv
	run -0 chain-report --as-of 2026-11-20 --format txt per.csv
	assert_output --partial 'OM              4         1         25%                1             1                      1'
	printf 'partner,period,meetings,attended,rate,regrets_in_time,regrets_late,no_shows\nOM,,6,3,0.5,1,1,1\n' > whole.csv
	run -0 chain-report --as-of 2026-11-20 --format txt per.csv whole.csv
	assert_output --partial 'OM              6         3         50%                1             1                      1'
}
